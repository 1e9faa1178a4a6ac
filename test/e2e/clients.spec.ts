import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap, type E2eSession } from './support/session.ts';
import { confirmPopconfirm, expectCall, fieldError, fillClientForm, formItem, logIn, openFromMenu, saveForm, searchClients, sideMenu, switchLanguage, tableRows, waitForTitle } from './support/app-actions.ts';
import { usccWithWrongCheck, validUscc } from './support/uscc.ts';

describe.skipIf(!browserAvailable)('clients (客户) in the browser', () => {
  let session: E2eSession;
  let page: Page;
  const opened = openSessionForSuite({ signInAsOwner: true });
  beforeAll(() => ({ session, page } = opened));

  it('sends a signed-out user to the login page and back to the page they wanted', async () => {
    const fresh = await session.newPage();
    await fresh.goto('/clients?status=all');
    await fresh.waitForURL(/\/login\?redirect=%2Fclients%3Fstatus%3Dall$/);
    await fresh.getByText('LicenseDesk 许可证管家').first().waitFor();
    await snap(fresh, 'login');

    await logIn(fresh, { email: session.server.adminEmail, password: session.server.adminPassword }, fresh.url());
    await fresh.waitForURL(/\/clients\?status=all$/);
    await waitForTitle(fresh, '客户');
    await fresh.getByText('演示工作区 Demo').waitFor();
    await tableRows(fresh).first().waitFor();
    await snap(fresh, 'clients-list');
  });

  it('switches the interface to English and back to Chinese', async () => {
    await openFromMenu(page, '客户');
    await waitForTitle(page, '客户');
    await switchLanguage(page, 'English');
    await sideMenu(page).getByText('Clients', { exact: true }).waitFor();
    await waitForTitle(page, 'Clients');
    await page.getByRole('button', { name: 'New client' }).first().waitFor();

    await page.reload();
    await sideMenu(page).getByText('Obligations', { exact: true }).waitFor();

    await switchLanguage(page, '中文');
    await sideMenu(page).getByText('合规事项', { exact: true }).waitFor();
    await waitForTitle(page, '客户');
  });

  it('creates a client company and finds it again by searching', async () => {
    const uscc = validUscc();
    const name = `杭州测试呼叫服务有限公司 ${uscc.slice(-6)}`;
    await openFromMenu(page, '客户');
    await page.getByRole('button', { name: '新建客户' }).first().click();
    await fillClientForm(page, { name, uscc, legalRepresentative: '王测试', registeredCapital: '1000000', province: '浙江', contactEmail: 'ops@example.com', foreignSharePercent: '12.5' });
    await saveForm(page);

    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await waitForTitle(page, name);
    await page.getByText('¥1,000,000').waitFor();
    await page.getByText('浙江省').first().waitFor();
    await page.getByText('新建客户 Created client').or(page.getByText('新建客户').nth(0)).first().waitFor();
    await snap(page, 'client-detail');

    await openFromMenu(page, '客户');
    await searchClients(page, uscc);
    await expect.poll(() => tableRows(page).count()).toBe(1);
    await expect(tableRows(page).first().textContent()).resolves.toContain(name);

    await searchClients(page, '不存在的公司名称');
    await page.getByText('没有符合条件的客户').waitFor();
  });

  it('reads the credit code on the detail page: province, registering department and category', async () => {
    await page.goto('/clients?q=91350100M000100Y43');
    await tableRows(page).first().getByRole('link').click();
    await waitForTitle(page, '福州示例呼叫服务有限公司（演示）');
    const parsed = page.getByTestId('uscc-parsed');
    await expect.poll(() => parsed.textContent()).toContain('登记地：福建省（350100）');
    await expect(parsed.textContent()).resolves.toContain('登记管理部门：工商（市场监管）');
    await expect(parsed.textContent()).resolves.toContain('机构类别：企业');

    await switchLanguage(page, 'English');
    await expect.poll(() => parsed.textContent()).toContain('Registered in: Fujian (350100)');
    await switchLanguage(page, '中文');
    await expect.poll(() => parsed.textContent()).toContain('福建省');
  });

  it('reads the credit code while typing and fills the province from it', async () => {
    await page.goto('/clients/new');
    await page.locator('#uscc').fill('9131000063159284XQ');
    await expect.poll(() => page.getByTestId('uscc-parsed').textContent()).toContain('上海市（310000）');
    await page.getByRole('button', { name: '设为省份：上海市' }).click();
    await expect.poll(() => formItem(page, 'province').textContent()).toContain('上海市');
    await page.getByRole('button', { name: '设为省份：上海市' }).waitFor({ state: 'detached' });

    // A wrong check character: the reason, and what the code still says.
    await page.locator('#uscc').fill(usccWithWrongCheck());
    await expect.poll(() => page.getByTestId('uscc-parsed').textContent()).toContain('校验码（第18位）');
    await expect(page.getByTestId('uscc-parsed').textContent()).resolves.toMatch(/仍可读出：.*登记地：北京市（110108）.*机构类别：企业/);
  });

  it('shows a duplicate credit code beside the field', async () => {
    await page.goto('/clients/new');
    await fillClientForm(page, { name: '重复代码测试有限公司', uscc: '91350100M000100Y43' });
    await saveForm(page);
    await expect.poll(() => fieldError(page, 'uscc').textContent()).toContain('福州示例呼叫服务有限公司');
  });

  it('edits a client, archives it and restores it', async () => {
    const uscc = validUscc();
    const name = `宁波编辑测试有限公司 ${uscc.slice(-6)}`;
    await page.goto('/clients/new');
    await fillClientForm(page, { name, uscc, contactPhone: '0574-1234567' });
    await saveForm(page);
    await waitForTitle(page, name);

    await page.getByRole('button', { name: /编\s?辑/ }).click();
    await waitForTitle(page, `编辑客户：${name}`);
    await page.locator('#contactPhone').fill('0574-7654321');
    await page.locator('#registeredCapital').fill('2500000');
    await saveForm(page);
    await waitForTitle(page, name);
    await page.getByText('0574-7654321').waitFor();
    await page.getByText('¥2,500,000').waitFor();

    await page.getByRole('button', { name: /归\s?档/ }).click();
    const archived = await confirmPopconfirm(page, { method: 'POST', path: /\/api\/clients\/[0-9a-f-]{36}\/archive$/ });
    expect(archived.ok()).toBe(true);
    await page.locator('.ant-tag').filter({ hasText: '已归档' }).first().waitFor();

    await page.goto(`/clients?q=${uscc}`);
    await page.getByText('没有符合条件的客户').waitFor();
    await page.goto(`/clients?q=${uscc}&status=archived`);
    await expect.poll(() => tableRows(page).count()).toBe(1);

    await tableRows(page).first().getByRole('link').click();
    await waitForTitle(page, name);
    await page.getByRole('button', { name: /恢\s?复/ }).click();
    const restored = await confirmPopconfirm(page, { method: 'POST', path: /\/api\/clients\/[0-9a-f-]{36}\/restore$/ });
    expect(restored.ok()).toBe(true);
    await page.locator('.ant-tag').filter({ hasText: '在用' }).first().waitFor();
    await page.getByText('归档客户').first().waitFor();
  });

  it('shows a failed credit-code check beside the field, and saves once the user confirms the code', async () => {
    const uscc = usccWithWrongCheck();
    const name = `苏州校验测试有限公司 ${uscc.slice(-6)}`;
    await page.goto('/clients/new');

    await fillClientForm(page, { name, uscc: 'ABC' });
    await saveForm(page);
    await expect.poll(() => fieldError(page, 'uscc').textContent()).toContain('应为 18 位');

    await fillClientForm(page, { name, uscc });
    await saveForm(page);
    await expect.poll(() => fieldError(page, 'uscc').textContent()).toContain('校验码');
    const override = page.getByText('我确认该信用代码无误，仍然保存（将记录在操作记录中）');
    await override.waitFor();
    await snap(page, 'client-form-uscc-error');

    await override.click();
    await saveForm(page);
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await waitForTitle(page, name);
    await page.getByText('已人工确认').waitFor();
  });

  it('when someone else saved first, says so and reloads their version instead of overwriting it', async () => {
    const uscc = validUscc();
    const name = `温州并发测试有限公司 ${uscc.slice(-6)}`;
    await page.goto('/clients/new');
    await fillClientForm(page, { name, uscc, contactPhone: '0577-1111111' });
    await saveForm(page);
    await waitForTitle(page, name);
    const id = page.url().split('/').pop()!;

    await page.getByRole('button', { name: /编\s?辑/ }).click();
    await waitForTitle(page, `编辑客户：${name}`);
    await expect.poll(() => page.locator('#contactPhone').inputValue()).toBe('0577-1111111');

    // A colleague changes the phone number while this form is open.
    const me = await (await page.request.get('/api/me')).json();
    const current = await (await page.request.get(`/api/clients/${id}`)).json();
    const colleague = await page.request.patch(`/api/clients/${id}`, { headers: { 'x-csrf-token': me.csrfToken }, data: { version: current.version, contactPhone: '0577-2222222' } });
    expect(colleague.ok()).toBe(true);

    await page.locator('#contactPhone').fill('0577-3333333');
    const refused = await expectCall(page, { method: 'PATCH', path: /^\/api\/clients\/[0-9a-f-]{36}$/ }, () => saveForm(page));
    expect(refused.status()).toBe(409);
    const notice = page.locator('.ant-notification-notice').filter({ hasText: '数据已被他人修改' });
    await notice.getByText('本次保存未生效').waitFor();
    await snap(page, 'client-edit-stale');
    await expectCall(page, { method: 'GET', path: /^\/api\/clients\/[0-9a-f-]{36}$/ }, () => notice.getByRole('button', { name: /重新加载/ }).click());
    await expect.poll(() => page.locator('#contactPhone').inputValue()).toBe('0577-2222222');
    await expect(notice.count()).resolves.toBe(0);

    await page.locator('#contactPhone').fill('0577-4444444');
    expect((await expectCall(page, { method: 'PATCH', path: /^\/api\/clients\/[0-9a-f-]{36}$/ }, () => saveForm(page))).ok()).toBe(true);
    await waitForTitle(page, name);
    await page.getByText('0577-4444444').waitFor();
  });
});
