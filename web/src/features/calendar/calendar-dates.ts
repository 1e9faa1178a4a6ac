import dayjs from 'dayjs';

/** Calendar dates stay `YYYY-MM-DD` strings; dayjs only does the arithmetic on them (local, never through UTC). */
export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return dayjs(date).day();
}

/** Short weekday in the UI language (周四 / Thu); dayjs follows the i18n language. */
export function weekdayName(date: string): string {
  return dayjs(date).format('ddd');
}

export function daysBetween(from: string, to: string): number {
  return dayjs(to).diff(dayjs(from), 'day');
}

/** Every date of a month `YYYY-MM`, in order. */
export function datesOfMonth(month: string): string[] {
  const first = dayjs(`${month}-01`);
  return Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD'));
}

/** Blank cells before the 1st in a Monday-first week. */
export function mondayOffset(date: string): number {
  return (weekdayOf(date) + 6) % 7;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format('YYYY-MM-DD') === value;
}
