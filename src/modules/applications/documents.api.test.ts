import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedApplications, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { multipartFile, sampleFiles } from '../../../test/support/multipart.ts';
import { listMaterials } from '../../domain/catalog/materials.ts';

const sha = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const textOf = async (docx: Buffer) => (await mammoth.extractRawText({ buffer: docx })).value;

/** Every entry of a ZIP, read back with a library (not our own code). */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

describe.each(testDialects())('generated documents and the package on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let staff: Session;
  let client: Session;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Docs'));
    staff = await signIn(t.app, org.emails.staff);
    client = await signIn(t.app, org.emails.client);
    appId = org.applicationIdsByClient![org.clientIds[0]];
    await staff.request({ method: 'PATCH', url: `/api/clients/${org.clientIds[0]}`, payload: { version: 1, name: '北京星辰呼叫服务有限公司', legalRepresentative: '张三', address: '北京市朝阳区建国路 1 号', contactName: '李四', contactPhone: '010-12345678' } });
    await staff.request({ method: 'PATCH', url: `/api/applications/${appId}`, payload: { version: 1, business: { seats: 120, staff: 150, businessTypes: ['呼入客服', '呼出回访'], coverage: '北京市', systemDescription: 'IPCC 呼叫平台\n录音质检系统', trunkLines: '中国电信 30 路数字中继' } } });
    await staff.request({ method: 'POST', url: `/api/applications/${appId}/transitions`, payload: { to: 'collecting', version: 2, contractSignedOn: '2026-01-05', contractFeeYuan: 30000 } });
  });
  afterAll(() => t?.close());

  const generate = (session: Session, key: string, id = appId) => session.request({ method: 'POST', url: `/api/applications/${id}/documents/${key}` });
  const item = async (key: string) => ((await staff.request({ method: 'GET', url: `/api/applications/${appId}/materials` })).json() as Array<{ key: string; status: string; reviewReason: string; versions: Array<{ source: string; fileType: string; sha256: string }> }>).find((m) => m.key === key)!;

  it('writes the application letter in Chinese from the client record, and keeps it as the item’s next version', async () => {
    const res = await generate(staff, 'application-letter');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = await textOf(res.rawPayload);
    for (const part of ['经营增值电信业务书面申请', '北京市通信管理局', '北京星辰呼叫服务有限公司', '91350100M000100Y43', '国内呼叫中心业务（B24-1）', '北京市（省内）', '第二类增值电信业务', '张三', '¥2,000,000元']) expect(text).toContain(part);
    const stored = await item('application-letter');
    expect(stored).toMatchObject({ status: 'pending', versions: [{ source: 'generated', fileType: 'docx', sha256: sha(res.rawPayload) }] });
  });

  it('writes the business description from the structured fields, naming what is still missing', async () => {
    const res = await generate(staff, 'business-description');
    const text = await textOf(res.rawPayload);
    for (const part of ['业务说明', '坐席数量：120个', '从业人员：150人', '呼入客服、呼出回访', 'IPCC 呼叫平台', '录音质检系统', '中国电信 30 路数字中继', '【待补充：经营模式】']) expect(text).toContain(part);
    expect(JSON.parse(decodeURIComponent(String(res.headers['x-document-missing'])))).toEqual(['经营模式']);
  });

  it('writes the commitment letter and an index of every checklist item, and refuses what it cannot draft', async () => {
    expect(await textOf((await generate(staff, 'commitment-letter')).rawPayload)).toContain('北京星辰呼叫服务有限公司（统一社会信用代码：91350100M000100Y43）郑重承诺');
    const index = await textOf((await generate(staff, 'materials-index')).rawPayload);
    for (const m of listMaterials('B24-1')) expect(index).toContain(m.title.zh);
    expect(index).toContain('待审核');
    const unknown = await generate(staff, 'business-licence');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details[0].code).toBe('DOCUMENT_UNKNOWN');
    expect((await generate(client, 'application-letter')).statusCode).toBe(403);
  });

  it('packages the latest version of every item with a manifest whose hashes match, streamed as a ZIP', async () => {
    const scan = sampleFiles.pdf(50_000);
    await staff.request({ method: 'PUT', url: `/api/applications/${appId}/materials/business-licence`, ...multipartFile({ fileName: '营业执照.pdf', content: sampleFiles.pdf(1000) }) });
    await staff.request({ method: 'PUT', url: `/api/applications/${appId}/materials/business-licence`, ...multipartFile({ fileName: '营业执照-清晰版.pdf', content: scan }) });
    const res = await staff.request({ method: 'GET', url: `/api/applications/${appId}/package` });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const entries = await unzip(res.rawPayload);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { application: { client: string }; files: Array<{ path: string; item: string; version: number; sha256: string; size: number }> };
    expect(manifest.application.client).toBe('北京星辰呼叫服务有限公司');
    expect(manifest.files.map((f) => f.item).sort()).toEqual(['application-letter', 'business-description', 'business-licence', 'commitment-letter']);
    for (const file of manifest.files) {
      const bytes = entries.get(file.path)!;
      expect(bytes, file.path).toBeDefined();
      expect(sha(bytes)).toBe(file.sha256);
      expect(bytes.length).toBe(file.size);
    }
    expect(manifest.files.find((f) => f.item === 'business-licence')).toMatchObject({ version: 2, sha256: sha(scan) });
    expect(await textOf(entries.get('00-申请材料目录.docx')!)).toContain('营业执照');
    expect((await client.request({ method: 'GET', url: `/api/applications/${appId}/package` })).statusCode).toBe(403);
  });

  it('a package download cancelled part-way leaves no file open on the server', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as { port: number };
    const openFiles = () => fs.readdirSync('/proc/self/fd').length;
    const before = openFiles();
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => {
        const req = http.get({ host: '127.0.0.1', port, path: `/api/applications/${appId}/package`, headers: { cookie: staff.cookieHeader } }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', () => undefined);
      });
    }
    // Wait until the server has noticed each reader went away (bounded, not timed).
    for (let i = 0; i < 500 && openFiles() > before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(openFiles()).toBeLessThanOrEqual(before);
  });

  it('goes all the way: every required item accepted, drafted, submitted, accepted and issued, with the licence created', async () => {
    const items = listMaterials('B24-1').filter((m) => m.required);
    for (const [i, m] of items.entries()) {
      if (m.generated) await generate(staff, m.key);
      else await staff.request({ method: 'PUT', url: `/api/applications/${appId}/materials/${m.key}`, ...multipartFile({ fileName: `${m.key}.pdf`, content: sampleFiles.pdf(900 + i) }) });
      const reviewed = await staff.request({ method: 'POST', url: `/api/applications/${appId}/materials/${m.key}/review`, payload: { decision: 'accept' } });
      expect(reviewed.json().status, m.key).toBe('accepted');
    }
    const move = async (body: Record<string, unknown>) => {
      const current = (await staff.request({ method: 'GET', url: `/api/applications/${appId}` })).json();
      const res = await staff.request({ method: 'POST', url: `/api/applications/${appId}/transitions`, payload: { version: current.version, ...body } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    await move({ to: 'drafting' });
    await move({ to: 'submitted', submittedOn: '2026-02-02' });
    // The authority's correction notice sends the business licence back: the client uploads again, staff accept it.
    await move({ to: 'correction_requested', requestedOn: '2026-02-04', items: ['business-licence'], note: '营业执照副本不清晰' });
    expect(await item('business-licence')).toMatchObject({ status: 'rejected', reviewReason: '补正：营业执照副本不清晰' });
    const current = (await staff.request({ method: 'GET', url: `/api/applications/${appId}` })).json();
    const early = await staff.request({ method: 'POST', url: `/api/applications/${appId}/transitions`, payload: { to: 'submitted', version: current.version } });
    expect(early.json().error.details[0].code).toBe('corrected-items-accepted');
    const reupload = await client.request({ method: 'PUT', url: `/api/applications/${appId}/materials/business-licence`, ...multipartFile({ fileName: '营业执照-补正.pdf', content: sampleFiles.pdf(7777) }) });
    expect(reupload.statusCode, reupload.body).toBe(201);
    await staff.request({ method: 'POST', url: `/api/applications/${appId}/materials/business-licence/review`, payload: { decision: 'accept' } });
    expect(await move({ to: 'submitted' })).toMatchObject({ state: 'submitted', correctionItems: [] });
    await move({ to: 'accepted', acceptanceNo: '京通管受〔2026〕18号', acceptedOn: '2026-02-06' });
    const issued = await move({ to: 'issued', licenceNumber: '京B2-20260018', issuedOn: '2026-03-20' });
    expect(issued).toMatchObject({ state: 'issued', issuedOn: '2026-03-20', licenceNumber: '京B2-20260018', licenceExpiresOn: '2031-03-20' });
    const licence = await t.ctx.db.selectFrom('licences').selectAll().where('id', '=', issued.licenceId).executeTakeFirstOrThrow();
    expect(licence).toMatchObject({ number: '京B2-20260018', expiresOn: '2031-03-20', clientId: org.clientIds[0] });
    const frozen = await staff.request({ method: 'PUT', url: `/api/applications/${appId}/materials/business-licence`, ...multipartFile({ fileName: 'late.pdf', content: sampleFiles.pdf() }) });
    expect(frozen.statusCode).toBe(409);
  });
});
