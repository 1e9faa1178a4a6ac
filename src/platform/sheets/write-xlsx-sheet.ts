import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { pace, whileOpen } from './output-pacing.ts';
import { neutraliseFormula, toOutputCell, type OutputCell, type SheetColumnType } from './sheet-cell.ts';
import type { WriteSheetOptions } from './write-sheet.ts';

/** Text columns are formatted as text (@) so that what a user types into a template (a USCC, 0-led codes) stays text. */
const numFmtOf: Record<SheetColumnType, string | undefined> = { text: '@', date: 'yyyy-mm-dd', integer: '0', number: undefined };
const defaultWidth: Record<SheetColumnType, number> = { text: 24, date: 12, integer: 12, number: 14 };
/** Bytes exceljs may hand to the zip ahead of its compression before the rows wait. */
const maxBacklogBytes = 4 * 1024 * 1024;

/** A name Excel accepts for a sheet: at most 31 characters, none of : \ / ? * [ ]. */
function toSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31).trim();
  return cleaned === '' ? 'Sheet1' : cleaned;
}

function xlsxValue(cell: OutputCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (cell.kind === 'date') return new Date(`${cell.date}T00:00:00Z`); // exceljs turns UTC midnight into a whole date serial
  return cell.kind === 'number' ? cell.value : cell.text;
}

interface StreamState {
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

/**
 * The bytes exceljs has passed to the zip but the zip has not compressed yet. exceljs never waits for them, so rows
 * produced faster than zlib compresses would pile up in memory (the whole sheet, measured). Reads internals of exceljs
 * and of the readable-stream 2 streams archiver uses (no writableLength there); 0 if they change.
 */
function zipBacklog(sheet: ExcelJS.Worksheet): number {
  const pipes = (sheet as unknown as { _stream?: { pipes?: StreamState[] } })._stream?.pipes ?? [];
  return pipes.reduce((sum, pipe) => sum + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0), 0);
}

function addTextSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: { name: string; rows: string[][]; width?: number }): void {
  const notes = workbook.addWorksheet(toSheetName(sheet.name));
  notes.columns = [{ width: sheet.width ?? 100, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  for (const cells of sheet.rows) notes.addRow(cells.map(neutraliseFormula)).commit();
  notes.commit();
}

/**
 * The sheet as XLSX, streamed through exceljs's WorkbookWriter (inline strings, so memory does not grow with the
 * rows): a bold header row, the extra header rows (hidden if asked), frozen panes below them, then the rows; dates are
 * real Excel dates shown yyyy-mm-dd; then the extra text sheets.
 */
export async function writeXlsxSheet(options: WriteSheetOptions, output: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const extraHeaderRows = options.extraHeaderRows ?? [];
  const sheet = workbook.addWorksheet(toSheetName(options.sheetName), { views: [{ state: 'frozen', ySplit: 1 + extraHeaderRows.length }] });
  sheet.columns = options.columns.map((c) => {
    const numFmt = numFmtOf[c.type];
    return { key: c.key, width: c.width ?? defaultWidth[c.type], hidden: c.hidden ?? false, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.addRow(options.columns.map((c) => neutraliseFormula(c.header)));
  header.font = { bold: true };
  header.commit();
  for (const extra of extraHeaderRows) {
    const row = sheet.addRow(extra.cells.map(neutraliseFormula));
    row.hidden = extra.hidden ?? false;
    row.commit();
  }
  let count = 0;
  for await (const record of options.rows) {
    sheet.addRow(options.columns.map((c) => xlsxValue(toOutputCell(record[c.key], c.type)))).commit();
    count += 1;
    if (count % 100 === 0) await pace(output, () => zipBacklog(sheet), maxBacklogBytes);
  }
  sheet.commit();
  for (const extra of options.extraSheets ?? []) addTextSheet(workbook, extra);
  await whileOpen(output, workbook.commit());
  return count;
}
