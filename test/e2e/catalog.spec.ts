import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap } from './support/session.ts';
import { confirmPopconfirm, expectCall, openFromMenu, switchLanguage, waitForTitle } from './support/app-actions.ts';
import { chooseScope, eligibilityRow, prefillFromClient, rowTitled, rowWith, runSelfCheck } from './support/catalog-actions.ts';

describe.skipIf(!browserAvailable)('catalog (知识库) in the browser', () => {
  let page: Page;
  const opened = openSessionForSuite({ signInAsOwner: true });
  beforeAll(() => ({ page } = opened));

  it('browses the services and opens B24-1 with its materials and the 5-working-day correction notice and its source', async () => {
    await openFromMenu(page, '知识库');
    await waitForTitle(page, '知识库');
    await page.getByTestId('services-B1').getByText('互联网数据中心业务').waitFor();
    await snap(page, 'catalog-services');
    await page.getByRole('link', { name: '国内呼叫中心业务' }).click();

    await page.waitForURL(/\/catalog\/B24-1$/);
    await waitForTitle(page, 'B24-1 国内呼叫中心业务');
    const materials = page.getByTestId('materials-table').locator('tr.ant-table-row');
    await expect.poll(() => materials.count()).toBeGreaterThanOrEqual(9);
    await expect(rowTitled(page.getByTestId('materials-table'), '营业执照').textContent()).resolves.toMatch(/必需.*客户上传.*PDF/);
    await expect(rowWith(page.getByTestId('materials-table'), '经营增值电信业务书面申请').textContent()).resolves.toContain('LicenseDesk 生成');

    const correction = rowWith(page.getByTestId('stages-table'), '一次性补正告知');
    await expect(correction.textContent()).resolves.toContain('5 个工作日内');
    await correction.getByTestId('source-tag').first().hover();
    await expect.poll(() => page.locator('.ant-tooltip:visible').textContent()).toContain('电信业务经营许可管理办法（工业和信息化部令第42号）第十一条');
    await expect(correction.getByTestId('source-tag').first().textContent()).resolves.toBe('法规高');

    await page.getByRole('combobox', { name: '选择省份' }).fill('上海');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '上海市' }).click();
    await expect.poll(() => page.getByTestId('authority-name').textContent()).toBe('上海市通信管理局');
    await snap(page, 'catalog-service-b24-1');

    await switchLanguage(page, 'English');
    await waitForTitle(page, 'B24-1 Domestic call centre');
    await expect(rowWith(page.getByTestId('stages-table'), 'One consolidated correction notice').textContent()).resolves.toContain('within 5 working days');
    await snap(page, 'catalog-service-b24-1-en');
    await switchLanguage(page, '中文');
    await waitForTitle(page, 'B24-1 国内呼叫中心业务');
  });

  it('fails capital and business scope for the Shanghai demo client prefilled into the self-check', async () => {
    await page.goto('/catalog/eligibility');
    await waitForTitle(page, '知识库');
    await prefillFromClient(page, '上海示例客服外包有限公司（演示）');
    await expect(page.locator('#registeredCapital').inputValue()).resolves.toBe('800,000');
    await runSelfCheck(page);

    await expect(page.getByTestId('eligibility-verdict').textContent()).resolves.toContain('不通过');
    for (const key of ['registered-capital', 'business-scope']) {
      await expect(eligibilityRow(page, key).getAttribute('data-result')).resolves.toBe('fail');
      await expect(eligibilityRow(page, key).textContent()).resolves.toContain('不通过');
    }
    await expect(eligibilityRow(page, 'registered-capital').textContent()).resolves.toContain('¥800,000 低于省内要求的 ¥1,000,000');
    await expect(eligibilityRow(page, 'registration-province').textContent()).resolves.toContain('通过');
    await snap(page, 'catalog-eligibility-fail');
  });

  it('passes capital for the Ziyang demo client checked for a cross-regional licence', async () => {
    await page.goto('/catalog/eligibility');
    await prefillFromClient(page, '资阳示例信息技术有限公司（演示）');
    await chooseScope(page, '跨地区（全网）');
    await page.locator('#notDishonest').getByText('是', { exact: true }).click();
    await runSelfCheck(page);

    await expect(eligibilityRow(page, 'registered-capital').getAttribute('data-result')).resolves.toBe('pass');
    await expect(eligibilityRow(page, 'registered-capital').textContent()).resolves.toContain('不低于跨地区要求的 ¥10,000,000');
    await expect(eligibilityRow(page, 'not-dishonest').getAttribute('data-result')).resolves.toBe('pass');
    await expect(page.getByTestId('eligibility-verdict').textContent()).resolves.toContain('通过：满足全部必备条件');
    await snap(page, 'catalog-eligibility-pass');
  });

  it('previews a licence’s obligations with due dates and statuses', async () => {
    await page.goto('/catalog/obligations-preview');
    await chooseScope(page, '上海市（省内）');
    await page.locator('#issuedOn').fill('2025-12-15');
    await page.locator('#issuedOn').press('Enter');
    await page.locator('#today').fill('2026-11-28');
    await page.locator('#today').press('Enter');
    await page.getByRole('button', { name: /预\s?览$/ }).click();

    const table = page.getByTestId('obligations-table');
    // Every annual report of the term is listed, the missed one for 2026 and those still to come through 2030.
    await expect.poll(() => rowWith(table, '电信业务经营信息年报').count()).toBe(5);
    await expect(rowWith(table, '电信业务经营信息年报').filter({ hasText: '2026-03-31' }).getAttribute('data-status')).resolves.toBe('overdue');
    await expect(rowWith(table, '电信业务经营信息年报').filter({ hasText: '2030-03-31' }).getAttribute('data-status')).resolves.toBe('upcoming');
    await expect(rowWith(table, '开通业务').textContent()).resolves.toMatch(/2026-12-15.*即将到期/);
    await expect(rowWith(table, '许可证到期').textContent()).resolves.toContain('2030-12-15');
    await snap(page, 'catalog-obligations-preview');
  });

  it('lets an administrator override a rule value and shows it on the service page', async () => {
    const rules = { method: 'PUT', path: /^\/api\/settings\/rules$/ } as const;
    await page.goto('/settings/rules');
    await waitForTitle(page, '设置');
    const processing = page.getByTestId('rules-processing');
    const input = page.getByLabel('撰写并提交申请所需时间');
    await expect.poll(() => input.inputValue()).toBe('3'); // loaded, so the typed value is not overwritten
    await input.fill('99');
    await processing.getByRole('button', { name: /保\s?存$/ }).click();
    await expect.poll(() => processing.locator('.ant-form-item-explain').textContent()).toContain('1–60');

    await input.fill('5');
    // The confirmation is the point here, so it is caught as it appears rather than after it may have gone.
    const savedMessage = page.locator('.ant-message').getByText('「撰写并提交申请所需时间」已设为 5 个工作日').waitFor();
    const saved = await expectCall(page, rules, () => processing.getByRole('button', { name: /保\s?存$/ }).click());
    expect(saved.ok()).toBe(true);
    await savedMessage;
    await rowTitled(processing, '撰写并提交申请所需时间').getByText('本机构设置', { exact: true }).waitFor();
    await snap(page, 'settings-rules');

    await page.goto('/catalog/B24-1');
    const drafting = rowTitled(page.getByTestId('stages-table'), '撰写并提交申请');
    await expect.poll(() => drafting.textContent()).toContain('约 5 个工作日');
    await drafting.getByTestId('overridden-tag').waitFor();

    // An eligibility threshold: the requirement states the organisation's figure, tagged as theirs.
    await page.goto('/settings/rules');
    const eligibility = page.getByTestId('rules-eligibility');
    const staff = page.getByLabel('技术及管理人员人数（建议）');
    await expect.poll(() => staff.inputValue()).toBe('10');
    await staff.fill('15');
    await expectCall(page, rules, () => eligibility.getByRole('button', { name: /保\s?存$/ }).click());
    await rowTitled(eligibility, '技术及管理人员人数（建议）').getByText('本机构设置', { exact: true }).waitFor();
    await page.goto('/catalog/B24-1');
    const staffRow = rowTitled(page.getByTestId('criteria-table'), '技术及管理人员');
    await expect.poll(() => staffRow.textContent()).toContain('建议至少有15名技术及管理人员。');
    await staffRow.getByTestId('overridden-tag').waitFor();
    await expect(staffRow.textContent()).resolves.not.toContain('本机构设置：');

    // Resetting: the default is back in the input and the 本机构设置 tag is gone, on the page and after a reload.
    await page.goto('/settings/rules');
    await eligibility.getByRole('button', { name: /恢复默认$/ }).click();
    const resetMessage = page.locator('.ant-message').getByText('「技术及管理人员人数（建议）」已恢复默认值').waitFor();
    expect((await confirmPopconfirm(page, rules)).ok()).toBe(true);
    await resetMessage;
    await expect.poll(() => staff.inputValue()).toBe('10');
    await expect.poll(() => rowTitled(eligibility, '技术及管理人员人数（建议）').getByText('本机构设置', { exact: true }).count()).toBe(0);

    await processing.getByRole('button', { name: /恢复默认$/ }).click();
    expect((await confirmPopconfirm(page, rules)).ok()).toBe(true);
    await expect.poll(() => rowTitled(processing, '撰写并提交申请所需时间').getByText('本机构设置', { exact: true }).count()).toBe(0);
    await page.reload();
    await expect.poll(() => input.inputValue()).toBe('3');
    await expect(page.getByText('本机构设置', { exact: true }).count()).resolves.toBe(0);
  });
});
