import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { computeUsccCheck } from '../../src/domain/identifiers/compute-uscc-check.ts';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap, type E2eSession } from './support/session.ts';
import { expectCall, logIn, openFromMenu, searchClients, tableRows, waitForTitle } from './support/app-actions.ts';

/** A valid 统一社会信用代码 for serial n (GB 32100 check character computed). */
function usccOf(n: number): string {
  const first17 = `91110108MA00001${String(n).padStart(2, '0')}`;
  return first17 + computeUsccCheck(first17);
}

/** The same code with a wrong check character: well-formed, but fails GB 32100. */
function usccWithWrongCheck(n: number): string {
  const good = usccOf(n);
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  return good.slice(0, 17) + alphabet[(alphabet.indexOf(good[17]) + 1) % alphabet.length];
}

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');

// '客户全称' is none of the name field's aliases (nor contains one), so the server leaves the column unmapped.
const sheet = csv([
  ['客户全称', '统一社会信用代码', '注册资本', '省份', '联系人'],
  ['导入测试甲呼叫有限公司', usccOf(1), '100万', '北京', '王甲'],
  ['导入测试乙呼叫有限公司', usccWithWrongCheck(2), '200万', '上海', '王乙'],
  ['导入测试丙呼叫有限公司', usccOf(3), '五百万', '广东', '王丙'],
  ['导入测试丁呼叫有限公司', usccOf(4), '1000000', '浙江', '王丁'],
  ['导入测试戊呼叫有限公司', usccOf(5), '', '福建', '王戊'],
  // Already in the demo workspace: a duplicate, skipped.
  ['福州示例呼叫服务有限公司（演示）', '91350100M000100Y43', '', '福建', ''],
]);

async function createUser(owner: Page, user: { email: string; name: string; role: 'staff' | 'client'; clientId?: string }): Promise<string> {
  const me = await (await owner.request.get('/api/me')).json();
  const created = await owner.request.post('/api/users', { headers: { 'x-csrf-token': me.csrfToken }, data: user });
  expect(created.status()).toBe(201);
  return (await created.json()).initialPassword;
}

async function chooseField(page: Page, column: number, field: string): Promise<void> {
  await page.getByTestId(`mapping-${column}`).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: field }).first().click();
}

describe.skipIf(!browserAvailable)('spreadsheet imports (导入) and exports (导出) in the browser', () => {
  let session: E2eSession;
  let owner: Page;
  let staff: Page;
  const opened = openSessionForSuite({ signInAsOwner: true });
  beforeAll(async () => {
    ({ session, page: owner } = opened);
    const password = await createUser(owner, { email: 'staff.import@e2e.example.com', name: '导入员工', role: 'staff' });
    staff = await session.newPage();
    await logIn(staff, { email: 'staff.import@e2e.example.com', password });
    await staff.waitForURL(/\/dashboard$/);
  });

  it('refuses a file that is not a spreadsheet, in the server’s words', async () => {
    await openFromMenu(staff, '客户');
    await staff.getByTestId('import-button').click();
    await staff.waitForURL(/\/clients\/import$/);
    await waitForTitle(staff, '导入客户');
    await staff.getByTestId('recent-imports').getByText('还没有导入记录').waitFor();
    await snap(staff, 'import-1-upload');

    const refused = await expectCall(staff, { method: 'POST', path: /^\/api\/imports$/ }, () =>
      staff.getByTestId('import-upload').locator('input[type=file]').setInputFiles({ name: '客户.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n') }),
    );
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    await expect.poll(() => staff.getByTestId('upload-error').textContent()).toContain('「客户.pdf」未能上传');
    await expect(staff.getByTestId('upload-error').textContent()).resolves.toContain('不是此项接受的类型');
  });

  it('maps an unguessed column, checks, names the bad rows, imports the valid ones and reports what it did', async () => {
    await staff.goto('/clients/import');
    await waitForTitle(staff, '导入客户');
    const uploaded = await expectCall(staff, { method: 'POST', path: /^\/api\/imports$/ }, () =>
      staff.getByTestId('import-upload').locator('input[type=file]').setInputFiles({ name: '新客户.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet, 'utf8') }),
    );
    expect(uploaded.status()).toBe(201);

    // 对应列: the name column was not guessed, so the required 企业名称 is missing and 检查 waits for it.
    await staff.waitForURL(/\/clients\/import\?job=[0-9a-f-]{36}$/);
    await staff.getByTestId('mapping-table').waitFor();
    await expect(staff.getByTestId('mapping-0').textContent()).resolves.toContain('忽略（不导入）');
    await expect(staff.getByTestId('mapping-1').textContent()).resolves.toContain('统一社会信用代码');
    await expect(staff.getByTestId('mapping-table').textContent()).resolves.toContain('导入测试甲呼叫有限公司');
    await expect.poll(() => staff.getByTestId('unmapped-required').textContent()).toContain('企业名称');
    await expect(staff.getByTestId('start-check').isDisabled()).resolves.toBe(true);
    await snap(staff, 'import-2-mapping');

    await chooseField(staff, 0, '企业名称');
    await staff.getByTestId('unmapped-required').waitFor({ state: 'detached' });
    await expect(staff.getByTestId('mapping-0').textContent()).resolves.toContain('企业名称');
    const checked = await expectCall(staff, { method: 'POST', path: /\/api\/imports\/[0-9a-f-]{36}\/check$/ }, () => staff.getByTestId('start-check').click());
    expect(checked.status()).toBe(202);

    // 检查结果: the counts, both bad rows by number with the column and the problem, and the duplicate.
    await expect.poll(() => staff.getByTestId('count-total').textContent()).toContain('6');
    await expect(staff.getByTestId('count-valid').textContent()).resolves.toContain('4');
    await expect(staff.getByTestId('count-invalid').textContent()).resolves.toContain('2');
    await expect(staff.getByTestId('count-duplicates').textContent()).resolves.toContain('1');
    const issue = (row: number) => staff.getByTestId('issues-table').locator('tr.ant-table-row').filter({ hasText: `第 ${row} 行` });
    await expect(issue(3).textContent()).resolves.toContain('统一社会信用代码');
    await expect(issue(4).textContent()).resolves.toMatch(/注册资本.*五百万/);
    await expect(staff.getByTestId('issues-table').locator('tr.ant-table-row').count()).resolves.toBe(2);
    await expect(staff.getByTestId('duplicates-table').locator('tr.ant-table-row').filter({ hasText: '第 7 行' }).textContent()).resolves.toContain('系统中已有');

    // Invalid rows: importing needs 仅导入有效行.
    await expect(staff.getByTestId('start-import').isDisabled()).resolves.toBe(true);
    await staff.getByRole('checkbox', { name: /仅导入有效行/ }).check();
    await expect.poll(() => staff.getByTestId('import-plan').textContent()).toBe('导入后将新建 3 条，跳过重复 1 行，跳过无效 2 行。');
    await snap(staff, 'import-3-report');

    const run = await expectCall(staff, { method: 'POST', path: /\/api\/imports\/[0-9a-f-]{36}\/run$/ }, () => staff.getByTestId('start-import').click());
    expect(run.status()).toBe(202);
    await staff.getByTestId('import-done').waitFor();
    await expect(staff.locator('.ant-steps-item-active').textContent()).resolves.toBe('导入');
    await expect(staff.getByTestId('result-created').textContent()).resolves.toContain('3');
    await expect(staff.getByTestId('result-skipped').textContent()).resolves.toContain('1');
    await expect(staff.getByTestId('result-invalidSkipped').textContent()).resolves.toContain('2');
    await snap(staff, 'import-4-done');

    // The error report: the sheet as uploaded, with an 错误 column naming each bad row's problem.
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByTestId('error-report').click()]);
    expect(download.suggestedFilename()).toBe('新客户-错误报告.csv');
    const lines = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toContain('错误');
    expect(lines.find((line) => line.includes('导入测试乙呼叫有限公司'))).toMatch(/统一社会信用代码/);
    expect(lines.find((line) => line.includes('导入测试丙呼叫有限公司'))).toMatch(/注册资本.*五百万/);

    await staff.getByRole('button', { name: '查看客户列表' }).click();
    await staff.waitForURL(/\/clients$/);
    await searchClients(staff, '导入测试');
    await expect.poll(() => tableRows(staff).count()).toBe(3);
    const names = await tableRows(staff).allTextContents();
    for (const name of ['导入测试甲呼叫有限公司', '导入测试丁呼叫有限公司', '导入测试戊呼叫有限公司']) expect(names.join('\n')).toContain(name);
    expect(names.join('\n')).not.toContain('导入测试丙呼叫有限公司');
  });

  it('lists the import among the recent ones and opens its result again', async () => {
    await staff.goto('/clients/import');
    await staff.getByTestId('import-upload').waitFor();
    const row = staff.getByTestId('recent-imports').locator('tr.ant-table-row').filter({ hasText: '新客户.csv' });
    await expect.poll(() => row.textContent()).toContain('已完成');
    await expect(row.textContent()).resolves.toContain('新建 3');
    await row.getByRole('button', { name: '打开' }).click();
    await staff.getByTestId('import-done').waitFor();
    await expect(staff.locator('.ant-steps-item-active').textContent()).resolves.toBe('导入');
    await expect(staff.getByTestId('result-created').textContent()).resolves.toContain('3');
  });

  it('offers Excel and CSV exports of each list with its filters and the UI language, and the archive to administrators', async () => {
    await owner.goto('/clients?q=%E7%A6%8F%E5%B7%9E');
    await tableRows(owner).first().waitFor();
    await owner.getByTestId('export-button').click();
    const xlsx = owner.getByTestId('export-xlsx');
    await xlsx.waitFor();
    const href = new URL((await xlsx.getAttribute('href')) ?? '', session.server.url);
    expect(href.pathname).toBe('/api/exports/clients');
    expect(Object.fromEntries(href.searchParams)).toEqual({ format: 'xlsx', lang: 'zh-CN', q: '福州', status: 'active' });
    await expect(owner.getByTestId('export-csv').getAttribute('href')).resolves.toContain('format=csv');
    await snap(owner, 'export-clients-menu');
    // The CSV holds what the list shows with its search: the Fuzhou client, not the Shanghai one.
    const [exported] = await Promise.all([owner.waitForEvent('download'), owner.getByTestId('export-csv').click()]);
    const exportedText = fs.readFileSync(await exported.path(), 'utf8');
    expect(exportedText).toContain('91350100M000100Y43');
    expect(exportedText).not.toContain('9131000063159284XQ');

    for (const path of ['/applications', '/licenses', '/obligations']) {
      await owner.goto(path);
      await owner.getByTestId('export-button').waitFor();
    }
    await owner.getByTestId('export-button').click();
    await expect(owner.getByTestId('export-xlsx').getAttribute('href')).resolves.toMatch(/^\/api\/exports\/obligations\?format=xlsx&lang=zh-CN$/);

    await owner.goto('/settings/export');
    await waitForTitle(owner, '设置');
    await owner.getByRole('tab', { name: '数据导出' }).waitFor();
    await expect(owner.getByTestId('restore-command').textContent()).resolves.toBe('licensedesk import --archive <文件.zip> --org <新机构名称>');
    await expect(owner.getByTestId('archive-download').getAttribute('href')).resolves.toBe('/api/exports/archive');
    await snap(owner, 'settings-data-export');
  });

  it('hides imports from client users, who still export the lists they read', async () => {
    const clients = await (await owner.request.get('/api/clients?q=91350100M000100Y43')).json();
    const password = await createUser(owner, { email: 'client.import@e2e.example.com', name: '客户用户', role: 'client', clientId: clients.items[0].id });
    const client = await session.newPage();
    await logIn(client, { email: 'client.import@e2e.example.com', password });
    await client.waitForURL(/\/dashboard$/);

    await client.goto('/licenses');
    await client.getByTestId('export-button').waitFor();
    await expect(client.getByTestId('import-button').count()).resolves.toBe(0);
    await client.goto('/clients/import');
    await client.getByText('没有访问权限').waitFor();
    await client.goto('/settings/export');
    await client.getByText('没有访问权限').waitFor();
  });
});
