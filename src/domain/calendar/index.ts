/** The official working-day calendar: dates, working days, and the State Council arrangements behind them. */
export type * from './types.ts';
export { arrangementLimits } from './arrangement-limits.ts';
export { builtinArrangements } from './builtin-arrangements.ts';
export { CalendarInputError, type CalendarInputErrorCode } from './calendar-input-error.ts';
export { CALENDAR_MAX_DATE, CALENDAR_MIN_DATE, calendarDaysBetween, isIsoDate } from './civil-date.ts';
export { createCalendar } from './create-calendar.ts';
export { describeMissingYears } from './describe-missing-years.ts';
export { formatAddWorkingDaysLine } from './format-add-working-days-line.ts';
export { mergeArrangements } from './merge-arrangements.ts';
export { parseHolidayCnJson } from './parse-holiday-cn-json.ts';
export { translateHolidayName } from './translate-holiday-name.ts';
export {
  validateArrangement,
  type ArrangementCheck,
  type ArrangementError,
  type ArrangementErrorCode,
} from './validate-arrangement.ts';
