import { describe, expect, it } from 'vitest';
import { defaultReminderPlan, leadLabel, overdueLabel } from '../../src/domain/obligations/reminder-leads.ts';
import { addLeadDay, defaultLeadDays, leadMeaning, sameLeadDays } from '../../web/src/features/settings/reminders/lead-days.ts';

describe('reminder lead times as Settings → 提醒 edits them', () => {
  it('offers the server’s default', () => {
    expect([...defaultLeadDays]).toEqual(defaultReminderPlan.leadDays);
  });

  it('adds a day in order, longest first', () => {
    expect(addLeadDay([90, 30, 7], 60)).toEqual({ days: [90, 60, 30, 7] });
    expect(addLeadDay([], 1)).toEqual({ days: [1] });
    expect(addLeadDay([], 365)).toEqual({ days: [365] });
  });

  it('refuses what the server would: out of 1–365, not whole, twice, or an eleventh', () => {
    for (const bad of [0, 366, -5, 2.5, null, undefined]) expect(addLeadDay([], bad)).toEqual({ problem: 'range' });
    expect(addLeadDay([30], 30)).toEqual({ problem: 'duplicate' });
    expect(addLeadDay([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 11)).toEqual({ problem: 'tooMany' });
  });

  it('compares lists whatever their order', () => {
    expect(sameLeadDays([1, 7, 30], [30, 7, 1])).toBe(true);
    expect(sameLeadDays([1, 7], [1, 7, 30])).toBe(false);
  });

  it('reads the server’s lead labels: days before, the n-th overdue reminder, a test', () => {
    expect(leadMeaning(leadLabel(30))).toEqual({ kind: 'daysBefore', days: 30 });
    expect(leadMeaning(overdueLabel(0))).toEqual({ kind: 'overdue', count: 1 });
    expect(leadMeaning(overdueLabel(2))).toEqual({ kind: 'overdue', count: 3 });
    expect(leadMeaning('test:6f1c3c1e-0000-4000-8000-000000000000')).toEqual({ kind: 'test' });
    expect(leadMeaning('later')).toEqual({ kind: 'other', text: 'later' });
  });
});
