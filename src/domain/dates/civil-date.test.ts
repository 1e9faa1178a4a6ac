import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, fromDayNumber, isIsoDate, toDayNumber } from './civil-date.ts';

// The tests may use Date as an independent oracle; the domain code never does.
const oracle = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const dayNumber = fc.integer({ min: -80_000, max: 80_000 });

describe('civil-date', () => {
  it('agrees with an independent oracle in both directions', () => {
    fc.assert(fc.property(dayNumber, (n) => fromDayNumber(n) === oracle(n) && toDayNumber(oracle(n)) === n));
  });

  it('adds days consistently with daysBetween', () => {
    fc.assert(fc.property(dayNumber, fc.integer({ min: -5000, max: 5000 }), (n, k) => daysBetween(fromDayNumber(n), addDays(fromDayNumber(n), k)) === k));
  });

  it('clamps months to the end of the target month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 60)).toBe('2029-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-12-20', 12)).toBe('2026-12-20');
  });

  it('recognises only real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-01')).toBe(false);
  });
});
