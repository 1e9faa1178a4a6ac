import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedApplications, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { multipartFile, sampleFiles } from '../../../test/support/multipart.ts';
import { listMaterials } from '../../domain/catalog/materials.ts';

const sha = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Every file under a folder, recursively (the blob store's files and its temporary folder). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe.each(testDialects())('application materials on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let staff: Session;
  let client: Session;
  let appId: string;
  let blobDir: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { LICENSEDESK_UPLOAD_MAX_MB: '1' });
    org = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Materials'));
    staff = await signIn(t.app, org.emails.staff);
    client = await signIn(t.app, org.emails.client);
    appId = org.applicationIdsByClient![org.clientIds[0]];
    blobDir = path.join(t.ctx.config.dataDir, 'blobs');
  });
  afterAll(() => t?.close());

  const upload = (session: Session, key: string, file: { fileName: string; content: Buffer }, id = appId) =>
    session.request({ method: 'PUT', url: `/api/applications/${id}/materials/${key}`, ...multipartFile(file) });
  const checklist = async (session: Session, id = appId) => (await session.request({ method: 'GET', url: `/api/applications/${id}/materials` })).json() as Array<{ key: string; status: string; reviewReason: string; versions: Array<{ version: number; sha256: string; size: number; fileName: string; review: string }> }>;
  const itemOf = async (session: Session, key: string) => (await checklist(session)).find((m) => m.key === key)!;
  const rowsNow = () => t.ctx.db.selectFrom('materialFiles').select('id').execute();

  it('keeps each upload as a new version with its hash, and downloads every version byte for byte, audited', async () => {
    const first = sampleFiles.pdf(4000);
    const res = await upload(staff, 'business-licence', { fileName: '营业执照 2026.pdf', content: first });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: 'business-licence', status: 'pending', versions: [{ version: 1, sha256: sha(first), size: first.length, fileType: 'pdf', fileName: '营业执照 2026.pdf', uploadedBy: 'Materials staff' }] });
    expect(filesUnder(blobDir).map((f) => path.basename(f))).toContain(sha(first));

    const second = sampleFiles.png();
    expect((await upload(staff, 'business-licence', { fileName: 'scan.png', content: second })).json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const latest = await staff.request({ method: 'GET', url: `/api/applications/${appId}/materials/business-licence/file` });
    expect(latest.statusCode).toBe(200);
    expect(latest.headers['content-type']).toBe('image/png');
    expect(latest.rawPayload.equals(second)).toBe(true);
    const earlier = await staff.request({ method: 'GET', url: `/api/applications/${appId}/materials/business-licence/file?version=1` });
    expect(earlier.rawPayload.equals(first)).toBe(true);
    expect(earlier.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('营业执照 2026.pdf')}`);
    // A HEAD learns the size and type without a byte of the file: not a download, so not audited as one.
    const head = await staff.request({ method: 'HEAD', url: `/api/applications/${appId}/materials/business-licence/file` });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(second.length));
    const downloads = await t.ctx.db.selectFrom('auditLog').select('action').where('entityId', '=', appId).where('action', '=', 'application.material.download').execute();
    expect(downloads).toHaveLength(2);
    // A name with an apostrophe or parentheses arrives whole in filename* (RFC 5987 allows none of them unencoded).
    await upload(staff, 'business-licence', { fileName: "O'Brien (副本).pdf", content: sampleFiles.pdf(1200) });
    const quoted = await staff.request({ method: 'GET', url: `/api/applications/${appId}/materials/business-licence/file` });
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(String(quoted.headers['content-disposition']))![1];
    expect(encoded).not.toMatch(/['()]/);
    expect(decodeURIComponent(encoded)).toBe("O'Brien (副本).pdf");
    expect((await staff.request({ method: 'GET', url: `/api/applications/${appId}/materials/business-licence/file?version=9` })).statusCode).toBe(404);
  });

  it('refuses bad files with a clear 4xx, leaving no row and no file behind', async () => {
    const rowsBefore = (await rowsNow()).length;
    const filesBefore = filesUnder(blobDir).sort();
    const cases: Array<[string, { fileName: string; content: Buffer }, string, number, string]> = [
      ['an empty file', { fileName: 'empty.pdf', content: Buffer.alloc(0) }, 'business-licence', 400, 'FILE_EMPTY'],
      ['a program renamed .pdf', { fileName: 'licence.pdf', content: sampleFiles.exe() }, 'business-licence', 400, 'FILE_TYPE_NOT_ACCEPTED'],
      ['a PNG where only PDF is accepted', { fileName: 'contract.png', content: sampleFiles.png() }, 'key-managers', 400, 'FILE_TYPE_NOT_ACCEPTED'],
      ['a file over the 1 MB limit', { fileName: 'big.pdf', content: sampleFiles.pdf(1024 * 1024 + 10) }, 'business-licence', 413, 'FILE_TOO_LARGE'],
      ['a path in the name', { fileName: '../../etc/passwd.pdf', content: sampleFiles.pdf() }, 'business-licence', 400, 'FILE_NAME_INVALID'],
      ['a control character in the name', { fileName: 'a\u0007b.pdf', content: sampleFiles.pdf() }, 'business-licence', 400, 'FILE_NAME_INVALID'],
      ['a direction override in the name', { fileName: 'evil\u202Efdp.exe', content: sampleFiles.pdf() }, 'business-licence', 400, 'FILE_NAME_INVALID'],
      ['an item not on the checklist', { fileName: 'x.pdf', content: sampleFiles.pdf() }, 'passport', 404, 'ITEM_UNKNOWN'],
    ];
    for (const [what, file, key, status, code] of cases) {
      const res = await upload(staff, key, file);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      const error = res.json().error;
      expect(error.details.map((d: { code: string }) => d.code), what).toContain(code);
      expect(error.message.length, what).toBeGreaterThan(3);
    }
    const json = await staff.request({ method: 'PUT', url: `/api/applications/${appId}/materials/business-licence`, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect((await rowsNow()).length).toBe(rowsBefore);
    expect(filesUnder(blobDir).sort()).toEqual(filesBefore);
  });

  it('an upload cut off mid-stream leaves no row and no file', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as { port: number }).port;
    const rowsBefore = (await rowsNow()).length;
    const filesBefore = filesUnder(blobDir).sort();
    const { payload, headers } = multipartFile({ fileName: 'half.pdf', content: sampleFiles.pdf(600_000) });
    const req = http.request({ host: '127.0.0.1', port, method: 'PUT', path: `/api/applications/${appId}/materials/business-licence`, headers: { ...headers, 'content-length': String(payload.length), cookie: staff.cookieHeader, 'x-csrf-token': staff.csrfToken } });
    req.on('error', () => undefined);
    req.write(payload.subarray(0, 300_000));
    // Half the body is on its way: wait until the server is streaming it into a temporary file, then drop the line.
    const tmp = path.join(blobDir, 'tmp');
    for (let i = 0; i < 500 && filesUnder(tmp).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(filesUnder(tmp)).toHaveLength(1);
    req.destroy();
    // Wait until the server has given up on the request: its temporary file is gone (bounded, not timed).
    for (let i = 0; i < 500 && filesUnder(path.join(blobDir, 'tmp')).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(filesUnder(path.join(blobDir, 'tmp'))).toEqual([]);
    expect((await rowsNow()).length).toBe(rowsBefore);
    expect(filesUnder(blobDir).sort()).toEqual(filesBefore);
  });

  it('a rejection carries its reason to the client user, who uploads again; staff then accept it', async () => {
    await upload(staff, 'company-profile', { fileName: 'profile.pdf', content: sampleFiles.pdf(3000) });
    const noReason = await staff.request({ method: 'POST', url: `/api/applications/${appId}/materials/company-profile/review`, payload: { decision: 'reject' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0]).toMatchObject({ field: 'reason', code: 'REASON_REQUIRED' });
    const rejected = await staff.request({ method: 'POST', url: `/api/applications/${appId}/materials/company-profile/review`, payload: { decision: 'reject', reason: '缺少公章' } });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reviewReason: '缺少公章' });

    expect(await itemOf(client, 'company-profile')).toMatchObject({ status: 'rejected', reviewReason: '缺少公章' });
    expect((await client.request({ method: 'POST', url: `/api/applications/${appId}/materials/company-profile/review`, payload: { decision: 'accept' } })).statusCode).toBe(403);
    const again = await upload(client, 'company-profile', { fileName: 'profile-stamped.pdf', content: sampleFiles.pdf(3100) });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ status: 'pending', versions: [{ review: 'rejected' }, { version: 2, review: 'pending', uploadedBy: 'Materials client' }] });
    const accepted = await staff.request({ method: 'POST', url: `/api/applications/${appId}/materials/company-profile/review`, payload: { decision: 'accept' } });
    expect(accepted.json().status).toBe('accepted');
    const feed = (await client.request({ method: 'GET', url: `/api/applications/${appId}/activity?pageSize=50` })).json();
    expect(feed.items.filter((e: { kind: string }) => e.kind === 'review').map((e: { note: string }) => e.note)).toContain('缺少公章');
  });

  it('lets staff add their own checklist items, which take any accepted file type and count for the guards', async () => {
    const added = await staff.request({ method: 'POST', url: `/api/applications/${appId}/materials`, payload: { title: '房东同意转租证明', hint: '需房东签字' } });
    expect(added.statusCode, added.body).toBe(201);
    const item = added.json();
    expect(item).toMatchObject({ title: { zh: '房东同意转租证明' }, custom: true, required: true, status: 'missing', accepts: ['pdf', 'jpg', 'png', 'docx', 'xlsx'] });
    expect(item.key).toMatch(/^custom-[0-9a-f]{8}$/);
    expect((await upload(client, item.key, { fileName: '同意书.pdf', content: sampleFiles.pdf(1500) })).statusCode).toBe(201);
    const removeUsed = await staff.request({ method: 'DELETE', url: `/api/applications/${appId}/materials/${item.key}` });
    expect(removeUsed.statusCode).toBe(409);
    expect(removeUsed.json().error.details[0].code).toBe('ITEM_HAS_FILES');
    const spare = (await staff.request({ method: 'POST', url: `/api/applications/${appId}/materials`, payload: { title: '备用', required: false } })).json();
    expect((await staff.request({ method: 'DELETE', url: `/api/applications/${appId}/materials/${spare.key}` })).statusCode).toBe(204);
    expect((await checklist(staff)).some((m) => m.key === spare.key)).toBe(false);
    const catalogue = await staff.request({ method: 'DELETE', url: `/api/applications/${appId}/materials/business-licence` });
    expect(catalogue.json().error.details[0].code).toBe('ITEM_NOT_CUSTOM');
    expect((await client.request({ method: 'POST', url: `/api/applications/${appId}/materials`, payload: { title: 'x' } })).statusCode).toBe(403);
  });

  it('bounds the items of one’s own an application takes', async () => {
    const other = org.applicationIdsByClient![org.clientIds[1]];
    const add = (title: string) => staff.request({ method: 'POST', url: `/api/applications/${other}/materials`, payload: { title, required: false } });
    for (let i = 0; i < 50; i++) expect((await add(`附加材料 ${i}`)).statusCode).toBe(201);
    const over = await add('第 51 项');
    expect(over.statusCode).toBe(422);
    expect(over.json().error.details[0]).toMatchObject({ field: 'title', code: 'TOO_MANY_ITEMS' });
    expect((await checklist(staff, other)).filter((m) => m.key.startsWith('custom-'))).toHaveLength(50);
  });

  it('masks the names of personal-data files in the checklist', async () => {
    await upload(staff, 'shareholder-ids', { fileName: '张三身份证 110101199001011234.jpg', content: sampleFiles.jpg() });
    expect((await itemOf(staff, 'shareholder-ids')).versions[0].fileName).toBe('••••.jpg');
  });

  it('opens the drafting step once every required uploaded item is accepted, then freezes materials after submission', async () => {
    const id = org.applicationIdsByClient![org.clientIds[1]];
    await staff.request({ method: 'POST', url: `/api/applications/${id}/transitions`, payload: { to: 'collecting', version: 1, contractSignedOn: '2026-01-05', contractFeeYuan: 20000 } });
    const uploaded = listMaterials('B24-1').filter((m) => m.required && !m.generated);
    for (const [i, m] of uploaded.entries()) {
      const content = m.accepts.includes('jpg') ? sampleFiles.jpg() : sampleFiles.pdf(1000 + i);
      expect((await upload(staff, m.key, { fileName: `${m.key}.${m.accepts.includes('jpg') ? 'jpg' : 'pdf'}`, content }, id)).statusCode).toBe(201);
      if (i > 0) await staff.request({ method: 'POST', url: `/api/applications/${id}/materials/${m.key}/review`, payload: { decision: 'accept' } });
    }
    const waiting = await staff.request({ method: 'POST', url: `/api/applications/${id}/transitions`, payload: { to: 'drafting', version: 2 } });
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().error.message).toContain(uploaded[0].title.zh);
    await staff.request({ method: 'POST', url: `/api/applications/${id}/materials/${uploaded[0].key}/review`, payload: { decision: 'accept' } });
    const drafting = await staff.request({ method: 'POST', url: `/api/applications/${id}/transitions`, payload: { to: 'drafting', version: 2 } });
    expect(drafting.statusCode, drafting.body).toBe(200);
    // Generated documents still wait for step 3.
    const submit = await staff.request({ method: 'POST', url: `/api/applications/${id}/transitions`, payload: { to: 'submitted', version: 3, submittedOn: '2026-01-20' } });
    expect(submit.json().error.details[0].code).toBe('required-items-accepted');
  });
});

describe('materials in the database blob store', () => {
  const dialect = testDialects().at(-1)!;
  let t: TestApp;
  let org: SeededOrg;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect, { LICENSEDESK_BLOB_STORE: 'database' });
    org = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Blobs'));
    staff = await signIn(t.app, org.emails.staff);
  });
  afterAll(() => t?.close());

  it(`keeps identical content once, in the database (${dialect.name}), and serves it back`, async () => {
    const id = org.applicationIdsByClient![org.clientIds[0]];
    const content = sampleFiles.pdf(5000);
    for (const key of ['business-licence', 'company-profile']) {
      expect((await staff.request({ method: 'PUT', url: `/api/applications/${id}/materials/${key}`, ...multipartFile({ fileName: `${key}.pdf`, content }) })).statusCode).toBe(201);
    }
    const blobs = await t.ctx.db.selectFrom('blobs').select(['sha256', 'size']).execute();
    expect(blobs).toEqual([{ sha256: sha(content), size: content.length }]);
    const back = await staff.request({ method: 'GET', url: `/api/applications/${id}/materials/company-profile/file` });
    expect(back.rawPayload.equals(content)).toBe(true);
    expect(filesUnder(path.join(t.ctx.config.dataDir, 'blobs')).filter((f) => !f.includes(`${path.sep}tmp${path.sep}`))).toEqual([]);
  });
});
