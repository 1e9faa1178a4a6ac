import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap } from './support/session.ts';
import { chooseOption, expectCall, tableRows, waitForTitle } from './support/app-actions.ts';
import { csrfHeaders, findClientId, openDialog } from './support/application-actions.ts';

const fuzhou = '福州示例呼叫服务有限公司（演示）';

/** Picks an option in the select whose input has this id (a field of a list, e.g. services_0_scope). */
async function chooseIn(page: Page, scope: Locator, id: string, optionText: string): Promise<void> {
  await scope.locator('.ant-select').filter({ has: page.locator(`#${id}`) }).last().click();
  await page.locator(`#${id}`).fill(optionText);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first().click();
}

describe.skipIf(!browserAvailable)('the licence registry (许可证) in the browser', () => {
  let page: Page;
  const opened = openSessionForSuite({ signInAsOwner: true });
  beforeAll(async () => {
    ({ page } = opened);
  });

  it('registers a licence obtained elsewhere, shows why a number does not fit, and lands on the licence with its obligations', async () => {
    await page.goto('/licenses');
    await waitForTitle(page, '许可证');
    await page.getByRole('button', { name: '登记许可证' }).first().click();
    const dialog = openDialog(page);
    await chooseOption(page, 'clientId', '福州示例');
    // A Beijing number for a Fujian licence: the server says why, beside the coverage.
    await dialog.locator('#licenceNumber').fill('京B2-20240101');
    await chooseIn(page, dialog, 'services_0_scope', '福建省');
    await dialog.locator('#issuedOn').fill('2024-01-15');
    await dialog.locator('#issuedOn').press('Enter');
    const refused = await expectCall(page, { method: 'POST', path: /^\/api\/licences$/ }, () => dialog.getByRole('button', { name: /登\s?记$/ }).click());
    expect(refused.status()).toBe(400);
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '闽' }).waitFor();

    await dialog.locator('#licenceNumber').fill('闽b2-20240101');
    const created = await expectCall(page, { method: 'POST', path: /^\/api\/licences$/ }, () => dialog.getByRole('button', { name: /登\s?记$/ }).click());
    expect(created.status()).toBe(201);
    await page.waitForURL(/\/licenses\/[0-9a-f-]{36}$/);
    await waitForTitle(page, '闽B2-20240101');
    await page.getByText('福建省通信管理局').first().waitFor();
    await page.getByText('2029-01-15').first().waitFor();
    const obligations = page.getByTestId('obligations-table');
    // Every annual report of the term (2025–2029), each with its status.
    await expect.poll(() => obligations.locator('tr.ant-table-row').filter({ hasText: '电信业务经营信息年报' }).count()).toBe(5);
    await snap(page, 'licence-detail');
  });

  it('records a report filed in the licence’s history, and its obligation turns done; removing it turns it back', async () => {
    const obligations = page.getByTestId('obligations-table');
    const report2025 = obligations.locator('tr.ant-table-row').filter({ hasText: '电信业务经营信息年报' }).filter({ hasText: '2025-03-31' });
    await expect(report2025.getAttribute('data-status')).resolves.toBe('overdue');
    const history = page.getByTestId('licence-history');
    await history.getByRole('button', { name: '记录事件' }).click();
    const dialog = openDialog(page);
    await dialog.locator('#date').fill('2025-03-10');
    await dialog.locator('#date').press('Enter');
    await dialog.locator('#year').fill('2025');
    await dialog.locator('#note').fill('回执编号 NB-2025-001');
    const recorded = await expectCall(page, { method: 'POST', path: /^\/api\/licences\/[0-9a-f-]{36}\/events$/ }, () => dialog.getByRole('button', { name: /记录事件$/ }).click());
    expect(recorded.status()).toBe(201);
    await history.getByTestId('licence-event').filter({ hasText: '年报已报送' }).filter({ hasText: '2025 年报送' }).waitFor();
    await expect.poll(() => report2025.getAttribute('data-status')).toBe('done');
    await snap(page, 'licence-history');

    await history.getByTestId('licence-event').filter({ hasText: '年报已报送' }).getByRole('button', { name: '删除' }).click();
    const removed = await expectCall(page, { method: 'DELETE', path: /\/events\/[0-9a-f-]{36}$/ }, () => page.locator('.ant-popconfirm').getByRole('button', { name: /删\s?除/ }).click());
    expect(removed.status()).toBe(204);
    await expect.poll(() => report2025.getAttribute('data-status')).toBe('overdue');
  });

  it('lists it soonest expiry first, by status and by number, and on its holder’s page', async () => {
    await page.goto('/licenses?q=' + encodeURIComponent('闽B2-2024'));
    const row = tableRows(page).filter({ hasText: '闽B2-20240101' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(fuzhou);
    await snap(page, 'licences-list');
    await expectCall(page, { method: 'GET', path: /^\/api\/licences$/ }, () => page.getByRole('radiogroup', { name: '状态' }).getByText('已过期').click());
    await page.getByText('没有符合条件的许可证').waitFor();
    expect(page.url()).toContain('status=expired');

    await row.waitFor({ state: 'detached' });
    await page.goto('/licenses');
    await tableRows(page).filter({ hasText: '闽B2-20240101' }).getByRole('link', { name: fuzhou }).click();
    await waitForTitle(page, fuzhou);
    await page.getByTestId('client-licences').getByText('闽B2-20240101').waitFor();
  });

  it('shows the licences in their renewal window on the dashboard', async () => {
    const clientId = await findClientId(page, '福州示例');
    // Issued five years ago less 60 days: it expires in about 60 days, inside the 180-day renewal window.
    const issued = new Date(Date.now() - (5 * 365 - 60) * 86_400_000).toISOString().slice(0, 10);
    const created = await page.request.post('/api/licences', {
      headers: await csrfHeaders(page),
      data: { clientId, licenceNumber: `闽B2-${issued.slice(0, 4)}0202`, services: [{ serviceCode: 'B24-1', scope: 'FJ' }], issuedOn: issued },
    });
    expect(created.status()).toBe(201);
    await page.goto('/dashboard');
    const card = page.getByTestId('expiring-licences');
    await card.getByText(`闽B2-${issued.slice(0, 4)}0202`).waitFor();
    await expect(card.locator('[data-status]').first().getAttribute('data-status')).resolves.toBe('expiring');
    await snap(page, 'dashboard-expiring-licences');
  });
});
