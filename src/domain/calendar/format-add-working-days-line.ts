import { CalendarInputError } from './calendar-input-error.ts';
import type { WorkingCalendar } from './types.ts';

const CODE_SPACE = 32;
const CODE_TAB = 9;
const CODE_0 = 48;
const CODE_9 = 57;
const CODE_MINUS = 45;
const CODE_PLUS = 43;
// Larger counts cannot stay within the supported 200 years, so longer numbers are rejected as malformed.
const MAX_DIGITS = 7;

function isBlank(code: number): boolean {
  return code === CODE_SPACE || code === CODE_TAB || code === 13;
}

/**
 * Answers one line of an "add working days" batch: `YYYY-MM-DD N` → `YYYY-MM-DD`, followed by
 * ` provisional` when the answer depends on a year without an official arrangement, or
 * `ERROR <reason>` for a line that cannot be answered. Surrounding blanks and a trailing \r are ignored.
 * @param line one input line without its newline
 */
export function formatAddWorkingDaysLine(calendar: WorkingCalendar, line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && isBlank(line.charCodeAt(start))) start++;
  while (end > start && isBlank(line.charCodeAt(end - 1))) end--;
  const dateEnd = start + 10;
  let at = dateEnd;
  while (at < end && isBlank(line.charCodeAt(at))) at++;
  if (at === dateEnd || at === end) return malformed(line, start, end);
  const sign = line.charCodeAt(at);
  if (sign === CODE_MINUS || sign === CODE_PLUS) at++;
  if (at === end || end - at > MAX_DIGITS) return malformed(line, start, end);
  let n = 0;
  for (let i = at; i < end; i++) {
    const code = line.charCodeAt(i);
    if (code < CODE_0 || code > CODE_9) return malformed(line, start, end);
    n = n * 10 + (code - CODE_0);
  }
  try {
    const result = calendar.addWorkingDays(line.slice(start, dateEnd), sign === CODE_MINUS ? -n : n);
    return result.provisional ? `${result.date} provisional` : result.date;
  } catch (error) {
    if (error instanceof CalendarInputError) return `ERROR ${error.message}`;
    throw error;
  }
}

function malformed(line: string, start: number, end: number): string {
  const shown = JSON.stringify(line.slice(start, Math.min(end, start + 60)));
  return start === end ? 'ERROR empty line' : `ERROR malformed line ${shown}: expected "YYYY-MM-DD N"`;
}
