import type { Locator, Page, Response } from 'playwright-core';
import { expectCall } from './app-actions.ts';

/** Steps on the 申请 pages, and the API set-up the application specs need (client-company users). */

/** The CSRF header a write through page.request needs, read from /api/me. */
export async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

/** The id of the (active) client company whose name contains `name`, as the signed-in user may see it. */
export async function findClientId(page: Page, name: string): Promise<string> {
  const answer = await page.request.get(`/api/clients?q=${encodeURIComponent(name)}`);
  const body = (await answer.json()) as { items: { id: string; name: string }[] };
  const found = body.items.find((c) => c.name.includes(name));
  if (!found) throw new Error(`no client named like ${name}`);
  return found.id;
}

/** Creates a client-company user through the API as the signed-in administrator; returns their credentials. */
export async function createClientUser(page: Page, user: { name: string; clientId: string }): Promise<{ email: string; password: string }> {
  const email = `client-${user.clientId.slice(0, 8)}-${Date.now()}@example.com`;
  const password = 'client-password-123';
  const answer = await page.request.post('/api/users', { headers: await csrfHeaders(page), data: { email, name: user.name, role: 'client', clientId: user.clientId, password } });
  if (!answer.ok()) throw new Error(`creating a client user answered ${answer.status()}: ${await answer.text()}`);
  return { email, password };
}

/** One item of the materials checklist, by its key (business-licence, company-profile, …). */
export function materialRow(page: Page, key: string): Locator {
  return page.getByTestId(`material-${key}`);
}

/** Chooses a file for an item (as its file chooser or a drop would) and waits for the server's answer to the upload. */
export async function uploadMaterial(page: Page, key: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<Response> {
  const input = materialRow(page, key).locator('input[type="file"]');
  return expectCall(page, { method: 'PUT', path: new RegExp(`/api/applications/[0-9a-f-]{36}/materials/${key}$`) }, () => input.setInputFiles(file));
}

/** The status tag of an item: 待上传, 待审核, 已通过 or 已退回. */
export function materialStatus(page: Page, key: string): Locator {
  return materialRow(page, key).getByTestId('material-status');
}

/** The dialog now open (antd keeps closed ones rendered but hidden). */
export function openDialog(page: Page): Locator {
  return page.getByRole('dialog');
}

/** Clicks a move's button (下一步) and returns its dialog. */
export async function openMove(page: Page, label: string): Promise<Locator> {
  await page.getByTestId('transition-actions').getByRole('button', { name: label }).click();
  const dialog = openDialog(page);
  await dialog.waitFor();
  return dialog;
}

/** Confirms the open move and waits for the server's answer to it. */
export function confirmMove(page: Page): Promise<Response> {
  return expectCall(page, { method: 'POST', path: /\/api\/applications\/[0-9a-f-]{36}\/transitions$/ }, () => openDialog(page).getByRole('button', { name: /确\s?认$/ }).click());
}

/** The coloured state tag in the page header. */
export function headerStateTag(page: Page): Locator {
  return page.locator('.ant-tag[data-state]').first();
}

/** Creates a client company through the API as the signed-in staff member; returns its id. */
export async function createClientThroughApi(page: Page, client: Record<string, unknown>): Promise<string> {
  const answer = await page.request.post('/api/clients', { headers: await csrfHeaders(page), data: client });
  if (!answer.ok()) throw new Error(`creating a client answered ${answer.status()}: ${await answer.text()}`);
  return ((await answer.json()) as { id: string }).id;
}

/** The facts a generated document still lacks, from its x-document-missing header. */
export function missingFacts(response: Response): string[] {
  return JSON.parse(decodeURIComponent(response.headers()['x-document-missing'] ?? '%5B%5D')) as string[];
}

interface ChecklistItem {
  key: string;
  required: boolean;
  generated: boolean;
  status: string;
}

/**
 * Brings every required checklist item to accepted through the API, as staff would one by one: generated documents are
 * drafted, the rest get a small PDF; then each is accepted. Items named in `except` are left for the browser.
 */
export async function acceptRequiredItemsThroughApi(page: Page, input: { applicationId: string; except: readonly string[]; pdf: Buffer }): Promise<void> {
  const base = `/api/applications/${input.applicationId}`;
  const headers = await csrfHeaders(page);
  const items = (await (await page.request.get(`${base}/materials`)).json()) as ChecklistItem[];
  for (const item of items.filter((m) => m.required && m.status !== 'accepted' && !input.except.includes(m.key))) {
    if (item.status === 'missing' || item.status === 'rejected') {
      const stored = item.generated
        ? await page.request.post(`${base}/documents/${item.key}`, { headers })
        : await page.request.put(`${base}/materials/${item.key}`, { headers, multipart: { file: { name: `${item.key}.pdf`, mimeType: 'application/pdf', buffer: input.pdf } } });
      if (!stored.ok()) throw new Error(`storing ${item.key} answered ${stored.status()}: ${await stored.text()}`);
    }
    const reviewed = await page.request.post(`${base}/materials/${item.key}/review`, { headers, data: { decision: 'accept' } });
    if (!reviewed.ok()) throw new Error(`accepting ${item.key} answered ${reviewed.status()}: ${await reviewed.text()}`);
  }
}
