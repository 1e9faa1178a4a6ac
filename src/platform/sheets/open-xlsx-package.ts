import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { createMergeScanner, type MergeRange } from './merged-cells.ts';
import { sheetEmpty, sheetTooLargeUncompressed, sheetUnreadable, toSheetError } from './sheet-errors.ts';
import { declareLocaleDateFormats, findFirstVisibleWorksheet, findWorkbookPart, parseRelationships, parseWorkbookXml } from './workbook-parts.ts';

/** A checked XLSX, still open: the parts needed to read its first visible worksheet. Call `close()` when done. */
export interface XlsxPackage {
  zipfile: ZipFile;
  sheet: Entry;
  sharedStrings: Entry | null;
  /** xl/styles.xml, amended (see declareLocaleDateFormats); an entry to stream as is when too big to hold. */
  styles: string | Entry | null;
  date1904: boolean;
  merges: MergeRange[];
  close(): void;
}

/** A real workbook has tens of parts; thousands means a crafted or broken zip. */
const maxEntries = 10_000;
/** Parts read into memory (workbook, its relationships, styles) stay below this. */
const maxHeldPartBytes = 16 * 1024 * 1024;

const corrupt = { zh: '文件已损坏或不是有效的 XLSX 压缩包', en: 'the file is corrupt or not a valid XLSX zip' };
const notWorkbook = { zh: '这是压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）', en: 'it is a zip archive but not an Excel workbook (no xl/workbook.xml)' };

async function listEntries(zipfile: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  for await (const entry of zipfile.eachEntry()) {
    if (entries.size >= maxEntries) throw sheetUnreadable(corrupt, { entries: `more than ${maxEntries}` });
    if (entry.fileName.endsWith('/')) continue;
    if (entry.isEncrypted()) throw sheetUnreadable({ zh: '压缩包内容已加密', en: 'the zip content is encrypted' });
    if (!entry.canDecodeFileData()) throw sheetUnreadable(corrupt, { compressionMethod: entry.compressionMethod });
    entries.set(entry.fileName.toLowerCase(), entry);
  }
  return entries;
}

/** Inflates one entry, handing each chunk on; `spend` counts every inflated byte against the limit and throws past it. */
async function inflate(zipfile: ZipFile, entry: Entry, spend: (bytes: number) => void, onChunk: (chunk: Buffer) => void = () => undefined): Promise<void> {
  const stream = await zipfile.openReadStreamPromise(entry);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    spend(chunk.length);
    onChunk(chunk);
  }
}

/** The entry's text, or null when it passes `maxHeldPartBytes` (its bytes are still inflated and counted). */
async function inflateText(zipfile: ZipFile, entry: Entry, spend: (bytes: number) => void): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  await inflate(zipfile, entry, spend, (chunk) => {
    size += chunk.length;
    if (size <= maxHeldPartBytes) chunks.push(chunk);
  });
  return size <= maxHeldPartBytes ? Buffer.concat(chunks).toString('utf8') : null;
}

/**
 * Keeps the end of a part's XML to tell whether it closes its root element: exceljs reads a part cut short without a
 * word, so a damaged file would import only its first rows.
 */
function createEndCheck(rootTag: string): { push(chunk: Buffer): void; isComplete(): boolean } {
  let tail = '';
  return {
    push: (chunk) => {
      tail = (tail + chunk.toString('latin1', Math.max(0, chunk.length - 64))).slice(-64);
    },
    isComplete: () => new RegExp(`(?:</(?:[\\w.-]+:)?${rootTag}>|/>)\\s*$`).test(tail),
  };
}

/**
 * Opens an XLSX and checks it before any spreadsheet parser sees it: every entry is inflated (output discarded) and its
 * real bytes counted, stopping as soon as the total passes `maxUncompressedBytes` (a zip bomb), whatever sizes the zip
 * declares. Finds the first visible worksheet in tab order, and collects its merged ranges on the way.
 */
export async function openXlsxPackage(path: string, maxUncompressedBytes: number): Promise<XlsxPackage> {
  const zipfile = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }).catch((error: unknown) => {
    throw toSheetError(error, corrupt);
  });
  try {
    let inflated = 0;
    const spend = (bytes: number) => {
      inflated += bytes;
      if (inflated > maxUncompressedBytes) throw sheetTooLargeUncompressed(maxUncompressedBytes);
    };
    const entries = await listEntries(zipfile);
    const workbookEntry = entries.get('xl/workbook.xml');
    if (!workbookEntry) throw sheetUnreadable(notWorkbook);
    const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
    const workbookXml = await inflateText(zipfile, workbookEntry, spend);
    const relsXml = relsEntry ? await inflateText(zipfile, relsEntry, spend) : '';
    if (workbookXml === null || relsXml === null) throw sheetUnreadable(corrupt);
    const workbook = parseWorkbookXml(workbookXml);
    const relationships = parseRelationships(relsXml);
    const target = findFirstVisibleWorksheet(workbook, relationships, (part) => entries.has(part));
    if (!target) throw sheetEmpty({ zh: '工作簿中没有可见的工作表', en: 'The workbook has no visible worksheet' });
    const stylesPath = findWorkbookPart(relationships, 'styles') ?? 'xl/styles.xml';
    const sharedStringsPath = findWorkbookPart(relationships, 'sharedStrings') ?? 'xl/sharedstrings.xml';
    const scanner = createMergeScanner();
    const sheetEnd = createEndCheck('worksheet');
    const sharedStringsEnd = createEndCheck('sst');
    let styles: string | Entry | null = null;
    for (const [name, entry] of entries) {
      if (entry === workbookEntry || entry === relsEntry) continue;
      if (name === stylesPath) {
        const xml = await inflateText(zipfile, entry, spend);
        styles = xml === null ? entry : declareLocaleDateFormats(xml);
      } else if (name === target.partPath) {
        await inflate(zipfile, entry, spend, (chunk) => {
          scanner.push(chunk);
          sheetEnd.push(chunk);
        });
      } else {
        await inflate(zipfile, entry, spend, name === sharedStringsPath ? (chunk) => sharedStringsEnd.push(chunk) : undefined);
      }
    }
    if (!sheetEnd.isComplete() || (entries.has(sharedStringsPath) && !sharedStringsEnd.isComplete())) throw sheetUnreadable(corrupt, { part: 'cut off' });
    return {
      zipfile,
      sheet: entries.get(target.partPath) as Entry,
      sharedStrings: entries.get(sharedStringsPath) ?? null,
      styles,
      date1904: workbook.date1904,
      merges: scanner.ranges(),
      close: () => zipfile.close(),
    };
  } catch (error) {
    zipfile.close();
    throw toSheetError(error, corrupt);
  }
}
