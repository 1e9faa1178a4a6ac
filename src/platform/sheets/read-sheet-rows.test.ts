import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { AppError } from '../errors/app-error.ts';
import { readSheetRows, type ReadSheetRowsOptions, type SheetRow } from './read-sheet-rows.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-sheets-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => path.join(dir, name);
const openFds = () => fs.readdirSync('/proc/self/fd').length;

async function readAll(file: string, options: Omit<ReadSheetRowsOptions, 'path'> = {}): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows({ path: file, ...options })) rows.push(row);
  return rows;
}

async function readError(file: string, options: Omit<ReadSheetRowsOptions, 'path'> = {}): Promise<AppError> {
  const error = await readAll(file, options).then(
    () => new Error('read without an error'),
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error;
  return error;
}

async function writeZip(file: string, entries: Array<[string, string | (() => Readable)]>): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries) {
    if (typeof content === 'string') zip.addBuffer(Buffer.from(content), name);
    else zip.addReadStreamLazy(name, (done) => done(null, content()));
  }
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(file));
  return file;
}

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const relType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const workbookXml = (sheets: string) => `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets>${sheets}</sheets></workbook>`;
const relsXml = (rels: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
const contentTypes = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** What a user's workbook holds: a hidden first sheet, merges, formulas with cached results, dates, rich text, links. */
async function createExcelWorkbook(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('旧数据', { state: 'hidden' }).addRow(['hidden sheet, never read']);
  workbook.addWorksheet('Secret', { state: 'veryHidden' }).addRow(['very hidden']);
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow(['名称', '日期', '数量', '合计', '错误', '地址', '网站', '有效', '到期']);
  sheet.addRow(['甲公司', new Date(Date.UTC(2024, 0, 5)), 3.5, { formula: 'C2*2', result: 7 }, { error: '#N/A' }, { richText: [{ text: '北京' }, { text: '市', font: { bold: true } }] }, { text: '官网', hyperlink: 'https://example.cn' }, true, { formula: 'B2+365', result: 45661 }]);
  sheet.getCell('B2').numFmt = 'yyyy-mm-dd';
  sheet.getCell('I2').numFmt = 'yyyy/m/d';
  sheet.getCell('A3').value = '乙公司';
  sheet.mergeCells('A3:A4');
  sheet.getCell('B3').value = '合并';
  sheet.mergeCells('B3:C3');
  sheet.getCell('D3').value = 'x';
  sheet.getCell('D4').value = 'y';
  sheet.getCell('A6').value = '丙公司';
  sheet.getCell('A9').border = { top: { style: 'thin' } }; // a styled but empty trailing row
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('readSheetRows: XLSX', () => {
  it('reads the first visible sheet: cached formula results, dates, rich text, links, merged ranges filled; empty rows skipped', async () => {
    const rows = await readAll(await createExcelWorkbook(fixture('user.xlsx')));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['名称', '日期', '数量', '合计', '错误', '地址', '网站', '有效', '到期'] },
      { rowNumber: 2, cells: ['甲公司', '2024-01-05', 3.5, 7, null, '北京市', '官网', true, '2025-01-04'] },
      { rowNumber: 3, cells: ['乙公司', '合并', '合并', 'x'] },
      { rowNumber: 4, cells: ['乙公司', null, null, 'y'] },
      { rowNumber: 6, cells: ['丙公司'] },
    ]);
  });

  it('follows tab order and relationships rather than file names, and reads dates in the Chinese built-in formats', async () => {
    // As Excel in China writes it: date formats 31 and 57 by id only, shared strings after the sheets, a 1904 workbook.
    const styles = `<styleSheet ${ns}><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="31" applyNumberFormat="1"/><xf numFmtId="57" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const sheet = `<worksheet ${ns}><sheetData>
      <row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>行内 &amp; 文本</t></is></c></row>
      <row r="3"><c r="A3" s="1"><v>43834</v></c><c r="B3" s="2"><v>43834</v></c><c r="C3" s="3"><v>43834</v></c><c r="D3"><f>A3</f><v>43834</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#REF!</v></c></row>
      </sheetData><mergeCells count="1"><mergeCell ref="A2:A2"/></mergeCells></worksheet>`;
    const file = await writeZip(fixture('china.xlsx'), [
      ['[Content_Types].xml', contentTypes],
      ['xl/workbook.xml', `<?xml version="1.0"?><workbook ${ns}><workbookPr date1904="1"/><sheets><sheet name="数据" sheetId="2" r:id="rId2"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>`],
      ['xl/_rels/workbook.xml.rels', relsXml(`<Relationship Id="rId1" Type="${relType}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relType}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId3" Type="${relType}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${relType}/sharedStrings" Target="SharedStrings.xml"/>`)],
      ['xl/worksheets/sheet1.xml', `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not this one</t></is></c></row></sheetData></worksheet>`],
      ['xl/worksheets/data.xml', sheet],
      ['xl/styles.xml', styles],
      ['xl/SharedStrings.xml', `<sst ${ns} count="1" uniqueCount="1"><si><t>共享</t></si></sst>`],
    ]);
    expect(await readAll(file)).toEqual([
      { rowNumber: 2, cells: ['共享', '行内 & 文本'] },
      { rowNumber: 3, cells: ['2024-01-05', '2024-01-05', '2024-01-05', 43834, true] },
    ]);
  });

  it('keeps Chinese text whole wherever the XML is cut into chunks, in shared and in inline strings', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('许可证');
    const expected = Array.from({ length: 4000 }, (_, i) => [`北京市朝阳区某某科技有限公司第${i}号`, `增值电信业务经营许可证 ${i}：呼叫中心业务`]);
    for (const row of expected) sheet.addRow(row);
    for (const useSharedStrings of [true, false]) {
      await workbook.xlsx.writeFile(fixture('chinese.xlsx'), { useSharedStrings });
      const rows = await readAll(fixture('chinese.xlsx'), { headerRows: 0 });
      expect(rows.map((row) => row.cells)).toEqual(expected);
    }
  });

  it('refuses a workbook whose sheets are all hidden, and one with headings only', async () => {
    const hidden = new ExcelJS.Workbook();
    hidden.addWorksheet('A', { state: 'hidden' }).addRow(['x']);
    await hidden.xlsx.writeFile(fixture('all-hidden.xlsx'));
    expect(await readError(fixture('all-hidden.xlsx'))).toMatchObject({ code: 'SHEET_EMPTY', messages: { zh: '工作簿中没有可见的工作表' } });
    const headings = new ExcelJS.Workbook();
    headings.addWorksheet('A').addRow(['名称', '日期']);
    await headings.xlsx.writeFile(fixture('headings.xlsx'));
    expect(await readError(fixture('headings.xlsx'))).toMatchObject({ code: 'SHEET_EMPTY', status: 422 });
    expect(await readAll(fixture('headings.xlsx'), { headerRows: 0 })).toHaveLength(1);
  });

  it('stops a zip bomb from the bytes it really inflates: 400 MB of zeros in a small file', async () => {
    const zeros = Buffer.alloc(1024 * 1024);
    const file = await writeZip(fixture('bomb.xlsx'), [
      ['[Content_Types].xml', contentTypes],
      ['xl/workbook.xml', workbookXml('<sheet name="S" sheetId="1" r:id="rId1"/>')],
      ['xl/_rels/workbook.xml.rels', relsXml(`<Relationship Id="rId1" Type="${relType}/worksheet" Target="worksheets/sheet1.xml"/>`)],
      ['xl/worksheets/sheet1.xml', () => Readable.from((function* () { for (let i = 0; i < 400; i += 1) yield zeros; })())],
    ]);
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    const fdsBefore = openFds();
    const error = await readError(file);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openFds()).toBe(fdsBefore);
    expect(error).toMatchObject({ code: 'SHEET_TOO_LARGE_UNCOMPRESSED', status: 413, details: { limitBytes: 300 * 1024 * 1024 } });
    expect(error.messages.zh).toContain('300 MB');
    expect(await readError(file, { limits: { maxUncompressedBytes: 10 * 1024 * 1024 } })).toMatchObject({ code: 'SHEET_TOO_LARGE_UNCOMPRESSED', details: { limitBytes: 10 * 1024 * 1024 } });
  });

  it('refuses a zip that is not a workbook, a corrupt zip, and a sheet whose XML is cut off, as unreadable', async () => {
    await writeZip(fixture('document.xlsx'), [['word/document.xml', '<document/>']]);
    expect(await readError(fixture('document.xlsx'))).toMatchObject({ code: 'SHEET_UNREADABLE', details: { reason: expect.stringContaining('xl/workbook.xml') } });
    const good = fs.readFileSync(await createExcelWorkbook(fixture('to-break.xlsx')));
    fs.writeFileSync(fixture('cut.xlsx'), good.subarray(0, good.length - 200));
    expect(await readError(fixture('cut.xlsx'))).toMatchObject({ code: 'SHEET_UNREADABLE' });
    const broken = `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>b</t></is></c></row><row r="3"><c`;
    await writeZip(fixture('broken.xlsx'), [
      ['xl/workbook.xml', workbookXml('<sheet name="S" sheetId="1" r:id="rId1"/>')],
      ['xl/_rels/workbook.xml.rels', relsXml(`<Relationship Id="rId1" Type="${relType}/worksheet" Target="worksheets/sheet1.xml"/>`)],
      ['xl/worksheets/sheet1.xml', broken],
    ]);
    const error = await readError(fixture('broken.xlsx'));
    expect(error).toMatchObject({ code: 'SHEET_UNREADABLE', messages: { en: expect.stringContaining('corrupt') } });
    expect(error.messages.en).not.toMatch(/sax|exceljs|unzip/i);
    // Control characters are not XML; these four bytes also spell the zip data-descriptor signature.
    const controls = `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>PK\x07\x08${'x'.repeat(16)}</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>c</t></is></c></row></sheetData></worksheet>`;
    await writeZip(fixture('controls.xlsx'), [
      ['xl/workbook.xml', workbookXml('<sheet name="S" sheetId="1" r:id="rId1"/>')],
      ['xl/_rels/workbook.xml.rels', relsXml(`<Relationship Id="rId1" Type="${relType}/worksheet" Target="worksheets/sheet1.xml"/>`)],
      ['xl/worksheets/sheet1.xml', controls],
    ]);
    expect(await readError(fixture('controls.xlsx'), { headerRows: 0 })).toMatchObject({ code: 'SHEET_UNREADABLE' });
  });

  it('counts data rows against maxRows after the header rows, naming the limit and the row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('A');
    for (let i = 0; i <= 8; i += 1) sheet.addRow([`r${i}`]);
    await workbook.xlsx.writeFile(fixture('rows.xlsx'));
    expect(await readAll(fixture('rows.xlsx'), { limits: { maxRows: 8 } })).toHaveLength(9);
    expect(await readError(fixture('rows.xlsx'), { limits: { maxRows: 7 } })).toMatchObject({ code: 'SHEET_TOO_MANY_ROWS', status: 413, details: { limit: 7, rowNumber: 9 } });
    expect(await readError(fixture('rows.xlsx'), { limits: { maxRows: 6 }, headerRows: 2 })).toMatchObject({ details: { limit: 6, rowNumber: 9 } });
  });
});

const exceljsTempFiles = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));

describe('readSheetRows: resources', () => {
  it('closes the file, and leaves no temporary files, when the reader stops early or fails', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('A');
    for (let i = 0; i < 3000; i += 1) sheet.addRow([`行 ${i}`, i, `共享 ${i % 7}`]);
    await workbook.xlsx.writeFile(fixture('long.xlsx'));
    fs.writeFileSync(fixture('long.csv'), Array.from({ length: 30_000 }, (_, i) => `行 ${i},${i}`).join('\n'));
    const before = openFds();
    for (const file of [fixture('long.xlsx'), fixture('long.csv')]) {
      for await (const row of readSheetRows({ path: file })) if (row.rowNumber === 2) break;
      await expect(readAll(file, { limits: { maxRows: 100 } })).rejects.toMatchObject({ code: 'SHEET_TOO_MANY_ROWS' });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openFds()).toBe(before);
    expect(exceljsTempFiles()).toEqual([]);
  });
});

describe('readSheetRows: what is not a spreadsheet', () => {
  it('names what the file is instead, by content and never by name', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]);
    fs.writeFileSync(fixture('picture.xlsx'), png);
    expect(await readError(fixture('picture.xlsx'))).toMatchObject({ code: 'SHEET_UNREADABLE', status: 422, messages: { zh: expect.stringContaining('PNG 图片') } });
    fs.writeFileSync(fixture('doc.csv'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    expect(await readError(fixture('doc.csv'))).toMatchObject({ code: 'SHEET_UNREADABLE', messages: { en: expect.stringContaining('PDF') } });
    fs.writeFileSync(fixture('old.xls'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]));
    expect(await readError(fixture('old.xls'))).toMatchObject({ code: 'SHEET_UNREADABLE', messages: { zh: expect.stringContaining('.xls') } });
    fs.writeFileSync(fixture('page.xls'), '<html><body><table><tr><td>1</td></tr></table></body></html>');
    expect(await readError(fixture('page.xls'))).toMatchObject({ code: 'SHEET_UNREADABLE', messages: { en: expect.stringContaining('HTML') } });
    fs.writeFileSync(fixture('junk.csv'), Buffer.from([0x61, 0x2c, 0x00, 0x01, 0x62]));
    expect(await readError(fixture('junk.csv'))).toMatchObject({ code: 'SHEET_UNREADABLE' });
    fs.writeFileSync(fixture('empty.csv'), '');
    expect(await readError(fixture('empty.csv'))).toMatchObject({ code: 'SHEET_EMPTY', messages: { en: 'The file is empty (0 bytes)' } });
    fs.writeFileSync(fixture('blank.csv'), '\r\n,,\r\n\r\n');
    expect(await readError(fixture('blank.csv'))).toMatchObject({ code: 'SHEET_EMPTY', messages: { en: 'The spreadsheet is empty' } });
  });
});
