import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates/civil-date.ts';
import { defaultReminderPlan, firstReminderOn, reminderStep } from './reminder-leads.ts';

const plan = defaultReminderPlan;

describe('reminderStep', () => {
  it('sends the latest lead time passed, skips the earlier ones, and names the next day to look again', () => {
    expect(reminderStep('2027-03-31', '2026-12-30', plan)).toEqual({ send: null, skip: [], nextOn: '2026-12-31' });
    expect(reminderStep('2027-03-31', '2026-12-31', plan)).toEqual({ send: '90d', skip: [], nextOn: '2027-03-01' });
    // Ten days before due, after an outage: one reminder (14 days), not three.
    expect(reminderStep('2027-03-31', '2027-03-21', plan)).toEqual({ send: '14d', skip: ['90d', '30d'], nextOn: '2027-03-24' });
    expect(reminderStep('2027-03-31', '2027-03-30', plan)).toEqual({ send: '1d', skip: ['90d', '30d', '14d', '7d'], nextOn: '2027-04-01' });
    expect(reminderStep('2027-03-31', '2027-03-31', plan)).toEqual({ send: '1d', skip: ['90d', '30d', '14d', '7d'], nextOn: '2027-04-01' });
    expect(reminderStep('2027-03-31', '2027-04-01', plan)).toEqual({ send: 'overdue-0', skip: ['90d', '30d', '14d', '7d', '1d'], nextOn: '2027-04-08' });
    expect(reminderStep('2027-03-31', '2027-04-08', plan)).toEqual({ send: 'overdue-1', skip: ['90d', '30d', '14d', '7d', '1d', 'overdue-0'], nextOn: '2027-04-15' });
    expect(reminderStep('2027-03-31', '2027-04-08', { ...plan, overdueWeekly: false })).toEqual({ send: 'overdue-0', skip: ['90d', '30d', '14d', '7d', '1d'], nextOn: null });
  });

  it('walked day by day, sends each lead time once, in order, and then one overdue notice a week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.uniqueArray(fc.integer({ min: 1, max: 365 }), { minLength: 0, maxLength: 6 }), (offset, leadDays) => {
        const dueOn = addDays('2026-01-01', offset);
        const p = { leadDays, overdueWeekly: true };
        const sent: string[] = [];
        let day = firstReminderOn(dueOn, p);
        for (let i = 0; i < 40 && day <= addDays(dueOn, 30); i++) {
          const step = reminderStep(dueOn, day, p);
          if (step.send) sent.push(step.send);
          expect(step.nextOn === null || step.nextOn > day).toBe(true);
          day = step.nextOn!;
        }
        const expected = [...leadDays].sort((a, b) => b - a).map((d) => `${d}d`);
        expect(sent).toEqual([...expected, 'overdue-0', 'overdue-1', 'overdue-2', 'overdue-3', 'overdue-4']);
      }),
    );
  });
});
