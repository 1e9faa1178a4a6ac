import { describe, expect, it } from 'vitest';
import { parsePercentCell } from './parse-percent-cell.ts';

describe('parsePercentCell', () => {
  it.each([
    [49, 49],
    ['49', 49],
    ['49%', 49],
    ['49.5 %', 49.5],
    ['４９．５％', 49.5],
    ['49.50%', 49.5],
    [33.33, 33.33],
    [0, 0],
    ['100', 100],
    // Numbers are percent points: a fraction is a small share, not 49 %.
    [0.49, 0.49],
  ])('reads %j as %d %', (cell, percent) => {
    expect(parsePercentCell(cell)).toEqual({ ok: true, value: percent });
  });

  it.each([
    [33.333, 'percent-decimals'],
    ['12.345%', 'percent-decimals'],
    [100.5, 'percent-range'],
    ['101%', 'percent-range'],
    [-1, 'percent-range'],
    ['-5%', 'percent-range'],
    ['一半', 'bad-percent'],
    ['49%%', 'bad-percent'],
  ])('refuses %j as %s', (cell, code) => {
    expect(parsePercentCell(cell)).toMatchObject({ ok: false, reason: { code } });
  });
});
