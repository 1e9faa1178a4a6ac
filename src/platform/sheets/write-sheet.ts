import type { Writable } from 'node:stream';
import type { SheetColumnType } from './sheet-cell.ts';
import { writeCsvSheet } from './write-csv-sheet.ts';
import { writeXlsxSheet } from './write-xlsx-sheet.ts';

export { neutraliseFormula, type SheetColumnType } from './sheet-cell.ts';

export interface SheetColumn {
  /** The heading shown in the first row (Chinese first, e.g. '许可证编号 Licence No.'). */
  header: string;
  /** The row field this column shows. */
  key: string;
  /** text; date ('YYYY-MM-DD' in, a real date in XLSX); number; integer. A value that does not fit is written as text. */
  type: SheetColumnType;
  /** In characters (XLSX only). */
  width?: number;
  /** Hidden column (XLSX only; CSV shows it). */
  hidden?: boolean;
}

/** A row written right after the header row, e.g. the field keys an import template matches on. */
export interface ExtraHeaderRow {
  cells: string[];
  /** Hidden row (XLSX only; CSV cannot hide a row). */
  hidden?: boolean;
}

/** A further sheet of plain text after the data sheet, e.g. '说明 Notes'. XLSX only: CSV holds one sheet. */
export interface TextSheet {
  name: string;
  rows: string[][];
  /** Width of its columns, in characters (default 100, wrapped). */
  width?: number;
}

export interface WriteSheetOptions {
  format: 'xlsx' | 'csv';
  sheetName: string;
  columns: SheetColumn[];
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;
  /** Receives the file, and is ended when it is complete; destroyed (no 'error' event) if writing fails. */
  output: Writable;
  extraHeaderRows?: ExtraHeaderRow[];
  extraSheets?: TextSheet[];
}

/**
 * Streams rows into an XLSX or CSV file on `output`, waiting whenever it is full, so an export of any size holds a few
 * rows in memory. All text, headers included, is neutralised against formula injection (see neutraliseFormula).
 * Returns the number of data rows written. On failure `output` is destroyed, so a download never looks complete.
 */
export async function writeSheet(options: WriteSheetOptions): Promise<{ rows: number }> {
  try {
    const rows = options.format === 'xlsx' ? await writeXlsxSheet(options, options.output) : await writeCsvSheet(options, options.output);
    return { rows };
  } catch (error) {
    // Without the error: an 'error' event nobody listens to would crash the process. The promise carries it.
    options.output.destroy();
    throw error;
  }
}
