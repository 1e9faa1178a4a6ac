import type { Locator, Page } from 'playwright-core';

/** Small steps a user takes in LicenseDesk, written in the words on the screen (Chinese UI unless switched). */

export async function logIn(page: Page, credentials: { email: string; password: string }, path = '/login'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('邮箱').fill(credentials.email);
  await page.getByLabel('密码').fill(credentials.password);
  await page.getByRole('button', { name: /登\s?录$/ }).click();
}

export async function switchLanguage(page: Page, label: '中文' | 'English'): Promise<void> {
  await page.locator('.ant-segmented-item').filter({ hasText: label }).click();
}

export function sideMenu(page: Page): Locator {
  return page.locator('.ant-layout-sider .ant-menu');
}

export async function openFromMenu(page: Page, label: string): Promise<void> {
  await sideMenu(page).getByText(label, { exact: true }).click();
}

export function pageTitle(page: Page): Locator {
  return page.locator('h3.ant-typography').first();
}

/** Waits for the page heading; navigation renders in a transition, so the URL can change first. */
export async function waitForTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 3, name: title, exact: true }).waitFor();
}

/** The form item (label, input, error text) that holds the input with this id; antd uses the field name as id. */
export function formItem(page: Page, fieldName: string): Locator {
  return page.locator('.ant-form-item').filter({ has: page.locator(`#${fieldName}`) });
}

export function fieldError(page: Page, fieldName: string): Locator {
  return formItem(page, fieldName).locator('.ant-form-item-explain');
}

export interface ClientInput {
  name: string;
  uscc: string;
  legalRepresentative?: string;
  registeredCapital?: string;
  province?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  foreignSharePercent?: string;
}

export async function chooseOption(page: Page, fieldName: string, optionText: string): Promise<void> {
  await formItem(page, fieldName).locator('.ant-select').click();
  await page.locator('#' + fieldName).fill(optionText);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first().click();
}

export async function fillClientForm(page: Page, client: ClientInput): Promise<void> {
  await page.locator('#name').fill(client.name);
  await page.locator('#uscc').fill(client.uscc);
  for (const field of ['legalRepresentative', 'registeredCapital', 'contactName', 'contactPhone', 'contactEmail', 'foreignSharePercent'] as const) {
    const value = client[field];
    if (value !== undefined) await page.locator(`#${field}`).fill(value);
  }
  if (client.province) await chooseOption(page, 'province', client.province);
}

/** Button names are matched at the end only: antd keeps a collapsed "loading" icon in the name after a request. */
export async function saveForm(page: Page): Promise<void> {
  await page.getByRole('button', { name: /保\s?存$|Save$/ }).click();
}

export async function searchClients(page: Page, text: string): Promise<void> {
  const box = page.getByPlaceholder('按名称或统一社会信用代码搜索');
  await box.fill(text);
  await box.press('Enter');
}

/** Rows of the main table, without antd's hidden measuring row. */
export function tableRows(page: Page): Locator {
  return page.locator('.ant-table-tbody tr.ant-table-row');
}

/** The popconfirm now open (antd keeps closed ones hidden in the page). */
export function openPopconfirm(page: Page): Locator {
  return page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
}

/**
 * Clicks OK in the open popconfirm until it closes: a click that lands while the popover is still
 * zooming in can be lost on a loaded machine, and a second click on a closed one does nothing.
 */
export async function confirmPopconfirm(page: Page): Promise<void> {
  const ok = openPopconfirm(page).getByRole('button', { name: /确\s?定/ });
  await ok.waitFor();
  for (let attempt = 0; attempt < 10 && (await ok.isVisible()); attempt++) {
    await ok.click({ timeout: 2_000 }).catch(() => undefined);
    await ok.waitFor({ state: 'hidden', timeout: 1_500 }).catch(() => undefined);
  }
  await ok.waitFor({ state: 'hidden' });
}
