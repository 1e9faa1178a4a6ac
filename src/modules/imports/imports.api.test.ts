import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheck } from '../../domain/identifiers/compute-uscc-check.ts';
import { fixedClock } from '../../platform/clock.ts';
import { multipartFile, sampleFiles } from '../../../test/support/multipart.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { importsIdle } from './service.ts';

/** A valid 统一社会信用代码 for serial n (GB 32100 check character computed). */
export function usccOf(n: number): string {
  const first17 = `91110108MA${String(n).padStart(7, '0')}`;
  return first17 + computeUsccCheck(first17);
}

type Job = {
  id: string; status: string; version: number; headers: string[]; mapping: Array<string | null>; unmappedRequired: string[];
  report: { totalRows: number; validRows: number; invalidRows: number; duplicateRows: number; issues: Array<{ row: number; column: number | null; field: string; message: { zh: string; en: string } }>; duplicates: Array<{ row: number; existing: boolean }> } | null;
  result: { created: number; updated: number; skipped: number; invalidSkipped: number } | null;
  failure: { code: string; message: { zh: string } } | null;
  progress: { done: number; total: number };
};

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

describe.each(testDialects())('spreadsheet imports on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let staff: Session;
  let outsider: Session;
  let client: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { clock: fixedClock('2026-11-30T02:00:00.000Z') });
    org = await seedOrg(t.ctx, 'Importer');
    other = await seedOrg(t.ctx, 'Elsewhere');
    staff = await signIn(t.app, org.emails.staff);
    client = await signIn(t.app, org.emails.client);
    outsider = await signIn(t.app, other.emails.staff);
  });
  afterAll(() => t?.close());

  const upload = async (kind: string, fileName: string, content: Buffer, session = staff) => {
    const body = multipartFile({ fileName, content });
    return session.request({ method: 'POST', url: `/api/imports?kind=${kind}`, payload: body.payload, headers: body.headers });
  };
  const settle = async (id: string, session = staff): Promise<Job> => {
    await importsIdle();
    const res = await session.request({ method: 'GET', url: `/api/imports/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Job;
  };
  const check = async (job: Job, mapping = job.mapping) => {
    const res = await staff.request({ method: 'POST', url: `/api/imports/${job.id}/check`, payload: { version: job.version, mapping } });
    expect(res.statusCode, res.body).toBe(202);
    return settle(job.id);
  };
  const run = async (job: Job, body: { onDuplicate: string; validOnly: boolean }) => {
    const res = await staff.request({ method: 'POST', url: `/api/imports/${job.id}/run`, payload: { version: job.version, ...body } });
    return { res, job: res.statusCode === 202 ? await settle(job.id) : job };
  };
  const clientsNamed = async (prefix: string) => {
    const res = await staff.request({ method: 'GET', url: `/api/clients?q=${encodeURIComponent(prefix)}&pageSize=100` });
    return (res.json() as { items: Array<{ name: string; uscc: string; registeredCapital: number | null; province: string | null; version: number }> }).items;
  };

  it('guesses the columns from Chinese headings, names every bad row, writes nothing while rows are invalid, then imports only the valid rows', async () => {
    const sheet = csv([
      ['企业名称', '统一社会信用代码', '注册资本', '省份', '成立日期（忽略）'],
      ['甲导入科技有限公司', usccOf(1), '100万', '北京', '2020/1/2'],
      ['乙导入科技有限公司', '91110108MA0000001X', '1,000,000', '广东省', ''],
      ['丙导入科技有限公司', usccOf(3), '五百万', '粤', ''],
      ['丁导入科技有限公司', usccOf(4), '2000000', 'SH', ''],
    ]);
    const created = await upload('clients', '客户.csv', Buffer.from(sheet, 'utf8'));
    expect(created.statusCode, created.body).toBe(201);
    const job = created.json() as Job;
    expect(job.mapping).toEqual(['name', 'uscc', 'registeredCapital', 'province', null]);
    expect(job.unmappedRequired).toEqual([]);

    const checked = await check(job);
    expect(checked.status).toBe('checked');
    expect(checked.report).toMatchObject({ totalRows: 4, validRows: 2, invalidRows: 2 });
    expect(checked.report!.issues.map((i) => [i.row, i.field])).toEqual([[3, 'uscc'], [4, 'registeredCapital']]);

    const refused = await run(checked, { onDuplicate: 'skip', validOnly: false });
    expect(refused.res.statusCode).toBe(422);
    expect(await clientsNamed('导入科技')).toEqual([]);

    const done = await run(checked, { onDuplicate: 'skip', validOnly: true });
    expect(done.job.status, JSON.stringify(done.job.failure)).toBe('done');
    expect(done.job.result).toEqual({ created: 2, updated: 0, skipped: 0, invalidSkipped: 2 });
    const stored = await clientsNamed('导入科技');
    expect(stored.map((c) => [c.name, c.registeredCapital, c.province]).sort()).toEqual([['丁导入科技有限公司', 2000000, 'SH'], ['甲导入科技有限公司', 1000000, 'BJ']]);
  });

  it('lists duplicates (in the organisation and earlier in the file), and skips or updates them as chosen', async () => {
    const rows = [['名称', 'USCC', 'legal representative'], ['戊重复有限公司', usccOf(11), '张三'], ['戊重复有限公司（新）', usccOf(11), '李四']];
    const first = await check((await upload('clients', 'a.csv', Buffer.from(csv(rows)))).json() as Job);
    expect(first.report).toMatchObject({ validRows: 2, duplicateRows: 1, duplicates: [{ row: 3, existing: false }] });
    expect((await run(first, { onDuplicate: 'skip', validOnly: false })).job.result).toMatchObject({ created: 1, skipped: 1 });
    expect((await clientsNamed('戊重复')).map((c) => c.name)).toEqual(['戊重复有限公司']);

    const again = await check((await upload('clients', 'b.csv', Buffer.from(csv([rows[0], ['戊重复有限公司（改名）', usccOf(11), '王五']])))).json() as Job);
    expect(again.report!.duplicates).toEqual([expect.objectContaining({ row: 2, existing: true })]);
    expect((await run(again, { onDuplicate: 'update', validOnly: false })).job.result).toMatchObject({ created: 0, updated: 1 });
    const [updated] = await clientsNamed('戊重复');
    expect(updated).toMatchObject({ name: '戊重复有限公司（改名）', version: 2 });
  });

  it('reads GB18030 CSV as Excel in China saves it, and an XLSX with its template’s hidden field-name row', async () => {
    // 己 = BC BA, 公司 = B9 AB CB BE in GB18030.
    const gb = Buffer.concat([Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]), Buffer.from(',uscc\r\n'), Buffer.from([0xbc, 0xba, 0xb9, 0xab, 0xcb, 0xbe]), Buffer.from(`,${usccOf(21)}\r\n`)]);
    const job = (await upload('clients', 'gb.csv', gb)).json() as Job;
    expect(job.headers).toEqual(['名称', 'uscc']);
    const checked = await check(job);
    expect(checked.report).toMatchObject({ validRows: 1, invalidRows: 0 });

    const template = await staff.request({ method: 'GET', url: '/api/imports/templates/clients' });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).hidden).toBe(true);
    sheet.getRow(3).getCell(2).value = usccOf(22);
    sheet.getRow(3).getCell(1).value = '庚模板有限公司';
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const fromTemplate = await check((await upload('clients', 'template.xlsx', filled)).json() as Job);
    expect(fromTemplate.report, JSON.stringify(fromTemplate.report?.issues)).toMatchObject({ totalRows: 1, validRows: 1 });
  });

  it('imports licences with their facts, so their obligations exist at once; a holder that is not a client is named', async () => {
    const uscc = (await staff.request({ method: 'GET', url: `/api/clients/${org.clientIds[0]}` })).json().uscc as string;
    const sheet = csv([
      ['许可证编号', '统一社会信用代码', '业务种类', '发证日期', '有效期至', '已报年报年度'],
      ['京B2-20240101', uscc, 'B24-1', '2024-03-15', '2029-03-15', '2025'],
      ['京B2-20240102', usccOf(99), 'B24-1', '2024-03-15', '', ''],
    ]);
    const checked = await check((await upload('licences', 'licences.csv', Buffer.from(sheet))).json() as Job);
    expect(checked.report!.issues).toEqual([expect.objectContaining({ row: 3, field: 'holderUscc' })]);
    const done = await run(checked, { onDuplicate: 'skip', validOnly: true });
    expect(done.job.result).toMatchObject({ created: 1, invalidSkipped: 1 });
    const list = (await staff.request({ method: 'GET', url: '/api/licences?q=京B2-20240101' })).json() as { items: Array<{ id: string }> };
    const obligations = (await staff.request({ method: 'GET', url: `/api/licences/${list.items[0].id}/obligations` })).json() as Array<{ key: string; status: string }>;
    expect(obligations.find((o) => o.key === 'annual-report:2025')?.status).toBe('done');
    expect(obligations.find((o) => o.key === 'annual-report:2026')?.status).toBe('overdue');
  });

  it('downloads the error report: the sheet as uploaded, with an error column naming each problem', async () => {
    const job = await check((await upload('clients', 'bad.csv', Buffer.from(csv([['企业名称', '信用代码'], ['好公司', usccOf(31)], ['', 'nonsense']])))).json() as Job);
    const res = await staff.request({ method: 'GET', url: `/api/imports/${job.id}/error-report` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('bad-');
    const rows = parseCsv(res.body.replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(['企业名称', '信用代码', '错误 Errors']);
    expect(rows[1][2]).toBe('');
    expect(rows[2][2]).toMatch(/企业名称/);
    expect(rows[2][2]).toMatch(/信用代码|USCC/);
  });

  it('refuses bad files with a clear 4xx and keeps nothing', async () => {
    const notSheet = await upload('clients', 'photo.csv', sampleFiles.png());
    expect(notSheet.statusCode).toBe(400);
    expect(notSheet.json().error.details[0].code).toBe('FILE_TYPE_NOT_ACCEPTED');
    const headersOnly = await upload('clients', 'empty.csv', Buffer.from('企业名称,统一社会信用代码\r\n'));
    expect(headersOnly.statusCode).toBe(422);
    expect(headersOnly.json().error.code).toBe('SHEET_EMPTY');
    const binary = await upload('clients', 'junk.csv', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x10]));
    expect(binary.statusCode).toBe(422);
    const list = (await staff.request({ method: 'GET', url: '/api/imports' })).json() as { items: Job[] };
    expect(list.items.every((j) => !['empty.csv', 'junk.csv', 'photo.csv'].includes((j as unknown as { fileName: string }).fileName))).toBe(true);
  });

  it('keeps imports to their organisation, and away from client users', async () => {
    const job = (await upload('clients', 'mine.csv', Buffer.from(csv([['名称', 'uscc'], ['辛公司', usccOf(41)]])))).json() as Job;
    expect((await outsider.request({ method: 'GET', url: `/api/imports/${job.id}` })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'POST', url: `/api/imports/${job.id}/check`, payload: { version: 1, mapping: job.mapping } })).statusCode).toBe(404);
    expect((await client.request({ method: 'GET', url: '/api/imports' })).statusCode).toBe(403);
    expect((await upload('clients', 'x.csv', Buffer.from('a,b\r\n1,2\r\n'), client)).statusCode).toBe(403);
  });
});

describe.each(testDialects())('import limits and round trips on $name', (dialect) => {
  let t: TestApp;
  let source: SeededOrg;
  let target: SeededOrg;
  let sourceStaff: Session;
  let targetStaff: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect, { LICENSEDESK_IMPORT_MAX_MB: '1', LICENSEDESK_IMPORT_MAX_ROWS: '40' }, { clock: fixedClock('2026-11-30T02:00:00.000Z') });
    source = await seedOrg(t.ctx, 'Leaving');
    target = await seedOrg(t.ctx, 'Arriving');
    sourceStaff = await signIn(t.app, source.emails.staff);
    targetStaff = await signIn(t.app, target.emails.staff);
  });
  afterAll(() => t?.close());

  const upload = async (session: Session, kind: string, fileName: string, content: Buffer) => {
    const body = multipartFile({ fileName, content });
    return session.request({ method: 'POST', url: `/api/imports?kind=${kind}`, payload: body.payload, headers: body.headers });
  };
  const importAll = async (session: Session, kind: string, fileName: string, content: Buffer) => {
    const created = await upload(session, kind, fileName, content);
    expect(created.statusCode, created.body).toBe(201);
    let job = created.json() as Job;
    expect(job.unmappedRequired).toEqual([]);
    expect((await session.request({ method: 'POST', url: `/api/imports/${job.id}/check`, payload: { version: job.version, mapping: job.mapping } })).statusCode).toBe(202);
    await importsIdle();
    job = (await session.request({ method: 'GET', url: `/api/imports/${job.id}` })).json() as Job;
    expect(job.report, JSON.stringify(job.report?.issues)).toMatchObject({ invalidRows: 0 });
    expect((await session.request({ method: 'POST', url: `/api/imports/${job.id}/run`, payload: { version: job.version, onDuplicate: 'skip', validOnly: false } })).statusCode).toBe(202);
    await importsIdle();
    return (await session.request({ method: 'GET', url: `/api/imports/${job.id}` })).json() as Job;
  };

  it('refuses a file over LICENSEDESK_IMPORT_MAX_MB, and fails a check past LICENSEDESK_IMPORT_MAX_ROWS, writing nothing', async () => {
    const big = await upload(sourceStaff, 'clients', 'big.csv', Buffer.alloc(1024 * 1024 + 10, 'a'));
    expect(big.statusCode).toBe(413);
    const rows = [['企业名称', '统一社会信用代码'], ...Array.from({ length: 41 }, (_, n) => [`超限${n}公司`, usccOf(500 + n)])];
    const job = (await upload(sourceStaff, 'clients', 'many.csv', Buffer.from(csv(rows)))).json() as Job;
    await sourceStaff.request({ method: 'POST', url: `/api/imports/${job.id}/check`, payload: { version: job.version, mapping: job.mapping } });
    await importsIdle();
    const failed = (await sourceStaff.request({ method: 'GET', url: `/api/imports/${job.id}` })).json() as Job;
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'SHEET_TOO_MANY_ROWS' } });
  });

  it('exports clients and licences, and importing both into another organisation gives the same records', async () => {
    const clients = [
      { name: '=往返公司（含公式样字符）', uscc: usccOf(601), legalRepresentative: '赵一', registeredCapital: 5_000_000, province: 'GD', address: '广州市天河区', contactName: '钱二', contactPhone: '+86 20 1234 5678', contactEmail: 'a@example.com', foreignSharePercent: 12.5, businessScope: '呼叫中心业务', notes: '老客户' },
      { name: '往返二号有限公司', uscc: usccOf(602), registeredCapital: 1_000_000, province: 'BJ' },
    ];
    for (const c of clients) expect((await sourceStaff.request({ method: 'POST', url: '/api/clients', payload: c })).statusCode).toBe(201);
    const holder = (await sourceStaff.request({ method: 'GET', url: `/api/clients?q=往返二号` })).json().items[0] as { id: string };
    const licence = await sourceStaff.request({ method: 'POST', url: '/api/licences', payload: { clientId: holder.id, licenceNumber: '京B2-20230077', services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2023-05-10', notes: '正本在柜' } });
    expect(licence.statusCode, licence.body).toBe(201);
    expect((await sourceStaff.request({ method: 'POST', url: `/api/licences/${licence.json().id}/events`, payload: { kind: 'annual-report-filed', date: '2025-03-31', year: 2025 } })).statusCode).toBe(201);

    for (const kind of ['clients', 'licences']) {
      const file = await sourceStaff.request({ method: 'GET', url: `/api/exports/${kind}?format=xlsx` });
      expect(file.statusCode, file.body).toBe(200);
      const job = await importAll(targetStaff, kind, `${kind}.xlsx`, file.rawPayload);
      expect(job.status, JSON.stringify(job.failure)).toBe('done');
    }

    const fields = ['name', 'uscc', 'legalRepresentative', 'registeredCapital', 'province', 'address', 'contactName', 'contactPhone', 'contactEmail', 'foreignSharePercent', 'businessScope', 'notes'];
    const pick = (c: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, c[f]]));
    const listOf = async (session: Session) => ((await session.request({ method: 'GET', url: '/api/clients?q=往返&pageSize=50' })).json().items as Array<Record<string, unknown>>).map(pick).sort((a, b) => String(a.uscc).localeCompare(String(b.uscc)));
    expect(await listOf(targetStaff)).toEqual(await listOf(sourceStaff));

    const licencesOf = async (session: Session) => {
      const [l] = (await session.request({ method: 'GET', url: '/api/licences?q=京B2-20230077' })).json().items as Array<{ id: string; number: string; services: unknown; issuedOn: string; expiresOn: string; notes: string; clientName: string }>;
      const obligations = (await session.request({ method: 'GET', url: `/api/licences/${l.id}/obligations` })).json() as Array<{ key: string; status: string; dueOn: string }>;
      return { number: l.number, services: l.services, issuedOn: l.issuedOn, expiresOn: l.expiresOn, notes: l.notes, clientName: l.clientName, obligations: obligations.map((o) => [o.key, o.status, o.dueOn]) };
    };
    expect(await licencesOf(targetStaff)).toEqual(await licencesOf(sourceStaff));
  });
});
