import { randomUUID } from 'node:crypto';
import ical from 'ical-generator';
import type { AppContext } from '../../app-context.ts';
import { findObligationRule, type ObligationKind } from '../../domain/catalog/obligation-rules.ts';
import { addDays } from '../../domain/dates/civil-date.ts';
import { randomSecret, sha256 } from '../../platform/crypto.ts';
import { mapPage, type Page, type PageRequest } from '../../platform/db/list-page.ts';
import { AppError, notFound, type Bilingual } from '../../platform/errors/app-error.ts';
import { NO_ROW_ID, type Actor, type Scope } from '../access/actor.ts';
import { actorHas, roleHas } from '../access/permissions.ts';
import { recordAudit } from '../audit/record-audit.ts';
import * as repo from './repository.ts';
import { feedScopes, feedTokenPattern, type CalendarFeed, type CalendarFeedCreate, type FeedScope } from './schemas.ts';

const feedEntity: Bilingual = { zh: '日历订阅', en: 'Calendar feed' };
const scopeNames: Record<FeedScope, Bilingual> = { user: { zh: '我的事项', en: 'my obligations' }, organisation: { zh: '全机构事项', en: 'the whole organisation' } };
const tokenShape = new RegExp(feedTokenPattern);

/** Most events one feed carries: calendar apps slow down, or give up, beyond a few thousand. */
export const feedEventLimit = 5000;
/** Done obligations stay on the calendar this many days after their due date. */
export const doneKeptDays = 90;

/** Where a feed answers, by its token. */
/** Active feeds one person may hold: a phone, a desktop, a shared calendar… with room to spare. */
export const maxFeedsPerUser = 10;

export const feedPath = (token: string) => `/api/calendar-feeds/${token}.ics`;

const toFeed = (row: repo.FeedRow): CalendarFeed => ({ id: row.id, scope: row.scope as FeedScope, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt });

/** Creates a subscription; its token is returned once, in the path, and stored only as its hash. */
export async function createFeed(ctx: AppContext, actor: Actor, input: CalendarFeedCreate): Promise<CalendarFeed & { path: string }> {
  if (input.scope === 'organisation' && !actorHas(actor, 'portfolio:read')) {
    throw new AppError(
      'FORBIDDEN',
      { zh: '只有代办机构的工作人员可以订阅全机构的合规日历；您可以订阅自己的日历（scope 选 user）', en: 'Only the agency’s staff may subscribe to the whole organisation’s obligations; you can subscribe to your own (scope user)' },
      [{ field: 'scope', code: 'SCOPE_NOT_ALLOWED', message: { zh: '请选择 user（我的事项）', en: 'choose user (my obligations)' } }],
    );
  }
  const token = randomSecret(32);
  const row: repo.FeedRow = { id: randomUUID(), orgId: actor.orgId, userId: actor.userId, scope: input.scope, tokenHash: sha256(token), createdAt: ctx.clock.now(), lastUsedAt: null, revokedAt: null };
  const name = scopeNames[input.scope];
  await ctx.db.transaction().execute(async (trx) => {
    const active = await trx.selectFrom('calendarFeeds').select((eb) => eb.fn.countAll<number>().as('n')).where('orgId', '=', actor.orgId).where('userId', '=', actor.userId).where('revokedAt', 'is', null).executeTakeFirst();
    if (Number(active?.n ?? 0) >= maxFeedsPerUser) {
      throw new AppError('CONFLICT', { zh: `每人最多 ${maxFeedsPerUser} 个有效的日历订阅，请先撤销不再使用的`, en: `Each person has at most ${maxFeedsPerUser} active calendar feeds: revoke one no longer used first` }, [
        { field: 'scope', code: 'TOO_MANY_FEEDS', message: { zh: `最多 ${maxFeedsPerUser} 个`, en: `at most ${maxFeedsPerUser}` } },
      ]);
    }
    await repo.insertFeed(trx, row);
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'calendar-feed.create', entityType: 'calendar-feed', entityId: row.id, summary: { zh: `创建日历订阅（${name.zh}）`, en: `Created a calendar feed (${name.en})` } });
  });
  return { ...toFeed(row), path: feedPath(token) };
}

export async function listFeeds(ctx: AppContext, actor: Actor, request: PageRequest): Promise<Page<CalendarFeed>> {
  return mapPage(await repo.listFeeds(ctx.db, actor, request), toFeed);
}

/** Revokes one of the caller's feeds: its address answers 404 from then on. */
export async function revokeFeed(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const feed = await repo.findFeed(ctx.db, actor, id);
  if (!feed) throw notFound(feedEntity);
  if (feed.revokedAt) return;
  const name = scopeNames[feed.scope as FeedScope] ?? { zh: feed.scope, en: feed.scope };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.revokeFeed(trx, actor, { id, at: ctx.clock.now() }))) return;
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'calendar-feed.revoke', entityType: 'calendar-feed', entityId: id, summary: { zh: `撤销日历订阅（${name.zh}）`, en: `Revoked a calendar feed (${name.en})` } });
  });
}

/** A feed answers while it is not revoked, its owner and organisation are active, and its owner may still see its scope. */
function isLive(holder: repo.FeedHolder): boolean {
  if (holder.revokedAt !== null || Number(holder.userIsActive) !== 1 || Number(holder.orgIsActive) !== 1) return false;
  if (!(feedScopes as readonly string[]).includes(holder.scope)) return false;
  return holder.scope !== 'organisation' || roleHas(holder.role as Actor['role'], 'portfolio:read');
}

/**
 * The calendar (ICS text) behind a feed token. An unknown, malformed or revoked token, and a feed whose owner can no
 * longer use it, all answer the same 404.
 */
export async function renderFeed(ctx: AppContext, token: string): Promise<string> {
  const holder = tokenShape.test(token) ? await repo.findFeedByTokenHash(ctx.db, sha256(token)) : undefined;
  if (!holder || !isLive(holder)) throw notFound(feedEntity);
  const now = ctx.clock.now();
  // Calendar apps poll often: use is recorded at most once a minute.
  if (!holder.lastUsedAt || Date.parse(now) - Date.parse(holder.lastUsedAt) >= 60_000) await repo.touchFeed(ctx.db, { orgId: holder.orgId, id: holder.id, at: now });
  const isClient = holder.role === 'client';
  // As scopeOf: a client user reaches their own company only.
  const scope: Scope = { orgId: holder.orgId, clientId: isClient ? (holder.clientId ?? NO_ROW_ID) : null };
  const today = ctx.clock.today();
  const rows = await repo.listFeedObligations(ctx.db, scope, {
    assigneeId: holder.scope === 'user' && !isClient ? holder.userId : undefined,
    doneSince: addDays(today, -doneKeptDays),
    limit: feedEventLimit,
  });
  return buildCalendar(rows, { scope: holder.scope as FeedScope, today });
}

function readBasis(text: string): Bilingual {
  try {
    const parsed = JSON.parse(text) as Partial<Bilingual>;
    return { zh: parsed.zh ?? '', en: parsed.en ?? '' };
  } catch {
    return { zh: text, en: text };
  }
}

function statusOf(row: Pick<repo.FeedObligationRow, 'state' | 'dueOn' | 'doneOn'>, today: string): string {
  if (row.state === 'done') return row.doneOn ? `已完成 Done（${row.doneOn}）` : '已完成 Done';
  return row.dueOn < today ? '已逾期 Overdue' : '待办 Open';
}

/** One all-day event per obligation on its due date; dates carry no time, so no time zone can move them. */
function buildCalendar(rows: repo.FeedObligationRow[], options: { scope: FeedScope; today: string }): string {
  const calendar = ical({
    name: options.scope === 'user' ? 'LicenseDesk 合规日历（我的事项）' : 'LicenseDesk 合规日历',
    description: 'LicenseDesk 合规事项 · Compliance obligations',
    prodId: { company: 'LicenseDesk', product: 'Obligations', language: 'ZH' },
    ttl: 60 * 60,
    x: { 'X-WR-TIMEZONE': 'Asia/Shanghai' },
  });
  for (const row of rows) {
    const title = findObligationRule(row.kind as ObligationKind)?.title ?? { zh: row.kind, en: row.kind };
    const basis = readBasis(row.basis);
    calendar.createEvent({
      id: `${row.id}@licensedesk`,
      allDay: true,
      start: row.dueOn,
      end: addDays(row.dueOn, 1),
      stamp: row.updatedAt,
      summary: `${title.zh} · ${row.clientName} · ${row.licenceNumber}`,
      description: [
        `事项 Obligation：${title.zh} / ${title.en}`,
        `依据：${basis.zh}`,
        `Basis: ${basis.en}`,
        `许可证 Licence：${row.licenceNumber}`,
        `客户 Client：${row.clientName}`,
        `截止 Due：${row.dueOn}`,
        `状态 Status：${statusOf(row, options.today)}`,
      ].join('\n'),
    });
  }
  return calendar.toString();
}
