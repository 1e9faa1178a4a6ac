import type { Locator, Page } from 'playwright-core';
import type { test2027 } from '../../support/calendar-fixtures.ts';

/** Steps on the working calendar (知识库 → 工作日历) and its management tab (设置 → 工作日历). */

/** Types a date into an antd date picker and confirms it. */
export async function fillDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

export function unpublishedBanner(page: Page): Locator {
  return page.getByTestId('unpublished-banner');
}

/** A day of the month view, e.g. dayCell(page, '2026-10-01'). */
export function dayCell(page: Page, date: string): Locator {
  return page.getByTestId('month-view').locator(`[data-date="${date}"]`);
}

/** Fills the deadline calculator: a start date plus N working (工作日) or calendar (自然日) days. */
export async function calculateDeadline(page: Page, input: { from: string; days: number; unit?: '工作日' | '自然日' }): Promise<void> {
  await fillDate(page.locator('#calc-from'), input.from);
  await page.locator('#calc-days').fill(String(input.days));
  await page.locator('.ant-segmented-item').filter({ hasText: input.unit ?? '工作日' }).click();
}

export function deadlineResult(page: Page): Locator {
  return page.getByTestId('deadline-result');
}

/** Opens the day-by-day list under the result and returns its rows. */
export async function openBreakdown(page: Page): Promise<Locator> {
  await deadlineResult(page).locator('.ant-collapse-header').click();
  const rows = page.getByTestId('counted-days').locator('tr.ant-table-row');
  await rows.first().waitFor();
  return rows;
}

export interface TypedDay {
  date: string;
  isOffDay: boolean;
  name: string;
}

/** One row of the typed arrangement form (row 0 exists already; later ones are added with 添加一天). */
export async function typeArrangementDay(page: Page, index: number, day: TypedDay): Promise<void> {
  if ((await page.locator(`#days_${index}_date`).count()) === 0) await page.getByRole('button', { name: '添加一天' }).click();
  await fillDate(page.locator(`#days_${index}_date`), day.date);
  await page.locator(`#days_${index}_isOffDay`).getByText(day.isOffDay ? '休 放假' : '班 上班').click();
  await page.locator(`#days_${index}_name`).fill(day.name);
  await page.locator(`#days_${index}_name`).press('Escape');
}

/** The row of the typed form, with its inputs and the errors shown beside them. */
export function arrangementRow(page: Page, index: number): Locator {
  return page.locator(`[data-row="${index}"]`);
}

/** Sets the server's 2027 arrangement (loaded from `arrangement`, or not loaded) through the API, so a test starts from a known state. */
export async function setLoaded2027(page: Page, arrangement: typeof test2027 | null): Promise<void> {
  const me = await (await page.request.get('/api/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const years = (await (await page.request.get('/api/calendar/years')).json()) as { years: Array<{ year: number; origin: string }> };
  const loaded = years.years.some((y) => y.year === 2027 && y.origin === 'loaded');
  if (loaded) {
    const removed = await page.request.delete('/api/calendar/years/2027', { headers });
    if (!removed.ok()) throw new Error(`could not remove 2027: ${removed.status()} ${await removed.text()}`);
  }
  if (arrangement) {
    const added = await page.request.post('/api/calendar/years', { headers, data: { arrangement } });
    if (!added.ok()) throw new Error(`could not load 2027: ${added.status()} ${await added.text()}`);
  }
}
