import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import type { LocalizedText } from '../../domain/calendar/types.ts';
import { checkReminderPlan, firstReminderOn } from '../../domain/obligations/reminder-leads.ts';
import { AppError, invalidFields, notFound, versionConflict } from '../../platform/errors/app-error.ts';
import type { Actor } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadReminderSettings } from '../obligations/reminder-settings.ts';
import type { MarkReadRequest, NotificationQuery, ReminderSettingsUpdate, WebhookCreate, WebhookPatch } from './schemas.ts';
import { deliver, settle } from './sweep.ts';
import { checkWebhookTarget, type WebhookPreset } from './webhook-delivery.ts';

const readText = (text: string): LocalizedText => {
  try {
    return JSON.parse(text) as LocalizedText;
  } catch {
    return { zh: text, en: text };
  }
};

/** The signed-in user's notifications, newest first, with how many are unread. */
export async function listNotifications(ctx: AppContext, actor: Actor, query: NotificationQuery) {
  const size = query.pageSize ?? 20;
  let q = withinScope(ctx.db.selectFrom('notifications'), { orgId: actor.orgId, clientId: null }, { org: 'orgId', client: null }).selectAll().where('userId', '=', actor.userId);
  if (query.unreadOnly) q = q.where('readAt', 'is', null);
  if (query.cursor) {
    const [at, id] = query.cursor.split('|');
    q = q.where((eb) => eb.or([eb('createdAt', '<', at), eb.and([eb('createdAt', '=', at), eb('id', '<', id)])]));
  }
  const rows = await q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(size + 1).execute();
  const unread = await ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', actor.userId).where('orgId', '=', actor.orgId).where('readAt', 'is', null).executeTakeFirst();
  const items = rows.slice(0, size).map((r) => ({ id: r.id, obligationId: r.obligationId, lead: r.lead, title: readText(r.title), body: readText(r.body), createdAt: r.createdAt, readAt: r.readAt }));
  const last = items.at(-1);
  return { items, unread: Number(unread?.n ?? 0), nextCursor: rows.length > size && last ? `${last.createdAt}|${last.id}` : null };
}

export async function markNotificationsRead(ctx: AppContext, actor: Actor, input: MarkReadRequest): Promise<{ unread: number }> {
  if (!input.ids && !input.all) throw invalidFields([{ field: 'ids', code: 'REQUIRED', message: { zh: '请给出 ids，或 all: true', en: 'send ids, or all: true' } }]);
  let q = withinScope(ctx.db.updateTable('notifications'), { orgId: actor.orgId, clientId: null }, { org: 'orgId', client: null }).set({ readAt: ctx.clock.now() }).where('userId', '=', actor.userId).where('readAt', 'is', null);
  if (input.ids) q = q.where('id', 'in', input.ids);
  await q.execute();
  const unread = await ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', actor.userId).where('orgId', '=', actor.orgId).where('readAt', 'is', null).executeTakeFirst();
  return { unread: Number(unread?.n ?? 0) };
}

async function activeWebhooks(ctx: AppContext, orgId: string): Promise<number> {
  const row = await ctx.db.selectFrom('webhooks').select((eb) => eb.fn.countAll<number>().as('n')).where('orgId', '=', orgId).where('isActive', '=', 1).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function getReminderSettings(ctx: AppContext, actor: Actor) {
  const settings = await loadReminderSettings(ctx.db, actor.orgId);
  return { ...settings, leadDays: [...settings.leadDays].sort((a, b) => b - a), channels: { inApp: true, email: ctx.mailer.configured, webhooks: await activeWebhooks(ctx, actor.orgId) } };
}

/**
 * Saves the organisation's lead times. Open obligations not yet due are looked at again from their new first lead
 * time (a lead already sent is never sent twice: the outbox's key holds).
 */
export async function updateReminderSettings(ctx: AppContext, actor: Actor, input: ReminderSettingsUpdate) {
  const problems = checkReminderPlan(input);
  if (problems.length > 0) throw invalidFields(problems.map((p) => ({ field: p.field, code: 'INVALID', message: { zh: p.zh, en: p.en } })));
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadReminderSettings(trx, actor.orgId);
    if (before.version !== input.version) throw versionConflict({ zh: '提醒设置', en: 'Reminder settings' }, before.version);
    const row = { leadDays: JSON.stringify(input.leadDays), overdueWeekly: input.overdueWeekly ? 1 : 0, updatedBy: actor.userId || null, updatedAt: now, version: input.version + 1 };
    if (input.version === 0) {
      const inserted = await trx.insertInto('reminderSettings').values({ orgId: actor.orgId, ...row }).onConflict((oc) => oc.column('orgId').doNothing()).returning('orgId').execute();
      if (inserted.length === 0) throw versionConflict({ zh: '提醒设置', en: 'Reminder settings' }, 1);
    } else {
      const result = await trx.updateTable('reminderSettings').set(row).where('orgId', '=', actor.orgId).where('version', '=', input.version).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw versionConflict({ zh: '提醒设置', en: 'Reminder settings' }, input.version + 1);
    }
    // Each open obligation still ahead is looked at again from its first lead time under the new plan.
    let after = '';
    for (;;) {
      const batch = await trx.selectFrom('obligations').select(['id', 'dueOn']).where('orgId', '=', actor.orgId).where('state', '=', 'open').where('dueOn', '>=', today).where('id', '>', after).orderBy('id').limit(1000).execute();
      if (batch.length === 0) break;
      for (const o of batch) {
        const first = firstReminderOn(o.dueOn, input);
        await trx.updateTable('obligations').set({ remindOn: first < today ? today : first }).where('id', '=', o.id).execute();
      }
      after = batch[batch.length - 1].id;
    }
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'settings.reminders.update', entityType: 'org-settings', entityId: actor.orgId,
      summary: { zh: `修改提醒设置：提前 ${input.leadDays.join('、')} 天${input.overdueWeekly ? '，逾期每周提醒' : ''}`, en: `Updated reminders: ${input.leadDays.join(', ')} days before due${input.overdueWeekly ? ', overdue weekly' : ''}` },
      changes: { leadDays: { from: before.leadDays, to: input.leadDays }, overdueWeekly: { from: before.overdueWeekly, to: input.overdueWeekly } },
    });
  });
  return getReminderSettings(ctx, actor);
}

const webhookEntity = { zh: 'Webhook', en: 'Webhook' };

/** The address with a robot's key (the query) shown only to its last four characters. */
function maskedUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const [key, value] of u.searchParams) u.searchParams.set(key, value.length > 4 ? `…${value.slice(-4)}` : '…');
    return u.toString();
  } catch {
    return url;
  }
}

type WebhookRow = { id: string; name: string; url: string; preset: string; secret: string; isActive: number; version: number; createdAt: string };

async function toWebhook(ctx: AppContext, actor: Actor, row: WebhookRow) {
  const last = await withinScope(ctx.db.selectFrom('reminderDeliveries'), { orgId: actor.orgId, clientId: null }, { org: 'orgId', client: null })
    .select(['status', 'createdAt', 'sentAt', 'lastError'])
    .where('recipient', '=', row.id)
    .where('channel', '=', 'webhook')
    .where('status', '<>', 'skipped')
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    id: row.id, name: row.name, url: maskedUrl(row.url), preset: row.preset as WebhookPreset, hasSecret: row.secret !== '', isActive: Number(row.isActive) === 1, version: Number(row.version), createdAt: row.createdAt,
    lastDelivery: last ? { status: last.status, at: last.sentAt ?? last.createdAt, error: last.lastError } : null,
  };
}

const scopedHooks = (ctx: AppContext, actor: Actor) => withinScope(ctx.db.selectFrom('webhooks'), { orgId: actor.orgId, clientId: null }, { org: 'orgId', client: null });

export async function listWebhooks(ctx: AppContext, actor: Actor) {
  const rows = await scopedHooks(ctx, actor).selectAll().orderBy('createdAt').orderBy('id').execute();
  return Promise.all(rows.map((r) => toWebhook(ctx, actor, r)));
}

async function requireWebhook(ctx: AppContext, actor: Actor, id: string): Promise<WebhookRow> {
  const row = await scopedHooks(ctx, actor).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(webhookEntity);
  return row;
}

const targetMessages: Record<string, LocalizedText> = {
  'not-a-url': { zh: '不是有效的网址', en: 'is not a valid URL' },
  'not-http': { zh: '须以 http:// 或 https:// 开头', en: 'must start with http:// or https://' },
  'credentials-in-url': { zh: '网址中不能含用户名或密码', en: 'must not carry a user name or password' },
  unresolvable: { zh: '无法解析该域名', en: 'the host name does not resolve' },
  'private-address': { zh: '不能指向本机或内网地址', en: 'must not point at this machine or a private network' },
};

async function checkTarget(ctx: AppContext, url: string): Promise<void> {
  const refused = await checkWebhookTarget(url, ctx.config.webhookAllowPrivate);
  if (refused) throw invalidFields([{ field: 'url', code: 'WEBHOOK_URL_REFUSED', message: targetMessages[refused] ?? { zh: refused, en: refused } }]);
}

/** Adds a webhook; a generic one without a secret gets a generated one, returned this once. */
export async function createWebhook(ctx: AppContext, actor: Actor, input: WebhookCreate) {
  await checkTarget(ctx, input.url);
  const generated = input.preset === 'generic' && !input.secret ? randomBytes(24).toString('base64url') : null;
  const now = ctx.clock.now();
  const row = { id: randomUUID(), orgId: actor.orgId, name: input.name?.trim() || new URL(input.url).hostname, url: input.url, preset: input.preset, secret: input.secret ?? generated ?? '', isActive: 1, version: 1, createdBy: actor.userId || null, createdAt: now, updatedAt: now };
  const count = await scopedHooks(ctx, actor).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  if (Number(count?.n ?? 0) >= 20) throw new AppError('CONFLICT', { zh: '每个机构最多 20 个 Webhook', en: 'An organisation has at most 20 webhooks' });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('webhooks').values(row).execute();
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'webhook.create', entityType: 'webhook', entityId: row.id, summary: { zh: `新增 Webhook「${row.name}」（${input.preset}）`, en: `Added webhook "${row.name}" (${input.preset})` }, changes: { url: maskedUrl(input.url), preset: input.preset } });
  });
  return { webhook: await toWebhook(ctx, actor, row), secret: input.preset === 'generic' ? row.secret : null };
}

export async function updateWebhook(ctx: AppContext, actor: Actor, id: string, input: WebhookPatch) {
  const before = await requireWebhook(ctx, actor, id);
  if (Number(before.version) !== input.version) throw versionConflict(webhookEntity, Number(before.version));
  if (input.url) await checkTarget(ctx, input.url);
  const changes = { name: input.name?.trim() || before.name, url: input.url ?? before.url, isActive: input.isActive === undefined ? Number(before.isActive) : input.isActive ? 1 : 0, version: input.version + 1, updatedAt: ctx.clock.now() };
  await ctx.db.transaction().execute(async (trx) => {
    const result = await withinScope(trx.updateTable('webhooks'), { orgId: actor.orgId, clientId: null }, { org: 'orgId', client: null }).set(changes).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw versionConflict(webhookEntity, input.version + 1);
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'webhook.update', entityType: 'webhook', entityId: id, summary: { zh: `修改 Webhook「${changes.name}」`, en: `Updated webhook "${changes.name}"` }, changes: { active: changes.isActive === 1, url: maskedUrl(changes.url) } });
  });
  return toWebhook(ctx, actor, { ...before, ...changes });
}

export async function deleteWebhook(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const before = await requireWebhook(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await withinScope(trx.deleteFrom('reminderDeliveries'), { orgId: actor.orgId, clientId: null }, { org: 'orgId', client: null }).where('recipient', '=', id).where('channel', '=', 'webhook').where('status', '=', 'pending').execute();
    await withinScope(trx.deleteFrom('webhooks'), { orgId: actor.orgId, clientId: null }, { org: 'orgId', client: null }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'webhook.delete', entityType: 'webhook', entityId: id, summary: { zh: `删除 Webhook「${before.name}」`, en: `Removed webhook "${before.name}"` } });
  });
}

/** Sends a test message now, once, and logs it with the deliveries. */
export async function testWebhook(ctx: AppContext, actor: Actor, id: string) {
  const hook = await requireWebhook(ctx, actor, id);
  const now = ctx.clock.now();
  const org = await ctx.db.selectFrom('organisations').select('name').where('id', '=', actor.orgId).executeTakeFirst();
  const message = {
    title: { zh: 'LicenseDesk 测试消息', en: 'LicenseDesk test message' },
    body: { zh: `这是一条来自 LicenseDesk 的测试消息（${hook.name}）。收到即表示配置正确。`, en: `A test message from LicenseDesk (${hook.name}). Receiving it means the webhook works.` },
    obligation: null,
    link: ctx.config.publicUrl,
  };
  const delivery = { id: randomUUID(), orgId: actor.orgId, obligationId: null, lead: `test:${randomUUID()}`, recipient: id, channel: 'webhook', status: 'pending', payload: JSON.stringify({ message, organisation: { id: actor.orgId, name: org?.name ?? '' } }), attempts: 0, nextAttemptAt: now, leaseUntil: new Date(Date.parse(now) + 60_000).toISOString(), lastError: '', responseStatus: null, sentAt: null, createdAt: now };
  await ctx.db.insertInto('reminderDeliveries').values(delivery).execute();
  const outcome = await deliver(ctx, { ...delivery, attempts: 0 });
  await settle(ctx, { id: delivery.id, attempts: 0 }, outcome, { retry: false });
  return getDelivery(ctx, actor, delivery.id);
}

async function getDelivery(ctx: AppContext, actor: Actor, deliveryId: string) {
  const row = await withinScope(ctx.db.selectFrom('reminderDeliveries'), { orgId: actor.orgId, clientId: null }, { org: 'orgId', client: null }).selectAll().where('id', '=', deliveryId).executeTakeFirstOrThrow();
  return toDelivery(row);
}

function toDelivery(row: { id: string; lead: string; obligationId: string | null; status: string; attempts: number; nextAttemptAt: string; responseStatus: number | null; lastError: string; sentAt: string | null; createdAt: string }) {
  return {
    id: row.id, lead: row.lead, obligationId: row.obligationId, status: row.status as 'pending' | 'sent' | 'skipped' | 'failed', attempts: Number(row.attempts),
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null, responseStatus: row.responseStatus === null ? null : Number(row.responseStatus), lastError: row.lastError, sentAt: row.sentAt, createdAt: row.createdAt,
  };
}

/** The webhook's delivery log, newest first (the last 100). */
export async function listDeliveries(ctx: AppContext, actor: Actor, id: string) {
  await requireWebhook(ctx, actor, id);
  const rows = await withinScope(ctx.db.selectFrom('reminderDeliveries'), { orgId: actor.orgId, clientId: null }, { org: 'orgId', client: null })
    .selectAll()
    .where('recipient', '=', id)
    .where('channel', '=', 'webhook')
    .where('status', '<>', 'skipped')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return rows.map(toDelivery);
}
