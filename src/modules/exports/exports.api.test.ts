import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PassThrough, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedApplications, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { testClientRow, testUscc } from '../../../test/support/list-fixtures.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { guessColumnMapping, validateImportRow, type ImportKind } from '../../domain/import/index.ts';
import { readSheetRows, type CellValue } from '../../platform/sheets/read-sheet-rows.ts';
import { insertClientsBulk } from '../clients/repository.ts';
import { exportList } from './export-list.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-exports-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readXlsx(res: LightMyRequestResponse): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0];
}

/** The sheet as objects keyed by heading; cells as exceljs reads them (Date, number, text). */
async function xlsxRecords(res: LightMyRequestResponse): Promise<Array<Record<string, unknown>>> {
  const sheet = await readXlsx(res);
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const records: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, n) => {
    if (n > 1) records.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return records;
}

const csvRecords = (res: LightMyRequestResponse) => parse(res.body, { bom: true, columns: true }) as Array<Record<string, string>>;

/** Reads an exported file back as the import does: columns guessed from the headings, each row checked. */
async function reimport(kind: ImportKind, res: LightMyRequestResponse, today: string) {
  const file = path.join(dir, `${kind}-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, res.rawPayload);
  const rows: CellValue[][] = [];
  for await (const row of readSheetRows({ path: file })) rows.push(row.cells);
  const mapping = guessColumnMapping({ kind, headers: rows[0] as string[] });
  return { mapping, rows: rows.slice(1).map((cells) => validateImportRow({ kind, mapping, cells, today })) };
}

describe.each(testDialects())('exports on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let staff: Session;
  let clientUser: Session;
  let today: string;
  const get = (s: Session, url: string) => s.request({ method: 'GET', url });
  const full = { name: '广州全量呼叫有限公司', uscc: testUscc(101, '440106'), legalRepresentative: '王五', registeredCapital: 10_000_000, businessScope: '呼叫中心业务', province: 'GD', address: '广州市天河区', contactName: '赵六', contactPhone: '020-12345678', contactEmail: 'zhao@example.com', foreignSharePercent: 33.33, notes: '重点客户' };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    today = t.ctx.clock.today();
    org = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Export'));
    other = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Elsewhere'));
    staff = await signIn(t.app, org.emails.staff);
    clientUser = await signIn(t.app, org.emails.client);
    for (const payload of [full, { name: '=SUM(A1:A9)', uscc: testUscc(102), province: 'SH' }, { name: '已归档呼叫有限公司', uscc: testUscc(103) }]) {
      expect((await staff.request({ method: 'POST', url: '/api/clients', payload })).statusCode).toBe(201);
    }
    const archived = (await get(staff, '/api/clients?q=已归档')).json().items[0];
    await staff.request({ method: 'POST', url: `/api/clients/${archived.id}/archive` });
    const licenceId = org.licenceIdsByClient![org.clientIds[0]];
    expect((await staff.request({ method: 'POST', url: `/api/licences/${licenceId}/events`, payload: { kind: 'annual-report-filed', date: '2025-03-01', year: 2025 } })).statusCode).toBe(201);
    const applicationId = org.applicationIdsByClient![org.clientIds[0]];
    const moved = await staff.request({ method: 'POST', url: `/api/applications/${applicationId}/transitions`, payload: { to: 'collecting', version: 1, contractSignedOn: '2025-01-10', contractFeeYuan: 30_000 } });
    expect(moved.statusCode, moved.body).toBe(200);
  });
  afterAll(() => t?.close());

  it('exports the active clients as XLSX: Chinese headings, capital a number, formula text neutralised, no other organisation', async () => {
    const res = await get(staff, '/api/exports/clients');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1])).toBe(`客户-${today}.xlsx`);
    const rows = await xlsxRecords(res);
    expect(Object.keys(rows[0])).toEqual(['企业名称', '统一社会信用代码', '法定代表人', '注册资本（元）', '省份', '地址', '联系人', '联系电话', '联系邮箱', '外资比例（%）', '经营范围', '备注', '状态', '创建时间', '更新时间']);
    expect(rows.map((r) => r['企业名称']).sort()).toEqual(["'=SUM(A1:A9)", 'Export client 1', 'Export client 2', full.name].sort());
    const gd = rows.find((r) => r['企业名称'] === full.name)!;
    expect(gd).toMatchObject({ 统一社会信用代码: full.uscc, '注册资本（元）': 10_000_000, 省份: '广东省', '外资比例（%）': 33.33, 联系电话: full.contactPhone, 状态: '在用' });
    expect(gd['创建时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // Stored as text, never as a formula, whichever program opens it.
    const sheet = await readXlsx(res);
    const cells = sheet.getColumn(1).values.slice(2) as unknown[];
    expect(sheet.getCell(cells.indexOf("'=SUM(A1:A9)") + 2, 1).type).toBe(ExcelJS.ValueType.String);
  });

  it('exports CSV in English, and the list filters apply (province, status)', async () => {
    const res = await get(staff, '/api/exports/clients?format=csv&lang=en-US&province=GD');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toContain(`filename="clients-${today}.csv"`);
    const rows = csvRecords(res);
    expect(rows).toEqual([expect.objectContaining({ 'Company name': full.name, USCC: full.uscc, 'Registered capital (yuan)': '10000000', Province: 'Guangdong', 'Foreign share (%)': '33.33', Status: 'Active' })]);
    const archived = csvRecords(await get(staff, '/api/exports/clients?format=csv&status=archived'));
    expect(archived.map((r) => [r['企业名称'], r['状态']])).toEqual([['已归档呼叫有限公司', '已归档']]);
    expect(csvRecords(await get(staff, '/api/exports/clients?format=csv&status=all'))).toHaveLength(5);
  });

  it('writes clients the import reads back as they are, in either language and format', async () => {
    for (const url of ['/api/exports/clients', '/api/exports/clients?format=csv&lang=en-US']) {
      const { mapping, rows } = await reimport('clients', await get(staff, url), today);
      expect(mapping.slice(0, 12)).toEqual(['name', 'uscc', 'legalRepresentative', 'registeredCapital', 'province', 'address', 'contactName', 'contactPhone', 'contactEmail', 'foreignSharePercent', 'businessScope', 'notes']);
      expect(mapping.slice(12)).toEqual([null, null, null]);
      const { usccOverride: _, ...expected } = { ...full, usccOverride: undefined };
      expect(rows).toContainEqual({ ok: true, value: expected });
      expect(rows.every((r) => r.ok)).toBe(true);
    }
  });

  it('exports licences with dates as dates, the holder’s code and the reports filed, and they import again', async () => {
    const res = await get(staff, '/api/exports/licences');
    expect(res.statusCode, res.body).toBe(200);
    // Soonest expiry first; both expire the same day, so their order is their ids'.
    const rows = (await xlsxRecords(res)).sort((a, b) => String(a['许可证编号']).localeCompare(String(b['许可证编号'])));
    expect(rows.map((r) => r['许可证编号'])).toEqual(['京B2-20240001', '京B2-20240002']);
    expect(rows[0]).toMatchObject({ 持证单位名称: 'Export client 1', 持证单位统一社会信用代码: '91350100M000100Y43', 业务种类: 'B24-1', 业务名称: '国内呼叫中心业务', 业务覆盖范围: '北京市', 状态: '有效', 发证机关: '北京市通信管理局', 已报年报年份: '2025' });
    expect(rows[0]['发证日期']).toEqual(new Date('2024-01-15T00:00:00Z'));
    const { rows: read } = await reimport('licences', res, today);
    expect(read).toContainEqual({ ok: true, value: expect.objectContaining({ licenceNumber: '京B2-20240001', holderUscc: '91350100M000100Y43', services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2024-01-15', annualReportsFiled: [2025] }) });
    const english = csvRecords(await get(staff, '/api/exports/licences?format=csv&lang=en-US&q=京B2-20240002'));
    expect(english).toEqual([expect.objectContaining({ 'Licence number': '京B2-20240002', Scope: 'Beijing', Status: 'Active', 'Issued on': '2024-01-15', 'Annual reports filed': '' })]);
  });

  it('exports applications with their step, dates and fee; the state filter applies', async () => {
    const rows = await xlsxRecords(await get(staff, '/api/exports/applications?state=collecting'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 客户: 'Export client 1', 业务种类: 'B24-1 国内呼叫中心业务', 许可范围: '北京市（省内）', 状态: '准备材料', 办理步骤: '第 2 步 准备材料', '代办费用（元）': 30_000, 负责人: null });
    expect(rows[0]['代办合同签订日期']).toEqual(new Date('2025-01-10T00:00:00Z'));
    const english = csvRecords(await get(staff, '/api/exports/applications?format=csv&lang=en-US'));
    expect(english.map((r) => r.State).sort()).toEqual(['Collecting materials', 'Draft (contract to sign)']);
  });

  it('exports obligations, filtered by kind and licence', async () => {
    const licenceId = org.licenceIdsByClient![org.clientIds[0]];
    const rows = await xlsxRecords(await get(staff, `/api/exports/obligations?kind=annual-report&licenceId=${licenceId}`));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r['类型'] === '经营信息年报' && r['许可证编号'] === '京B2-20240001')).toBe(true);
    const filed = rows.find((r) => r['事项'] === '电信业务经营信息年报（2025 年报送）')!;
    expect(filed).toMatchObject({ 状态: '已完成', 截止日期: new Date('2025-03-31T00:00:00Z'), 完成日期: new Date('2025-03-01T00:00:00Z') });
    const english = csvRecords(await get(staff, '/api/exports/obligations?format=csv&lang=en-US&kind=expiry'));
    expect(english.map((r) => [r['Licence number'], r.Kind])).toEqual([['京B2-20240001', 'Expiry'], ['京B2-20240002', 'Expiry']]);
  });

  it('gives a client user their own company’s rows only, without the agency’s fees', async () => {
    expect((await xlsxRecords(await get(clientUser, '/api/exports/clients?status=all'))).map((r) => r['企业名称'])).toEqual(['Export client 1']);
    expect((await xlsxRecords(await get(clientUser, '/api/exports/licences'))).map((r) => r['许可证编号'])).toEqual(['京B2-20240001']);
    const applications = await xlsxRecords(await get(clientUser, '/api/exports/applications'));
    expect(applications.map((r) => r['客户'])).toEqual(['Export client 1']);
    expect(Object.keys(applications[0])).not.toContain('代办费用（元）');
    const obligations = csvRecords(await get(clientUser, '/api/exports/obligations?format=csv'));
    expect(obligations.length).toBeGreaterThan(0);
    expect(new Set(obligations.map((r) => r['客户']))).toEqual(new Set(['Export client 1']));
  });

  it('never shows another organisation’s rows', async () => {
    const theirs = await signIn(t.app, other.emails.staff);
    for (const kind of ['clients', 'applications', 'licences', 'obligations']) {
      const body = (await get(theirs, `/api/exports/${kind}?format=csv`)).body;
      expect(body).not.toContain('Export client');
      expect(body).toContain('Elsewhere client');
    }
  });

  it('refuses a bad format or language with 400 naming it, and a caller who is not signed in', async () => {
    const bad = await get(staff, '/api/exports/clients?format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('format');
    expect((await get(staff, '/api/exports/licences?lang=fr-FR')).statusCode).toBe(400);
    expect((await get(staff, '/api/exports/obligations?status=late')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/exports/clients' })).statusCode).toBe(401);
  });

  it('compresses a CSV for a browser that accepts gzip, and answers HEAD without reading or auditing', async () => {
    const zipped = await staff.request({ method: 'GET', url: '/api/exports/clients?format=csv', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(parse(zlib.gunzipSync(zipped.rawPayload), { bom: true, columns: true })).toHaveLength(4);
    const owner = await signIn(t.app, org.emails.owner);
    const before = (await get(owner, '/api/audit?action=export.obligations')).json().total;
    const head = await staff.request({ method: 'HEAD', url: '/api/exports/obligations?lang=en-US' });
    expect(head.statusCode).toBe(200);
    expect(String(head.headers['content-disposition'])).toContain(`filename="obligations-${today}.xlsx"`);
    // An export after it: once its entry is in, the log holds that one only.
    await get(staff, '/api/exports/obligations?format=csv');
    await expect.poll(async () => (await get(owner, '/api/audit?action=export.obligations')).json().total).toBeGreaterThan(before);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = (await get(owner, '/api/audit?action=export.obligations')).json();
    expect(after.total).toBe(before + 1);
    expect(after.items[0].changes.format).toBe('csv');
  });

  it('describes each export in the OpenAPI document: the list’s filters in, a binary file out', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/exports/obligations'].get;
    expect(op.responses['200'].content).toEqual({
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'text/csv; charset=utf-8': { schema: { type: 'string', format: 'binary' } },
    });
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['assigneeId', 'clientId', 'dueAfterDays', 'dueWithinDays', 'format', 'kind', 'lang', 'licenceId', 'status']);
  });

  it('audits each export with its row count', async () => {
    const owner = await signIn(t.app, org.emails.owner);
    await get(staff, '/api/exports/licences?format=csv&lang=en-US');
    // Recorded once the file has been written out, a moment after its last byte.
    await expect.poll(async () => (await get(owner, '/api/audit?action=export.licences')).json().items[0]?.changes).toMatchObject({ format: 'csv', lang: 'en-US', rows: 2, complete: true });
    const entry = (await get(owner, '/api/audit?action=export.licences')).json().items[0];
    expect(entry).toMatchObject({ entityType: 'export', summary: '导出许可证 2 条（CSV）', actor: { email: org.emails.staff } });
  });

  it('reads every row in pages, not one page, for the command line as the organisation’s owner', async () => {
    const big = await seedOrg(t.ctx, 'Bulk');
    await insertClientsBulk(t.ctx.db, Array.from({ length: 2_100 }, (_, i) => testClientRow(big.orgId, { name: `批量客户 ${String(i).padStart(4, '0')}`, uscc: testUscc(5_000 + i), province: i % 3 === 0 ? 'GD' : 'BJ' })));
    const chunks: Buffer[] = [];
    const output = new PassThrough().on('data', (chunk: Buffer) => chunks.push(chunk));
    expect(await exportList(t.ctx, { orgId: big.orgId, kind: 'clients', format: 'csv', output })).toEqual({ rows: 2_102 });
    const names = (parse(Buffer.concat(chunks), { bom: true, columns: true }) as Array<Record<string, string>>).map((r) => r['企业名称']);
    expect(names).toHaveLength(2_102);
    expect(new Set(names).size).toBe(2_102);
    expect(names.slice(0, 2)).toEqual(['Bulk client 1', 'Bulk client 2']);
    expect(names.at(-1)).toBe('批量客户 2099');
    const filtered = await exportList(t.ctx, { orgId: big.orgId, kind: 'clients', format: 'xlsx', filters: { province: 'GD' }, output: new PassThrough().resume() });
    expect(filtered).toEqual({ rows: 700 });
    const refused = new PassThrough();
    await expect(exportList(t.ctx, { orgId: big.orgId, kind: 'obligations', filters: { colour: 'red' }, output: refused })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'colour' }] });
    expect(refused.destroyed).toBe(true);
    await expect(exportList(t.ctx, { orgId: big.orgId, kind: 'obligations', filters: { dueWithinDays: '30' }, output: new PassThrough().resume() })).resolves.toEqual({ rows: 0 });
  });

  it('ends a download whose reader goes away, and audits it as interrupted', async () => {
    const bulk = (await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'Org Bulk').executeTakeFirstOrThrow()).id;
    const closing = new Writable({ highWaterMark: 1024, write: (_chunk, _encoding, done) => setImmediate(() => (closing.destroy(), done())) });
    await expect(exportList(t.ctx, { orgId: bulk, kind: 'clients', format: 'csv', output: closing })).rejects.toThrow(/closed before/);
    const entry = await t.ctx.db.selectFrom('auditLog').select('changes').where('orgId', '=', bulk).where('action', '=', 'export.clients').orderBy('at', 'desc').executeTakeFirstOrThrow();
    const changes = (typeof entry.changes === 'string' ? JSON.parse(entry.changes) : entry.changes) as { complete: boolean; rows: number };
    expect(changes.complete).toBe(false);
    expect(changes.rows).toBeLessThan(2_102);
  });
});
