import {
  buildCalendarIndex,
  KIND_ADJUSTED_WORKDAY,
  KIND_NAMES,
  KIND_WORKDAY,
  type CalendarIndex,
} from './build-calendar-index.ts';
import { CalendarInputError } from './calendar-input-error.ts';
import { CALENDAR_MIN_YEAR, DAY_COUNT, dayIndexOf, getDateTables, outOfRange } from './civil-date.ts';
import { describeMissingYears } from './describe-missing-years.ts';
import type {
  CountResult,
  DateResult,
  DayInfo,
  Provisionality,
  WorkingCalendar,
  YearArrangement,
} from './types.ts';

// Shared by every non-provisional result so the hot path allocates only the result object.
const NO_YEARS: number[] = Object.freeze([]) as unknown as number[];
const NOT_PROVISIONAL: Provisionality = Object.freeze({
  provisional: false,
  provisionalYears: NO_YEARS,
  provisionalReason: null,
});

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new CalendarInputError('INVALID_NUMBER', {
      zh: `${what} 必须是整数，收到 ${String(n)}`,
      en: `${what} must be an integer, got ${String(n)}`,
    });
  }
}

/** Provisionality of every result that examined the days of year offsets first..last, cached per span. */
function createProvisionality(index: CalendarIndex) {
  const cache = new Map<number, Provisionality>();
  const firstKnownYear = index.knownYears.length > 0 ? index.knownYears[0] : null;
  const { missingBefore } = index;
  return (first: number, last: number): Provisionality => {
    if (missingBefore[last + 1] === missingBefore[first]) return NOT_PROVISIONAL;
    const key = first * 1024 + last;
    let found = cache.get(key);
    if (!found) {
      const years: number[] = [];
      for (let y = first; y <= last; y++) {
        if (missingBefore[y + 1] !== missingBefore[y]) years.push(CALENDAR_MIN_YEAR + y);
      }
      found = Object.freeze({
        provisional: true,
        provisionalYears: Object.freeze(years) as number[],
        provisionalReason: Object.freeze(describeMissingYears(years, firstKnownYear)),
      });
      cache.set(key, found);
    }
    return found;
  };
}

interface Context {
  index: CalendarIndex;
  strings: string[];
  yearOffsets: Uint8Array;
  provisionality: (first: number, last: number) => Provisionality;
}

function isWorking(c: Context, i: number): boolean {
  const kind = c.index.kinds[i];
  return kind === KIND_WORKDAY || kind === KIND_ADJUSTED_WORKDAY;
}

function dayInfoIn(c: Context, date: string): DayInfo {
  const i = dayIndexOf(date);
  const p = c.provisionality(c.yearOffsets[i], c.yearOffsets[i]);
  return {
    date: c.strings[i],
    isWorkingDay: isWorking(c, i),
    kind: KIND_NAMES[c.index.kinds[i]],
    holidayName: c.index.nameTable[c.index.nameIds[i]],
    provisional: p.provisional,
    provisionalYears: p.provisionalYears,
    provisionalReason: p.provisionalReason,
  };
}

function addWorkingDaysIn(c: Context, date: string, n: number): DateResult {
  const i = dayIndexOf(date);
  checkCount(n, 'n');
  const { workingBefore, workingDays } = c.index;
  // The k-th working day (0-based) is workingDays[k]; workingBefore turns a date into its k.
  let k: number;
  let first: number; // the first day the answer depends on (the start itself only when n = 0)
  if (n > 0) {
    k = workingBefore[i + 1] + n - 1;
    first = i + 1;
  } else if (n < 0) {
    k = workingBefore[i] + n;
    first = i - 1;
  } else {
    k = isWorking(c, i) ? workingBefore[i] : workingBefore[i + 1];
    first = i;
  }
  if (k < 0 || k >= workingDays.length) throw outOfRange(`The result of adding ${n} working days to ${date}`);
  const r = workingDays[k];
  const { yearOffsets } = c;
  // The answer depends on the days between the start and the result, and on nothing else.
  const p =
    r >= first
      ? c.provisionality(yearOffsets[first], yearOffsets[r])
      : c.provisionality(yearOffsets[r], yearOffsets[first]);
  return {
    date: c.strings[r],
    provisional: p.provisional,
    provisionalYears: p.provisionalYears,
    provisionalReason: p.provisionalReason,
  };
}

function workingDaysBetweenIn(c: Context, from: string, to: string): CountResult {
  const a = dayIndexOf(from);
  const b = dayIndexOf(to);
  if (a === b) return { days: 0, ...NOT_PROVISIONAL };
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  const count = c.index.workingBefore[hi + 1] - c.index.workingBefore[lo + 1];
  const p = c.provisionality(c.yearOffsets[lo + 1], c.yearOffsets[hi]);
  return {
    days: a < b ? count : -count,
    provisional: p.provisional,
    provisionalYears: p.provisionalYears,
    provisionalReason: p.provisionalReason,
  };
}

function addCalendarDaysIn(c: Context, date: string, n: number): string {
  const i = dayIndexOf(date);
  checkCount(n, 'n');
  const r = i + n;
  if (r < 0 || r >= DAY_COUNT) throw outOfRange(`${date} + ${n} days`);
  return c.strings[r];
}

/**
 * Creates the official working-day calendar from State Council arrangements.
 * Years without an arrangement count weekends only, and every answer that depends on them is provisional.
 * Supported dates: 1950-01-01..2150-12-31; everything else throws CalendarInputError.
 * Every query is O(1): it reads precomputed tables, never walks day by day.
 * @param arrangements one per year; for a repeated year the later entry wins, and a later year's
 *   notice wins for the dates it lists (December dates set by the next year's notice).
 */
export function createCalendar(arrangements: YearArrangement[]): WorkingCalendar {
  const index = buildCalendarIndex(arrangements);
  const { strings, yearOffsets } = getDateTables();
  const c: Context = { index, strings, yearOffsets, provisionality: createProvisionality(index) };
  return {
    dayInfo: (date) => dayInfoIn(c, date),
    isWorkingDay: (date) => isWorking(c, dayIndexOf(date)),
    addWorkingDays: (date, n) => addWorkingDaysIn(c, date, n),
    workingDaysBetween: (from, to) => workingDaysBetweenIn(c, from, to),
    addCalendarDays: (date, n) => addCalendarDaysIn(c, date, n),
    knownYears: () => [...index.knownYears],
    arrangements: () => [...index.arrangements],
  };
}
