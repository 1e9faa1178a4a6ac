import { formatUtcDate } from './sheet-row.ts';

export type SheetColumnType = 'text' | 'date' | 'number' | 'integer';

/** A value ready for a cell: text (already neutralised), a number, or a 'YYYY-MM-DD' calendar date. */
export type OutputCell = { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'date'; date: string } | null;

/**
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) prefixed with a
 * single quote, so that opening an export never executes what a user typed (CSV/formula injection).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** 'YYYY-MM-DD' naming a real day (no 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && formatUtcDate(date) === text;
}

/** Decimal text a double holds exactly enough: at most 15 significant digits, as Excel keeps. */
const numeric = /^-?(?=(?:\D*\d){1,15}\D*$)\d+(\.\d+)?$/;

function asText(value: unknown): OutputCell {
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text === '' ? null : { kind: 'text', text: neutraliseFormula(text) };
}

/** A row value as the column's type has it: what does not fit the type is written as (neutralised) text. */
export function toOutputCell(value: unknown, type: SheetColumnType): OutputCell {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'date') {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return { kind: 'date', date: formatUtcDate(value) };
    if (typeof value === 'string' && isCalendarDate(value)) return { kind: 'date', date: value };
  }
  if (type === 'number' || type === 'integer') {
    if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', value };
    if (typeof value === 'bigint' && Number.isSafeInteger(Number(value))) return { kind: 'number', value: Number(value) };
    if (typeof value === 'string' && numeric.test(value.trim())) return { kind: 'number', value: Number(value.trim()) };
  }
  return asText(value);
}
