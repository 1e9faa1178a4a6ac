import type { LocalizedText } from './types.ts';

/**
 * Error codes of the calendar engine.
 * - INVALID_DATE: not a real `YYYY-MM-DD` date (bad shape, or a day such as 2026-02-30).
 * - OUT_OF_RANGE: a date, or a result, outside the supported range 1950-01-01..2150-12-31.
 * - INVALID_NUMBER: a day count that is not a safe integer.
 */
export type CalendarInputErrorCode = 'INVALID_DATE' | 'OUT_OF_RANGE' | 'INVALID_NUMBER';

/** Thrown for bad input to the calendar; `message` (English) and `localizedMessage` name the offending value. */
export class CalendarInputError extends Error {
  readonly code: CalendarInputErrorCode;
  readonly localizedMessage: LocalizedText;

  constructor(code: CalendarInputErrorCode, message: LocalizedText) {
    super(message.en);
    this.name = 'CalendarInputError';
    this.code = code;
    this.localizedMessage = message;
  }
}
