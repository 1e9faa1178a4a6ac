import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import type { Entry } from 'yauzl';
import { createAsciiXmlStream, toAsciiXml } from './ascii-xml-stream.ts';
import { createMergeFiller } from './merged-cells.ts';
import { openXlsxPackage, type XlsxPackage } from './open-xlsx-package.ts';
import { toSheetError } from './sheet-errors.ts';
import { isEmptyRow, trimRow, type CellValue, type SheetRow } from './sheet-row.ts';
import { toCellValue } from './xlsx-cell-value.ts';

const spreadsheetNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const corrupt = { zh: '工作表内容已损坏', en: 'the worksheet content is corrupt' };

/** The workbook exceljs is shown: one visible sheet, and the original's date system. */
function workbookXml(date1904: boolean): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${spreadsheetNs}" xmlns:r="${relNs}"><workbookPr date1904="${date1904 ? 1 : 0}"/>` +
      `<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
}

const workbookRels = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
);
const emptySharedStrings = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${spreadsheetNs}"/>`);

/**
 * A new, uncompressed zip of only the parts the chosen sheet needs, in the order that lets exceljs stream it: workbook,
 * relationships, styles and shared strings before the sheet. In the original order (Excel writes shared strings last)
 * exceljs copies every sheet to a temporary file it removes only at exit. Its bytes are those the check counted, made
 * ASCII (see createAsciiXmlStream).
 */
function createReaderZip(pkg: XlsxPackage, opened: Readable[], fail: (error: unknown) => void): Readable {
  const zip = new yazl.ZipFile();
  const addEntry = (name: string, entry: Entry) =>
    zip.addReadStreamLazy(name, { compress: false }, (done) => {
      pkg.zipfile.openReadStream(entry, (error, stream) => {
        if (error) return done(error, stream);
        const ascii = createAsciiXmlStream();
        opened.push(stream, ascii);
        // pipe() passes no errors on: each stream reports its own.
        stream.on('error', fail);
        ascii.on('error', fail);
        done(null, stream.pipe(ascii));
      });
    });
  zip.on('error', fail);
  zip.addBuffer(workbookXml(pkg.date1904), 'xl/workbook.xml', { compress: false });
  zip.addBuffer(workbookRels, 'xl/_rels/workbook.xml.rels', { compress: false });
  if (typeof pkg.styles === 'string') zip.addBuffer(Buffer.from(toAsciiXml(pkg.styles), 'latin1'), 'xl/styles.xml', { compress: false });
  else if (pkg.styles) addEntry('xl/styles.xml', pkg.styles);
  if (pkg.sharedStrings) addEntry('xl/sharedStrings.xml', pkg.sharedStrings);
  else zip.addBuffer(emptySharedStrings, 'xl/sharedStrings.xml', { compress: false });
  addEntry('xl/worksheets/sheet1.xml', pkg.sheet);
  zip.end();
  const output = zip.outputStream as Readable;
  output.on('error', fail);
  return output;
}

/** The iterator's next result, or a rejection as soon as `signal` aborts (its listener removed again, so none pile up). */
function nextUnlessAborted<T>(iterator: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T>> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    iterator
      .next()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Iterates `iterable` until it ends or `signal` aborts. exceljs reads its input through pipe(), which does not pass
 * errors on, so a failing input would otherwise leave it waiting for ever.
 */
async function* untilAborted<T>(iterable: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  let settled = true;
  try {
    for (;;) {
      settled = false;
      const next = await nextUnlessAborted(iterator, signal);
      settled = true;
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // After an abort the iterator may still be waiting on its dead input: do not wait for it to finish.
    if (settled) await iterator.return?.();
  }
}

function rowCells(row: ExcelJS.Row, date1904: boolean): CellValue[] {
  const cells: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = toCellValue(cell.value, cell.numFmt, date1904);
  });
  return cells;
}

/** The non-empty rows of the first visible worksheet of the XLSX at `path`, merged ranges filled from their master cell. */
export async function* readXlsxRows(path: string, maxUncompressedBytes: number): AsyncGenerator<SheetRow> {
  const pkg = await openXlsxPackage(path, maxUncompressedBytes);
  const opened: Readable[] = [];
  const failure = new AbortController();
  const fail = (error: unknown) => failure.abort(error);
  let input: Readable | undefined;
  try {
    input = createReaderZip(pkg, opened, fail);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    const fill = createMergeFiller(pkg.merges);
    for await (const worksheet of untilAborted(reader, failure.signal)) {
      for await (const row of untilAborted(worksheet, failure.signal)) {
        const cells = rowCells(row, pkg.date1904);
        const filled = fill(row.number, cells);
        if (!isEmptyRow(cells)) yield { rowNumber: row.number, cells: trimRow(filled) };
      }
      break;
    }
  } catch (error) {
    throw toSheetError(error, corrupt);
  } finally {
    for (const stream of opened) stream.destroy();
    input?.destroy();
    pkg.close();
  }
}
