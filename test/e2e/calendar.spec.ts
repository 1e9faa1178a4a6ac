import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { test2027 } from '../support/calendar-fixtures.ts';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap, type E2eSession } from './support/session.ts';
import { confirmPopconfirm, expectCall, logIn, openPopconfirm, switchLanguage, tableRows, waitForTitle } from './support/app-actions.ts';
import {
  arrangementRow,
  calculateDeadline,
  dayCell,
  deadlineResult,
  fillDate,
  openBreakdown,
  setLoaded2027,
  typeArrangementDay,
  unpublishedBanner,
} from './support/calendar-actions.ts';

/** The clock is real: these expectations hold while 2027 has no built-in arrangement and today is in 2026. */
describe.skipIf(!browserAvailable)('working calendar (工作日历) in the browser', () => {
  let session: E2eSession;
  let page: Page;
  const opened = openSessionForSuite({ signInAsOwner: true });
  beforeAll(() => ({ session, page } = opened));

  const loadYear = { method: 'POST', path: /^\/api\/calendar\/years$/ } as const;

  it('names 2027 as not yet published and shows 国庆节 and an adjusted working day in October 2026', async () => {
    await setLoaded2027(page, null);
    await page.goto('/catalog/calendar?month=2026-10');
    await waitForTitle(page, '知识库');
    await expect.poll(() => unpublishedBanner(page).textContent()).toContain('2027年节假日安排尚未发布：涉及2027年的日期按仅周末计算');

    const nationalDay = dayCell(page, '2026-10-01');
    await expect(nationalDay.getAttribute('data-kind')).resolves.toBe('holiday');
    await expect(nationalDay.textContent()).resolves.toMatch(/休.*国庆节/);
    const adjusted = dayCell(page, '2026-10-10');
    await expect(adjusted.getAttribute('data-kind')).resolves.toBe('adjusted-workday');
    await expect(adjusted.textContent()).resolves.toContain('班');
    await expect(dayCell(page, '2026-10-11').getAttribute('data-kind')).resolves.toBe('weekend');
    await snap(page, 'calendar-month');

    await switchLanguage(page, 'English');
    await expect.poll(() => unpublishedBanner(page).textContent()).toContain('The 2027 holiday arrangement has not been published yet');
    await expect(dayCell(page, '2026-10-01').textContent()).resolves.toContain('National Day');
    await snap(page, 'calendar-month-en');
    await switchLanguage(page, '中文');
    await expect.poll(() => dayCell(page, '2026-10-01').textContent()).toContain('国庆节');
  });

  it('shows the calendar read-only to staff, who cannot reach the settings tab', async () => {
    const me = await (await page.request.get('/api/me')).json();
    const created = await page.request.post('/api/users', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { email: 'staff.calendar@e2e.example.com', name: '日历员工', role: 'staff' },
    });
    const { initialPassword } = await created.json();
    const staff = await session.newPage();
    await logIn(staff, { email: 'staff.calendar@e2e.example.com', password: initialPassword });
    await staff.waitForURL(/\/dashboard$/);

    await staff.goto('/catalog/calendar?month=2026-10');
    await expect.poll(() => unpublishedBanner(staff).textContent()).toContain('2027年节假日安排尚未发布');
    await expect.poll(() => dayCell(staff, '2026-10-01').textContent()).toContain('国庆节');
    await expect(staff.getByRole('button', { name: '管理节假日安排' }).count()).resolves.toBe(0);

    await staff.goto('/settings/calendar');
    await staff.getByText('没有访问权限').waitFor();
  });

  it('counts 2026-09-30 + 1 working day to 2026-10-08 and lists the skipped holidays', async () => {
    await page.goto('/catalog/calendar');
    await calculateDeadline(page, { from: '2026-09-30', days: 1 });
    await expect.poll(() => page.getByTestId('deadline-date').textContent()).toContain('2026-10-08');
    await expect(deadlineResult(page).textContent()).resolves.not.toContain('暂定');

    await page.getByTestId('deadline-date').hover();
    await page.locator('.ant-tooltip').getByText('跳过 7 天（国庆节 7 天）').waitFor();

    const rows = await openBreakdown(page);
    await expect(rows.count()).resolves.toBe(9);
    await expect(rows.filter({ hasText: '跳过：国庆节' }).count()).resolves.toBe(7);
    await expect(rows.first().textContent()).resolves.toContain('起始日，不计入');
    await expect(rows.last().textContent()).resolves.toContain('第 1 个工作日');
    await snap(page, 'calendar-calculator-breakdown');
  });

  it('marks a count that runs into 2027 as provisional, with the reason', async () => {
    await setLoaded2027(page, null);
    await page.goto('/catalog/calendar');
    await calculateDeadline(page, { from: '2026-12-01', days: 30 });
    await expect.poll(() => page.getByTestId('deadline-date').textContent()).toContain('2027-01-12');
    await deadlineResult(page).getByTestId('provisional-tag').waitFor();
    await expect(deadlineResult(page).textContent()).resolves.toContain('暂定：2027年节假日安排尚未发布，按仅周末计算');
    await snap(page, 'calendar-calculator-provisional');
  });

  it('shows a bad row’s error beside it, then loads 2027 typed in: the banner and 暂定 go at once', async () => {
    await setLoaded2027(page, null);
    await page.goto('/settings/calendar');
    await waitForTitle(page, '设置');
    await expect(page.locator('#year').inputValue()).resolves.toBe('2027');
    await page.locator('#source').fill('测试用 2027 年安排 (test data)');
    // Enter confirms each typed date; it must not submit the half-typed year (it once did, and the form reset).
    const loadsSent: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/calendar/years') && loadsSent.push(r.url()));
    await typeArrangementDay(page, 0, { date: '2027-01-01', isOffDay: true, name: '元旦' });
    // 2027-02-10 is a Wednesday, so it cannot be an adjusted working day.
    await typeArrangementDay(page, 1, { date: '2027-02-10', isOffDay: false, name: '春节' });
    expect(loadsSent).toEqual([]);
    expect((await expectCall(page, loadYear, () => page.getByRole('button', { name: /载入并立即生效$/ }).click())).status()).toBe(400);

    await expect.poll(() => arrangementRow(page, 1).locator('.ant-form-item-explain').textContent()).toContain('调休上班日 2027-02-10 不是周六或周日');
    await expect(arrangementRow(page, 0).locator('.ant-form-item-explain').count()).resolves.toBe(0);
    await expect(unpublishedBanner(page).count()).resolves.toBe(1);
    await snap(page, 'settings-calendar-row-error');

    await fillDate(page.locator('#days_1_date'), '2027-02-13');
    await expect.poll(() => arrangementRow(page, 1).locator('.ant-form-item-explain').count()).toBe(0);
    const loaded = await expectCall(page, loadYear, () => page.getByRole('button', { name: /载入并立即生效$/ }).click());
    expect(loaded.ok()).toBe(true);
    await expect.poll(() => unpublishedBanner(page).count()).toBe(0);
    await expect(tableRows(page).filter({ hasText: '测试用 2027 年安排' }).textContent()).resolves.toContain('已载入');

    await page.getByText('在知识库中查看日历和期限计算器').click();
    await waitForTitle(page, '知识库');
    await calculateDeadline(page, { from: '2026-12-01', days: 30 });
    // 2027-01-01 is now a holiday, so the 30th working day moves from 01-12 to 01-13 and is no longer provisional.
    await expect.poll(() => page.getByTestId('deadline-date').textContent()).toContain('2027-01-13');
    await expect(deadlineResult(page).getByTestId('provisional-tag').count()).resolves.toBe(0);
    await expect(unpublishedBanner(page).count()).resolves.toBe(0);
  });

  /** Confirms replacing the loaded 2027 year: waits for the dialog, clicks inside it, and waits for it to close. */
  async function confirmReplace(): Promise<void> {
    const dialog = page.getByRole('dialog').filter({ hasText: '2027 年已有载入的安排' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /替\s?换$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('shows problems of a holiday-cn file beside its rows, replaces 2027 from a good file, and removes it again', async () => {
    await setLoaded2027(page, { ...test2027, source: '先前载入的 2027 年安排 (test data)' });
    await page.goto('/settings/calendar');
    await page.locator('.ant-segmented-item').filter({ hasText: '上传 holiday-cn 文件' }).click();
    const upload = (json: unknown) => page.locator('input[type=file]').setInputFiles({ name: '2027.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });

    // 2027-02-17 is a Wednesday: the file's 9th day cannot be an adjusted working day.
    const bad = { ...test2027, days: [...test2027.days.slice(0, 8), { date: '2027-02-17', isOffDay: false, name: '春节' }] };
    await upload(bad);
    await page.getByRole('button', { name: /载入 2027 年安排$/ }).click();
    await confirmReplace();
    const badRow = page.getByTestId('file-days').locator('tr.ant-table-row').nth(8);
    await expect.poll(() => badRow.getByTestId('row-issue').textContent()).toContain('不是周六或周日');
    await snap(page, 'settings-calendar-file-error');

    await upload(test2027);
    await expect.poll(() => page.getByTestId('file-days').locator('tr.ant-table-row').count()).toBe(9);
    await page.getByRole('button', { name: /载入 2027 年安排$/ }).click();
    expect((await expectCall(page, loadYear, confirmReplace)).ok()).toBe(true);
    await expect.poll(() => tableRows(page).filter({ hasText: '2027' }).first().textContent()).toContain('国务院办公厅关于2027年部分节假日安排的通知');

    const row = tableRows(page).filter({ hasText: '国务院办公厅关于2027年部分节假日安排的通知' });
    await row.getByRole('button', { name: /移\s?除/ }).click();
    await expect.poll(() => openPopconfirm(page).textContent()).toContain('该年将按仅周末计算并标记暂定');
    expect((await confirmPopconfirm(page, { method: 'DELETE', path: /^\/api\/calendar\/years\/2027$/ })).ok()).toBe(true);
    await expect.poll(() => unpublishedBanner(page).textContent()).toContain('2027年节假日安排尚未发布');
    await expect(tableRows(page).filter({ hasText: '国务院办公厅关于2027年部分节假日安排的通知' }).count()).resolves.toBe(0);
    await snap(page, 'settings-calendar');
  });
});
