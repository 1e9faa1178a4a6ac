import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap } from './support/session.ts';
import { expectCall, tableRows, waitForTitle } from './support/app-actions.ts';
import { createClientThroughApi, csrfHeaders } from './support/application-actions.ts';
import { validUscc } from './support/uscc.ts';

// The applications list shows what falls due next and which are overdue, and can show only those.
describe.skipIf(!browserAvailable)('overdue applications in the browser', () => {
  let page: Page;
  const opened = openSessionForSuite({ signInAsOwner: true });
  beforeAll(async () => {
    ({ page } = opened);
  });

  /** Opens an application through the API and records its contract on `signedOn`. */
  async function openWithContract(clientName: string, signedOn: string): Promise<void> {
    const clientId = await createClientThroughApi(page, { name: clientName, uscc: validUscc() });
    const headers = await csrfHeaders(page);
    const created = await page.request.post('/api/applications', { headers, data: { clientId, serviceCode: 'B24-1', scope: 'BJ' } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const moved = await page.request.post(`/api/applications/${id}/transitions`, { headers, data: { to: 'collecting', version: 1, contractSignedOn: signedOn, contractFeeYuan: 30000 } });
    expect(moved.status()).toBe(200);
  }

  it('tags the overdue ones in red and lists only them when asked', async () => {
    await openWithContract('逾期示例科技有限公司', '2024-01-05');
    const today = new Date().toISOString().slice(0, 10);
    await openWithContract('按期示例科技有限公司', today);

    await page.goto('/applications');
    await waitForTitle(page, '申请');
    const late = tableRows(page).filter({ hasText: '逾期示例科技有限公司' });
    await late.getByTestId('application-overdue').waitFor();
    const onTime = tableRows(page).filter({ hasText: '按期示例科技有限公司' });
    await onTime.waitFor();
    expect(await onTime.getByTestId('application-overdue').count()).toBe(0);

    const answered = await expectCall(page, { method: 'GET', path: /^\/api\/applications$/ }, () => page.getByTestId('overdue-filter').click());
    expect(new URL(answered.url()).searchParams.get('overdue')).toBe('true');
    await tableRows(page).filter({ hasText: '按期示例科技有限公司' }).waitFor({ state: 'detached' });
    await late.waitFor();
    expect(page.url()).toContain('overdue=true');
    await snap(page, 'applications-overdue');
  });
});
