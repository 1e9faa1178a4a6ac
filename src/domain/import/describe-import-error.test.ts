import { describe, expect, it } from 'vitest';
import { columnLetter, describeImportError } from './describe-import-error.ts';

describe('describeImportError', () => {
  it('names the spreadsheet row, the field and its column in both languages', () => {
    const error = { column: 1, field: 'uscc', reason: { code: 'bad-check', zh: '校验码错误', en: 'bad check character' } };
    expect(describeImportError({ kind: 'clients', error, rowNumber: 5 })).toEqual({
      zh: '第5行「统一社会信用代码」（B列）：校验码错误',
      en: 'Row 5, "USCC" (column B): bad check character',
    });
  });

  it('leaves out the column when the field has none', () => {
    const error = { column: null, field: 'services', reason: { code: 'column-missing', zh: '缺少必填列“业务种类”。', en: "The required column 'Services' is missing." } };
    expect(describeImportError({ kind: 'licences', error, rowNumber: 2 }).zh).toBe('第2行「业务种类」：缺少必填列“业务种类”。');
  });

  it.each([[0, 'A'], [25, 'Z'], [26, 'AA'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA']])('column %d is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
