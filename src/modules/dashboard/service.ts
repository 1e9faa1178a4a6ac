import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import type { LocalizedText } from '../../domain/calendar/types.ts';
import { addDays, addMonths } from '../../domain/dates/civil-date.ts';
import type { Db } from '../../platform/db/database.ts';
import { scopeOf, type Actor, type Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import { countClients } from '../clients/repository.ts';
import * as obligations from '../obligations/repository.ts';
import { cachedBoard, cachedScores } from '../obligations/score-cache.ts';
import { toBrief, viewOf } from '../obligations/stored-service.ts';

/** Red, amber, green: overdue; due within this many days; on track. */
export const dueSoonDays = 14;
/** The season card lists this many licences still missing their report (the list page has them all). */
export const seasonItemsShown = 20;
/** The compliance score looks back this far. */
export const scoreMonths = 24;

export const scoreFormula: LocalizedText = {
  zh: `按时完成率 = 近 ${scoreMonths} 个月内到期、且在到期日当天或之前完成的事项数 ÷ 同期到期的事项数（不含不适用事项）× 100`,
  en: `On-time share = obligations due in the last ${scoreMonths} months that were done on or before their due date ÷ all obligations due in that time (not-applicable ones excluded) × 100`,
};

type Counts = { overdue: number; soon: number; later: number };

/** Open obligations in a due range (of one kind), exact: from the day counts organisation-wide, else counted. */
async function openBetween(db: Db, scope: Scope, range: { from: string; to: string; kind?: string }): Promise<number> {
  if (scope.clientId !== null) {
    const row = await obligations.filtered(db, scope, { state: 'open', due: range, kind: range.kind }).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }
  let query = withinScope(db.selectFrom('obligationCounts'), scope, { org: 'obligationCounts.orgId', client: null })
    .where('obligationCounts.state', '=', 'open')
    .where('obligationCounts.dueOn', '>=', range.from)
    .where('obligationCounts.dueOn', '<=', range.to);
  if (range.kind) query = query.where('obligationCounts.kind', '=', range.kind);
  const row = await query.select((eb) => eb.fn.sum<number>('obligationCounts.count').as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
type Month = { month: string; kind: string; count: number };

/** Organisation-wide, from the trigger-kept day counts (a few thousand rows); a client user's, from its own obligations. */
async function openCounts(db: Db, scope: Scope, bounds: { today: string; soon: string }): Promise<Counts> {
  if (scope.clientId !== null) return obligations.countOpenByDue(db, scope, bounds);
  const row = await withinScope(db.selectFrom('obligationCounts'), scope, { org: 'obligationCounts.orgId', client: null })
    .where('obligationCounts.state', '=', 'open')
    .select([
      sql<number>`sum(case when ${sql.ref('obligationCounts.dueOn')} < ${bounds.today} then ${sql.ref('obligationCounts.count')} else 0 end)`.as('overdue'),
      sql<number>`sum(case when ${sql.ref('obligationCounts.dueOn')} >= ${bounds.today} and ${sql.ref('obligationCounts.dueOn')} <= ${bounds.soon} then ${sql.ref('obligationCounts.count')} else 0 end)`.as('soon'),
      sql<number>`sum(case when ${sql.ref('obligationCounts.dueOn')} > ${bounds.soon} then ${sql.ref('obligationCounts.count')} else 0 end)`.as('later'),
    ])
    .executeTakeFirst();
  return { overdue: Number(row?.overdue ?? 0), soon: Number(row?.soon ?? 0), later: Number(row?.later ?? 0) };
}

async function monthCounts(db: Db, scope: Scope, range: { from: string; to: string }): Promise<Month[]> {
  if (scope.clientId !== null) return obligations.countOpenByMonth(db, scope, range);
  const month = sql<string>`substr(${sql.ref('obligationCounts.dueOn')}, 1, 7)`;
  const rows = await withinScope(db.selectFrom('obligationCounts'), scope, { org: 'obligationCounts.orgId', client: null })
    .where('obligationCounts.state', '=', 'open')
    .where('obligationCounts.dueOn', '>=', range.from)
    .where('obligationCounts.dueOn', '<=', range.to)
    .select([month.as('month'), 'obligationCounts.kind', sql<number>`sum(${sql.ref('obligationCounts.count')})`.as('count')])
    .groupBy([month, 'obligationCounts.kind'])
    .execute();
  return rows.map((r) => ({ month: r.month, kind: r.kind, count: Number(r.count) }));
}

/** Every client's on-time share over the range, the portfolio's, and the ten lowest (computed once, then kept). */
async function computeScores(db: Db, scope: Scope, range: { from: string; to: string }) {
  const byClient = await obligations.onTimeByClient(db, scope, range);
  const scored = byClient
    .map((c) => ({ ...c, score: c.due > 0 ? Math.round((100 * c.onTime) / c.due) : null }))
    .sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || b.due - a.due || (a.clientName < b.clientName ? -1 : 1));
  const totalDue = byClient.reduce((s, c) => s + c.due, 0);
  const totalOnTime = byClient.reduce((s, c) => s + c.onTime, 0);
  return { overall: totalDue > 0 ? Math.round((100 * totalOnTime) / totalDue) : null, clients: scored.length, lowest: scored.slice(0, 10) };
}

function scores(db: Db, scope: Scope, range: { from: string; to: string }) {
  return cachedScores({ orgId: scope.orgId, rest: `${scope.clientId ?? ''}|${range.to}` }, () => computeScores(db, scope, range));
}

/** The annual-report season on `today`: filing (Jan–Mar), catch-up (April), then closed until next year. */
export function seasonOf(today: string): { phase: 'filing' | 'catch-up' | 'closed'; year: number; dueOn: string; warning: LocalizedText | null } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const dueOn = `${year}-03-31`;
  if (month <= 3) return { phase: 'filing', year, dueOn, warning: null };
  if (month === 4) {
    return { phase: 'catch-up', year, dueOn, warning: { zh: `4月为限期补报期（至 ${year}-04-30），5月1日系统关闭；仍未报送的将被列入电信业务经营不良名单（《电信业务经营许可管理办法》第三十八条）。`, en: `April is the catch-up period (until ${year}-04-30) and the system closes on 1 May; companies still missing then go on the telecom bad list (不良名单, Order 42 Art. 38).` } };
  }
  return { phase: 'closed', year, dueOn, warning: { zh: `${year} 年年报系统已关闭；未报送的公司可能已被列入不良名单：请尽快补报并按程序申请移出。`, en: `The ${year} annual-report system has closed; companies that did not file may already be on the bad list: file as soon as possible and apply for removal.` } };
}

/** Everything the dashboard shows, in one call. */
export async function dashboard(ctx: AppContext, actor: Actor) {
  const scope = scopeOf(actor);
  const view = await viewOf(ctx, actor);
  const today = view.today;
  const soon = addDays(today, dueSoonDays);
  const thisMonth = `${today.slice(0, 7)}-01`;
  const lastDay = addDays(addMonths(thisMonth, 12), -1);
  const season = seasonOf(today);
  const next30 = { from: today, to: addDays(today, 30) };
  const seasonRange = { from: season.dueOn, to: season.dueOn, kind: 'annual-report' };
  const board = cachedBoard({ orgId: scope.orgId, rest: `${scope.clientId ?? ''}|${today}|${view.dueSoonDays}` }, async () => {
    const [counts, next, nextTotal, months, seasonItems, missing] = await Promise.all([
      openCounts(ctx.db, scope, { today, soon }),
      obligations.firstObligations(ctx.db, scope, { state: 'open', due: next30 }, 10),
      openBetween(ctx.db, scope, next30),
      monthCounts(ctx.db, scope, { from: thisMonth, to: lastDay }),
      obligations.firstObligations(ctx.db, scope, { state: 'open', kind: 'annual-report', due: seasonRange }, seasonItemsShown),
      openBetween(ctx.db, scope, seasonRange),
    ]);
    const monthList = Array.from({ length: 12 }, (_, i) => addMonths(thisMonth, i).slice(0, 7)).map((month) => {
      const rows = months.filter((m) => m.month === month);
      return { month, total: rows.reduce((s, r) => s + r.count, 0), byKind: Object.fromEntries(rows.map((r) => [r.kind, r.count])) };
    });
    return {
      obligations: { overdue: counts.overdue, dueSoon: counts.soon, onTrack: counts.later, dueSoonDays },
      next30: { items: next.map((row) => toBrief(row, view)), total: nextTotal, totalIsExact: true },
      months: monthList,
      season: { ...season, missing, missingIsExact: true, items: seasonItems.map((row) => toBrief(row, view)) },
    };
  });
  const [clients, figures, scored, applications] = await Promise.all([
    countClients(ctx.db, scope),
    board,
    scores(ctx.db, scope, { from: addMonths(today, -scoreMonths), to: addDays(today, -1) }),
    withinScope(ctx.db.selectFrom('applications'), scope, { org: 'applications.orgId', client: 'applications.clientId' })
      .select(['applications.state', sql<number>`count(*)`.as('count')])
      .groupBy('applications.state')
      .execute(),
  ]);
  return {
    today,
    clients,
    obligations: figures.obligations,
    next30: figures.next30,
    months: figures.months,
    scores: { formula: scoreFormula, months: scoreMonths, ...scored },
    season: figures.season,
    applications: { byState: applications.map((a) => ({ state: a.state, count: Number(a.count) })).sort((a, b) => b.count - a.count), total: applications.reduce((s, a) => s + Number(a.count), 0) },
  };
}
