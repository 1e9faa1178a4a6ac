import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { reminderStep, type ReminderPlan } from '../../domain/obligations/reminder-leads.ts';
import { chinaDateOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { dialectOf } from '../../platform/db/dialect-of.ts';
import { takeWriteLock } from '../../platform/db/write-lock.ts';
import { sequentialId } from '../../platform/db/sequential-id.ts';
import { loadReminderSettings } from '../obligations/reminder-settings.ts';
import { reminderMessage, type ReminderMessage } from './messages.ts';
import { postWebhook, webhookBody, type WebhookPreset } from './webhook-delivery.ts';

// The reminder sweep. Step one plans: each open obligation whose next lead time has passed gets one outbox row per
// recipient and channel for the latest lead passed (the earlier ones are recorded as skipped), and in-app ones are
// delivered at once as notifications; a unique key (obligation, lead, recipient, channel) makes each row exist once,
// whoever sweeps. Step two delivers: mail and webhooks are claimed under a lease (on PostgreSQL with FOR UPDATE SKIP
// LOCKED, so two sweepers never take the same row), sent, and marked sent, or retried with exponential backoff. A
// sweeper that dies after claiming leaves its rows to the next sweep once the lease has passed.

/** How long a claimed delivery is left to its sweeper before another may take it. */
const leaseMs = 2 * 60 * 1000;
/** Attempts before a delivery is given up as failed: 30 s, 1, 2, 4 … minutes apart, about 4 hours in all. */
const maxAttempts = 9;
const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 2 * 60 * 60 * 1000);

export interface SweepResult {
  /** Obligations whose lead time passed and were planned. */
  planned: number;
  queued: number;
  skipped: number;
  notified: number;
  sent: number;
  retrying: number;
  failed: number;
}

interface Recipient {
  userId: string;
  email: string;
}

interface OrgTargets {
  name: string;
  plan: ReminderPlan;
  /** Owners and admins: told of what nobody is assigned to. */
  managers: Recipient[];
  webhooks: Array<{ id: string }>;
}

const isPostgres = (db: Db) => dialectOf(db) === 'postgres';

async function orgTargets(db: Db, orgId: string, cache: Map<string, OrgTargets>): Promise<OrgTargets> {
  const cached = cache.get(orgId);
  if (cached) return cached;
  const org = await db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirst();
  const managers = await db.selectFrom('users').select(['id as userId', 'email']).where('orgId', '=', orgId).where('isActive', '=', 1).where('role', 'in', ['owner', 'admin']).execute();
  const webhooks = await db.selectFrom('webhooks').select('id').where('orgId', '=', orgId).where('isActive', '=', 1).execute();
  const targets = { name: org?.name ?? '', plan: await loadReminderSettings(db, orgId), managers, webhooks };
  cache.set(orgId, targets);
  return targets;
}

async function assigneeOf(db: Db, orgId: string, userId: string | null): Promise<Recipient | null> {
  if (!userId) return null;
  // Only an active member of the agency's staff: a client user (say, one whose role changed) never hears of another
  // company's obligations; the managers are told instead.
  const user = await db.selectFrom('users').select(['id as userId', 'email']).where('orgId', '=', orgId).where('id', '=', userId).where('isActive', '=', 1).where('role', '<>', 'client').executeTakeFirst();
  return user ?? null;
}

/** Plans one batch of due obligations in one transaction; returns how many it took (0: nothing left). */
async function planBatch(ctx: AppContext, today: string, totals: SweepResult): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    let pick = trx.selectFrom('obligations').select('id').where('state', '=', 'open').where('remindOn', '<=', today).orderBy('remindOn').limit(200);
    if (isPostgres(trx)) pick = pick.forUpdate().skipLocked();
    const ids = (await pick.execute()).map((r) => r.id);
    if (ids.length === 0) return 0;
    const rows = await trx
      .selectFrom('obligations')
      .innerJoin('licences', 'licences.id', 'obligations.licenceId')
      .innerJoin('clients', 'clients.id', 'obligations.clientId')
      .select(['obligations.id', 'obligations.orgId', 'obligations.key', 'obligations.kind', 'obligations.dueOn', 'obligations.licenceId', 'obligations.clientId', 'obligations.basis', 'obligations.assigneeId', 'licences.number as licenceNumber', 'clients.name as clientName'])
      .where('obligations.id', 'in', ids)
      .execute();
    const cache = new Map<string, OrgTargets>();
    const now = ctx.clock.now();
    for (const row of rows) {
      const targets = await orgTargets(trx, row.orgId, cache);
      const step = reminderStep(row.dueOn, today, targets.plan);
      if (step.send) {
        const assignee = await assigneeOf(trx, row.orgId, row.assigneeId);
        const people = assignee ? [assignee] : targets.managers;
        const message = reminderMessage(row, { today, publicUrl: ctx.config.publicUrl });
        const channels: Array<{ recipient: string; channel: 'in-app' | 'email' | 'webhook' }> = [
          ...people.map((p) => ({ recipient: p.userId, channel: 'in-app' as const })),
          ...(ctx.mailer.configured ? people.filter((p) => p.email).map((p) => ({ recipient: p.userId, channel: 'email' as const })) : []),
          ...targets.webhooks.map((w) => ({ recipient: w.id, channel: 'webhook' as const })),
        ];
        const base = { orgId: row.orgId, obligationId: row.id, createdAt: now, nextAttemptAt: now, attempts: 0, lastError: '', leaseUntil: null, responseStatus: null, sentAt: null };
        for (const lead of step.skip) {
          const skipped = channels.map((c) => ({ ...base, id: randomUUID(), lead, recipient: c.recipient, channel: c.channel, status: 'skipped', payload: '{}' }));
          if (skipped.length === 0) continue;
          const inserted = await trx.insertInto('reminderDeliveries').values(skipped).onConflict((oc) => oc.columns(['obligationId', 'lead', 'recipient', 'channel']).doNothing()).returning('id').execute();
          totals.skipped += inserted.length;
        }
        for (const c of channels) {
          const delivery = { ...base, id: randomUUID(), lead: step.send, recipient: c.recipient, channel: c.channel, status: c.channel === 'in-app' ? 'sent' : 'pending', sentAt: c.channel === 'in-app' ? now : null, payload: JSON.stringify({ message, organisation: { id: row.orgId, name: targets.name } }) };
          const inserted = await trx.insertInto('reminderDeliveries').values(delivery).onConflict((oc) => oc.columns(['obligationId', 'lead', 'recipient', 'channel']).doNothing()).returning('id').execute();
          if (inserted.length === 0) continue;
          if (c.channel === 'in-app') {
            await trx.insertInto('notifications').values({ id: sequentialId(), orgId: row.orgId, userId: c.recipient, obligationId: row.id, lead: step.send, title: JSON.stringify(message.title), body: JSON.stringify(message.body), createdAt: now, readAt: null }).execute();
            totals.notified++;
          } else totals.queued++;
        }
      }
      await trx.updateTable('obligations').set({ remindOn: step.nextOn }).where('id', '=', row.id).execute();
      totals.planned++;
    }
    return ids.length;
  });
}

interface Claimed {
  id: string;
  orgId: string;
  recipient: string;
  channel: string;
  lead: string;
  payload: string;
  attempts: number;
}

/** Claims a batch of deliveries that are due (and not leased to a live sweeper); on PostgreSQL, rows another holds are skipped. */
async function claimBatch(ctx: AppContext, now: string): Promise<Claimed[]> {
  return ctx.db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    let pick = trx
      .selectFrom('reminderDeliveries')
      .select(['id', 'orgId', 'recipient', 'channel', 'lead', 'payload', 'attempts'])
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '<=', now)
      .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<=', now)]))
      .orderBy('nextAttemptAt')
      .limit(20);
    if (isPostgres(trx)) pick = pick.forUpdate().skipLocked();
    const rows = await pick.execute();
    if (rows.length === 0) return [];
    const until = new Date(Date.parse(now) + leaseMs).toISOString();
    await trx.updateTable('reminderDeliveries').set({ leaseUntil: until }).where('id', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
  });
}

/** Sends one claimed delivery; returns what happened. Mail goes to the recipient's current address. */
export async function deliver(ctx: AppContext, delivery: Claimed): Promise<{ ok: boolean; status: number | null; error: string }> {
  const payload = JSON.parse(delivery.payload) as { message: ReminderMessage; organisation: { id: string; name: string } };
  if (delivery.channel === 'email') {
    const user = await ctx.db.selectFrom('users').select(['email', 'isActive']).where('id', '=', delivery.recipient).where('orgId', '=', delivery.orgId).executeTakeFirst();
    if (!user || Number(user.isActive) !== 1) return { ok: false, status: null, error: 'recipient no longer active' };
    try {
      await ctx.mailer.send(user.email, payload.message);
      return { ok: true, status: null, error: '' };
    } catch (error) {
      return { ok: false, status: null, error: error instanceof Error ? error.message : String(error) };
    }
  }
  const hook = await ctx.db.selectFrom('webhooks').select(['url', 'preset', 'secret', 'isActive']).where('id', '=', delivery.recipient).where('orgId', '=', delivery.orgId).executeTakeFirst();
  if (!hook || Number(hook.isActive) !== 1) return { ok: false, status: null, error: 'webhook removed or paused' };
  const sentAt = ctx.clock.now();
  const body = webhookBody(hook.preset as WebhookPreset, { event: delivery.lead.startsWith('test:') ? 'webhook.test' : 'obligation.reminder', deliveryId: delivery.id, sentAt, organisation: payload.organisation, lead: delivery.lead, message: payload.message });
  return postWebhook({ url: hook.url, preset: hook.preset as WebhookPreset, secret: hook.secret, body, deliveryId: delivery.id, nowMs: Date.parse(sentAt), allowPrivate: ctx.config.webhookAllowPrivate });
}

/** Records a delivery's outcome: sent; or its next attempt after a backoff; or, after the last, failed. */
export async function settle(ctx: AppContext, delivery: Pick<Claimed, 'id' | 'attempts'>, outcome: { ok: boolean; status: number | null; error: string }, options: { retry: boolean }): Promise<'sent' | 'retrying' | 'failed'> {
  const now = ctx.clock.now();
  const attempts = delivery.attempts + 1;
  if (outcome.ok) {
    await ctx.db.updateTable('reminderDeliveries').set({ status: 'sent', sentAt: now, attempts, responseStatus: outcome.status, lastError: '', leaseUntil: null }).where('id', '=', delivery.id).execute();
    return 'sent';
  }
  const giveUp = !options.retry || attempts >= maxAttempts;
  await ctx.db
    .updateTable('reminderDeliveries')
    .set({ status: giveUp ? 'failed' : 'pending', attempts, responseStatus: outcome.status, lastError: outcome.error.slice(0, 500), leaseUntil: null, nextAttemptAt: new Date(Date.parse(now) + backoffMs(attempts)).toISOString() })
    .where('id', '=', delivery.id)
    .execute();
  return giveUp ? 'failed' : 'retrying';
}

/**
 * One sweep as of the clock's now: plans every obligation whose lead time has passed, then delivers what is due.
 * Safe to run from several processes at once.
 */
export async function sweepReminders(ctx: AppContext): Promise<SweepResult> {
  const totals: SweepResult = { planned: 0, queued: 0, skipped: 0, notified: 0, sent: 0, retrying: 0, failed: 0 };
  const today = chinaDateOf(ctx.clock.now());
  while ((await planBatch(ctx, today, totals)) > 0);
  for (;;) {
    const batch = await claimBatch(ctx, ctx.clock.now());
    if (batch.length === 0) break;
    for (const delivery of batch) {
      const result = await settle(ctx, delivery, await deliver(ctx, delivery), { retry: true });
      totals[result]++;
    }
  }
  return totals;
}
