import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSession, snap, type E2eSession } from './support/session.ts';
import { logIn, pageTitle, tableRows } from './support/app-actions.ts';

async function createStaffUser(page: Page, user: { email: string; name: string }): Promise<string> {
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('邮箱').fill(user.email);
  await dialog.getByLabel('姓名').fill(user.name);
  await dialog.getByRole('button', { name: /^新\s?建$/ }).click();
  const secret = page.getByTestId('one-time-secret');
  await secret.waitFor();
  return (await secret.textContent())?.trim() ?? '';
}

describe.skipIf(!browserAvailable)('settings (设置): users', () => {
  let session: E2eSession;
  let page: Page;

  beforeAll(async () => {
    session = await openSession();
    page = await session.newPage();
    await logIn(page, { email: session.server.adminEmail, password: session.server.adminPassword });
    await page.waitForURL(/\/dashboard$/);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('creates a staff user and shows the initial password once', async () => {
    await page.goto('/settings/users');
    await expect(pageTitle(page).textContent()).resolves.toBe('设置');
    await tableRows(page).first().waitFor();
    await snap(page, 'settings-users');

    const user = { email: `staff-${Date.now()}@example.com`, name: '张员工' };
    const password = await createStaffUser(page, user);
    expect(password.length).toBeGreaterThanOrEqual(8);
    await snap(page, 'settings-users-initial-password');

    await page.getByRole('button', { name: '我已保存' }).click();
    await page.getByTestId('one-time-secret').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain(user.email);
    await expect(page.locator('body').textContent()).resolves.not.toContain(password);

    // The password shown is the one that works.
    const other = await session.newPage();
    await logIn(other, { email: user.email, password });
    await other.waitForURL(/\/dashboard$/);
    await other.getByText(`欢迎，${user.name}`).waitFor();
    await expect(other.locator('.ant-layout-sider').textContent()).resolves.not.toContain('设置');
  });

  it('shows the API tokens and audit log tabs', async () => {
    await page.getByRole('tab', { name: 'API 令牌' }).click();
    await page.waitForURL(/\/settings\/tokens$/);
    await page.getByRole('button', { name: '新建令牌' }).waitFor();
    await snap(page, 'settings-tokens');

    await page.getByRole('tab', { name: '操作记录' }).click();
    await page.waitForURL(/\/settings\/audit$/);
    await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain('新建用户');
    await snap(page, 'settings-audit');
  });
});
