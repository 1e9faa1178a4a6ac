/** One cell as read: text, a number, a boolean, or null for an empty cell. Dates arrive as 'YYYY-MM-DD' text. */
export type CellValue = string | number | boolean | null;

/**
 * One non-empty row. `rowNumber` is the row as the spreadsheet shows it (1-based, empty rows counted), for messages that
 * name it; `cells[0]` is column A. Trailing empty cells are left off, so a row may be shorter than the header.
 */
export interface SheetRow {
  rowNumber: number;
  cells: CellValue[];
}

export function isEmptyRow(cells: readonly CellValue[]): boolean {
  return cells.every((cell) => cell === null);
}

/** The row without its trailing empty cells. */
export function trimRow(cells: CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A Date as 'YYYY-MM-DD' from its UTC fields: spreadsheet dates are calendar dates, stored at UTC midnight. */
export function formatUtcDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}
