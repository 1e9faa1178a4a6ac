import { refreshAllObligations } from '../obligations/refresh.ts';
import type { AppContext } from '../../app-context.ts';
import { refreshOpenDueDates } from '../applications/due-dates.ts';
import { AppError, forbidden, notFound, type Bilingual, type FieldIssue } from '../../platform/errors/app-error.ts';
import type { Db } from '../../platform/db/database.ts';
import { CalendarInputError, CALENDAR_MAX_DATE, CALENDAR_MIN_DATE, isIsoDate, parseHolidayCnJson, validateArrangement, describeMissingYears } from '../../domain/calendar/index.ts';
import type { ArrangementError } from '../../domain/calendar/index.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { builtinArrangements } from '../../domain/calendar/index.ts';
import { listOrganisationIds } from '../organisations/repository.ts';
import * as repo from './repository.ts';

function fieldError(field: string, code: string, message: { zh: string; en: string }): AppError {
  return new AppError('VALIDATION_FAILED', { zh: `字段 ${field}：${message.zh}`, en: `Field ${field}: ${message.en}` }, [{ field, code, message }]);
}

/** Checks that a query parameter is a real date the calendar covers, naming the parameter when not. */
export function assertCalendarDate(field: string, value: string): void {
  if (!isIsoDate(value)) throw fieldError(field, 'INVALID_DATE', { zh: `不是有效日期（YYYY-MM-DD）：${value}`, en: `not a valid YYYY-MM-DD date: ${value}` });
  if (value < CALENDAR_MIN_DATE || value > CALENDAR_MAX_DATE) {
    throw fieldError(field, 'OUT_OF_RANGE', { zh: `超出日历范围 ${CALENDAR_MIN_DATE}–${CALENDAR_MAX_DATE}`, en: `outside the calendar's range ${CALENDAR_MIN_DATE}..${CALENDAR_MAX_DATE}` });
  }
}

/** Runs a calendar computation; a result beyond the calendar's range becomes a 400 naming `field`. */
export function computeWithin<T>(field: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CalendarInputError) throw fieldError(field, error.code, { zh: `结果超出日历范围：${error.message}`, en: `the result is outside the calendar's range: ${error.message}` });
    throw error;
  }
}

function arrangementIssues(errors: ArrangementError[]): AppError {
  const issues: FieldIssue[] = errors.map((e) => ({ field: e.path, code: e.code, message: e.message }));
  return new AppError('VALIDATION_FAILED', { zh: `节假日安排有 ${issues.length} 处错误：${issues[0].message.zh}`, en: `The arrangement has ${issues.length} error(s): ${issues[0].message.en}` }, issues);
}

export interface LoadYearInput {
  /** Either the days typed in LicenseDesk's shape… */
  arrangement?: unknown;
  /** …or a file in the holiday-cn JSON format. */
  holidayCn?: unknown;
}

/** Only instance operators change the official calendar: it is shared by every organisation. */
function assertOperator(actor: Actor): void {
  if (!actor.isOperator) throw forbidden();
}

/**
 * Records a calendar change in the transaction that makes it: bumps the revision (and, on PostgreSQL, announces it
 * on commit) and writes the audit entry into every organisation, since every organisation's deadlines follow it.
 */
async function recordCalendarChange(trx: Db, ctx: AppContext, entry: { actor: Actor; action: string; year: number; summary: Bilingual; changes?: unknown }): Promise<void> {
  const revision = await repo.bumpCalendarRevision(trx, ctx.clock.now());
  if (ctx.database.dialect === 'postgres') await repo.notifyCalendarChanged(trx, revision);
  for (const orgId of await listOrganisationIds(trx)) {
    const actor = { userId: entry.actor.userId, orgId };
    await recordAudit(trx, { actor, clock: ctx.clock, action: entry.action, entityType: 'calendar-year', entityId: String(entry.year), summary: entry.summary, changes: entry.changes });
  }
}

/** Loads (or replaces) one year's official arrangement; operators only; takes effect at once and is audited in every organisation. */
export async function loadYear(ctx: AppContext, actor: Actor, input: LoadYearInput) {
  assertOperator(actor);
  if (input.arrangement !== undefined && input.holidayCn !== undefined) {
    // Two years at once would leave one silently ignored: say so instead.
    throw new AppError('VALIDATION_FAILED', { zh: '请只提供 arrangement 或 holidayCn 其中之一', en: 'Send either arrangement or holidayCn, not both' }, [
      { field: 'holidayCn', code: 'ONE_OF', message: { zh: '不能与 arrangement 同时提供', en: 'cannot be sent together with arrangement' } },
    ]);
  }
  let candidate: unknown = input.arrangement;
  if (input.holidayCn !== undefined) {
    const parsed = parseHolidayCnJson(input.holidayCn);
    if (!parsed.ok) throw arrangementIssues(parsed.errors);
    candidate = parsed.arrangement;
  }
  if (candidate === undefined) throw new AppError('VALIDATION_FAILED', { zh: '请提供 arrangement 或 holidayCn', en: 'Send either arrangement or holidayCn' }, [{ field: 'arrangement', code: 'REQUIRED', message: { zh: '必填', en: 'is required' } }]);
  const others = ctx.calendar.arrangements().filter((a) => a.year !== (candidate as { year?: unknown }).year);
  const checked = validateArrangement(candidate, others);
  if (!checked.ok) throw arrangementIssues(checked.errors);
  const arrangement = checked.arrangement;
  const previous = (await repo.listLoadedYears(ctx.db)).find((l) => l.arrangement.year === arrangement.year);
  const replacesBuiltin = builtinArrangements.some((a) => a.year === arrangement.year);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveLoadedYear(trx, { arrangement, loadedBy: actor.userId || null, loadedAt: ctx.clock.now() });
    await recordCalendarChange(trx, ctx, {
      actor,
      action: previous ? 'calendar.replace' : 'calendar.load',
      year: arrangement.year,
      summary: {
        zh: `${previous ? '替换' : '载入'} ${arrangement.year} 年节假日安排（${arrangement.days.length} 天${replacesBuiltin ? '，覆盖内置数据' : ''}）：${arrangement.source}`,
        en: `${previous ? 'Replaced' : 'Loaded'} the ${arrangement.year} holiday arrangement (${arrangement.days.length} days${replacesBuiltin ? ', over the built-in one' : ''}): ${arrangement.source}`,
      },
      changes: { days: arrangement.days.length, source: arrangement.source },
    });
  });
  await ctx.calendar.reload(ctx.db);
  // Expected dates in working days move with the calendar: every open application's due date follows, and every
  // licence's stored obligations (a batch per transaction, each licence stamped with the calendar it was derived under).
  await refreshOpenDueDates(ctx, ctx.db);
  await refreshAllObligations(ctx, ctx.db, { inTransactions: true });
  return { year: arrangement.year, days: arrangement.days.length, replaced: Boolean(previous) };
}

/** Removes a loaded year (a built-in one comes back); operators only; audited in every organisation. */
export async function unloadYear(ctx: AppContext, actor: Actor, year: number): Promise<void> {
  assertOperator(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await repo.deleteLoadedYear(trx, year);
    if (removed === 0) throw notFound({ zh: `${year} 年载入的节假日安排`, en: `A loaded arrangement for ${year}` });
    await recordCalendarChange(trx, ctx, { actor, action: 'calendar.unload', year, summary: { zh: `移除 ${year} 年载入的节假日安排`, en: `Removed the loaded ${year} arrangement` } });
  });
  await ctx.calendar.reload(ctx.db);
  // Expected dates in working days move with the calendar: every open application's due date follows, and every
  // licence's stored obligations (a batch per transaction, each licence stamped with the calendar it was derived under).
  await refreshOpenDueDates(ctx, ctx.db);
  await refreshAllObligations(ctx, ctx.db, { inTransactions: true });
}

/** Every year with an arrangement, where it comes from, and the next years not yet published. */
export async function listYears(ctx: AppContext, options: { today: string }) {
  const loaded = await repo.listYearLoaders(ctx.db);
  const loadedByYear = new Map(loaded.map((l) => [l.year, l]));
  const builtinYears = new Set(builtinArrangements.map((a) => a.year));
  const years = ctx.calendar.arrangements().map((a) => {
    const l = loadedByYear.get(a.year);
    return { year: a.year, source: a.source, papers: a.papers, days: a.days.length, origin: l ? ('loaded' as const) : ('builtin' as const), hasBuiltin: builtinYears.has(a.year), loadedAt: l?.loadedAt ?? null, loadedBy: l?.loadedBy ?? null };
  });
  const known = new Set(years.map((y) => y.year));
  // Every year after the last known one, up to next year, is awaited: none is silently skipped as time passes.
  const thisYear = Number(options.today.slice(0, 4));
  const lastKnown = years.length ? years[years.length - 1].year : thisYear - 1;
  const unpublished: number[] = [];
  for (let y = Math.min(lastKnown + 1, thisYear); y <= thisYear + 1; y++) if (!known.has(y)) unpublished.push(y);
  const first = years.length ? years[0].year : null;
  return { years, unpublishedYears: unpublished, notice: unpublished.length ? describeMissingYears(unpublished, first) : null };
}
