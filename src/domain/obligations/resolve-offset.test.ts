import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../catalog/catalog-overrides.ts';
import { resolveOffset } from './resolve-offset.ts';
import { createWeekendCalendar } from './test-support/create-weekend-calendar.ts';

const calendar = createWeekendCalendar({ knownYears: [2025, 2026] });
const settings = resolveSettings();

describe('resolveOffset', () => {
  it('counts calendar days from the next day (Civil Code Art. 201)', () => {
    expect(resolveOffset('2026-02-20', { offset: { unit: 'calendar-days', value: 30 }, calendar, settings }))
      .toEqual({ date: '2026-03-22', provisional: false, provisionalReason: null });
  });

  it('counts working days on the calendar and is not provisional inside known years', () => {
    // Friday 2026-03-06 + 5 working days = Friday 2026-03-13.
    expect(resolveOffset('2026-03-06', { offset: { unit: 'working-days', value: 5 }, calendar, settings }))
      .toEqual({ date: '2026-03-13', provisional: false, provisionalReason: null });
  });

  it('carries the calendar’s provisional flag when a working-day count reaches an unknown year', () => {
    const result = resolveOffset('2026-12-28', { offset: { unit: 'working-days', value: 5 }, calendar, settings });
    expect(result.date).toBe('2027-01-04');
    expect(result.provisional).toBe(true);
    expect(result.provisionalReason?.zh).toContain('2027');
  });

  it('uses the organisation’s value for a configurable offset', () => {
    const offset = { unit: 'months' as const, value: 12, settingKey: 'obligations.start-operating.months' as const };
    expect(resolveOffset('2026-01-31', { offset, calendar, settings: resolveSettings({ 'obligations.start-operating.months': 1 }) }).date).toBe('2026-02-28');
  });

  it('moves back with direction −1', () => {
    expect(resolveOffset('2029-01-15', { offset: { unit: 'calendar-days', value: 90 }, calendar, settings, direction: -1 }).date).toBe('2028-10-17');
  });
});
