import type { Locator, Page, Response } from 'playwright-core';

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

/** The API call a user action is expected to make, e.g. { method: 'POST', path: /\/archive$/ }. */
export interface ExpectedCall {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET';
  path: RegExp;
}

/**
 * Does `action` and waits until the server has answered the call it makes, returning that response. A click that
 * makes no call fails here, by name, instead of leaving a later assertion to time out.
 */
export async function expectCall(page: Page, call: ExpectedCall, action: () => Promise<void>): Promise<Response> {
  const answered = page.waitForResponse((r) => r.request().method() === call.method && call.path.test(new URL(r.url()).pathname));
  const [response] = await Promise.all([answered, action()]);
  return response;
}

/** Clicks OK in the open popconfirm once and waits for the write it confirms to be answered (motion is off in tests). */
export async function confirmPopconfirm(page: Page, call: ExpectedCall): Promise<Response> {
  const ok = openPopconfirm(page).getByRole('button', { name: /确\s?定/ });
  const response = await expectCall(page, call, () => ok.click());
  await ok.waitFor({ state: 'hidden' });
  return response;
}
