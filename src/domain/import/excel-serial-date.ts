import type { IsoDate } from '../calendar/types.ts';
import { addDays, daysBetween } from '../dates/civil-date.ts';

/** Serial numbers Excel shows as dates in its 1900 date system: 1 = 1900-01-01 … 2958465 = 9999-12-31. */
export const EXCEL_SERIAL_RANGE = { min: 1, max: 2_958_465 } as const;

/** Excel's serial for the 29 February 1900 that never was (Lotus 1-2-3 treated 1900 as a leap year). */
export const EXCEL_PHANTOM_LEAP_DAY = 60;

/**
 * The date of an Excel serial day number (1900 date system). Serials 1–59 are 1900-01-01 to 1900-02-28; 60 is the
 * fictitious 1900-02-29, so it gives null; from 61 (1900-03-01) on every serial is one day later than a true day
 * count. A fraction (the time of day) is ignored. Null outside {@link EXCEL_SERIAL_RANGE}.
 */
export function excelSerialToIsoDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < EXCEL_SERIAL_RANGE.min || day > EXCEL_SERIAL_RANGE.max || day === EXCEL_PHANTOM_LEAP_DAY) return null;
  return day < EXCEL_PHANTOM_LEAP_DAY ? addDays('1899-12-31', day) : addDays('1899-12-30', day);
}

/** The Excel serial (1900 date system) of a date from 1900-01-01 to 9999-12-31; null outside that range. */
export function isoDateToExcelSerial(date: IsoDate): number | null {
  if (date < '1900-01-01' || date > '9999-12-31') return null;
  const days = daysBetween('1899-12-30', date);
  return date < '1900-03-01' ? days - 1 : days;
}
