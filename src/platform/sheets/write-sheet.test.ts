import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheetRows, type SheetRow } from './read-sheet-rows.ts';
import { writeSheet, type SheetColumn, type WriteSheetOptions } from './write-sheet.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-write-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const columns: SheetColumn[] = [
  { header: '许可证编号 Licence No.', key: 'number', type: 'text', width: 30 },
  { header: '到期日 Expires', key: 'expiresOn', type: 'date' },
  { header: '金额 Amount', key: 'amount', type: 'number' },
  { header: '年数 Years', key: 'years', type: 'integer' },
  { header: 'ID', key: 'id', type: 'text', hidden: true },
];

const records = [
  { number: 'B2-20240001', expiresOn: '2029-03-31', amount: 1234.5, years: 5, id: 'a1' },
  { number: '=HYPERLINK("http://evil","点我")', expiresOn: '2024-02-30', amount: '12.5', years: '-3', id: '@cmd' },
  { number: '+86 10 1234 5678', expiresOn: null, amount: 'n/a', years: undefined, id: '\tTab' },
  { number: '甲, "乙"\n丙', expiresOn: '2030-01-01', amount: -7, years: 0, id: '-1+1' },
];

async function writeFile(name: string, options: Omit<WriteSheetOptions, 'output'>): Promise<string> {
  const file = path.join(dir, name);
  await writeSheet({ ...options, output: fs.createWriteStream(file) });
  return file;
}

async function readAll(file: string, headerRows: number): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows({ path: file, headerRows })) rows.push(row);
  return rows;
}

const template = {
  sheetName: '许可证',
  columns,
  extraHeaderRows: [{ cells: columns.map((c) => c.key), hidden: true }],
  extraSheets: [{ name: '说明 Notes', rows: [['请从第 3 行起填写 Fill in from row 3.'], ['=不是公式']] }],
};

describe('writeSheet: XLSX', () => {
  it('round-trips through readSheetRows: dates as YYYY-MM-DD, numbers as numbers, formula-like text quoted', async () => {
    const file = await writeFile('export.xlsx', { format: 'xlsx', rows: records, ...template });
    expect(await readAll(file, 2)).toEqual([
      { rowNumber: 1, cells: columns.map((c) => c.header) },
      { rowNumber: 2, cells: ['number', 'expiresOn', 'amount', 'years', 'id'] },
      { rowNumber: 3, cells: ['B2-20240001', '2029-03-31', 1234.5, 5, 'a1'] },
      { rowNumber: 4, cells: [`'=HYPERLINK("http://evil","点我")`, '2024-02-30', 12.5, -3, "'@cmd"] },
      { rowNumber: 5, cells: ["'+86 10 1234 5678", null, 'n/a', null, "'\tTab"] },
      { rowNumber: 6, cells: ['甲, "乙"\n丙', '2030-01-01', -7, 0, "'-1+1"] },
    ]);
  });

  it('writes real Excel dates, a hidden key row and column, frozen headings and a notes sheet', async () => {
    const file = await writeFile('template.xlsx', { format: 'xlsx', rows: records.slice(0, 1), ...template });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['许可证', '说明 Notes']);
    const sheet = workbook.worksheets[0];
    const date = sheet.getCell('B3');
    expect(date.value).toEqual(new Date(Date.UTC(2029, 2, 31)));
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('C3').value).toBe(1234.5);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).hidden).toBe(true);
    expect(sheet.getColumn(5).hidden).toBe(true);
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getColumn(1).numFmt).toBe('@');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(workbook.worksheets[1].getCell('A2').value).toBe("'=不是公式");
  });
});

describe('writeSheet: CSV', () => {
  it('writes UTF-8 with a BOM, CRLF line ends, quoted fields and neutralised formulas', async () => {
    const file = await writeFile('export.csv', { format: 'csv', rows: records, ...template });
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([
      '许可证编号 Licence No.,到期日 Expires,金额 Amount,年数 Years,ID',
      'number,expiresOn,amount,years,id',
      'B2-20240001,2029-03-31,1234.5,5,a1',
      `"'=HYPERLINK(""http://evil"",""点我"")",2024-02-30,12.5,-3,'@cmd`,
      "'+86 10 1234 5678,,n/a,,'\tTab",
      `"甲, ""乙""\n丙",2030-01-01,-7,0,'-1+1`,
      '',
    ]);
    expect((await readAll(file, 2))[3]).toEqual({ rowNumber: 4, cells: [`'=HYPERLINK("http://evil","点我")`, '2024-02-30', '12.5', '-3', "'@cmd"] });
  });
});

describe('writeSheet: streaming', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`${format}: stops pulling rows while nobody reads the output, then finishes when it is read`, async () => {
      let pulled = 0;
      async function* rows() {
        for (let i = 0; i < 20_000; i += 1) {
          pulled += 1;
          yield { number: `北京某某科技有限公司 ${i}`, expiresOn: '2025-01-01', amount: i, years: i % 10, id: `id-${i}` };
        }
      }
      const output = new PassThrough();
      const writing = writeSheet({ format, sheetName: 'S', columns, rows: rows(), output });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pulled).toBeLessThan(20_000);
      const file = path.join(dir, `paced.${format}`);
      output.pipe(fs.createWriteStream(file));
      expect(await writing).toEqual({ rows: 20_000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const read = await readAll(file, 1);
      expect(read).toHaveLength(20_001);
      expect(read[20_000].cells[0]).toBe('北京某某科技有限公司 19999');
    });

    it(`${format}: fails, rather than waiting for ever, when the output is closed mid-way (a download abandoned)`, async () => {
      function* rows() {
        for (let i = 0; i < 100_000; i += 1) yield { number: `行 ${i}`, expiresOn: '2025-01-01', amount: i, years: 1, id: 'x' };
      }
      const output = new PassThrough();
      const writing = writeSheet({ format, sheetName: 'S', columns, rows: rows(), output });
      setTimeout(() => output.destroy(), 100);
      await expect(writing).rejects.toThrow(/closed/);
    });
  }

  it('destroys the output when the rows fail, so the file never looks complete', async () => {
    async function* rows() {
      yield records[0];
      throw new Error('database went away');
    }
    const received: Buffer[] = [];
    const output = new Writable({ write: (chunk: Buffer, _encoding, done) => (received.push(chunk), done()) });
    await expect(writeSheet({ format: 'csv', sheetName: 'S', columns, rows: rows(), output })).rejects.toThrow('database went away');
    expect(output.destroyed).toBe(true);
    expect(output.writableFinished).toBe(false);
  });
});
