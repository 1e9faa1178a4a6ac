import { describe, expect, it } from 'vitest';
import { isCalendarDate, neutraliseFormula, toOutputCell } from './sheet-cell.ts';
import { toCellValue } from './xlsx-cell-value.ts';

describe('neutraliseFormula', () => {
  it('quotes text a spreadsheet would run as a formula, and nothing else', () => {
    for (const text of ['=1+2', '+86 10 1234', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['北京', 'a=b', ' =x', "'=x", '']) expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('toOutputCell', () => {
  it('keeps values that fit the column type and writes the rest as neutralised text', () => {
    expect(toOutputCell('2024-02-29', 'date')).toEqual({ kind: 'date', date: '2024-02-29' });
    expect(toOutputCell('2023-02-29', 'date')).toEqual({ kind: 'text', text: '2023-02-29' });
    expect(toOutputCell(new Date(Date.UTC(2024, 0, 5)), 'date')).toEqual({ kind: 'date', date: '2024-01-05' });
    expect(toOutputCell(12.5, 'number')).toEqual({ kind: 'number', value: 12.5 });
    expect(toOutputCell('-3', 'integer')).toEqual({ kind: 'number', value: -3 });
    // 16 digits do not survive a double: kept as text.
    expect(toOutputCell('9111000010000000', 'number')).toEqual({ kind: 'text', text: '9111000010000000' });
    expect(toOutputCell('=HYPERLINK("x")', 'number')).toEqual({ kind: 'text', text: `'=HYPERLINK("x")` });
    expect(toOutputCell(42, 'text')).toEqual({ kind: 'text', text: '42' });
    expect(toOutputCell(-42, 'text')).toEqual({ kind: 'text', text: "'-42" });
    expect(toOutputCell('', 'text')).toBeNull();
    expect(toOutputCell(undefined, 'date')).toBeNull();
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-12-31')).toBe(true);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-1-5')).toBe(false);
  });
});

describe('toCellValue', () => {
  it('turns exceljs streaming values into plain cell values', () => {
    expect(toCellValue('', undefined, false)).toBeNull();
    expect(toCellValue(new Date(Date.UTC(2024, 0, 5, 13, 30)), 'yyyy-mm-dd', false)).toBe('2024-01-05');
    expect(toCellValue({ formula: 'A1*2', result: 7 }, 'General', false)).toBe(7);
    expect(toCellValue({ formula: 'TODAY()', result: 45296 }, 'yyyy/m/d', false)).toBe('2024-01-05');
    expect(toCellValue({ formula: 'A1', result: 43834 }, 'yyyy"年"m"月"d"日"', true)).toBe('2024-01-05');
    expect(toCellValue({ sharedFormula: 'A1', result: 'x' }, undefined, false)).toBe('x');
    expect(toCellValue({ formula: 'NA()', result: { error: '#N/A' } }, undefined, false)).toBeNull();
    expect(toCellValue({ formula: 'NA()', result: Number.NaN }, undefined, false)).toBeNull();
    expect(toCellValue({ formula: 'A1' }, undefined, false)).toBeNull();
    expect(toCellValue({ richText: [{ text: '北京' }, { text: '市', font: { bold: true } }] }, undefined, false)).toBe('北京市');
    expect(toCellValue({ text: '官网', hyperlink: 'https://example.cn' }, undefined, false)).toBe('官网');
    expect(toCellValue({ error: '#DIV/0!' }, undefined, false)).toBeNull();
    expect(toCellValue(true, undefined, false)).toBe(true);
  });
});
