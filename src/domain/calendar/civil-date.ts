/**
 * Civil-date arithmetic on `YYYY-MM-DD` strings without JavaScript Date.
 * A date is handled as a day index: the number of days since CALENDAR_MIN_DATE.
 */
import { CalendarInputError } from './calendar-input-error.ts';
import { isLeapYear } from '../dates/civil-date.ts';

export { isLeapYear };

/** First year the engine can answer for. */
export const CALENDAR_MIN_YEAR = 1950;
/** Last year the engine can answer for. */
export const CALENDAR_MAX_YEAR = 2150;
/** First supported date. */
export const CALENDAR_MIN_DATE = `${CALENDAR_MIN_YEAR}-01-01`;
/** Last supported date. */
export const CALENDAR_MAX_DATE = `${CALENDAR_MAX_YEAR}-12-31`;

const YEAR_COUNT = CALENDAR_MAX_YEAR - CALENDAR_MIN_YEAR + 1;
// Days before each month, for common and leap years.
const MONTH_START = [
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
  [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];
const CODE_0 = 48;
const CODE_DASH = 45;

// Day index of 1 January of each supported year (plus one past the end).
const YEAR_START = new Int32Array(YEAR_COUNT + 1);
for (let i = 0; i < YEAR_COUNT; i++) {
  YEAR_START[i + 1] = YEAR_START[i] + (isLeapYear(CALENDAR_MIN_YEAR + i) ? 366 : 365);
}

/** Number of days in the supported range. */
export const DAY_COUNT = YEAR_START[YEAR_COUNT];

// Weekday (0 = Sunday) of CALENDAR_MIN_DATE, from Zeller-style arithmetic so it is not a magic number.
const FIRST_WEEKDAY = weekdayOf(CALENDAR_MIN_YEAR, 1, 1);

function weekdayOf(year: number, month: number, day: number): number {
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + offsets[month - 1] + day) % 7;
}

/** Weekday of a day index: 0 = Sunday … 6 = Saturday. */
export function weekdayOfIndex(index: number): number {
  return (index + FIRST_WEEKDAY) % 7;
}

/** Day index of 1 January of `year` (which must be in range). */
export function yearStartIndex(year: number): number {
  return YEAR_START[year - CALENDAR_MIN_YEAR];
}

function digit(s: string, at: number): number {
  const d = s.charCodeAt(at) - CODE_0;
  return d >= 0 && d <= 9 ? d : -1000000;
}

function invalidDate(value: unknown): CalendarInputError {
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  return new CalendarInputError('INVALID_DATE', {
    zh: `日期 ${shown} 无效：应为 YYYY-MM-DD 格式的真实日期`,
    en: `Invalid date ${shown}: expected a real date written YYYY-MM-DD`,
  });
}

/** The error thrown when a date or a result falls outside the supported range. */
export function outOfRange(what: string): CalendarInputError {
  return new CalendarInputError('OUT_OF_RANGE', {
    zh: `${what} 超出支持范围 ${CALENDAR_MIN_DATE}..${CALENDAR_MAX_DATE}`,
    en: `${what} is outside the supported range ${CALENDAR_MIN_DATE}..${CALENDAR_MAX_DATE}`,
  });
}

/**
 * Day index of a `YYYY-MM-DD` string.
 * @throws CalendarInputError INVALID_DATE for a malformed or impossible date, OUT_OF_RANGE outside the range.
 */
export function dayIndexOf(date: string): number {
  if (typeof date !== 'string' || date.length !== 10) throw invalidDate(date);
  if (date.charCodeAt(4) !== CODE_DASH || date.charCodeAt(7) !== CODE_DASH) throw invalidDate(date);
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  if (year < 0 || month < 1 || month > 12 || day < 1) throw invalidDate(date);
  const starts = MONTH_START[isLeapYear(year) ? 1 : 0];
  if (day > starts[month] - starts[month - 1]) throw invalidDate(date);
  if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) throw outOfRange(`Date ${date}`);
  return YEAR_START[year - CALENDAR_MIN_YEAR] + starts[month - 1] + day - 1;
}

/** True when `date` is a real `YYYY-MM-DD` date (any year 0000–9999). */
export function isIsoDate(date: unknown): date is string {
  try {
    dayIndexOf(date as string);
    return true;
  } catch (error) {
    return error instanceof CalendarInputError && error.code === 'OUT_OF_RANGE';
  }
}

interface DateTables {
  /** `YYYY-MM-DD` string of every day index. */
  strings: string[];
  /** Year minus CALENDAR_MIN_YEAR of every day index. */
  yearOffsets: Uint8Array;
}

let tables: DateTables | null = null;

/** Precomputed per-day tables, built once on first use and shared by every calendar. */
export function getDateTables(): DateTables {
  if (tables) return tables;
  const strings = new Array<string>(DAY_COUNT);
  const yearOffsets = new Uint8Array(DAY_COUNT);
  let index = 0;
  for (let y = 0; y < YEAR_COUNT; y++) {
    const year = CALENDAR_MIN_YEAR + y;
    const starts = MONTH_START[isLeapYear(year) ? 1 : 0];
    for (let m = 1; m <= 12; m++) {
      const prefix = `${year}-${m < 10 ? '0' : ''}${m}-`;
      for (let d = 1; d <= starts[m] - starts[m - 1]; d++) {
        strings[index] = prefix + (d < 10 ? '0' : '') + d;
        yearOffsets[index++] = y;
      }
    }
  }
  tables = { strings, yearOffsets };
  return tables;
}

/** `YYYY-MM-DD` of a day index (which must be in range). */
export function dateOfIndex(index: number): string {
  return getDateTables().strings[index];
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); both must be valid dates in range. */
export function calendarDaysBetween(from: string, to: string): number {
  return dayIndexOf(to) - dayIndexOf(from);
}
