import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { sniffBytes } from './detect-sheet-format.ts';
import { readSheetRows, type SheetRow } from './read-sheet-rows.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function readAll(file: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows({ path: file })) rows.push(row);
  return rows;
}

async function readError(file: string): Promise<AppError> {
  const error = await readAll(file).then(
    () => new Error('read without an error'),
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error;
  return error;
}

// Node has no GB18030 encoder: the bytes of a few words, as Excel in China writes them.
const gb18030: Record<string, number[]> = { 中文: [0xd6, 0xd0, 0xce, 0xc4], 名称: [0xc3, 0xfb, 0xb3, 0xc6], 北京: [0xb1, 0xb1, 0xbe, 0xa9] };
function encodeGb18030(text: string): Buffer {
  const parts: Buffer[] = [];
  for (const piece of text.split(/(中文|名称|北京)/)) parts.push(gb18030[piece] ? Buffer.from(gb18030[piece]) : Buffer.from(piece, 'ascii'));
  return Buffer.concat(parts);
}

describe('readSheetRows: CSV', () => {
  it('reads UTF-8 with or without a BOM, with quoted fields, mixed line ends and real row numbers', async () => {
    const text = '名称,地址,备注\r\n甲公司,"北京市, 朝阳区","说""明"\n\n乙公司,上海,"第一行\r\n第二行"\r丙公司,,\r\n';
    const expected = [
      { rowNumber: 1, cells: ['名称', '地址', '备注'] },
      { rowNumber: 2, cells: ['甲公司', '北京市, 朝阳区', '说"明'] },
      { rowNumber: 4, cells: ['乙公司', '上海', '第一行\r\n第二行'] },
      { rowNumber: 5, cells: ['丙公司'] },
    ];
    expect(await readAll(write('plain.csv', text))).toEqual(expected);
    expect(await readAll(write('bom.csv', `\ufeff${text}`))).toEqual(expected);
  });

  it('reads GB18030 (GBK), as Excel in China saves "CSV (comma delimited)"', async () => {
    const file = write('gbk.csv', encodeGb18030('名称,city\r\n中文,北京\r\n'));
    expect(await readAll(file)).toEqual([
      { rowNumber: 1, cells: ['名称', 'city'] },
      { rowNumber: 2, cells: ['中文', '北京'] },
    ]);
  });

  it('decodes a character cut by the sniffing window or a read chunk, in UTF-8 and in GB18030', async () => {
    // Line lengths chosen so that byte 65,536 falls inside a character.
    const utf8Lines = ['name', ...Array.from({ length: 6000 }, () => '中文中文')];
    const utf8 = write('long-utf8.csv', utf8Lines.join('\n'));
    const gbLines = ['nam', ...Array.from({ length: 9000 }, () => '中文中文')];
    const gb = write('long-gb.csv', encodeGb18030(gbLines.join('\n')));
    expect(fs.statSync(utf8).size).toBeGreaterThan(sniffBytes);
    expect(fs.statSync(gb).size).toBeGreaterThan(sniffBytes);
    expect((await readAll(utf8)).map((row) => row.cells[0])).toEqual(utf8Lines);
    expect((await readAll(gb)).map((row) => row.cells[0])).toEqual(gbLines);
  });

  it('names the row of a byte invalid in the file encoding, and refuses UTF-16', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `行${i},x`);
    const file = write('bad.csv', Buffer.concat(lines.map((line, i) => (i === 8123 ? Buffer.from([0x62, 0x61, 0x64, 0x2c, 0xff, 0x0a]) : Buffer.from(`${line}\n`)))));
    expect(await readError(file)).toMatchObject({ code: 'SHEET_ENCODING', status: 422, details: { nearRow: 8124 }, messages: { zh: expect.stringContaining('约第 8124 行') } });
    expect(await readError(write('neither.csv', Buffer.from([0x61, 0x2c, 0xff, 0x0a])))).toMatchObject({ code: 'SHEET_ENCODING' });
    expect(await readError(write('utf16.csv', Buffer.from('\ufeffa,b', 'utf16le')))).toMatchObject({ code: 'SHEET_ENCODING', messages: { en: expect.stringContaining('UTF-16') } });
  });

  it('refuses an unclosed quote instead of swallowing the rest of the file, naming where', async () => {
    const error = await readError(write('quote.csv', 'a,b\n1,"open\n2,3\n'));
    expect(error).toMatchObject({ code: 'SHEET_UNREADABLE', details: { nearRow: expect.any(Number) } });
    expect(error.messages.en).toContain('never closed');
  });

  it('reads a CSV that starts like a binary signature (BMW is the BMP magic number) as text', async () => {
    expect(await readAll(write('bmw.csv', 'BMW,宝马\n1,2\n'))).toEqual([
      { rowNumber: 1, cells: ['BMW', '宝马'] },
      { rowNumber: 2, cells: ['1', '2'] },
    ]);
  });
});
