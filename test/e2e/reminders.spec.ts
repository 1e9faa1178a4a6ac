import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sweepReminders } from '../../src/modules/reminders/sweep.ts';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap, type E2eSession } from './support/session.ts';
import { confirmPopconfirm, expectCall, fieldError, switchLanguage, tableRows, waitForTitle } from './support/app-actions.ts';
import { createClientThroughApi, csrfHeaders, openDialog } from './support/application-actions.ts';
import { validUscc } from './support/uscc.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on this machine: keeps what it is sent and answers 200. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The bell's button, named by its unread count (提醒（N 条未读）, or 提醒 when none). */
function bell(page: Page, unread: number) {
  return page.getByRole('button', { name: unread > 0 ? `提醒（${unread} 条未读）` : '提醒', exact: true });
}

type Inbox = { unread: number; items: Array<{ id: string; obligationId: string | null; readAt: string | null; title: { zh: string } }> };

async function unreadThroughApi(page: Page): Promise<Inbox> {
  return (await (await page.request.get('/api/notifications?pageSize=100')).json()) as Inbox;
}

describe.skipIf(!browserAvailable)('reminders (提醒) in the browser', () => {
  let session: E2eSession;
  let page: Page;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  // Webhooks to this machine are refused unless the instance allows them; the receiver here is on 127.0.0.1.
  const opened = openSessionForSuite({ signInAsOwner: true, serverEnv: { LICENSEDESK_WEBHOOK_ALLOW_PRIVATE: '1' } });
  beforeAll(async () => {
    ({ session, page } = opened);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('rings the bell once a reminder exists; opening one marks it read and goes to its obligation', async () => {
    await bell(page, 0).waitFor();
    const clientId = await createClientThroughApi(page, { name: '提醒示例呼叫有限公司', uscc: validUscc() });
    // Issued in January 2024: its 2025 annual report is long overdue, so the sweep reminds the owner at once.
    const licence = await page.request.post('/api/licences', {
      headers: await csrfHeaders(page),
      data: { clientId, licenceNumber: '京B2-20240115', services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2024-01-15' },
    });
    expect(licence.status()).toBe(201);
    const swept = await sweepReminders(session.server.ctx);
    expect(swept.notified).toBeGreaterThan(0);
    const before = await unreadThroughApi(page);
    expect(before.unread).toBeGreaterThan(0);

    // A window coming back into focus reloads the count; a fresh load does too.
    await page.reload();
    await bell(page, before.unread).click();
    const panel = page.getByTestId('notifications-panel');
    // The demo workspace's licences have reminders too: this company's is among them.
    const first = panel.getByTestId('notification-item').filter({ hasText: '提醒示例呼叫有限公司' }).first();
    await expect(first.getAttribute('data-unread')).resolves.toBe('true');
    const ours = new Set(before.items.filter((n) => n.title.zh.includes('提醒示例呼叫有限公司')).map((n) => n.obligationId));
    expect(ours.size).toBeGreaterThan(0);
    await snap(page, 'reminders-bell-open');

    const read = await expectCall(page, { method: 'POST', path: /^\/api\/notifications\/read$/ }, () => first.click());
    expect(read.status()).toBe(200);
    expect(((await read.json()) as { unread: number }).unread).toBe(before.unread - 1);
    await page.waitForURL((url) => url.pathname === '/obligations' && ours.has(url.searchParams.get('focus')));
    await bell(page, before.unread - 1).waitFor();
  });

  it('marks every reminder read at once', async () => {
    // The obligation just opened shows in a drawer over the page; start afresh.
    await page.goto('/dashboard');
    const before = await unreadThroughApi(page);
    await bell(page, before.unread).click();
    const panel = page.getByTestId('notifications-panel');
    const read = await expectCall(page, { method: 'POST', path: /^\/api\/notifications\/read$/ }, () => panel.getByRole('button', { name: '全部标为已读' }).click());
    expect(((await read.json()) as { unread: number }).unread).toBe(0);
    await bell(page, 0).waitFor();
    await expect.poll(() => panel.locator('[data-testid="notification-item"][data-unread="true"]').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('saves the reminder lead times, and says so plainly when someone else saved first', async () => {
    await page.goto('/settings/reminders');
    await waitForTitle(page, '设置');
    const tags = page.getByTestId('lead-days').locator('.ant-tag');
    await expect.poll(() => tags.allTextContents()).toEqual(['提前 90 天', '提前 30 天', '提前 14 天', '提前 7 天', '提前 1 天']);
    await expect(page.getByTestId('reminder-channels').textContent()).resolves.toContain('LICENSEDESK_SMTP_URL');

    // A lead time already there is refused in the page; a new one is added in order.
    await page.locator('#lead-day-input').fill('30');
    await page.getByRole('button', { name: /添\s?加$/ }).click();
    await page.getByText('已有「提前 30 天」').waitFor();
    await page.locator('#lead-day-input').fill('60');
    await page.getByRole('button', { name: /添\s?加$/ }).click();
    await page.getByLabel('删除「提前 1 天」').click();
    await page.locator('#overdue-weekly').click();
    await expect.poll(() => tags.allTextContents()).toEqual(['提前 90 天', '提前 60 天', '提前 30 天', '提前 14 天', '提前 7 天']);
    await snap(page, 'settings-reminders');

    const saved = await expectCall(page, { method: 'PUT', path: /^\/api\/settings\/reminders$/ }, () => page.getByRole('button', { name: /保\s?存$/ }).click());
    expect(saved.status()).toBe(200);
    expect(await saved.json()).toMatchObject({ leadDays: [90, 60, 30, 14, 7], overdueWeekly: false, version: 1 });
    await page.reload();
    await expect.poll(() => tags.allTextContents()).toEqual(['提前 90 天', '提前 60 天', '提前 30 天', '提前 14 天', '提前 7 天']);
    await expect(page.locator('#overdue-weekly').getAttribute('aria-checked')).resolves.toBe('false');

    // Another administrator saves meanwhile: this page's save is refused, with the way to see theirs.
    const other = await page.request.put('/api/settings/reminders', { headers: await csrfHeaders(page), data: { leadDays: [45], overdueWeekly: true, version: 1 } });
    expect(other.status()).toBe(200);
    await page.getByLabel('删除「提前 7 天」').click();
    const refused = await expectCall(page, { method: 'PUT', path: /^\/api\/settings\/reminders$/ }, () => page.getByRole('button', { name: /保\s?存$/ }).click());
    expect(refused.status()).toBe(409);
    await page.getByTestId('reminders-conflict').getByText('提醒设置已被其他管理员修改，您的修改没有保存').waitFor();
    await snap(page, 'settings-reminders-conflict');
    await page.getByTestId('reminders-conflict').getByRole('button', { name: /重新加载/ }).click();
    await expect.poll(() => tags.allTextContents()).toEqual(['提前 45 天']);
    await page.getByTestId('reminders-conflict').waitFor({ state: 'detached' });
  });

  it('adds a signed webhook, shows its secret once, sends a test and lists the delivery', async () => {
    await page.getByRole('tab', { name: 'Webhook' }).click();
    await page.waitForURL(/\/settings\/webhooks$/);
    await page.getByText('还没有 Webhook').waitFor();
    await page.getByRole('button', { name: '添加 Webhook' }).click();
    const dialog = openDialog(page);

    // Each type says where its address and secret come from; a WeCom robot takes no secret.
    await dialog.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '企业微信群机器人' }).click();
    await expect(dialog.getByTestId('preset-help').textContent()).resolves.toContain('qyapi.weixin.qq.com');
    await expect(dialog.locator('#secret').count()).resolves.toBe(0);
    await dialog.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '通用（JSON）' }).click();
    await dialog.locator('#secret').waitFor();

    // The server refuses an address it will not call, and says why beside the field.
    await dialog.locator('#url').fill(receiver.url.replace('http://', 'http://user:pass@'));
    await dialog.locator('#name').fill('合规提醒接收');
    const refused = await expectCall(page, { method: 'POST', path: /^\/api\/webhooks$/ }, () => dialog.getByRole('button', { name: /添加 Webhook$/ }).click());
    expect(refused.status()).toBe(400);
    await expect.poll(() => fieldError(page, 'url').textContent()).toContain('用户名或密码');

    await dialog.locator('#url').fill(receiver.url);
    const created = await expectCall(page, { method: 'POST', path: /^\/api\/webhooks$/ }, () => dialog.getByRole('button', { name: /添加 Webhook$/ }).click());
    expect(created.status()).toBe(201);
    const secretBox = page.getByTestId('one-time-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(8);
    await page.getByTestId('signature-help').first().getByText('createHmac', { exact: false }).waitFor();
    await snap(page, 'settings-webhook-secret');
    await page.getByRole('button', { name: '我已保存' }).click();
    await secretBox.waitFor({ state: 'detached' });
    await expect(page.locator('body').textContent()).resolves.not.toContain(secret);

    const row = tableRows(page).filter({ hasText: '合规提醒接收' });
    await row.getByText('尚未发送').waitFor();
    const tested = await expectCall(page, { method: 'POST', path: /^\/api\/webhooks\/[0-9a-f-]{36}\/test$/ }, () => row.getByRole('button', { name: /发送测试$/ }).click());
    expect(await tested.json()).toMatchObject({ status: 'sent', responseStatus: 200, attempts: 1 });
    await row.locator('[data-status="sent"]').waitFor();

    // What arrived is signed with the secret shown once.
    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    expect(message.headers['x-licensedesk-signature']).toBe(`sha256=${createHmac('sha256', secret).update(message.body).digest('hex')}`);
    expect(JSON.parse(message.body)).toMatchObject({ event: 'webhook.test' });
    await snap(page, 'settings-webhooks');

    await row.getByRole('button', { name: /发送记录$/ }).click();
    const log = page.getByTestId('webhook-deliveries');
    const entry = log.locator('tr.ant-table-row').first();
    await entry.locator('[data-status="sent"]').waitFor();
    await expect(entry.textContent()).resolves.toMatch(/测试消息.*已送达.*1.*200/);
    await page.getByText('发送记录：合规提醒接收').waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await snap(page, 'settings-webhook-deliveries');
    await page.keyboard.press('Escape');
    await log.waitFor({ state: 'detached' });

    // Deleting asks first, then the row goes.
    await row.getByRole('button', { name: /删\s?除$/ }).click();
    const removed = await confirmPopconfirm(page, { method: 'DELETE', path: /^\/api\/webhooks\/[0-9a-f-]{36}$/ });
    expect(removed.status()).toBe(204);
    await row.waitFor({ state: 'detached' });
  });

  it('subscribes a calendar to my obligations: the address is shown once, works, and stops when revoked', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '日历订阅' }).click();
    const dialog = openDialog(page);
    await dialog.getByText('还没有日历订阅').waitFor();
    await dialog.getByRole('button', { name: '订阅全机构事项' }).waitFor();
    const created = await expectCall(page, { method: 'POST', path: /^\/api\/calendar-feeds$/ }, () => dialog.getByRole('button', { name: '订阅我的事项' }).click());
    expect(created.status()).toBe(201);
    const address = (await dialog.getByTestId('feed-url').textContent())?.trim() ?? '';
    expect(address).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    await dialog.getByTestId('calendar-feeds').getByText('我的事项').waitFor();
    await snap(page, 'calendar-feeds');

    const calendar = await page.request.get(address);
    expect(calendar.status()).toBe(200);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');

    await dialog.getByRole('button', { name: '我已复制' }).click();
    await dialog.getByTestId('feed-url').waitFor({ state: 'detached' });
    await dialog.getByTestId('calendar-feeds').getByRole('button', { name: /撤\s?销$/ }).click();
    const revoked = await confirmPopconfirm(page, { method: 'DELETE', path: /^\/api\/calendar-feeds\/[0-9a-f-]{36}$/ });
    expect(revoked.status()).toBe(204);
    await dialog.getByText('还没有日历订阅').waitFor();
    expect((await page.request.get(address)).status()).toBe(404);
  });

  it('reads in English too: the bell, the lead times and the webhook types', async () => {
    await page.keyboard.press('Escape');
    await page.goto('/settings/reminders');
    await switchLanguage(page, 'English');
    await waitForTitle(page, 'Settings');
    await expect.poll(() => page.getByTestId('lead-days').locator('.ant-tag').allTextContents()).toEqual(['45 days before']);
    await page.getByRole('button', { name: 'Reminders', exact: true }).click();
    await page.getByTestId('notifications-panel').getByText('Mark all read').waitFor();
    await snap(page, 'reminders-en');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByText('No webhooks yet').waitFor();
    await switchLanguage(page, '中文');
    await page.getByText('还没有 Webhook').waitFor();
  });
});
