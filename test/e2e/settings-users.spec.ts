import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap, type E2eSession } from './support/session.ts';
import { logIn, tableRows, waitForTitle } from './support/app-actions.ts';

async function createStaffUser(page: Page, user: { email: string; name: string }): Promise<string> {
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('邮箱').fill(user.email);
  await dialog.getByLabel('姓名').fill(user.name);
  await dialog.getByRole('button', { name: /新\s?建$/ }).click();
  const secret = page.getByTestId('one-time-secret');
  await secret.waitFor();
  return (await secret.textContent())?.trim() ?? '';
}

async function createClientUser(page: Page, user: { email: string; name: string; company: string }): Promise<string> {
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('邮箱').fill(user.email);
  await dialog.getByLabel('姓名').fill(user.name);
  await dialog.locator('.ant-form-item').filter({ hasText: '角色' }).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '客户企业用户' }).click();
  await dialog.locator('.ant-form-item').filter({ hasText: '所属客户企业' }).locator('.ant-select').click();
  await page.keyboard.type(user.company.slice(0, 2));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: user.company }).first().click();
  await dialog.getByRole('button', { name: /新\s?建$/ }).click();
  const secret = page.getByTestId('one-time-secret');
  await secret.waitFor();
  const password = (await secret.textContent())?.trim() ?? '';
  await page.getByRole('button', { name: '我已保存' }).click();
  return password;
}

describe.skipIf(!browserAvailable)('settings (设置): users', () => {
  let session: E2eSession;
  let page: Page;
  const opened = openSessionForSuite({ signInAsOwner: true });
  beforeAll(async () => {
    ({ session, page } = opened);
    await page.getByText('在用客户').waitFor();
    await snap(page, 'dashboard');
  });

  it('creates a staff user and shows the initial password once', async () => {
    await page.goto('/settings/users');
    await waitForTitle(page, '设置');
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
    // Staff open 设置 only to read the reminder settings; users, tokens and webhooks are not theirs.
    await other.locator('.ant-layout-sider').getByText('设置', { exact: true }).click();
    await other.waitForURL(/\/settings\/reminders$/);
    await other.getByText('您可以查看提醒设置；只有所有者和管理员可以修改。').waitFor();
    await expect(other.getByRole('tab').allTextContents()).resolves.toEqual(['提醒']);
    await expect(other.getByRole('button', { name: /保\s?存$/ }).count()).resolves.toBe(0);
  });

  it('sends a client-company user straight to their own company, without settings', async () => {
    await page.goto('/settings/users');
    const user = { email: `client-${Date.now()}@example.com`, name: '福州客户联系人', company: '福州示例呼叫服务有限公司' };
    const password = await createClientUser(page, user);

    const other = await session.newPage();
    await logIn(other, { email: user.email, password });
    await other.waitForURL(/\/dashboard$/);
    await other.locator('.ant-layout-sider').getByText('我的企业', { exact: true }).click();
    await other.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await other.getByRole('heading', { level: 3, name: /福州示例呼叫服务有限公司/ }).waitFor();
    await expect(other.getByRole('button', { name: '归档' }).count()).resolves.toBe(0);
    await snap(other, 'client-user-own-company');

    // Their own contact details are theirs to edit; what feeds the licence is locked, with the reason shown.
    await other.getByRole('button', { name: /编\s?辑/ }).click();
    await other.getByTestId('company-locked').waitFor();
    await expect(other.locator('#name').isDisabled()).resolves.toBe(true);
    await expect(other.locator('#contactPhone').isDisabled()).resolves.toBe(false);
    await snap(other, 'client-user-edit-own-company');

    await other.goto('/settings/users');
    await other.getByText('没有访问权限').waitFor();
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
