import { formatUtcDate, type CellValue } from './sheet-row.ts';

const msPerDay = 86_400_000;
// Day 0 of Excel's 1900 date system is 1899-12-30 (its fake 1900-02-29 included); the 1904 system starts 1,462 days later.
const epoch1900 = Date.UTC(1899, 11, 30);

/** An Excel date serial as 'YYYY-MM-DD' (the time of day, if any, dropped). */
function excelSerialToDate(serial: number, date1904: boolean): string {
  return formatUtcDate(new Date(Math.round(epoch1900 + (serial + (date1904 ? 1462 : 0)) * msPerDay)));
}

/** Whether a number format shows a date or time, as Excel decides: y, m, d, h, s outside quotes and brackets. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhsb]/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * An exceljs streaming cell value as a CellValue: formulas give their cached result, rich text and hyperlinks their
 * text, dates 'YYYY-MM-DD', errors (#N/A, #DIV/0!) null. `numFmt` turns a formula's numeric result into a date.
 */
export function toCellValue(value: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return textOf(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : formatUtcDate(value);
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return textOf((v.richText as Array<{ text?: unknown }>).map((run) => (typeof run.text === 'string' ? run.text : '')).join(''));
  if ('error' in v) return null;
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
    const result = v.result;
    // A formula's result keeps no date type in the file: its number format says whether it is one.
    if (typeof result === 'number' && Number.isFinite(result) && isDateFormat(numFmt)) return excelSerialToDate(result, date1904);
    return typeof result === 'object' && result !== null && !(result instanceof Date) ? null : toCellValue(result, undefined, date1904);
  }
  if ('text' in v) return toCellValue(v.text, undefined, date1904);
  return null;
}
