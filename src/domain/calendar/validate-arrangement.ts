import {
  CALENDAR_MAX_DATE,
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_DATE,
  CALENDAR_MIN_YEAR,
  dayIndexOf,
  isIsoDate,
  weekdayOfIndex,
} from './civil-date.ts';
import type { ArrangementDay, LocalizedText, WorkingCalendar, YearArrangement } from './types.ts';
import { checkArrangementLimits } from './arrangement-limits.ts';

/**
 * Error codes of arrangement validation.
 * - INVALID_SHAPE: a field is missing or has the wrong type.
 * - INVALID_YEAR: the year is not an integer in 1950..2150.
 * - INVALID_DATE: a date is not a real `YYYY-MM-DD` date.
 * - DATE_OUTSIDE_YEAR: a date is not within the year ±1 month.
 * - CONFLICTING_DUPLICATE: the same date is listed twice with different meanings.
 * - WORKDAY_NOT_ON_WEEKEND: an adjusted working day (isOffDay false) is not a Saturday or Sunday.
 * - CONFLICTS_WITH_NEIGHBOUR_YEAR: the neighbouring year's loaded notice lists the date with the opposite meaning.
 * - NO_DAYS: the arrangement lists no day at all.
 * - TOO_MANY: more papers or days than `arrangementLimits` allows.
 * - TOO_LONG: a text longer than `arrangementLimits` allows.
 */
export type ArrangementErrorCode =
  | 'INVALID_SHAPE'
  | 'INVALID_YEAR'
  | 'INVALID_DATE'
  | 'DATE_OUTSIDE_YEAR'
  | 'CONFLICTING_DUPLICATE'
  | 'WORKDAY_NOT_ON_WEEKEND'
  | 'CONFLICTS_WITH_NEIGHBOUR_YEAR'
  | 'NO_DAYS'
  | 'TOO_MANY'
  | 'TOO_LONG';

/** One problem found in an arrangement; `path` names the field, e.g. `days[3].date`. */
export interface ArrangementError {
  path: string;
  code: ArrangementErrorCode;
  message: LocalizedText;
  date?: string;
}

/** The outcome of checking an arrangement: the cleaned arrangement, or every problem found. */
export type ArrangementCheck =
  | { ok: true; arrangement: YearArrangement }
  | { ok: false; errors: ArrangementError[] };

type Errors = ArrangementError[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeError(path: string, zh: string, en: string): ArrangementError {
  return { path, code: 'INVALID_SHAPE', message: { zh: `${path}：${zh}`, en: `${path}: ${en}` } };
}

function checkHeader(input: Record<string, unknown>, errors: Errors): void {
  const { year, source, papers, days } = input;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    errors.push({
      path: 'year',
      code: 'INVALID_YEAR',
      message: {
        zh: `year：应为 ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR} 之间的整数，收到 ${JSON.stringify(year)}`,
        en: `year: expected an integer from ${CALENDAR_MIN_YEAR} to ${CALENDAR_MAX_YEAR}, got ${JSON.stringify(year)}`,
      },
    });
  }
  if (typeof source !== 'string' || source.trim() === '') errors.push(shapeError('source', '应为文本（通知标题和文号）', 'expected a string (the notice title and number)'));
  if (!Array.isArray(papers) || papers.some((p) => typeof p !== 'string')) {
    errors.push(shapeError('papers', '应为网址文本数组', 'expected an array of URL strings'));
  }
  if (!Array.isArray(days)) errors.push(shapeError('days', '应为数组', 'expected an array'));
}

// Checks one listed day on its own; returns it when usable for the cross-day checks.
function checkDay(raw: unknown, path: string, year: number, errors: Errors): ArrangementDay | null {
  if (!isRecord(raw)) {
    errors.push(shapeError(path, '应为对象 {date, isOffDay, name}', 'expected an object {date, isOffDay, name}'));
    return null;
  }
  const { date, isOffDay, name } = raw;
  const before = errors.length;
  if (typeof isOffDay !== 'boolean') errors.push(shapeError(`${path}.isOffDay`, '应为 true 或 false', 'expected true or false'));
  if (typeof name !== 'string' || name.trim() === '') errors.push(shapeError(`${path}.name`, '应为节日名称', 'expected the holiday name'));
  if (!isIsoDate(date) || date < CALENDAR_MIN_DATE || date > CALENDAR_MAX_DATE) {
    const shown = JSON.stringify(date);
    errors.push({
      path: `${path}.date`,
      code: 'INVALID_DATE',
      message: {
        zh: `${path}.date：${shown} 不是 ${CALENDAR_MIN_DATE}..${CALENDAR_MAX_DATE} 内 YYYY-MM-DD 格式的真实日期`,
        en: `${path}.date: ${shown} is not a real date written YYYY-MM-DD within ${CALENDAR_MIN_DATE}..${CALENDAR_MAX_DATE}`,
      },
      ...(typeof date === 'string' ? { date } : {}),
    });
  } else if (date < `${year - 1}-12-01` || date > `${year + 1}-01-31`) {
    errors.push({
      path: `${path}.date`,
      code: 'DATE_OUTSIDE_YEAR',
      date,
      message: {
        zh: `${path}.date：${date} 不在 ${year} 年（前后各一个月）范围内`,
        en: `${path}.date: ${date} is outside ${year} (the year plus or minus one month)`,
      },
    });
  }
  return errors.length === before ? { date: date as string, isOffDay: isOffDay as boolean, name: name as string } : null;
}

function checkWeekday(day: ArrangementDay, path: string, errors: Errors): void {
  if (day.isOffDay) return;
  const weekday = weekdayOfIndex(dayIndexOf(day.date));
  if (weekday !== 0 && weekday !== 6) {
    errors.push({
      path: `${path}.isOffDay`,
      code: 'WORKDAY_NOT_ON_WEEKEND',
      date: day.date,
      message: {
        zh: `${path}：调休上班日 ${day.date} 不是周六或周日`,
        en: `${path}: adjusted working day ${day.date} is not a Saturday or Sunday`,
      },
    });
  }
}

// Keeps the first listing of each date; a repeat with the same meaning is dropped silently.
type Listed = { day: ArrangementDay; path: string };

function dedupe(days: Listed[], errors: Errors): Listed[] {
  const byDate = new Map<string, Listed>();
  for (const entry of days) {
    const first = byDate.get(entry.day.date);
    if (!first) {
      byDate.set(entry.day.date, entry);
    } else if (first.day.isOffDay !== entry.day.isOffDay || first.day.name !== entry.day.name) {
      errors.push({
        path: entry.path,
        code: 'CONFLICTING_DUPLICATE',
        date: entry.day.date,
        message: {
          zh: `${entry.path}：${entry.day.date} 已在 ${first.path} 以不同含义列出`,
          en: `${entry.path}: ${entry.day.date} is already listed at ${first.path} with a different meaning`,
        },
      });
    }
  }
  return [...byDate.values()].sort((a, b) => (a.day.date < b.day.date ? -1 : a.day.date > b.day.date ? 1 : 0));
}

type NeighbourLookup = (date: string) => { isOffDay: boolean; year: number } | null;

// What the neighbouring years' loaded notices say about a date, from arrangements or, failing that, a calendar.
function neighbourLookup(year: number, existing: WorkingCalendar | YearArrangement[]): NeighbourLookup {
  const arrangements = Array.isArray(existing) ? existing : existing.arrangements?.();
  if (arrangements) {
    const listed = new Map<string, { isOffDay: boolean; year: number }>();
    for (const a of arrangements) {
      if (a.year !== year - 1 && a.year !== year + 1) continue;
      for (const d of a.days) listed.set(d.date, { isOffDay: d.isOffDay, year: a.year });
    }
    return (date) => listed.get(date) ?? null;
  }
  const calendar = existing as WorkingCalendar;
  return (date) => {
    const dateYear = Number(date.slice(0, 4));
    if (dateYear === year) return null;
    const info = calendar.dayInfo(date);
    if (info.kind === 'holiday') return { isOffDay: true, year: dateYear };
    return info.kind === 'adjusted-workday' ? { isOffDay: false, year: dateYear } : null;
  };
}

function checkNeighbours(days: Listed[], lookup: NeighbourLookup, errors: Errors): void {
  for (const { day, path } of days) {
    const other = lookup(day.date);
    if (!other || other.isOffDay === day.isOffDay) continue;
    const [zhThere, enThere] = other.isOffDay ? ['放假日', 'a holiday'] : ['调休上班日', 'an adjusted working day'];
    errors.push({
      path,
      code: 'CONFLICTS_WITH_NEIGHBOUR_YEAR',
      date: day.date,
      message: {
        zh: `${path}：${day.date} 在已加载的 ${other.year} 年安排中是${zhThere}，与本文件矛盾`,
        en: `${path}: ${day.date} is ${enThere} in the loaded ${other.year} arrangement, which contradicts this file`,
      },
    });
  }
}

/**
 * Checks a year's arrangement before it is loaded at run time, against the arrangements already loaded.
 * Returns the arrangement with duplicate days removed and days sorted, or every error found.
 * @param input an untrusted candidate, e.g. from parseHolidayCnJson or an admin upload
 * @param existing the calendar in use, or its arrangements
 */
export function validateArrangement(input: unknown, existing: WorkingCalendar | YearArrangement[]): ArrangementCheck {
  const errors: Errors = [];
  if (!isRecord(input)) return { ok: false, errors: [shapeError('(root)', '应为对象', 'expected an object')] };
  checkHeader(input, errors);
  if (errors.some((e) => e.path === 'year' || e.path === 'days')) return { ok: false, errors };
  if (!checkArrangementLimits(input, errors)) return { ok: false, errors };
  const year = input.year as number;
  const listed: Listed[] = [];
  (input.days as unknown[]).forEach((raw, i) => {
    const day = checkDay(raw, `days[${i}]`, year, errors);
    if (day) {
      checkWeekday(day, `days[${i}]`, errors);
      listed.push({ day, path: `days[${i}]` });
    }
  });
  const days = dedupe(listed, errors);
  if (errors.length === 0) checkNeighbours(days, neighbourLookup(year, existing), errors);
  if (errors.length > 0) return { ok: false, errors };
  const arrangement = { year, source: input.source as string, papers: [...(input.papers as string[])] };
  return { ok: true, arrangement: { ...arrangement, days: days.map((entry) => entry.day) } };
}
