import type { LocalizedText } from '../calendar/types.ts';
import { findImportField, type ImportKind } from './import-fields.ts';
import type { ImportRowError } from './read-row-fields.ts';

/** The spreadsheet letter of a column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * One line naming where a problem is and what it is, e.g. zh `第5行「统一社会信用代码」（B列）：…` / en
 * `Row 5, "USCC" (column B): …`. The field is named by its template label, and the column letter finds it whatever
 * the sheet's own header says. `rowNumber` is the row as the spreadsheet numbers it (the header is row 1).
 */
export function describeImportError(input: { kind: ImportKind; error: ImportRowError; rowNumber: number }): LocalizedText {
  const { error, rowNumber } = input;
  const label = findImportField({ kind: input.kind, key: error.field })?.label ?? { zh: error.field, en: error.field };
  const column = error.column === null ? null : columnLetter(error.column);
  return {
    zh: `第${rowNumber}行「${label.zh}」${column ? `（${column}列）` : ''}：${error.reason.zh}`,
    en: `Row ${rowNumber}, "${label.en}"${column ? ` (column ${column})` : ''}: ${error.reason.en}`,
  };
}
