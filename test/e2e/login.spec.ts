import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap, type E2eSession } from './support/session.ts';
import { logIn } from './support/app-actions.ts';

describe.skipIf(!browserAvailable)('login (登录)', () => {
  let session: E2eSession;
  let page: Page;
  const opened = openSessionForSuite({ signInAsOwner: false });
  beforeAll(() => ({ session, page } = opened));

  it('says plainly when the email or password is wrong', async () => {
    await logIn(page, { email: session.server.adminEmail, password: 'not-the-password' });
    await page.getByRole('alert').getByText('登录失败').waitFor();
    await page.waitForURL(/\/login$/);
  });

  it('after repeated failures, shows the server\'s message with the wait time', async () => {
    const email = `nobody-${Date.now()}@example.com`;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await logIn(page, { email, password: `wrong-${attempt}` });
      await page.getByRole('alert').waitFor();
    }
    const alert = page.getByRole('alert');
    await alert.getByText('尝试次数过多').waitFor();
    await expect(alert.textContent()).resolves.toMatch(/\d+\s*分钟后重试/);
    await snap(page, 'login-throttled');
  });

  it('logs out from the user menu', async () => {
    await logIn(page, { email: session.server.adminEmail, password: session.server.adminPassword });
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login$/);
    await page.goto('/settings');
    await page.waitForURL(/\/login\?redirect=/);
  });
});
