import type { Locator, Page } from 'playwright-core';
import { chooseOption, formItem } from './app-actions.ts';

/** Steps in the catalog (知识库): the self-check form and the tables of a service page. */

/** Picks a client in 「从客户档案预填」 and waits until the form says it was prefilled. */
export async function prefillFromClient(page: Page, clientName: string): Promise<void> {
  await chooseOption(page, 'clientId', clientName);
  await page.getByText(`已按客户「${clientName}」的档案预填`).waitFor();
}

export async function chooseScope(page: Page, scopeLabel: string): Promise<void> {
  await chooseOption(page, 'scope', scopeLabel);
  await formItem(page, 'scope').getByText(scopeLabel, { exact: true }).filter({ visible: true }).first().waitFor();
}

export async function runSelfCheck(page: Page): Promise<void> {
  await page.getByRole('button', { name: /开始自检$/ }).click();
  await page.getByTestId('eligibility-verdict').waitFor();
}

/** One criterion of the self-check result, by its key (registered-capital, business-scope, …). */
export function eligibilityRow(page: Page, key: string): Locator {
  return page.getByTestId('eligibility-rows').locator(`tr[data-key="${key}"]`);
}

/** A row of a table on the page, found by text in it. */
export function rowWith(table: Locator, text: string): Locator {
  return table.locator('tr.ant-table-row').filter({ hasText: text });
}

/** The row whose title (or any cell text) is exactly this, e.g. 营业执照 but not 「…与营业执照一致」. */
export function rowTitled(table: Locator, title: string): Locator {
  return table.locator('tr.ant-table-row').filter({ has: table.page().getByText(title, { exact: true }) });
}
