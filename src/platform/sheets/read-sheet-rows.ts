import { detectSheetFormat, readHead } from './detect-sheet-format.ts';
import { readCsvRows } from './read-csv-rows.ts';
import { readXlsxRows } from './read-xlsx-rows.ts';
import { sheetEmpty, sheetTooManyRows } from './sheet-errors.ts';
import type { SheetRow } from './sheet-row.ts';

export type { CellValue, SheetRow } from './sheet-row.ts';

export interface SheetReadLimits {
  /** Data rows (non-empty rows after the `headerRows`) at most. */
  maxRows: number;
  /** An XLSX's entries, inflated, at most in total: counted from the real bytes, so a zip bomb stops here. */
  maxUncompressedBytes: number;
}

export const defaultSheetReadLimits: SheetReadLimits = { maxRows: 200_000, maxUncompressedBytes: 300 * 1024 * 1024 };

export interface ReadSheetRowsOptions {
  path: string;
  limits?: Partial<SheetReadLimits>;
  /** How many non-empty rows at the top are headings (default 1). They are yielded too, but not counted as data. */
  headerRows?: number;
}

/**
 * The non-empty rows of a spreadsheet file, streamed: memory stays flat whatever the row count. XLSX or CSV is told
 * from the content. An XLSX gives its first visible worksheet, with merged ranges filled from their master cell; a CSV
 * may be UTF-8 (with or without BOM) or GB18030. Throws AppError SHEET_UNREADABLE, SHEET_ENCODING,
 * SHEET_TOO_LARGE_UNCOMPRESSED, SHEET_TOO_MANY_ROWS, or SHEET_EMPTY (at the end, when no data row came). Stopping
 * early (break) closes the file.
 */
export async function* readSheetRows(options: ReadSheetRowsOptions): AsyncGenerator<SheetRow> {
  const limits = { ...defaultSheetReadLimits, ...options.limits };
  const headerRows = options.headerRows ?? 1;
  const head = await readHead(options.path);
  const format = await detectSheetFormat(head);
  const rows = format === 'xlsx' ? readXlsxRows(options.path, limits.maxUncompressedBytes) : readCsvRows(options.path, head);
  let count = 0;
  for await (const row of rows) {
    count += 1;
    if (count - headerRows > limits.maxRows) throw sheetTooManyRows(limits.maxRows, row.rowNumber);
    yield row;
  }
  if (count === 0) throw sheetEmpty({ zh: '表格是空的，没有任何内容', en: 'The spreadsheet is empty' });
  if (count <= headerRows) throw sheetEmpty({ zh: '表格只有表头，没有数据行', en: 'The spreadsheet has headings but no data rows' });
}
