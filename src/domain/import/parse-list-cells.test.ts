import { describe, expect, it } from 'vitest';
import { parseServicesCell, parseYearsCell } from './parse-list-cells.ts';

describe('parseServicesCell', () => {
  it.each([
    ['B24-1', ['B24-1']],
    ['B24-1、B21', ['B24-1', 'B21']],
    ['B24-1,B21', ['B24-1', 'B21']],
    ['b24-1， b21；B25-ICP', ['B24-1', 'B21', 'B25-ICP']],
    ['Ｂ２４－１', ['B24-1']],
    ['B24–1', ['B24-1']],
    ['B21 B21', ['B21']],
    ['国内呼叫中心业务、B21', ['B24-1', 'B21']],
    ['信息服务业务（仅限互联网信息服务）', ['B25-ICP']],
  ])('reads %j', (cell, codes) => {
    expect(parseServicesCell(cell)).toEqual({ ok: true, value: codes });
  });

  it('names every unknown code', () => {
    const parsed = parseServicesCell('B24-1、B99、呼叫');
    expect(parsed).toMatchObject({ ok: false, reason: { code: 'unknown-service' } });
    if (!parsed.ok) expect(parsed.reason.zh).toContain('B99、呼叫');
  });
});

describe('parseYearsCell', () => {
  it.each([
    ['2024,2025', [2024, 2025]],
    ['2024、2025', [2024, 2025]],
    ['2025，2024', [2024, 2025]],
    ['2024年 2025年', [2024, 2025]],
    ['2024,2024', [2024]],
    [2024, [2024]],
  ])('reads %j', (cell, years) => {
    expect(parseYearsCell(cell)).toEqual({ ok: true, value: years });
  });

  it.each(['24', '2024.5', '二〇二四', '2024-2025', 2024.5])('refuses %j', (cell) => {
    expect(parseYearsCell(cell)).toMatchObject({ ok: false, reason: { code: 'bad-year' } });
  });
});
