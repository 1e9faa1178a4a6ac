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
    case 'calendar-days': {
      const date = options.calendar.addCalendarDays(from, n);
      // 民法典第二百零三条: the last day of a period on a rest day moves to the next working day.
      if (!options.offset.lastDayRolls || n <= 0 || options.calendar.isWorkingDay(date)) return { date, provisional: false, provisionalReason: null };
      const next = options.calendar.addWorkingDays(date, 1);
      return { date: next.date, provisional: next.provisional, provisionalReason: next.provisionalReason };
    }
    case 'months':
      return { date: addMonths(from, n), provisional: false, provisionalReason: null };
  }
}
