import type { IsoDate } from '../calendar/types.ts';

/** Pure proleptic-Gregorian helpers for `YYYY-MM-DD` strings; no JavaScript Date, so no time-zone drift. */

/** True for a leap year in the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. */
const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : monthLengths[month - 1];
}

/** Year, month (1–12) and day of a civil date. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** True when year/month/day name a real calendar date. */
export function isRealDate({ year, month, day }: CivilDate): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a well-formed, real `YYYY-MM-DD` date. */
export function isIsoDate(value: string): boolean {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  for (const i of digitPositions) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return isRealDate(splitIsoDate(value));
}

const digitPositions = [0, 1, 2, 3, 5, 6, 8, 9];
const digit = (date: string, i: number) => date.charCodeAt(i) - 48;

/** Formats year, month, day as `YYYY-MM-DD`. */
export function formatIsoDate({ year, month, day }: CivilDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits a `YYYY-MM-DD` date; the caller guarantees it is well formed. */
export function splitIsoDate(date: IsoDate): CivilDate {
  // Read digit by digit: the obligation rules split dates millions of times, and substrings cost more.
  return {
    year: digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3),
    month: digit(date, 5) * 10 + digit(date, 6),
    day: digit(date, 8) * 10 + digit(date, 9),
  };
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = splitIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date `n` days after 1970-01-01 (H. Hinnant's civil_from_days). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatIsoDate({ year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

/** Adds calendar days (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Adds calendar months; a day past the end of the target month becomes its last day (01-31 + 1 month → 02-28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = splitIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
