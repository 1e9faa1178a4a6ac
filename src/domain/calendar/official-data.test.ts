// Every day of 2004–2026 against the two independent sources the built-in data was imported from.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinArrangements } from './builtin-arrangements.ts';
import { createCalendar } from './create-calendar.ts';

process.env.TZ = 'UTC'; // chinese-days formats dates in local time
const chineseDays = createRequire(import.meta.url)('chinese-days') as typeof import('chinese-days');
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const holidayCnDir = path.resolve(repoRoot, '../shared/data/holiday-cn');
const calendar = createCalendar(builtinArrangements);

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function allDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = calendar.addCalendarDays(d, 1)) days.push(d);
  return days;
}
const DAYS = allDays('2004-01-01', '2026-12-31');

// Known, documented differences (see data/README.md).
const CHINESE_DAYS_EXCEPTIONS = new Set(['2005-12-31']); // the 2006 notice makes it a working Saturday
const HOLIDAY_CN_REDUNDANT = new Set(['2020-02-03']); // a listed "working" Monday, dropped on import

describe('built-in arrangements 2004–2026', () => {
  it('cover every year once, each with its notice', () => {
    expect(builtinArrangements.map((a) => a.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    for (const a of builtinArrangements) expect(a.source).toMatch(new RegExp(`^国务院办公厅关于${a.year}年部分节假日安排的通知`));
    expect(calendar.knownYears()).toEqual(builtinArrangements.map((a) => a.year));
  });

  it('agree with chinese-days on every day (isWorkday, isHoliday, listed days, isInLieu)', () => {
    const mismatches: string[] = [];
    for (const date of DAYS) {
      const info = calendar.dayInfo(date);
      const detail = chineseDays.getDayDetail(date);
      const listed = detail.name.includes(',');
      const peerKind = listed ? (detail.work ? 'adjusted-workday' : 'holiday') : detail.work ? 'workday' : 'weekend';
      // The sources differ on whether a weekend inside a break is listed, so such a day may be either kind.
      const offWeekend = isWeekend(date) && !info.isWorkingDay && !detail.work && peerKind !== 'adjusted-workday';
      const same =
        chineseDays.isWorkday(date) === info.isWorkingDay &&
        chineseDays.isHoliday(date) === !info.isWorkingDay &&
        (peerKind === info.kind || offWeekend) &&
        (!chineseDays.isInLieu(date) || info.kind === 'holiday');
      if (!same && !CHINESE_DAYS_EXCEPTIONS.has(date)) mismatches.push(`${date}: ours ${info.kind}, chinese-days ${peerKind}`);
      if (info.provisional) mismatches.push(`${date}: provisional`);
    }
    expect(mismatches).toEqual([]);
    expect(calendar.dayInfo('2005-12-31')).toMatchObject({ kind: 'adjusted-workday', isWorkingDay: true });
  });

  it.skipIf(!existsSync(holidayCnDir))('agree with holiday-cn on every day, files merged by date (skipped: ../shared/data/holiday-cn absent)', () => {
    const listed = new Map<string, { isOffDay: boolean; name: string }>();
    for (let year = 2007; year <= 2026; year++) {
      const file = JSON.parse(readFileSync(path.join(holidayCnDir, `${year}.json`), 'utf8'));
      for (const day of file.days) listed.set(day.date, day); // a later year's file wins
    }
    const mismatches: string[] = [];
    for (const date of DAYS.filter((d) => d >= '2007-01-01')) {
      const info = calendar.dayInfo(date);
      const day = listed.get(date);
      const plain = isWeekend(date) ? 'weekend' : 'workday';
      const expected = !day || HOLIDAY_CN_REDUNDANT.has(date) ? plain : day.isOffDay ? 'holiday' : 'adjusted-workday';
      if (info.kind !== expected) mismatches.push(`${date}: ours ${info.kind}, holiday-cn ${expected}`);
      if (day && info.isWorkingDay === day.isOffDay) mismatches.push(`${date}: working day differs`);
      if (day && expected !== plain && info.holidayName?.zh !== day.name) mismatches.push(`${date}: name ${info.holidayName?.zh}`);
    }
    expect(mismatches).toEqual([]);
  });
});
