import { describe, expect, it } from 'vitest';
import { builtinArrangements } from './builtin-arrangements.ts';
import { CalendarInputError } from './calendar-input-error.ts';
import { CALENDAR_MAX_DATE, CALENDAR_MIN_DATE, DAY_COUNT, dateOfIndex, dayIndexOf, weekdayOfIndex } from './civil-date.ts';
import { createCalendar } from './create-calendar.ts';
import { translateHolidayName } from './translate-holiday-name.ts';

const calendar = createCalendar(builtinArrangements);

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof CalendarInputError) return error.code;
    throw error;
  }
  return undefined;
}

describe('civil dates', () => {
  it('match the proleptic Gregorian calendar on every supported day', () => {
    expect(dayIndexOf(CALENDAR_MIN_DATE)).toBe(0);
    expect(dayIndexOf(CALENDAR_MAX_DATE)).toBe(DAY_COUNT - 1);
    const start = Date.UTC(1950, 0, 1);
    for (let i = 0; i < DAY_COUNT; i++) {
      const date = new Date(start + i * 86_400_000); // tests may use Date as the reference
      const expected = date.toISOString().slice(0, 10);
      if (dateOfIndex(i) !== expected || dayIndexOf(expected) !== i || weekdayOfIndex(i) !== date.getUTCDay()) {
        throw new Error(`day ${i}: ${dateOfIndex(i)} vs ${expected}`);
      }
    }
  });
});

describe('dayInfo', () => {
  it('tells the four kinds of day apart, with holiday names in both languages', () => {
    expect(calendar.dayInfo('2026-02-16')).toMatchObject({
      kind: 'holiday',
      isWorkingDay: false,
      holidayName: { zh: '春节', en: 'Spring Festival' },
      provisional: false,
    });
    expect(calendar.dayInfo('2026-02-14')).toMatchObject({
      kind: 'adjusted-workday',
      isWorkingDay: true,
      holidayName: { zh: '春节', en: 'Spring Festival' },
    });
    expect(calendar.dayInfo('2026-03-07')).toMatchObject({ kind: 'weekend', isWorkingDay: false, holidayName: null });
    expect(calendar.dayInfo('2026-03-09')).toMatchObject({ kind: 'workday', isWorkingDay: true, holidayName: null });
  });

  it('names combined holidays in English', () => {
    expect(calendar.dayInfo('2023-09-29').holidayName).toEqual({
      zh: '中秋节、国庆节',
      en: 'Mid-Autumn Festival and National Day',
    });
    expect(calendar.dayInfo('2020-10-01').holidayName?.en).toBe('National Day and Mid-Autumn Festival');
    expect(translateHolidayName('“五一”').en).toBe('Labour Day');
    expect(translateHolidayName('清明节').en).toBe('Qingming Festival');
    expect(translateHolidayName('端午节').en).toBe('Dragon Boat Festival');
    expect(translateHolidayName('元旦').en).toBe("New Year's Day");
  });

  it('includes the mid-year 2020 Spring Festival extension and December days set by the next notice', () => {
    expect(calendar.isWorkingDay('2020-01-31')).toBe(false);
    expect(calendar.isWorkingDay('2020-02-01')).toBe(false); // was a working Saturday before the extension
    expect(calendar.isWorkingDay('2020-02-03')).toBe(true);
    expect(calendar.dayInfo('2018-12-29')).toMatchObject({ kind: 'adjusted-workday' }); // from the 2019 notice
    expect(calendar.dayInfo('2018-12-31')).toMatchObject({ kind: 'holiday', holidayName: { zh: '元旦' } });
    expect(calendar.dayInfo('2015-09-03').holidayName?.zh).toBe('抗日战争暨世界反法西斯战争胜利70周年纪念日');
  });
});

describe('addWorkingDays', () => {
  it('steps over holidays and onto adjusted working days', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14'); // working Saturday
    expect(calendar.addWorkingDays('2026-02-14', 1).date).toBe('2026-02-24'); // after the 9-day break
    expect(calendar.addWorkingDays('2026-02-24', -1).date).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-09-30', 1).date).toBe('2026-10-08');
  });

  it('with n = 0 returns the date when it is a working day, else the next one', () => {
    expect(calendar.addWorkingDays('2026-03-09', 0).date).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-02-15', 0).date).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-03-07', 0).date).toBe('2026-03-09');
  });
});

describe('workingDaysBetween', () => {
  it('counts the half-open range (from, to], negative backwards', () => {
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-09').days).toBe(1); // Fri → Mon
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-06').days).toBe(-1);
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-09')).toMatchObject({ days: 0, provisional: false });
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31').days).toBe(countByDayInfo('2026-01-01', '2026-12-31'));
  });
});

function countByDayInfo(from: string, to: string): number {
  let count = 0;
  for (let d = from; d <= to; d = calendar.addCalendarDays(d, 1)) if (calendar.dayInfo(d).isWorkingDay) count++;
  return count;
}

describe('addCalendarDays and knownYears', () => {
  it('adds plain days across months and leap years', () => {
    expect(calendar.addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(calendar.addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(calendar.addCalendarDays('2026-12-31', -365)).toBe('2025-12-31');
    expect(calendar.knownYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });
});

describe('invalid input', () => {
  it('rejects malformed and impossible dates with INVALID_DATE naming the value', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '20260203', '2026/02/03', '2026-13-01', '2026-00-10', ' 2026-02-03', '']) {
      expect(codeOf(() => calendar.dayInfo(bad)), bad).toBe('INVALID_DATE');
    }
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(/"2026-02-30"/);
    expect(codeOf(() => calendar.addWorkingDays(undefined as unknown as string, 1))).toBe('INVALID_DATE');
    expect(codeOf(() => calendar.addWorkingDays('2026-02-29', 1))).toBe('INVALID_DATE');
    expect(codeOf(() => calendar.addWorkingDays('2024-02-29', 1))).toBeUndefined();
  });

  it('rejects dates and results outside 1950-01-01..2150-12-31 with OUT_OF_RANGE', () => {
    expect(codeOf(() => calendar.dayInfo('1949-12-31'))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => calendar.dayInfo('2151-01-01'))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => calendar.addWorkingDays('2150-12-20', 30))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => calendar.addWorkingDays('1950-01-03', -5))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => calendar.addCalendarDays('2150-12-31', 1))).toBe('OUT_OF_RANGE');
    expect(calendar.addCalendarDays(CALENDAR_MIN_DATE, 0)).toBe('1950-01-01');
  });

  it('rejects a day count that is not an integer with INVALID_NUMBER', () => {
    for (const n of [1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codeOf(() => calendar.addWorkingDays('2026-03-09', n))).toBe('INVALID_NUMBER');
    }
  });
});
