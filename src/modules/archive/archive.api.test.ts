import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, sampleFiles } from '../../../test/support/multipart.ts';
import { testDialects, type TestDialect } from '../../../test/support/test-databases.ts';
import { seedApplications, seedOrg, signIn, testPassword, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { fixedClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { operatorActor } from '../access/actor.ts';
import { insertClientsBulk } from '../clients/repository.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { sweepReminders } from '../reminders/sweep.ts';
import { resetPassword } from '../users/service.ts';
import { createArchiveTestApp, idMapBetween, readArchive, remapRows, sha256Of, unzip, zipOf, type ReadArchive } from './test-support/archive-fixtures.ts';
import { exportArchiveToFile, importArchiveFromFile } from './cli.ts';
import { archivePageSize } from './export-archive.ts';
import { archiveTableNames, leftOutTables, rebuiltTables } from './archive-tables.ts';
import { importArchive } from './import-archive.ts';

const clock = fixedClock('2027-01-20T02:00:00.000Z');
const materialContent = sampleFiles.pdf(4000);
const evidenceContent = sampleFiles.pdf(3000);
const sheetContent = Buffer.from('名称,统一社会信用代码\nSource client 1,91350100M000100Y43\n', 'utf8');

/** Every file under a folder, recursively (blob store files and its temporary folder). */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : [];

/** An organisation with a bit of everything: an upload, licence history, a completed and assigned obligation with evidence, settings, the bell. */
async function seedPortfolio(t: TestApp): Promise<{ org: SeededOrg; owner: Session }> {
  const org = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Source'));
  const [owner, admin, staff] = [await signIn(t.app, org.emails.owner), await signIn(t.app, org.emails.admin), await signIn(t.app, org.emails.staff)];
  const ok = async (response: Promise<{ statusCode: number; body: string }>, status = 200) => expect((await response).statusCode, (await response).body).toBe(status);
  const applicationId = org.applicationIdsByClient![org.clientIds[0]];
  await ok(staff.request({ method: 'PUT', url: `/api/applications/${applicationId}/materials/business-licence`, ...multipartFile({ fileName: '营业执照.pdf', content: materialContent }) }), 201);
  // The assignee's id goes into the activity feed's and the audit log's JSON, which a restore rewrites too.
  const application = (await staff.request({ method: 'GET', url: `/api/applications/${applicationId}` })).json() as { version: number };
  await ok(staff.request({ method: 'PATCH', url: `/api/applications/${applicationId}`, payload: { assigneeId: org.userIds.staff, version: application.version } }));
  const licenceId = org.licenceIdsByClient![org.clientIds[0]];
  await ok(staff.request({ method: 'POST', url: `/api/licences/${licenceId}/events`, payload: { kind: 'service-opened', serviceCode: 'B24-1', date: '2024-06-01' } }), 201);
  await ok(staff.request({ method: 'POST', url: `/api/licences/${licenceId}/events`, payload: { kind: 'registration-change', field: 'address', date: '2026-12-01' } }), 201);
  const renewal = await t.ctx.db.selectFrom('obligations').select('id').where('licenceId', '=', licenceId).where('key', '=', 'renewal').executeTakeFirstOrThrow();
  await ok(staff.request({ method: 'PUT', url: `/api/obligations/${renewal.id}/assignee`, payload: { assigneeId: org.userIds.staff } }));
  await ok(staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/complete`, payload: { note: '已提交续期申请，受理号 2027-001' } }));
  await ok(staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/evidence`, ...multipartFile({ fileName: '受理通知书.pdf', content: evidenceContent }) }));
  const rules = (await admin.request({ method: 'GET', url: '/api/settings/rules' })).json() as { version: number };
  await ok(admin.request({ method: 'PUT', url: '/api/settings/rules', payload: { version: rules.version, overrides: { 'processing.in-province.working-days': 45, 'obligations.start-operating.months': 6 } } }));
  await ok(admin.request({ method: 'PUT', url: '/api/settings/reminders', payload: { leadDays: [60, 7], overdueWeekly: false, version: 0 } }));
  await ok(staff.request({ method: 'POST', url: `/api/clients/${org.clientIds[1]}/archive` }));
  await sweepReminders(t.ctx);
  await seedImportJob(t, org);
  return { org, owner };
}

/** A finished spreadsheet import, its file kept in the blob store as the imports module keeps it. */
async function seedImportJob(t: TestApp, org: SeededOrg) {
  await fs.promises.mkdir(t.ctx.blobs.tempDir, { recursive: true });
  const tempPath = path.join(t.ctx.blobs.tempDir, `${randomUUID()}.part`);
  fs.writeFileSync(tempPath, sheetContent);
  await t.ctx.blobs.keep(t.ctx.db, { tempPath, sha256: sha256Of(sheetContent), size: sheetContent.length });
  await t.ctx.db.insertInto('importJobs').values({
    id: randomUUID(), orgId: org.orgId, kind: 'clients', status: 'done', fileName: '客户.csv', fileSha256: sha256Of(sheetContent), fileSize: sheetContent.length, format: 'csv', headers: '["名称","统一社会信用代码"]',
    sample: '[]', mapping: '[]', onDuplicate: 'skip', validOnly: 0, progressDone: 1, progressTotal: 1, report: JSON.stringify({ duplicates: [{ row: 2, clientId: org.clientIds[0] }] }), result: '{"created":0}',
    failure: null, createdBy: org.userIds.staff, version: 1, createdAt: clock.now(), updatedAt: clock.now(),
  }).execute();
}

/** The restored archive holds the source's records, ids aside: same rows, same fields, same order, same file bytes. */
function expectLossless(source: ReadArchive, restored: ReadArchive, roundTrip: string[]) {
  const map = idMapBetween(source, restored);
  for (const [table, rows] of Object.entries(source.records)) {
    let expected = remapRows(rows, map);
    let actual = restored.records[table];
    if (table === 'organisations') [expected, actual] = [expected.map((r) => ({ ...r, name: '' })), actual.map((r) => ({ ...r, name: '' }))];
    // The restored organisation's log goes on: the restore itself, then the export just read.
    if (table === 'audit_log') {
      expect(actual.slice(expected.length).map((r) => r.action)).toEqual(roundTrip);
      actual = actual.slice(0, expected.length);
    }
    expect(actual, table).toEqual(expected);
  }
  expect([...restored.files.keys()].sort()).toEqual([...source.files.keys()].sort());
  for (const [sha256, content] of source.files) expect(restored.files.get(sha256)!.equals(content)).toBe(true);
}

function otherDialect(dialect: TestDialect): TestDialect {
  return testDialects().find((d) => d.name !== dialect.name) ?? dialect;
}

async function expectRefused(work: Promise<unknown>, status: number, code: string) {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  expect(((error as AppError).details as Array<{ code: string }>)[0].code).toBe(code);
}

describe.each(testDialects())('organisation archive from $name', (dialect) => {
  let source: TestApp;
  let target: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let owner: Session;
  let archive: Buffer;
  let archiveFile: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-archive-test-'));

  beforeAll(async () => {
    // The source keeps its files in the database, the target on disk: an archive carries them between the two.
    source = await createArchiveTestApp(dialect, { LICENSEDESK_BLOB_STORE: 'database' }, clock);
    target = await createArchiveTestApp(otherDialect(dialect), {}, clock);
    ({ org, owner } = await seedPortfolio(source));
    other = await seedApplications(source.ctx, await seedOrg(source.ctx, 'Other'));
    const res = await owner.request({ method: 'GET', url: '/api/exports/archive' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`filename="licensedesk-Org_Source-2027-01-20.zip"`);
    archive = res.rawPayload;
    archiveFile = path.join(dir, 'source.zip');
    fs.writeFileSync(archiveFile, archive);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds every record of the organisation, each entry with its SHA-256 in the manifest, and no secret', async () => {
    const read = await readArchive(archive);
    expect(read.manifest).toMatchObject({ formatVersion: 1, sourceDialect: dialect.name, organisation: { id: org.orgId, name: 'Org Source' } });
    expect(read.manifest.entries.map((e) => e.path).sort()).toEqual([...read.entries.keys()].filter((p) => p !== 'manifest.json').sort());
    for (const entry of read.manifest.entries) expect({ path: entry.path, sha256: sha256Of(read.entries.get(entry.path)!), size: read.entries.get(entry.path)!.length }).toEqual(entry);
    for (const [table, rows] of Object.entries(read.records)) expect(read.manifest.counts[table], table).toBe(rows.length);
    expect(read.manifest.counts).toMatchObject({ organisations: 1, clients: 2, users: 4, applications: 2, licences: 2, material_files: 1, licence_events: 2, org_settings: 2, reminder_settings: 1, webhooks: 1, import_jobs: 2, files: 3 });
    // The seeded import job names a file the store never had: the archive says so rather than failing.
    expect(read.manifest.missingFiles).toEqual(['0'.repeat(64)]);
    expect(read.records.notifications.length).toBeGreaterThan(0);
    const renewal = read.records.obligations.find((o) => o.key === 'renewal' && o.completedAt !== null)!;
    expect(renewal).toMatchObject({ assigneeId: org.userIds.staff, completionNote: '已提交续期申请，受理号 2027-001', evidenceSha256: sha256Of(evidenceContent), provisional: false });
    expect(read.files.get(sha256Of(materialContent))!.equals(materialContent)).toBe(true);
    expect(read.files.get(sha256Of(evidenceContent))!.equals(evidenceContent)).toBe(true);
    expect(read.records.users[0]).not.toHaveProperty('passwordHash');
    expect(read.records.clients[0]).not.toHaveProperty('searchGrams');
    // Nothing of another organisation, and no secret, anywhere in it.
    const text = [...read.entries.values()].map((b) => b.toString('latin1')).join('\n');
    for (const foreign of [other.orgId, ...other.clientIds, ...Object.values(other.userIds), 'Other client', 'seeded-secret-123', '$argon2']) expect(text).not.toContain(foreign);
    // The export itself is in the log it carries.
    expect(read.records.audit_log.at(-1)).toMatchObject({ action: 'organisation.archive.export', actorId: org.userIds.owner });
  });

  it('reads an organisation in pages: every row once, in id order, past the page size', async () => {
    const orgId = randomUUID();
    await insertOrganisation(source.ctx.db, { id: orgId, name: 'Bulk', kind: 'agency', isDemo: 0, createdAt: clock.now() });
    const total = archivePageSize * 2 + 7;
    const rows = Array.from({ length: total }, (_, i) => ({
      id: randomUUID(), orgId, name: `批量客户 ${i}`, uscc: `91${String(i).padStart(16, '0')}`, usccOverride: 1, legalRepresentative: '', registeredCapital: i, businessScope: '', province: null, address: '',
      contactName: '', contactPhone: '', contactEmail: '', foreignShareBp: null, notes: '', archivedAt: null, version: 1, createdAt: clock.now(), updatedAt: clock.now(),
    }));
    await insertClientsBulk(source.ctx.db, rows);
    const out = await exportArchiveToFile(source.ctx, { file: path.join(dir, 'bulk.zip'), orgId });
    expect(out.counts.clients).toBe(total);
    const ids = (await readArchive(fs.readFileSync(out.file))).records.clients.map((c) => c.id as string);
    expect(ids).toEqual(rows.map((r) => r.id).sort());
  });

  it('has decided, for every table of the database, whether it is exported, rebuilt or left out', async () => {
    const listed = source.ctx.database.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'client_fts_%'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`;
    const tables = (await listed.execute(source.ctx.db)).rows.map((r) => r.name).filter((name) => !name.startsWith('kysely_'));
    const decided = new Set<string>([...archiveTableNames, ...rebuiltTables, ...leftOutTables]);
    expect(tables.filter((name) => !decided.has(name))).toEqual([]);
  });

  it('is for owners and admins only', async () => {
    for (const role of ['staff', 'client'] as const) {
      const res = await (await signIn(source.app, org.emails[role])).request({ method: 'GET', url: '/api/exports/archive' });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await source.app.inject({ method: 'GET', url: '/api/exports/archive' })).statusCode).toBe(401);
    // HEAD names the file without reading (or auditing) anything.
    const audited = async () => (await source.ctx.db.selectFrom('auditLog').select('id').where('orgId', '=', org.orgId).execute()).length;
    const before = await audited();
    const head = await owner.request({ method: 'HEAD', url: '/api/exports/archive' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-disposition']).toContain('licensedesk-Org_Source-2027-01-20.zip');
    expect(await audited()).toBe(before);
  });

  it('restores as a new organisation in the same database, losslessly, with search, counts and files working', async () => {
    const summary = await importArchiveFromFile(source.ctx, { file: archiveFile, orgName: '恢复的机构' });
    expect(summary).toMatchObject({ orgName: '恢复的机构', owners: [org.emails.owner], counts: { clients: 2, import_jobs: 2, files: 3 }, obligationsRefreshed: 0, missingFiles: 1 });
    expect(summary.orgId).not.toBe(org.orgId);
    const again = await exportArchiveToFile(source.ctx, { file: path.join(dir, 'restored.zip'), orgId: summary.orgId });
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
    const restored = await readArchive(fs.readFileSync(again.file));
    expect(restored.manifest.organisation.name).toBe('恢复的机构');
    expectLossless(await readArchive(archive), restored, ['organisation.archive.import', 'organisation.archive.export']);

    // No password came along: the source's opens the source's account, not the restored one.
    const same = await signIn(source.app, org.emails.owner, testPassword);
    expect((await same.request({ method: 'GET', url: '/api/me' })).json().organisation.id).toBe(org.orgId);
    const restoredOwner = await source.ctx.db.selectFrom('users').select(['id', 'isOperator', 'lastLoginAt']).where('orgId', '=', summary.orgId).where('email', '=', org.emails.owner).executeTakeFirstOrThrow();
    expect(restoredOwner).toMatchObject({ isOperator: 0, lastLoginAt: null });
    const { password } = await resetPassword(source.ctx, operatorActor(summary.orgId), restoredOwner.id);
    const back = await signIn(source.app, org.emails.owner, password);
    const get = async (s: Session, url: string) => (await s.request({ method: 'GET', url })).json();
    expect((await get(back, '/api/clients?q=client')).items.map((c: { name: string }) => c.name)).toEqual(['Source client 1']);
    expect((await get(back, '/api/clients?status=archived')).total).toBe(1);
    const pick = (d: Record<string, unknown>) => ({ clients: d.clients, obligations: d.obligations, months: d.months, applications: d.applications });
    expect(pick(await get(back, '/api/dashboard'))).toEqual(pick(await get(owner, '/api/dashboard')));
    const applicationId = restored.records.material_files[0].applicationId as string;
    const file = await back.request({ method: 'GET', url: `/api/applications/${applicationId}/materials/business-licence/file` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(materialContent)).toBe(true);
    expect((await back.request({ method: 'GET', url: '/api/me' })).json().organisation).toMatchObject({ id: summary.orgId, name: '恢复的机构' });
  });

  it('restores into a database of the other dialect, losslessly, and a failed restore there leaves no file behind', async () => {
    const blobDir = path.join(target.ctx.config.dataDir, 'blobs');
    const entries = await unzip(archive);
    // Consistent hashes, but a notification for a user the archive does not hold: refused inside the transaction.
    const notifications = entries.get('records/notifications.jsonl')!.toString('utf8').replace(/"userId":"[0-9a-f-]{36}"/, '"userId":"00000000-0000-4000-8000-000000000000"');
    const broken = path.join(dir, 'broken.zip');
    fs.writeFileSync(broken, await zipOf(withRecord(entries, 'records/notifications.jsonl', notifications)));
    await expectRefused(importArchive(target.ctx, { input: broken, orgName: 'Broken' }), 422, 'ARCHIVE_INVALID');
    expect(filesUnder(blobDir)).toEqual([]);
    expect(await target.ctx.db.selectFrom('organisations').select('id').execute()).toEqual([]);

    const summary = await importArchive(target.ctx, { input: archiveFile, orgName: 'Migrated' });
    const out = path.join(dir, 'migrated.zip');
    await exportArchiveToFile(target.ctx, { file: out, orgId: summary.orgId });
    const migrated = await readArchive(fs.readFileSync(out));
    expect(migrated.manifest.sourceDialect).toBe(target.ctx.database.dialect);
    expectLossless(await readArchive(archive), migrated, ['organisation.archive.import', 'organisation.archive.export']);
    expect(filesUnder(blobDir).map((f) => path.basename(f)).sort()).toEqual([materialContent, evidenceContent, sheetContent].map(sha256Of).sort());
  });

  it('refuses a tampered archive, another format version, a zip bomb and a file that is not a ZIP, writing nothing', async () => {
    const before = await source.ctx.db.selectFrom('organisations').select('id').execute();
    const blobsBefore = await source.ctx.db.selectFrom('blobs').select('sha256').execute();
    const entries = await unzip(archive);
    const clients = entries.get('records/clients.jsonl')!;
    const tampered = Buffer.from(clients);
    tampered[clients.indexOf('client 1') + 'client '.length] = '7'.charCodeAt(0);
    const write = async (name: string, content: Buffer) => (fs.writeFileSync(path.join(dir, name), content), path.join(dir, name));
    await expectRefused(importArchive(source.ctx, { input: await write('tampered.zip', await zipOf(new Map([...entries, ['records/clients.jsonl', tampered]]))), orgName: 'T' }), 422, 'ARCHIVE_HASH_MISMATCH');
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { formatVersion: number };
    const future = Buffer.from(JSON.stringify({ ...manifest, formatVersion: 2 }));
    await expectRefused(importArchive(source.ctx, { input: await write('future.zip', await zipOf(new Map([...entries, ['manifest.json', future]]))), orgName: 'F' }), 422, 'ARCHIVE_VERSION_UNSUPPORTED');
    await expectRefused(importArchive(source.ctx, { input: archiveFile, orgName: 'B', limits: { maxUncompressedBytes: 1000 } }), 413, 'ARCHIVE_TOO_LARGE');
    await expectRefused(importArchive(source.ctx, { input: archiveFile, orgName: 'B', limits: { maxEntries: 3 } }), 413, 'ARCHIVE_TOO_LARGE');
    await expectRefused(importArchive(source.ctx, { input: await write('notes.zip', Buffer.from('these are not the records you are looking for')), orgName: 'N' }), 422, 'ARCHIVE_UNREADABLE');
    // One byte of an uploaded file changed in the ZIP itself (stored as it is, so the ZIP still reads).
    const flipped = Buffer.from(archive);
    flipped[archive.indexOf(materialContent) + 100] ^= 0xff;
    await expectRefused(importArchive(source.ctx, { input: await write('flipped.zip', flipped), orgName: 'X' }), 422, 'ARCHIVE_HASH_MISMATCH');
    expect(await source.ctx.db.selectFrom('organisations').select('id').execute()).toEqual(before);
    expect(await source.ctx.db.selectFrom('blobs').select('sha256').execute()).toEqual(blobsBefore);
    expect(filesUnder(source.ctx.blobs.tempDir)).toEqual([]);
  });
});

/** The entries with one record file replaced and the manifest's hash and size for it updated to match. */
function withRecord(entries: Map<string, Buffer>, name: string, text: string): Map<string, Buffer> {
  const content = Buffer.from(text, 'utf8');
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { entries: Array<{ path: string; sha256: string; size: number }> };
  const fixed = { ...manifest, entries: manifest.entries.map((e) => (e.path === name ? { ...e, sha256: sha256Of(content), size: content.length } : e)) };
  return new Map([...entries, [name, content], ['manifest.json', Buffer.from(JSON.stringify(fixed))]]);
}
