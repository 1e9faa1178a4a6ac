import fs from 'node:fs';
import { fileTypeFromBuffer } from 'file-type';
import type { Bilingual } from '../errors/app-error.ts';
import { sheetEmpty, sheetEncoding, sheetUnreadable } from './sheet-errors.ts';

type SheetFormat = 'xlsx' | 'csv';

/** How much of a file is read to tell its type and, for CSV, its text encoding. */
export const sniffBytes = 64 * 1024;

/** The first `sniffBytes` of the file (fewer if it is shorter). */
export async function readHead(path: string): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(sniffBytes);
    const { bytesRead } = await handle.read(buffer, 0, sniffBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** Control bytes never found in CSV text, in UTF-8 or GB18030 (tab, line feed, form feed and carriage return are allowed). */
function hasControlBytes(head: Buffer): boolean {
  for (const b of head) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return true;
  return false;
}

const knownBinary: Record<string, Bilingual> = {
  png: { zh: '这是 PNG 图片', en: 'it is a PNG image' },
  jpg: { zh: '这是 JPEG 图片', en: 'it is a JPEG image' },
  pdf: { zh: '这是 PDF 文档', en: 'it is a PDF document' },
};

/** What a binary file is, named from its magic numbers when file-type knows them. */
async function describeBinary(head: Buffer): Promise<Bilingual> {
  // file-type throws on some short inputs (it reads past the end); a name is only a courtesy here.
  const ext = (await fileTypeFromBuffer(head).catch(() => undefined))?.ext;
  if (!ext) return { zh: '文件是二进制内容，不是表格', en: 'the file is binary, not a spreadsheet' };
  return knownBinary[ext] ?? { zh: `这是 ${ext.toUpperCase()} 文件，不是表格`, en: `it is a ${ext.toUpperCase()} file, not a spreadsheet` };
}

/**
 * XLSX or CSV, read from the content, never from the file name: a zip is an XLSX (checked further when opened), text is
 * CSV. Magic numbers come first because file-type alone mistakes text for binary types (a CSV starting "BMW" is a BMP).
 */
export async function detectSheetFormat(head: Buffer): Promise<SheetFormat> {
  if (head.length === 0) throw sheetEmpty({ zh: '文件是空的（0 字节）', en: 'The file is empty (0 bytes)' });
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06])) throw sheetUnreadable({ zh: '这是一个空的压缩包', en: 'it is an empty zip archive' });
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw sheetUnreadable({ zh: '这是旧版 Excel（.xls）文件或设有密码的工作簿', en: 'it is an old Excel (.xls) file or a password-protected workbook' });
  }
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    throw sheetEncoding({ zh: '文件是 UTF-16 编码（Excel 的“Unicode 文本”）', en: 'the file is UTF-16 (Excel\'s "Unicode text")' });
  }
  if (hasControlBytes(head)) throw sheetUnreadable(await describeBinary(head));
  const text = head.subarray(0, 64).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart();
  if (text.startsWith('%PDF-')) throw sheetUnreadable(knownBinary.pdf);
  if (text.startsWith('<')) {
    throw sheetUnreadable({ zh: '这是网页（HTML）或 XML 文件，不是 XLSX 或 CSV', en: 'it is a web page (HTML) or an XML file, not XLSX or CSV' });
  }
  return 'csv';
}
