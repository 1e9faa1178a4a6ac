import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSession, type E2eSession } from './support/session.ts';
import { logIn } from './support/app-actions.ts';

describe.skipIf(!browserAvailable)('login (登录)', () => {
  let session: E2eSession;
  let page: Page;

  beforeAll(async () => {
    session = await openSession();
    page = await session.newPage();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('says plainly when the email or password is wrong', async () => {
    await logIn(page, { email: session.server.adminEmail, password: 'not-the-password' });
    await page.getByRole('alert').getByText('登录失败').waitFor();
    await page.waitForURL(/\/login$/);
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
