import { describe, expect, it } from 'vitest';
import { deriveObligations } from '../obligations/derive-obligations.ts';
import { createWeekendCalendar } from '../obligations/test-support/create-weekend-calendar.ts';
import { applyCancellation, licenceFactsOf, numbersHeldOn, type LicenceEvent } from './licence-facts.ts';

const licence = { services: ['B24-1', 'B25-SP'], scope: 'BJ', issuedOn: '2024-01-15', expiresOn: '2029-01-15' };

describe('licenceFactsOf', () => {
  it('reads a history in date order into the facts the obligation rules take', () => {
    const events: LicenceEvent[] = [
      { kind: 'annual-report-filed', date: '2025-03-10', year: 2025 },
      { kind: 'service-opened', date: '2024-05-01', serviceCode: 'B24-1' },
      { kind: 'service-opened', date: '2024-06-01', serviceCode: 'B24-1' },
      { kind: 'registration-change', date: '2025-06-01', field: 'name' },
      { kind: 'registration-change', date: '2025-07-01', field: 'address' },
      { kind: 'registration-change', date: '2025-08-01', field: 'shareholders' },
      { kind: 'numbers-obtained', date: '2024-09-01', numbers: ['96123', '96124'] },
      { kind: 'numbers-returned', date: '2025-02-01', numbers: ['96124'] },
      { kind: 'number-report-filed', date: '2025-03-20', year: 2025 },
      { kind: 'renewed', date: '2028-09-01', expiresOn: '2033-09-01' },
    ];
    expect(licenceFactsOf(licence, events)).toEqual({
      ...licence,
      servicesOpenedOn: { 'B24-1': '2024-05-01' },
      registrationChanges: [{ kind: 'name', changedOn: '2025-06-01' }],
      approvalChanges: [{ kind: 'shareholder', decidedOn: '2025-08-01' }],
      annualReportsFiled: [2025],
      numberReportsFiled: [2025],
      annualReportsFiledOn: { 2025: '2025-03-10' },
      numberReportsFiledOn: { 2025: '2025-03-20' },
      numbersHeld: [{ number: '96123', since: '2024-09-01' }, { number: '96124', since: '2024-09-01', until: '2025-02-01' }],
    });
  });

  it('keeps the number reports of the years a returned number was held, and lets a licence change file the changes before it', () => {
    const calendar = createWeekendCalendar({ knownYears: [2024, 2025, 2026] });
    const facts = licenceFactsOf(licence, [
      { kind: 'numbers-obtained', date: '2024-06-01', numbers: ['96123'] },
      { kind: 'numbers-returned', date: '2026-01-10', numbers: ['96123'] },
      { kind: 'registration-change', date: '2026-01-05', field: 'legal-representative' },
      { kind: 'licence-change', date: '2026-01-20' },
      { kind: 'registration-change', date: '2026-02-01', field: 'registered-capital' },
    ]);
    expect(numbersHeldOn(facts, '2025-12-31')).toEqual(['96123']);
    expect(numbersHeldOn(facts, '2026-01-10')).toEqual([]);
    const byId = new Map(deriveObligations(facts, { today: '2026-03-10', calendar }).map((o) => [o.id, o]));
    // Held on 2024-12-31 and 2025-12-31: both reports stay; none for 2027 (returned before 2026-12-31).
    expect([...byId.keys()].filter((id) => id.startsWith('number-annual-report'))).toEqual(['number-annual-report:2025', 'number-annual-report:2026']);
    expect(byId.get('registration-change:legal-representative:2026-01-05')?.status).toBe('done');
    expect(byId.get('registration-change:registered-capital:2026-02-01')?.status).toBe('overdue');
  });

  it('makes what falls due after a cancellation not applicable, and leaves what fell due before', () => {
    const calendar = createWeekendCalendar({ knownYears: [2024, 2025, 2026] });
    const obligations = applyCancellation(deriveObligations(licenceFactsOf(licence, []), { today: '2026-11-30', calendar }), '2026-06-30');
    const byId = new Map(obligations.map((o) => [o.id, o]));
    expect(byId.get('annual-report:2026')?.status).toBe('overdue');
    expect(byId.get('annual-report:2027')?.status).toBe('not-applicable');
    expect(byId.get('renewal')).toMatchObject({ status: 'not-applicable', basis: { zh: expect.stringContaining('2026-06-30注销') } });
  });

  it('turns a filed report and an opened service into done obligations, and a name change into a 30-day filing', () => {
    const calendar = createWeekendCalendar({ knownYears: [2024, 2025, 2026] });
    const facts = licenceFactsOf(licence, [
      { kind: 'service-opened', date: '2024-05-01', serviceCode: 'B24-1' },
      { kind: 'annual-report-filed', date: '2025-03-10', year: 2025 },
      { kind: 'registration-change', date: '2026-02-20', field: 'name' },
    ]);
    const byId = new Map(deriveObligations(facts, { today: '2026-03-01', calendar }).map((o) => [o.id, o]));
    expect(byId.get('annual-report:2025')?.status).toBe('done');
    expect(byId.get('start-operating:B24-1')?.status).toBe('done');
    expect(byId.get('start-operating:B25-SP')?.status).toBe('overdue');
    expect(byId.get('registration-change:name:2026-02-20')).toMatchObject({ dueDate: '2026-03-23', status: 'due-soon' });
  });
});
