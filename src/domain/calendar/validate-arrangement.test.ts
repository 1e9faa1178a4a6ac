import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinArrangements } from './builtin-arrangements.ts';
import { createCalendar } from './create-calendar.ts';
import { parseHolidayCnJson } from './parse-holiday-cn-json.ts';
import type { ArrangementDay, WorkingCalendar, YearArrangement } from './types.ts';
import { validateArrangement, type ArrangementCheck } from './validate-arrangement.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const holidayCn2026 = path.resolve(repoRoot, '../shared/data/holiday-cn/2026.json');
const calendar = createCalendar(builtinArrangements);

function candidate2027(days: ArrangementDay[]): YearArrangement {
  return { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知', papers: [], days };
}
const newYear2027: ArrangementDay[] = [
  { date: '2027-01-01', isOffDay: true, name: '元旦' },
  { date: '2027-01-02', isOffDay: true, name: '元旦' },
  { date: '2027-01-03', isOffDay: true, name: '元旦' },
];
const codes = (check: ArrangementCheck) => (check.ok ? [] : check.errors.map((e) => `${e.code} ${e.path}`));

describe('validateArrangement', () => {
  it('accepts a valid year, dropping a repeated identical day and sorting the days', () => {
    const days = [newYear2027[2], newYear2027[0], newYear2027[1], newYear2027[0]];
    const check = validateArrangement(candidate2027(days), calendar);
    expect(check).toEqual({ ok: true, arrangement: candidate2027(newYear2027) });
  });

  it('reports a malformed or impossible date', () => {
    const check = validateArrangement(
      candidate2027([...newYear2027, { date: '2027-2-10', isOffDay: true, name: '春节' }, { date: '2027-02-30', isOffDay: true, name: '春节' }]),
      calendar,
    );
    expect(codes(check)).toEqual(['INVALID_DATE days[3].date', 'INVALID_DATE days[4].date']);
    if (!check.ok) expect(check.errors[1]).toMatchObject({ date: '2027-02-30', message: { en: expect.stringContaining('"2027-02-30"') } });
  });

  it('reports dates outside the year ±1 month', () => {
    const days = [
      { date: '2026-12-01', isOffDay: true, name: '元旦' },
      { date: '2026-11-30', isOffDay: true, name: '元旦' },
      { date: '2028-01-31', isOffDay: true, name: '春节' },
      { date: '2028-02-01', isOffDay: true, name: '春节' },
    ];
    expect(codes(validateArrangement(candidate2027(days), []))).toEqual([
      'DATE_OUTSIDE_YEAR days[1].date',
      'DATE_OUTSIDE_YEAR days[3].date',
    ]);
  });

  it('reports a day listed twice with different meanings', () => {
    const check = validateArrangement(candidate2027([...newYear2027, { date: '2027-01-02', isOffDay: false, name: '元旦' }]), []);
    expect(codes(check)).toEqual(['CONFLICTING_DUPLICATE days[3]']);
    if (!check.ok) expect(check.errors[0].message.en).toContain('days[1]');
  });

  it('reports an adjusted working day that is not a Saturday or Sunday', () => {
    const days = [...newYear2027, { date: '2027-02-09', isOffDay: false, name: '春节' }, { date: '2027-02-06', isOffDay: false, name: '春节' }];
    const check = validateArrangement(candidate2027(days), []);
    expect(codes(check)).toEqual(['WORKDAY_NOT_ON_WEEKEND days[3].isOffDay']); // 2027-02-06 is a Saturday
  });

  it('reports a holiday on a date the neighbouring year lists otherwise, from arrangements or a calendar', () => {
    // The 2019 notice lists 2018-12-29 as an adjusted working day; a 2018 file calling it a holiday contradicts it.
    const bad2018 = { ...builtinArrangements.find((a) => a.year === 2018)! };
    bad2018.days = [...bad2018.days, { date: '2018-12-29', isOffDay: true, name: '元旦' }];
    for (const existing of [builtinArrangements, calendar]) {
      const check = validateArrangement(bad2018, existing);
      expect(codes(check)).toEqual([`CONFLICTS_WITH_NEIGHBOUR_YEAR days[${bad2018.days.length - 1}]`]);
      if (!check.ok) expect(check.errors[0]).toMatchObject({ date: '2018-12-29', message: { zh: expect.stringContaining('2019') } });
    }
    // A calendar without arrangements() is checked through dayInfo for dates outside the year.
    const { arrangements: _omit, ...plain } = calendar;
    const workingEve = (d: string) => ({ ...calendar.dayInfo(d), kind: d === '2026-12-31' ? ('adjusted-workday' as const) : calendar.dayInfo(d).kind });
    const check = validateArrangement(
      candidate2027([...newYear2027, { date: '2026-12-31', isOffDay: true, name: '元旦' }]),
      { ...plain, dayInfo: workingEve } as WorkingCalendar,
    );
    expect(codes(check)).toEqual(['CONFLICTS_WITH_NEIGHBOUR_YEAR days[3]']);
  });

  it('accepts every built-in year against the others', () => {
    for (const arrangement of builtinArrangements) {
      expect(codes(validateArrangement(arrangement, builtinArrangements))).toEqual([]);
    }
  });

  it('reports wrong shapes field by field', () => {
    expect(codes(validateArrangement(null, []))).toEqual(['INVALID_SHAPE (root)']);
    expect(codes(validateArrangement({ year: 2027.5, source: 1, papers: 'x', days: [] }, []))).toEqual([
      'INVALID_YEAR year',
      'INVALID_SHAPE source',
      'INVALID_SHAPE papers',
    ]);
    const check = validateArrangement(candidate2027([{ date: '2027-01-01', isOffDay: 'yes', name: '' } as never, 7 as never]), []);
    expect(codes(check)).toEqual(['INVALID_SHAPE days[0].isOffDay', 'INVALID_SHAPE days[0].name', 'INVALID_SHAPE days[1]']);
  });
});

describe('parseHolidayCnJson', () => {
  it.skipIf(!existsSync(holidayCn2026))('reads the real holiday-cn 2026 file (skipped: ../shared/data/holiday-cn absent)', () => {
    const parsed = parseHolidayCnJson(JSON.parse(readFileSync(holidayCn2026, 'utf8')));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.arrangement).toMatchObject({
      year: 2026,
      source: '国务院办公厅关于2026年部分节假日安排的通知',
      papers: ['https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'],
    });
    expect(parsed.arrangement.days[0]).toEqual({ date: '2026-01-01', isOffDay: true, name: '元旦' });
    const builtin2026 = builtinArrangements.find((a) => a.year === 2026)!;
    const check = validateArrangement(parsed.arrangement, builtinArrangements);
    expect(check.ok && check.arrangement.days).toEqual(builtin2026.days);
  });

  it('reports wrong shapes with clear paths', () => {
    expect(codes(parseHolidayCnJson('nope'))).toEqual(['INVALID_SHAPE (root)']);
    expect(codes(parseHolidayCnJson({ year: '2027', papers: [1], days: {} }))).toEqual([
      'INVALID_YEAR year',
      'INVALID_SHAPE papers',
      'INVALID_SHAPE days',
    ]);
    const check = parseHolidayCnJson({ year: 2027, papers: [], days: [{ name: '元旦', date: 20270101, isOffDay: true }, null] });
    expect(codes(check)).toEqual(['INVALID_SHAPE days[0].date', 'INVALID_SHAPE days[1]']);
    if (!check.ok) expect(check.errors[0].message.en).toBe('days[0].date: expected a YYYY-MM-DD date string');
  });
});
