import fs from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../errors/app-error.ts';
import { sniffBytes } from './detect-sheet-format.ts';
import { sheetEncoding, sheetUnreadable, toSheetError } from './sheet-errors.ts';
import { isEmptyRow, trimRow, type SheetRow } from './sheet-row.ts';

type CsvEncoding = 'utf-8' | 'gb18030';

/** A record longer than this is refused rather than held: usually an unclosed quote swallowing the rest of the file. */
const maxRecordChars = 1_000_000;

function decodes(head: Buffer, encoding: CsvEncoding, isWholeFile: boolean): boolean {
  try {
    // `stream` keeps a multi-byte character cut at the end of the sample from counting as an error.
    new TextDecoder(encoding, { fatal: true }).decode(head, { stream: !isWholeFile });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a CSV from its first bytes: a UTF-8 BOM, or text that is valid UTF-8, is UTF-8; otherwise GB18030
 * (a superset of GBK and GB2312: what Excel in China writes for "CSV (comma delimited)").
 */
function detectCsvEncoding(head: Buffer, isWholeFile: boolean): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (decodes(head, 'utf-8', isWholeFile)) return 'utf-8';
  if (decodes(head, 'gb18030', isWholeFile)) return 'gb18030';
  throw sheetEncoding({ zh: '既不是 UTF-8，也不是 GB18030（GBK）', en: 'it is neither UTF-8 nor GB18030 (GBK)' });
}

function countLineBreaks(text: string): number {
  let lf = 0;
  let cr = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf += 1;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) cr += 1;
  return Math.max(lf, cr);
}

/** Decodes the file's chunks as they come; a byte sequence invalid in `encoding` is an error naming the line it is on. */
async function* decodeChunks(chunks: AsyncIterable<Buffer>, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true }); // also drops a UTF-8 BOM
  let lines = 0;
  const invalid = (chunk: Buffer) => {
    const lenient = new TextDecoder(encoding).decode(chunk);
    const at = lenient.indexOf('\uFFFD');
    return sheetEncoding({ zh: `有不属于 ${encoding.toUpperCase()} 的字节`, en: `it has bytes that are not valid ${encoding.toUpperCase()}` }, lines + 1 + countLineBreaks(lenient.slice(0, Math.max(at, 0))));
  };
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw invalid(chunk);
    }
    lines += countLineBreaks(text);
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw invalid(Buffer.alloc(0));
  }
  if (rest) yield rest;
}

function toCsvError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code ?? '';
  const nearRow = (error as { lines?: number } | null)?.lines;
  if (code === 'CSV_MAX_RECORD_SIZE' || code === 'CSV_QUOTE_NOT_CLOSED') {
    const where = nearRow ? { zh: `约第 ${nearRow} 行`, en: ` near row ${nearRow}` } : { zh: '', en: '' };
    return sheetUnreadable({ zh: `CSV ${where.zh}的引号没有闭合（或该行过长）`, en: `a quote in the CSV${where.en} is never closed (or the row is too long)` }, { nearRow });
  }
  return toSheetError(error, { zh: 'CSV 格式有误', en: 'the CSV is malformed' });
}

/**
 * The non-empty records of the CSV at `path`, decoded as its first bytes (`head`) suggest. Line ends may be CRLF, LF
 * or CR, mixed; fields may be quoted across lines. Every cell is text (or null when empty): CSV has no types.
 */
export async function* readCsvRows(path: string, head: Buffer): AsyncGenerator<SheetRow> {
  const encoding = detectCsvEncoding(head, head.length < sniffBytes);
  const parser = parse({ bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, max_record_size: maxRecordChars });
  const file = fs.createReadStream(path, { highWaterMark: sniffBytes });
  const source = Readable.from(decodeChunks(file, encoding));
  // The parser's iterator reports the first error; the callback only keeps a stop (break) from becoming an uncaught one.
  pipeline(source, parser, () => file.destroy());
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      const cells = record.map((field) => (field === '' ? null : field));
      if (!isEmptyRow(cells)) yield { rowNumber, cells: trimRow(cells) };
    }
  } catch (error) {
    throw toCsvError(error);
  } finally {
    parser.destroy();
    file.destroy();
  }
}
