// Results that depend on a year without an official arrangement must say so.
import { describe, expect, it } from 'vitest';
import { builtinArrangements } from './builtin-arrangements.ts';
import { createCalendar } from './create-calendar.ts';
import { mergeArrangements } from './merge-arrangements.ts';
import type { YearArrangement } from './types.ts';

const calendar = createCalendar(builtinArrangements);
const UNPUBLISHED_2027 = {
  zh: '2027年节假日安排尚未发布',
  en: 'The 2027 holiday arrangement has not been published yet',
};

// A hypothetical 2027 notice, only to show that loading a year lifts the flag.
const sample2027: YearArrangement = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  papers: [],
  days: [
    { date: '2027-01-01', isOffDay: true, name: '元旦' },
    { date: '2027-01-02', isOffDay: true, name: '元旦' },
    { date: '2027-01-03', isOffDay: true, name: '元旦' },
  ],
};

describe('provisional results', () => {
  it('a 2026 date alone is not provisional, even in December', () => {
    expect(calendar.dayInfo('2026-12-31')).toMatchObject({ provisional: false, provisionalYears: [], provisionalReason: null });
    expect(calendar.addWorkingDays('2026-12-01', 5)).toMatchObject({ date: '2026-12-08', provisional: false });
    expect(calendar.workingDaysBetween('2026-12-01', '2026-12-31').provisional).toBe(false);
  });

  it('a 2027 date is provisional, computed weekends-only', () => {
    expect(calendar.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01',
      isWorkingDay: true,
      kind: 'workday',
      holidayName: null,
      provisional: true,
      provisionalYears: [2027],
      provisionalReason: UNPUBLISHED_2027,
    });
    expect(calendar.dayInfo('2027-01-02')).toMatchObject({ kind: 'weekend', provisional: true });
  });

  it('a result landing in 2027 is provisional', () => {
    // 2026-12-01 + 30 working days: 22 left in December 2026, 8 more in January 2027.
    expect(calendar.addWorkingDays('2026-12-01', 30)).toEqual({
      date: '2027-01-12',
      provisional: true,
      provisionalYears: [2027],
      provisionalReason: UNPUBLISHED_2027,
    });
    expect(calendar.addWorkingDays('2026-12-31', 0)).toMatchObject({ date: '2026-12-31', provisional: false });
    expect(calendar.addWorkingDays('2027-01-04', -1)).toMatchObject({ date: '2027-01-01', provisional: true });
    // Going back from 2027 to a 2026 day examines only 2026, so that answer does not depend on 2027.
    expect(calendar.addWorkingDays('2027-01-01', -1)).toMatchObject({ date: '2026-12-31', provisional: false });
  });

  it('a range crossing 2026 → 2027 is provisional, in either direction', () => {
    const forward = calendar.workingDaysBetween('2026-12-20', '2027-01-10');
    expect(forward).toMatchObject({ days: 15, provisional: true, provisionalYears: [2027] });
    expect(calendar.workingDaysBetween('2027-01-10', '2026-12-20')).toMatchObject({ days: -15, provisional: true });
    expect(calendar.workingDaysBetween('2026-12-20', '2026-12-31').provisional).toBe(false);
  });

  it('several missing years are listed together', () => {
    const result = calendar.workingDaysBetween('2026-06-01', '2028-06-01');
    expect(result.provisionalYears).toEqual([2027, 2028]);
    expect(result.provisionalReason).toEqual({
      zh: '2027、2028年节假日安排尚未发布',
      en: 'The 2027 and 2028 holiday arrangements have not been published yet',
    });
  });

  it('dates before 2004 have no official data', () => {
    expect(calendar.dayInfo('2003-10-01')).toMatchObject({
      provisional: true,
      provisionalYears: [2003],
      provisionalReason: { zh: '2003年无官方节假日安排数据', en: 'The official calendar has no holiday data for 2003' },
    });
    expect(calendar.addWorkingDays('2004-01-05', -3)).toMatchObject({ date: '2003-12-30', provisional: true });
    const long = calendar.workingDaysBetween('2001-06-01', '2030-01-01');
    expect(long.provisionalYears).toEqual([2001, 2002, 2003, 2027, 2028, 2029, 2030]);
    expect(long.provisionalReason?.zh).toBe('2001—2003年无官方节假日安排数据；2027—2030年节假日安排尚未发布');
  });

  it('loading a 2027 arrangement removes the flag', () => {
    const loaded = createCalendar(mergeArrangements(builtinArrangements, [sample2027]));
    expect(loaded.knownYears()).toContain(2027);
    expect(loaded.dayInfo('2027-01-01')).toMatchObject({ kind: 'holiday', isWorkingDay: false, provisional: false });
    expect(loaded.addWorkingDays('2026-12-31', 1)).toMatchObject({ date: '2027-01-04', provisional: false });
    expect(loaded.workingDaysBetween('2026-12-20', '2027-01-10')).toMatchObject({ days: 14, provisional: false });
    expect(loaded.dayInfo('2028-01-03').provisionalYears).toEqual([2028]);
  });

  it('mergeArrangements lets a loaded year replace the built-in one', () => {
    const replacement: YearArrangement = { ...sample2027, year: 2026, days: [{ date: '2026-03-02', isOffDay: true, name: '测试' }] };
    const merged = mergeArrangements(builtinArrangements, [replacement]);
    expect(merged.filter((a) => a.year === 2026)).toEqual([replacement]);
    expect(merged.map((a) => a.year)).toEqual(builtinArrangements.map((a) => a.year));
    const replaced = createCalendar(merged);
    expect(replaced.isWorkingDay('2026-03-02')).toBe(false);
    expect(replaced.isWorkingDay('2026-02-16')).toBe(true); // the built-in 2026 Spring Festival is gone
  });
});
