import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/repo-root.ts';
import { movableClock, startHttpReceiver, startSmtpServer } from '../../../test/support/receivers.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { sweepReminders } from './sweep.ts';

const cli = path.join(repoRoot, 'bin', 'licensedesk.js');

/** Runs `licensedesk reminders sweep` in a process of its own against the app's database. */
function sweepInChild(t: TestApp, now: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [cli, 'reminders', 'sweep', '--now', now, '--allow-future', '--json'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: t.ctx.config.databaseUrl, LICENSEDESK_DATA_DIR: t.ctx.config.dataDir, LICENSEDESK_DEMO: '0', LICENSEDESK_WEBHOOK_ALLOW_PRIVATE: '1', LICENSEDESK_SMTP_URL: t.ctx.config.smtpUrl ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  return { child, done };
}

describe.each(testDialects())('reminders on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let staff: Session;
  let owner: Session;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let stalling = false;
  const clock = movableClock('2027-01-20T01:00:00.000Z');

  beforeAll(async () => {
    smtp = await startSmtpServer({ stall: () => stalling });
    t = await createTestApp(dialect, { LICENSEDESK_SMTP_URL: smtp.url, LICENSEDESK_WEBHOOK_ALLOW_PRIVATE: '1', LICENSEDESK_MAIL_FROM: 'LicenseDesk <robot@licensedesk.test>' }, { clock });
    org = await seedOrg(t.ctx, 'Remind');
    staff = await signIn(t.app, org.emails.staff);
    owner = await signIn(t.app, org.emails.owner);
    // The CLI bundle is built once here, not by two sweepers racing to build it.
    expect(spawnSync(process.execPath, [cli, '--help'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 }).status).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** Moves the clock and signs in again (a session lasts a week of the test's time). */
  const at = async (instant: string) => {
    clock.set(instant);
    staff = await signIn(t.app, org.emails.staff);
    owner = await signIn(t.app, org.emails.owner);
  };

  let serial = 0;
  const enter = async (clientIndex = 0) => {
    serial += 1;
    const res = await staff.request({ method: 'POST', url: '/api/licences', payload: { clientId: org.clientIds[clientIndex], licenceNumber: `京B2-202400${String(serial).padStart(2, '0')}`, services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2024-01-15' } });
    expect(res.statusCode, res.body).toBe(201);
    const obligations = (await staff.request({ method: 'GET', url: `/api/licences/${res.json().id}/obligations` })).json() as Array<{ id: string; key: string }>;
    return { id: res.json().id as string, obligation: (key: string) => obligations.find((o) => o.key === key)!.id };
  };
  const notificationsOf = async (session: Session) => (await session.request({ method: 'GET', url: '/api/notifications?pageSize=100' })).json() as { items: Array<{ id: string; obligationId: string; lead: string; title: { zh: string } }>; unread: number };
  const deliveriesOf = (obligationId: string) => t.ctx.db.selectFrom('reminderDeliveries').select(['lead', 'recipient', 'channel', 'status', 'attempts']).where('obligationId', '=', obligationId).execute();

  it('reminds the managers of what nobody is assigned to, once per lead time, in the app and by mail, and then the assignee of the next lead time', async () => {
    await at('2027-01-20T01:00:00.000Z');
    const licence = await enter();
    const first = await sweepReminders(t.ctx);
    // Three overdue (start of operations, the 2025 and 2026 reports) and the 2027 report, 70 days out: its 90-day notice.
    expect(first).toMatchObject({ planned: 4, notified: 8, queued: 8, sent: 8, failed: 0 });
    const ownerInbox = await notificationsOf(owner);
    expect(ownerInbox.unread).toBe(4);
    const report = ownerInbox.items.find((n) => n.obligationId === licence.obligation('annual-report:2027'))!;
    expect(report).toMatchObject({ lead: '90d', title: { zh: expect.stringContaining('还有 70 天到期') } });
    expect(ownerInbox.items.filter((n) => n.obligationId !== licence.obligation('annual-report:2027')).every((n) => /^overdue-\d+$/.test(n.lead))).toBe(true);
    // The mail arrived at a real SMTP server, once per manager and obligation.
    expect(smtp.mails).toHaveLength(8);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([...Array(4).fill(org.emails.admin), ...Array(4).fill(org.emails.owner)].sort());
    expect(smtp.mails.some((m) => m.raw.includes('Subject: =?UTF-8?') && m.from === 'robot@licensedesk.test')).toBe(true);
    // An overdue obligation: the lead times before due are recorded as skipped, not sent.
    const overdue = await deliveriesOf(licence.obligation('annual-report:2026'));
    expect(overdue.filter((d) => d.status === 'skipped').map((d) => d.lead)).toEqual(expect.arrayContaining(['90d', '30d', '14d', '7d', '1d', 'overdue-0']));
    expect(overdue.filter((d) => d.status === 'sent')).toHaveLength(4);

    // Sweeping again the same day sends nothing.
    expect(await sweepReminders(t.ctx)).toMatchObject({ planned: 0, notified: 0, queued: 0 });
    expect(smtp.mails).toHaveLength(8);

    // Assigned to the staff member; six weeks on, the 30-day notice goes to them alone.
    const reportId = licence.obligation('annual-report:2027');
    expect((await staff.request({ method: 'PUT', url: `/api/obligations/${reportId}/assignee`, payload: { assigneeId: staff.userId } })).statusCode).toBe(200);
    await at('2027-03-02T01:00:00.000Z');
    await sweepReminders(t.ctx);
    const staffInbox = await notificationsOf(staff);
    expect(staffInbox.items.map((n) => [n.obligationId, n.lead])).toEqual([[reportId, '30d']]);
    expect((await notificationsOf(owner)).items.filter((n) => n.obligationId === reportId).map((n) => n.lead)).toEqual(['90d']);
    expect((await staff.request({ method: 'POST', url: '/api/notifications/read', payload: { ids: [staffInbox.items[0].id] } })).json()).toEqual({ unread: 0 });
    expect((await owner.request({ method: 'POST', url: '/api/notifications/read', payload: { all: true } })).json()).toEqual({ unread: 0 });
    // Done: nothing more is sent for it.
    expect((await staff.request({ method: 'POST', url: `/api/obligations/${reportId}/complete`, payload: { note: '已报送' } })).statusCode).toBe(200);
    await at('2027-03-25T01:00:00.000Z');
    await sweepReminders(t.ctx);
    expect((await deliveriesOf(reportId)).filter((d) => d.lead === '7d')).toEqual([]);
  });

  it('signs webhooks, retries a failing receiver with backoff until it answers, and logs every delivery', async () => {
    await at('2027-01-20T01:00:00.000Z');
    const receiver = await startHttpReceiver((_request, n) => (n <= 2 ? { status: 500, body: 'busy' } : { status: 200 }));
    try {
      const created = await owner.request({ method: 'POST', url: '/api/webhooks', payload: { url: `${receiver.url}/hook`, preset: 'generic', name: '值班群' } });
      expect(created.statusCode, created.body).toBe(201);
      const { webhook, secret } = created.json() as { webhook: { id: string }; secret: string };
      expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect((await owner.request({ method: 'GET', url: '/api/webhooks' })).json().find((w: { id: string }) => w.id === webhook.id)).toMatchObject({ hasSecret: true, isActive: true });
      expect((await staff.request({ method: 'GET', url: '/api/webhooks' })).statusCode).toBe(403);

      // A licence whose 2027 report is the one reminder due: the first two tries fail, the third is accepted.
      serial += 1;
      const res = await staff.request({ method: 'POST', url: '/api/licences', payload: { clientId: org.clientIds[1], licenceNumber: `京B2-202400${String(serial).padStart(2, '0')}`, services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2026-01-10' } });
      expect(res.statusCode, res.body).toBe(201);
      const licenceId = res.json().id as string;
      expect((await staff.request({ method: 'POST', url: `/api/licences/${licenceId}/events`, payload: { kind: 'service-opened', date: '2026-02-01', serviceCode: 'B24-1' } })).statusCode).toBe(201);
      expect(await sweepReminders(t.ctx)).toMatchObject({ retrying: 1 });
      clock.advance(30_000);
      expect(await sweepReminders(t.ctx)).toMatchObject({ retrying: 1 });
      clock.advance(10_000);
      expect(await sweepReminders(t.ctx)).toMatchObject({ sent: 0, retrying: 0 });
      clock.advance(60_000);
      expect(await sweepReminders(t.ctx)).toMatchObject({ sent: 1, retrying: 0 });
      expect(receiver.requests).toHaveLength(3);
      for (const request of receiver.requests) {
        expect(request.headers['x-licensedesk-signature']).toBe(`sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`);
      }
      expect(new Set(receiver.requests.map((r) => r.headers['x-licensedesk-delivery'])).size).toBe(1);
      const body = JSON.parse(receiver.requests[2].body);
      expect(body).toMatchObject({ event: 'obligation.reminder', lead: '90d', obligation: { key: 'annual-report:2027', dueOn: '2027-03-31', licenceNumber: `京B2-202400${String(serial).padStart(2, '0')}` } });
      const log = (await owner.request({ method: 'GET', url: `/api/webhooks/${webhook.id}/deliveries` })).json();
      expect(log[0]).toMatchObject({ status: 'sent', attempts: 3, responseStatus: 200, lead: '90d' });
      // A test message, sent now and logged.
      const test = await owner.request({ method: 'POST', url: `/api/webhooks/${webhook.id}/test` });
      expect(test.json()).toMatchObject({ status: 'sent', attempts: 1, responseStatus: 200 });
      expect(JSON.parse(receiver.requests[3].body)).toMatchObject({ event: 'webhook.test' });
      // Paused, it receives nothing; removed, it is gone.
      const paused = await owner.request({ method: 'PATCH', url: `/api/webhooks/${webhook.id}`, payload: { version: 1, isActive: false } });
      expect(paused.json()).toMatchObject({ isActive: false, version: 2 });
      expect((await owner.request({ method: 'DELETE', url: `/api/webhooks/${webhook.id}` })).statusCode).toBe(204);
    } finally {
      await receiver.close();
    }
  });

  it('speaks each robot’s format: 企业微信 markdown, 钉钉 markdown with a signed URL', async () => {
    const receiver = await startHttpReceiver(() => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
    try {
      const wecom = (await owner.request({ method: 'POST', url: '/api/webhooks', payload: { url: `${receiver.url}/cgi-bin/webhook/send?key=abcdef123456`, preset: 'wecom' } })).json();
      expect(wecom.secret).toBeNull();
      expect(wecom.webhook.url).toContain('key=%E2%80%A63456');
      expect((await owner.request({ method: 'POST', url: `/api/webhooks/${wecom.webhook.id}/test` })).json().status).toBe('sent');
      expect(JSON.parse(receiver.requests[0].body)).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('LicenseDesk 测试消息') } });
      expect(receiver.requests[0].url).toBe('/cgi-bin/webhook/send?key=abcdef123456');
      const ding = (await owner.request({ method: 'POST', url: '/api/webhooks', payload: { url: `${receiver.url}/robot/send?access_token=tok`, preset: 'dingtalk', secret: 'SECdingtalk-secret' } })).json();
      expect((await owner.request({ method: 'POST', url: `/api/webhooks/${ding.webhook.id}/test` })).json().status).toBe('sent');
      const signed = new URL(receiver.requests[1].url, 'http://x');
      const timestamp = signed.searchParams.get('timestamp')!;
      expect(signed.searchParams.get('sign')).toBe(createHmac('sha256', 'SECdingtalk-secret').update(`${timestamp}\nSECdingtalk-secret`).digest('base64'));
      expect(JSON.parse(receiver.requests[1].body)).toMatchObject({ msgtype: 'markdown', markdown: { title: 'LicenseDesk 测试消息' } });
      for (const hook of [wecom, ding]) await owner.request({ method: 'DELETE', url: `/api/webhooks/${hook.webhook.id}` });
    } finally {
      await receiver.close();
    }
  });

  it('two sweepers at once deliver each reminder exactly once', async () => {
    const receiver = await startHttpReceiver(() => ({ status: 200 }));
    try {
      const hook = (await owner.request({ method: 'POST', url: '/api/webhooks', payload: { url: `${receiver.url}/both`, preset: 'generic' } })).json();
      const now = '2027-04-10T01:00:00.000Z';
      await at(now);
      const licences = [];
      for (let i = 0; i < 5; i++) licences.push(await enter(i % 2));
      const mailsBefore = smtp.mails.length;
      const [a, b] = await Promise.all([sweepInChild(t, now).done, sweepInChild(t, now).done]);
      expect(a.code, a.err).toBe(0);
      expect(b.code, b.err).toBe(0);
      const ids = licences.flatMap((l) => ['start-operating:B24-1', 'annual-report:2025', 'annual-report:2026', 'annual-report:2027'].map((k) => l.obligation(k)));
      // Each (obligation, lead, recipient, channel) exists once, and every one was delivered once.
      const rows = await t.ctx.db.selectFrom('reminderDeliveries').select(['obligationId', 'lead', 'recipient', 'channel', 'status']).where('obligationId', 'in', ids).where('status', '<>', 'skipped').execute();
      expect(rows).toHaveLength(ids.length * 5);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      const notifications = await t.ctx.db.selectFrom('notifications').select(['obligationId', 'userId']).where('obligationId', 'in', ids).execute();
      expect(notifications).toHaveLength(ids.length * 2);
      // The receiver and the SMTP server got exactly what the outbox says was sent at that instant, each once (the
      // sweep also reminded of older licences' obligations whose next lead time had come).
      const sentAt = new Date(now).toISOString();
      const hooked = await t.ctx.db.selectFrom('reminderDeliveries').select('id').where('recipient', '=', hook.webhook.id).where('status', '=', 'sent').execute();
      expect(hooked.length).toBeGreaterThanOrEqual(ids.length);
      expect(receiver.requests.map((r) => r.headers['x-licensedesk-delivery']).sort()).toEqual(hooked.map((h) => h.id).sort());
      const mailed = await t.ctx.db.selectFrom('reminderDeliveries').select('id').where('channel', '=', 'email').where('status', '=', 'sent').where('sentAt', '=', sentAt).execute();
      expect(smtp.mails.length - mailsBefore).toBe(mailed.length);
      expect(new Set(smtp.mails.slice(mailsBefore).map((m) => m.raw.match(/^Message-ID: (.*)$/m)?.[1])).size).toBe(mailed.length);
      await owner.request({ method: 'DELETE', url: `/api/webhooks/${hook.webhook.id}` });
    } finally {
      await receiver.close();
    }
  }, 120_000);

  it('a sweeper killed between claiming a mail and sending it leaves it to the next sweep, which sends it once', async () => {
    const now = '2027-05-20T01:00:00.000Z';
    await at(now);
    await enter(1);
    const mailsBefore = smtp.mails.length;
    const startedBefore = smtp.dataStarted;
    stalling = true;
    const run = sweepInChild(t, now);
    // The child has claimed its batch and is in the middle of sending the first mail when it dies.
    await expect.poll(() => smtp.dataStarted, { timeout: 60_000, interval: 50 }).toBeGreaterThan(startedBefore);
    run.child.kill('SIGKILL');
    await run.done;
    stalling = false;
    const pending = await t.ctx.db.selectFrom('reminderDeliveries').select(['id', 'leaseUntil']).where('channel', '=', 'email').where('status', '=', 'pending').execute();
    const leased = pending.filter((d) => d.leaseUntil !== null);
    expect(leased.length).toBeGreaterThan(0);
    expect(smtp.mails.length).toBe(mailsBefore);
    // While the dead sweeper's lease holds, nobody else sends what it claimed (what it had not claimed goes now);
    // once the lease has passed, the next sweep sends it, once.
    expect((await sweepReminders(t.ctx)).sent).toBe(pending.length - leased.length);
    expect(smtp.mails.length - mailsBefore).toBe(pending.length - leased.length);
    clock.advance(3 * 60 * 1000);
    const next = await sweepReminders(t.ctx);
    expect(next.sent).toBe(leased.length);
    expect(smtp.mails.length - mailsBefore).toBe(pending.length);
    expect(new Set(smtp.mails.slice(mailsBefore).map((m) => m.raw.match(/^Message-ID: (.*)$/m)?.[1])).size).toBe(pending.length);
    expect((await t.ctx.db.selectFrom('reminderDeliveries').select('id').where('channel', '=', 'email').where('status', '=', 'pending').execute())).toEqual([]);
    expect((await sweepReminders(t.ctx)).sent).toBe(0);
  }, 120_000);

  it('keeps the organisation’s lead times, refusing bad ones by field', async () => {
    await at('2027-05-21T01:00:00.000Z');
    const admin = await signIn(t.app, org.emails.admin);
    expect((await staff.request({ method: 'GET', url: '/api/settings/reminders' })).json()).toMatchObject({ leadDays: [90, 30, 14, 7, 1], overdueWeekly: true, version: 0, channels: { inApp: true, email: true } });
    expect((await staff.request({ method: 'PUT', url: '/api/settings/reminders', payload: { leadDays: [60], overdueWeekly: false, version: 0 } })).statusCode).toBe(403);
    const saved = await admin.request({ method: 'PUT', url: '/api/settings/reminders', payload: { leadDays: [7, 60], overdueWeekly: false, version: 0 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ leadDays: [60, 7], overdueWeekly: false, version: 1 });
    expect((await admin.request({ method: 'PUT', url: '/api/settings/reminders', payload: { leadDays: [30], overdueWeekly: true, version: 0 } })).json().error.code).toBe('VERSION_CONFLICT');
    expect((await admin.request({ method: 'PUT', url: '/api/settings/reminders', payload: { leadDays: [0], overdueWeekly: true, version: 1 } })).statusCode).toBe(400);
    expect((await admin.request({ method: 'PUT', url: '/api/settings/reminders', payload: { leadDays: [30, 30], overdueWeekly: true, version: 1 } })).statusCode).toBe(400);
    const reset = await admin.request({ method: 'PUT', url: '/api/settings/reminders', payload: { leadDays: [90, 30, 14, 7, 1], overdueWeekly: true, version: 1 } });
    expect(reset.json().version).toBe(2);
  });

  it('refuses a webhook pointing at this machine unless the instance allows it', async () => {
    const strict = await createTestApp(dialect);
    try {
      const o = await seedOrg(strict.ctx, 'Strict');
      const admin = await signIn(strict.app, o.emails.admin);
      for (const url of ['http://127.0.0.1:8080/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://10.0.0.5/hook', 'http://user:pw@example.com/x', 'http://[::ffff:127.0.0.1]:18080/leak', 'http://[64:ff9b::7f00:1]/x', 'http://2130706433/x', 'http://localhost:3000/x']) {
        const res = await admin.request({ method: 'POST', url: '/api/webhooks', payload: { url, preset: 'generic' } });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error.details[0]).toMatchObject({ field: 'url', code: 'WEBHOOK_URL_REFUSED' });
      }
      expect((await admin.request({ method: 'POST', url: '/api/webhooks', payload: { url: 'ftp://example.com/x', preset: 'generic' } })).statusCode).toBe(400);
    } finally {
      await strict.close();
    }
  });
});
