import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { test2027 } from '../support/calendar-fixtures.ts';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap, type E2eSession } from './support/session.ts';
import { confirmPopconfirm, logIn, openFromMenu, sideMenu, switchLanguage, waitForTitle } from './support/app-actions.ts';

/** The organisations table of 平台管理 and one of its rows. */
const organisationRow = (page: Page, name: string) => page.getByTestId('organisations-table').locator('tr.ant-table-row').filter({ hasText: name });

/** The first owner (the suite's admin) is the instance's operator: 平台管理 is theirs alone. */
describe.skipIf(!browserAvailable)('platform (平台管理): organisations and the official calendar', () => {
  let session: E2eSession;
  let page: Page;
  const opened = openSessionForSuite({ signInAsOwner: true });
  beforeAll(() => ({ session, page } = opened));

  const organisation = { name: `成都示例客服有限公司 ${Date.now()}`, ownerEmail: `cd-${Date.now()}@example.com`, ownerName: '成都所有者' };
  let ownerPassword = '';

  it('shows the operator every organisation with its user and client counts', async () => {
    await openFromMenu(page, '平台管理');
    await waitForTitle(page, '平台管理');
    const demo = organisationRow(page, '演示代理机构');
    await demo.waitFor();
    await expect(demo.textContent()).resolves.toMatch(/我所在的机构.*代办机构.*正常.*1.*3/);
    // An operator cannot deactivate their own organisation.
    await expect(demo.getByRole('button', { name: '停用' }).isDisabled()).resolves.toBe(true);
    await snap(page, 'platform');
  });

  it('creates an organisation with its owner; the generated password is shown once and signs in', async () => {
    await page.getByRole('button', { name: '新建机构' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('机构名称').fill(organisation.name);
    await dialog.getByText('持证企业').click();
    await dialog.getByLabel('所有者邮箱').fill(organisation.ownerEmail);
    await dialog.getByLabel('所有者姓名').fill(organisation.ownerName);
    await dialog.getByRole('button', { name: /新\s?建$/ }).click();
    const secret = page.getByTestId('one-time-secret');
    await secret.waitFor();
    ownerPassword = (await secret.textContent())?.trim() ?? '';
    expect(ownerPassword).toHaveLength(16);
    await snap(page, 'platform-initial-password');
    await page.getByRole('button', { name: '我已保存' }).click();
    await secret.waitFor({ state: 'detached' });
    await expect.poll(() => organisationRow(page, organisation.name).textContent()).toMatch(/持证企业.*正常.*1.*0/);
    await expect(page.locator('body').textContent()).resolves.not.toContain(ownerPassword);

    const owner = await session.newPage();
    await logIn(owner, { email: organisation.ownerEmail, password: ownerPassword });
    await owner.waitForURL(/\/dashboard$/);
    await owner.getByTestId('org-name').getByText(organisation.name).waitFor();
    await expect(sideMenu(owner).textContent()).resolves.not.toContain('平台管理');
    await owner.goto('/platform');
    await owner.getByText('没有访问权限').waitFor();
  });

  it("another organisation's owner sees the calendar read-only, with who loaded each year and from which notice", async () => {
    const me = await (await page.request.get('/api/me')).json();
    const loaded = await page.request.post('/api/calendar/years', { headers: { 'x-csrf-token': me.csrfToken }, data: { arrangement: test2027 } });
    expect(loaded.status()).toBe(200);

    const owner = await session.newPage();
    await logIn(owner, { email: organisation.ownerEmail, password: ownerPassword });
    await owner.waitForURL(/\/dashboard$/);
    await owner.goto('/settings/calendar');
    await waitForTitle(owner, '设置');
    await owner.getByTestId('calendar-operator-only').getByText('节假日安排由平台运营者统一载入').waitFor();
    await expect(owner.getByRole('button', { name: /载入并立即生效$/ }).count()).resolves.toBe(0);
    const row = owner.locator('tr.ant-table-row').filter({ hasText: test2027.source });
    await expect.poll(() => row.getByTestId('loaded-by').textContent()).toContain(`载入人：${me.user.name}（${me.user.email}）`);
    await expect(row.getByRole('button', { name: '移除' }).count()).resolves.toBe(0);
    await snap(owner, 'settings-calendar-read-only');

    await owner.goto('/settings/audit');
    await owner.locator('tr.ant-table-row').filter({ hasText: '载入节假日安排' }).first().waitFor();
  });

  it("deactivating an organisation stops its owner signing in; reactivating lets them back", async () => {
    await page.goto('/platform');
    const row = organisationRow(page, organisation.name);
    await row.getByRole('button', { name: '停用' }).click();
    expect((await confirmPopconfirm(page, { method: 'POST', path: /\/deactivate$/ })).status()).toBe(200);
    await expect.poll(() => row.textContent()).toContain('已停用');
    await snap(page, 'platform-deactivated');

    const owner = await session.newPage();
    await logIn(owner, { email: organisation.ownerEmail, password: ownerPassword });
    await owner.getByRole('alert').waitFor();
    await owner.waitForURL(/\/login$/);

    await row.getByRole('button', { name: '启用' }).click();
    expect((await confirmPopconfirm(page, { method: 'POST', path: /\/reactivate$/ })).status()).toBe(200);
    await expect.poll(() => row.textContent()).toContain('正常');
    await logIn(owner, { email: organisation.ownerEmail, password: ownerPassword });
    await owner.waitForURL(/\/dashboard$/);
  });

  it('speaks English too', async () => {
    await switchLanguage(page, 'English');
    await waitForTitle(page, 'Platform');
    await page.getByRole('button', { name: 'New organisation' }).waitFor();
    await expect.poll(() => organisationRow(page, '演示代理机构').textContent()).toContain('(your organisation)');
    await snap(page, 'platform-en');
    await switchLanguage(page, '中文');
    await waitForTitle(page, '平台管理');
  });
});
