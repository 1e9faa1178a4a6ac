// addWorkingDays against the peer library chinese-days, plus the algebra of working-day arithmetic.
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { builtinArrangements } from './builtin-arrangements.ts';
import { createCalendar } from './create-calendar.ts';
import { seededRandom } from '../../../test/support/seeded-random.ts';

process.env.TZ = 'UTC'; // chinese-days formats dates in local time
const chineseDays = createRequire(import.meta.url)('chinese-days') as typeof import('chinese-days');
const calendar = createCalendar(builtinArrangements);
const FIRST = '2004-01-01';
const LAST = '2026-12-31';
const SPAN = calendar.workingDaysBetween(FIRST, LAST).days;
const DAY_SPAN = 8401; // days from 2004-01-01 to 2026-12-31 inclusive


const inRange = (date: string) => date >= FIRST && date <= LAST;
// chinese-days misses the working Saturday 2005-12-31 of the 2006 notice (see data/README.md), so answers
// whose walk passes that day differ by design and are left out of the comparison.
const KNOWN_DIFFERENCE = '2005-12-31';
const passesKnownDifference = (a: string, b: string) => (a < b ? a : b) <= KNOWN_DIFFERENCE && KNOWN_DIFFERENCE <= (a < b ? b : a);
const randomDate = (random: () => number) => calendar.addCalendarDays(FIRST, Math.floor(random() * DAY_SPAN));

describe('addWorkingDays agrees with chinese-days findWorkday', () => {
  it('on 100,000 random (date, n) pairs, n in −250..250, each checked with one findWorkday(n, date) call', () => {
    const random = seededRandom(20260101);
    const mismatches: string[] = [];
    let checked = 0;
    while (checked < 100_000) {
      const date = randomDate(random);
      const n = Math.floor(random() * 501) - 250;
      const expected = chineseDays.findWorkday(n, date);
      if (!inRange(expected) || passesKnownDifference(date, expected)) continue;
      checked++;
      const actual = calendar.addWorkingDays(date, n);
      if (actual.date !== expected || actual.provisional) mismatches.push(`(${date}, ${n}): ${actual.date} vs ${expected}`);
    }
    expect(mismatches).toEqual([]);
  }, 240_000); // ~35 s: the peer walks day by day, which is what the benchmark measures

  // findWorkday(n, d) walks one working day at a time, so findWorkday(n, d) = findWorkday(±1, findWorkday(n∓1, d)):
  // chaining its single steps yields its answer for every n from the same start date at a fraction of the cost.
  it('on 100,000+ (date, n) pairs: every n in −250..250 from 220 random dates, by chained findWorkday steps', () => {
    const random = seededRandom(42);
    const mismatches: string[] = [];
    let checked = 0;
    for (let s = 0; s < 220; s++) {
      const date = randomDate(random);
      const zero = chineseDays.findWorkday(0, date);
      if (calendar.addWorkingDays(date, 0).date !== zero && !passesKnownDifference(date, zero)) mismatches.push(`(${date}, 0)`);
      checked++;
      for (const step of [1, -1]) {
        let current = date;
        for (let k = 1; k <= 250; k++) {
          current = chineseDays.findWorkday(step, current);
          if (!inRange(current)) break;
          if (passesKnownDifference(date, current)) continue;
          checked++;
          const actual = calendar.addWorkingDays(date, step * k).date;
          if (actual !== current) mismatches.push(`(${date}, ${step * k}): ${actual} vs ${current}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(100_000);
  });
});

describe('working-day arithmetic properties', () => {
  const anyDate = fc.integer({ min: 0, max: DAY_SPAN - 1 }).map((k) => calendar.addCalendarDays(FIRST, k));
  const workingDate = anyDate.map((d) => calendar.addWorkingDays(d, 0).date).filter(inRange);
  const count = fc.integer({ min: -300, max: 300 });
  const keepsInRange = (d: string, n: number) => {
    const k = calendar.workingDaysBetween(FIRST, d).days + n;
    return k >= 1 && k <= SPAN;
  };

  it('adding a then b equals adding a + b, for a working day and a, b of the same sign', () => {
    const magnitude = fc.integer({ min: 1, max: 300 });
    fc.assert(
      fc.property(workingDate, magnitude, magnitude, fc.boolean(), (d, a0, b0, negative) => {
        const [a, b] = negative ? [-a0, -b0] : [a0, b0];
        fc.pre(keepsInRange(d, a + b));
        const stepwise = calendar.addWorkingDays(calendar.addWorkingDays(d, a).date, b).date;
        expect(stepwise).toBe(calendar.addWorkingDays(d, a + b).date);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('counts back what it added: workingDaysBetween(d, addWorkingDays(d, n)) = n for a working day', () => {
    fc.assert(
      fc.property(workingDate, count, (d, n) => {
        fc.pre(keepsInRange(d, n));
        expect(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n).date).days).toBe(n);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('is monotonic in n: never decreasing, and strictly increasing from a working day', () => {
    fc.assert(
      fc.property(anyDate, count, count, (d, n1, n2) => {
        fc.pre(n1 < n2 && keepsInRange(d, n1 - 1) && keepsInRange(d, n2 + 1));
        const [r1, r2] = [calendar.addWorkingDays(d, n1).date, calendar.addWorkingDays(d, n2).date];
        expect(r1 <= r2).toBe(true);
        if (calendar.isWorkingDay(d)) expect(r1 < r2).toBe(true);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});
