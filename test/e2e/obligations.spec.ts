import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap } from './support/session.ts';
import { expectCall, logIn, waitForTitle } from './support/app-actions.ts';
import { createClientThroughApi, createClientUser, csrfHeaders, openDialog } from './support/application-actions.ts';
import { validUscc } from './support/uscc.ts';

const holder = '厦门合规示例呼叫有限公司（测试）';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface Summary {
  today: string;
  obligations: { overdue: number; dueSoon: number; onTrack: number };
  season: { phase: 'filing' | 'catch-up' | 'closed'; year: number; missing: number };
}

interface StoredObligation {
  id: string;
  key: string;
  status: string;
  doneBy: string | null;
}

const phaseTitles = { filing: '1–3月 年报填报期', 'catch-up': '4月 限期补报期', closed: '已关闭' } as const;

async function readSummary(page: Page): Promise<Summary> {
  return (await (await page.request.get('/api/dashboard')).json()) as Summary;
}

async function licenceObligations(page: Page, licenceId: string): Promise<StoredObligation[]> {
  return (await (await page.request.get(`/api/licences/${licenceId}/obligations`)).json()) as StoredObligation[];
}

/** Registers a Fujian call-centre licence (B24-1) for the client through the API; returns its id. */
async function createLicence(page: Page, input: { clientId: string; number: string; issuedOn: string }): Promise<string> {
  const created = await page.request.post('/api/licences', {
    headers: await csrfHeaders(page),
    data: { clientId: input.clientId, licenceNumber: input.number, services: [{ serviceCode: 'B24-1', scope: 'FJ' }], issuedOn: input.issuedOn },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** The dashboard's red/amber/green card, once its count has loaded. */
function countCard(page: Page, testId: string): Locator {
  return page.getByTestId(testId);
}

/** A screenshot with the open drawer whole: it is fixed to the window, so the window is made tall enough for it. */
async function snapWithDrawer(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: size?.width ?? 1366, height: 1500 });
  await snap(page, name);
  if (size) await page.setViewportSize(size);
}

describe.skipIf(!browserAvailable)('obligations (合规事项) and the dashboard in the browser', () => {
  let page: Page;
  let clientId: string;
  let year: number;
  let olderLicence: { id: string; number: string };
  let newerLicence: { id: string; number: string };
  const opened = openSessionForSuite({ signInAsOwner: true });

  beforeAll(async () => {
    ({ page } = opened);
    year = Number((await readSummary(page)).today.slice(0, 4));
    clientId = await createClientThroughApi(page, { name: holder, uscc: validUscc(), province: 'FJ' });
    // Issued two years ago: last year's annual report is overdue whatever today is, and this year's is the season's.
    olderLicence = { number: `闽B2-${year - 2}7001`, id: '' };
    olderLicence.id = await createLicence(page, { clientId, number: olderLicence.number, issuedOn: `${year - 2}-06-01` });
    newerLicence = { number: `闽B2-${year - 1}7002`, id: '' };
    newerLicence.id = await createLicence(page, { clientId, number: newerLicence.number, issuedOn: `${year - 1}-05-01` });
  });

  it('shows the red/amber/green counts, the next 30 days, the year ahead and the annual-report season', async () => {
    const summary = await readSummary(page);
    expect(summary.obligations.overdue).toBeGreaterThan(0);
    await page.goto('/dashboard');
    await waitForTitle(page, '工作台');
    await expect.poll(() => countCard(page, 'count-overdue').getAttribute('data-count')).toBe(String(summary.obligations.overdue));
    await expect(countCard(page, 'count-due-soon').getAttribute('data-count')).resolves.toBe(String(summary.obligations.dueSoon));
    await expect(countCard(page, 'count-on-track').getAttribute('data-count')).resolves.toBe(String(summary.obligations.onTrack));
    await countCard(page, 'count-overdue').getByText('逾期', { exact: true }).waitFor();

    const season = page.getByTestId('report-season');
    await expect(season.getAttribute('data-phase')).resolves.toBe(summary.season.phase);
    await season.getByTestId('season-phase').getByText(phaseTitles[summary.season.phase]).waitFor();
    await season.getByText(`尚未报送的许可证：${summary.season.missing} 张`).waitFor();
    for (const licence of [olderLicence, newerLicence]) await season.getByTestId('season-table').locator('tr.ant-table-row').filter({ hasText: licence.number }).waitFor();
    // From April on, companies still missing the report risk the bad list (不良名单).
    if (summary.season.phase !== 'filing') await season.getByTestId('season-warning').getByText('不良名单').waitFor();

    // The year ahead, drawn by chart.js in its own chunk, and the score with its formula.
    await page.getByTestId('dashboard-months').locator('canvas').waitFor();
    await page.getByTestId('score-formula').getByText('按时完成率 =').waitFor();
    await snap(page, 'dashboard');
  });

  it('completes an obligation from the 合规事项 page with a note and evidence; it shows done and the overdue count drops', async () => {
    const before = await readSummary(page);
    const key = `annual-report:${year - 1}`;
    await page.goto(`/obligations?licenceId=${olderLicence.id}&status=overdue`);
    await waitForTitle(page, '合规事项');
    await page.getByTestId('licence-filter').getByText(olderLicence.number).waitFor();
    const row = page.getByTestId('obligations-table').locator(`tr[data-key="${key}"]`);
    await row.getByTestId('days-overdue').getByText(/^逾期 \d+ 天$/).waitFor();
    await snap(page, 'obligations-list');

    await row.getByTestId('obligation-complete').click();
    const dialog = openDialog(page);
    await dialog.getByText('年报、码号年报和业务开通会同时记入该许可证的历史记录。').waitFor();
    await dialog.locator('#note').fill('已在年报系统报送，回执编号 E2E-2025-001');
    const completed = await expectCall(page, { method: 'POST', path: /^\/api\/obligations\/[0-9a-f-]{36}\/complete$/ }, () => dialog.getByRole('button', { name: /标记完成$/ }).click());
    expect(completed.status()).toBe(200);
    const uploaded = await expectCall(page, { method: 'POST', path: /\/evidence$/ }, () => dialog.locator('input[type="file"]').setInputFiles({ name: '回执.pdf', mimeType: 'application/pdf', buffer: pdf }));
    expect(uploaded.status()).toBe(200);
    await dialog.getByTestId('evidence-progress').and(dialog.locator('[data-status="done"]')).waitFor();
    await dialog.getByRole('button', { name: /^完\s?成$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Done, it leaves the overdue list.
    await row.waitFor({ state: 'detached' });

    // All statuses: the row is done; its details show the note, the evidence and the history.
    await expectCall(page, { method: 'GET', path: /^\/api\/obligations$/ }, () => page.getByTestId('status-filter').getByText('全部', { exact: true }).click());
    await expect.poll(() => row.getAttribute('data-status')).toBe('done');
    await row.getByTestId('obligation-open').click();
    const drawer = page.getByTestId('obligation-drawer');
    await expect.poll(() => drawer.getAttribute('data-status')).toBe('done');
    expect(page.url()).toMatch(/focus=[0-9a-f-]{36}/);
    await drawer.getByTestId('completion-note').getByText('回执编号 E2E-2025-001').waitFor();
    await drawer.getByTestId('evidence-download').getByText('回执.pdf').waitFor();
    await drawer.getByTestId('obligation-history-entry').and(drawer.locator('[data-kind="completed"]')).waitFor();
    // A report filed is a fact of the licence: it is undone there, not reopened here.
    await drawer.getByText('此项由许可证历史记录确认已完成').waitFor();
    await snapWithDrawer(page, 'obligations-drawer');

    // A deep link opens the same details (reminders link to them).
    const focused = page.url();
    await page.goto('/dashboard');
    await expect.poll(() => countCard(page, 'count-overdue').getAttribute('data-count')).toBe(String(before.obligations.overdue - 1));
    await page.goto(focused);
    await expect.poll(() => page.getByTestId('obligation-drawer').getAttribute('data-status')).toBe('done');
  });

  it('marks the season’s annual reports filed in bulk from the dashboard, naming the one that could not be', async () => {
    const key = `annual-report:${year}`;
    const [older, newer] = await Promise.all([olderLicence, newerLicence].map(async (l) => (await licenceObligations(page, l.id)).find((o) => o.key === key)!));
    expect(older.status).not.toBe('done');
    await page.goto('/dashboard');
    const season = page.getByTestId('report-season');
    const rows = season.getByTestId('season-table').locator('tr.ant-table-row');
    for (const licence of [olderLicence, newerLicence]) await rows.filter({ hasText: licence.number }).locator('input[type="checkbox"]').check();
    await season.getByTestId('bulk-bar').getByText('已选 2 项').waitFor();

    // Meanwhile someone files the newer licence's report: the bulk action names it instead of failing them all.
    const filed = await page.request.post(`/api/obligations/${newer.id}/complete`, { headers: await csrfHeaders(page), data: { note: '他人已报送' } });
    expect(filed.status()).toBe(200);

    await season.getByTestId('bulk-complete').click();
    const dialog = openDialog(page);
    await dialog.locator('#note').fill('年报季统一报送');
    const answered = await expectCall(page, { method: 'POST', path: /^\/api\/obligations\/bulk$/ }, () => dialog.getByRole('button', { name: /标记已报送$/ }).click());
    expect(answered.status()).toBe(200);
    const result = (await answered.json()) as { changed: number; failed: { id: string; code: string }[] };
    expect(result).toMatchObject({ changed: 1, failed: [{ id: newer.id, code: 'ALREADY_DONE' }] });
    await season.getByTestId('bulk-failures').getByText(newerLicence.number).waitFor();
    // Both are filed now, so the season no longer lists them.
    for (const licence of [olderLicence, newerLicence]) await rows.filter({ hasText: licence.number }).waitFor({ state: 'detached' });
    const after = (await licenceObligations(page, olderLicence.id)).find((o) => o.key === key)!;
    expect(after).toMatchObject({ status: 'done', doneBy: 'facts' });
    await snap(page, 'dashboard-season-filed');
  });

  it('shows the licence’s stored obligations on its page, with the way to their details', async () => {
    await page.goto(`/licenses/${olderLicence.id}`);
    await waitForTitle(page, olderLicence.number);
    const table = page.getByTestId('obligations-table');
    await expect.poll(() => table.locator(`tr[data-key="annual-report:${year - 1}"]`).getAttribute('data-status')).toBe('done');
    await expect(table.locator(`tr[data-key="annual-report:${year}"]`).getAttribute('data-status')).resolves.toBe('done');
    await snap(page, 'licence-obligations');
    await table.locator('tr[data-key="start-operating:B24-1"]').getByTestId('obligation-open').click();
    await page.getByTestId('obligation-drawer').getByText('开通业务').first().waitFor();
    expect(page.url()).toMatch(/\/licenses\/[0-9a-f-]{36}\?focus=[0-9a-f-]{36}$/);
  });

  it('lets a client company’s user read its obligations without the staff’s actions', async () => {
    const credentials = await createClientUser(page, { name: '厦门客户联系人', clientId });
    const clientPage = await opened.session.newPage();
    await logIn(clientPage, credentials);
    await clientPage.waitForURL(/\/dashboard$/);
    await clientPage.goto('/obligations');
    await waitForTitle(clientPage, '合规事项');
    const rows = clientPage.getByTestId('obligations-table').locator('tr.ant-table-row');
    await rows.filter({ hasText: olderLicence.number }).first().waitFor();
    await expect(rows.getByTestId('obligation-complete').count()).resolves.toBe(0);
    await expect(clientPage.locator('.ant-table-selection-column').count()).resolves.toBe(0);
    await clientPage.close();
  });
});
