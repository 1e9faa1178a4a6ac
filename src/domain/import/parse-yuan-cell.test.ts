import { describe, expect, it } from 'vitest';
import { parseYuanCell } from './parse-yuan-cell.ts';

describe('parseYuanCell', () => {
  it.each([
    [1000000, 1000000],
    [0, 0],
    ['1000000', 1000000],
    ['1,000,000', 1000000],
    ['１，０００，０００', 1000000],
    ['１００万元', 1000000],
    ['100万', 1000000],
    ['100万元', 1000000],
    ['1.5亿', 150000000],
    ['0.07亿', 7000000],
    ['500万人民币', 5000000],
    ['人民币500万元', 5000000],
    ['¥1,000,000', 1000000],
    ['￥1,000,000', 1000000],
    ['RMB 1,000,000', 1000000],
    ['1000000.00', 1000000],
    ['1000000元', 1000000],
  ])('reads %j as %d yuan', (cell, yuan) => {
    expect(parseYuanCell(cell)).toEqual({ ok: true, value: yuan });
  });

  it.each([
    [0.5, 'not-whole-yuan'],
    ['0.5', 'not-whole-yuan'],
    ['1.23456万', 'not-whole-yuan'],
    [-1, 'negative'],
    ['-100万', 'negative'],
    ['100万美元', 'foreign-currency'],
    ['USD 1,000,000', 'foreign-currency'],
    ['1,00,000', 'bad-amount'],
    ['一百万', 'bad-amount'],
    ['abc', 'bad-amount'],
    ['100万亿', 'bad-amount'],
    ['20000000000000', 'too-large'],
  ])('refuses %j as %s', (cell, code) => {
    expect(parseYuanCell(cell)).toMatchObject({ ok: false, reason: { code } });
  });
});
