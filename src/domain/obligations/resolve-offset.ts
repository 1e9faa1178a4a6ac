import type { IsoDate, LocalizedText, WorkingCalendar } from '../calendar/types.ts';
import type { CatalogSettings } from '../catalog/catalog-overrides.ts';
import type { Offset } from '../catalog/obligation-rules.ts';
import { addMonths } from '../dates/civil-date.ts';

/** A date computed from an offset, carrying the calendar's provisional flag for working-day counts. */
export interface ResolvedDate {
  date: IsoDate;
  provisional: boolean;
  provisionalReason: LocalizedText | null;
}

/** The offset's value after organisation overrides. */
export function offsetValue(offset: Offset, settings: CatalogSettings): number {
  return offset.settingKey ? settings[offset.settingKey] : offset.value;
}

/**
 * Moves `from` by an offset (negative `direction` moves back). Calendar days use `calendar.addCalendarDays`, working
 * days `calendar.addWorkingDays` (provisional when an unknown year is touched), months clamp to the month's end.
 */
export function resolveOffset(
  from: IsoDate,
  options: { offset: Offset; calendar: WorkingCalendar; settings: CatalogSettings; direction?: 1 | -1 },
): ResolvedDate {
  const n = offsetValue(options.offset, options.settings) * (options.direction ?? 1);
  switch (options.offset.unit) {
    case 'working-days': {
      const result = options.calendar.addWorkingDays(from, n);
      return { date: result.date, provisional: result.provisional, provisionalReason: result.provisionalReason };
    }
    case 'calendar-days':
      return { date: options.calendar.addCalendarDays(from, n), provisional: false, provisionalReason: null };
    case 'months':
      return { date: addMonths(from, n), provisional: false, provisionalReason: null };
  }
}
