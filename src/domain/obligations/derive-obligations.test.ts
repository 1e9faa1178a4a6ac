import { describe, expect, it } from 'vitest';
import type { CatalogOverrides } from '../catalog/catalog-overrides.ts';
import { deriveObligations } from './derive-obligations.ts';
import { createWeekendCalendar } from './test-support/create-weekend-calendar.ts';
import type { LicenceFacts, Obligation } from './types.ts';

// Golden expectations are written by hand from the rules (brief §6), not captured from the output.
const calendar = createWeekendCalendar({ knownYears: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] });

type Row = [id: string, windowStart: string, dueDate: string, status: Obligation['status']];

function derive(facts: LicenceFacts, today: string, overrides?: CatalogOverrides) {
  return deriveObligations(facts, { today, calendar, overrides });
}
const rows = (obligations: Obligation[]): Row[] => obligations.map((o) => [o.id, o.windowStart, o.dueDate, o.status]);
const byId = (obligations: Obligation[], id: string) => obligations.find((o) => o.id === id)!;

describe('deriveObligations (golden)', () => {
  it('A: in-province licence issued early in the year, service opened, one report filed', () => {
    const result = derive({ services: ['B24-1'], scope: 'BJ', issuedOn: '2024-01-15', servicesOpenedOn: { 'B24-1': '2024-05-01' }, annualReportsFiled: [2025] }, '2026-03-10');
    expect(rows(result)).toEqual<Row[]>([
      ['start-operating:B24-1', '2024-01-15', '2025-01-15', 'done'],
      ['annual-report:2025', '2025-01-01', '2025-03-31', 'done'],
      ['annual-report:2026', '2026-01-01', '2026-03-31', 'due-soon'],
      ['annual-report:2027', '2027-01-01', '2027-03-31', 'upcoming'],
      ['annual-report:2028', '2028-01-01', '2028-03-31', 'upcoming'],
      ['renewal', '2028-07-19', '2028-10-17', 'upcoming'],
      ['expiry', '2028-07-19', '2029-01-15', 'upcoming'],
      // Held on 2028-12-31, so the report covering 2028 falls due even if the licence then lapses in January.
      ['annual-report:2029', '2029-01-01', '2029-03-31', 'upcoming'],
    ]);
    expect(result.every((o) => !o.provisional && o.provisionalReason === null)).toBe(true);
    expect(byId(result, 'expiry').basis.zh).toContain('2029-01-15');
  });

  it('B: in-province licence issued late in the year, with a registration change', () => {
    const result = derive({
      services: ['B24-1'], scope: 'GD', issuedOn: '2025-12-20',
      registrationChanges: [{ kind: 'name', changedOn: '2026-02-20' }],
    }, '2026-03-10');
    expect(rows(result)).toEqual<Row[]>([
      // 30 days end on Sunday 2026-03-22, so the period runs to Monday (民法典第二百零三条).
      ['registration-change:name:2026-02-20', '2026-02-20', '2026-03-23', 'due-soon'],
      ['annual-report:2026', '2026-01-01', '2026-03-31', 'due-soon'],
      ['start-operating:B24-1', '2025-12-20', '2026-12-20', 'upcoming'],
      ['annual-report:2027', '2027-01-01', '2027-03-31', 'upcoming'],
      ['annual-report:2028', '2028-01-01', '2028-03-31', 'upcoming'],
      ['annual-report:2029', '2029-01-01', '2029-03-31', 'upcoming'],
      ['annual-report:2030', '2030-01-01', '2030-03-31', 'upcoming'],
      ['renewal', '2030-06-23', '2030-09-21', 'upcoming'],
      ['expiry', '2030-06-23', '2030-12-20', 'upcoming'],
    ]);
    const change = byId(result, 'registration-change:name:2026-02-20');
    expect(change.basis.zh).toContain('2026-02-20');
    expect(change.basis.zh).toContain('2026-03-23');
    expect(change).toMatchObject({ severity: 'medium', source: { ref: expect.stringContaining('第二十九条') } });
  });

  it('C: cross-regional call centre with an unopened service, 95 numbers and provincial filings, in the April catch-up', () => {
    const result = derive({
      services: ['B24-1', 'B25-SP'], scope: 'cross-regional', issuedOn: '2023-06-30',
      servicesOpenedOn: { 'B24-1': '2023-09-01' },
      numbersHeld: [{ number: '95123', since: '2023-10-01' }], numberReportsFiled: [2024],
      provincesOfOperation: ['GD', 'SH'], provincialFilings: { GD: '2023-08-01' },
      annualReportsFiled: [2024, 2025],
    }, '2026-04-15');
    expect(rows(result)).toEqual<Row[]>([
      ['annual-report:2024', '2024-01-01', '2024-03-31', 'done'],
      ['number-annual-report:2024', '2024-01-01', '2024-03-31', 'done'],
      ['provincial-filing:GD', '2023-06-30', '2024-06-30', 'done'],
      ['provincial-filing:SH', '2023-06-30', '2024-06-30', 'overdue'],
      ['start-operating:B24-1', '2023-06-30', '2024-06-30', 'done'],
      ['start-operating:B25-SP', '2023-06-30', '2024-06-30', 'overdue'],
      ['annual-report:2025', '2025-01-01', '2025-03-31', 'done'],
      ['number-annual-report:2025', '2025-01-01', '2025-03-31', 'overdue'],
      ['annual-report:2026', '2026-01-01', '2026-03-31', 'overdue'],
      ['number-annual-report:2026', '2026-01-01', '2026-03-31', 'overdue'],
      ['annual-report:2027', '2027-01-01', '2027-03-31', 'upcoming'],
      ['number-annual-report:2027', '2027-01-01', '2027-03-31', 'upcoming'],
      ['annual-report:2028', '2028-01-01', '2028-03-31', 'upcoming'],
      ['number-annual-report:2028', '2028-01-01', '2028-03-31', 'upcoming'],
      ['renewal', '2028-01-02', '2028-04-01', 'upcoming'],
      ['expiry', '2028-01-02', '2028-06-30', 'upcoming'],
    ]);
    const report = byId(result, 'annual-report:2026');
    expect(report.basis.zh).toContain('补报期');
    expect(report.basis.en).toContain('2026-04-30');
    expect(report.consequence.zh).toBe('逾期未报将被列入电信业务经营不良名单。');
    expect(byId(result, 'start-operating:B25-SP').consequence.zh).toContain('不予延续');
    expect(byId(result, 'number-annual-report:2026').basis.zh).toContain('95123');
  });

  it('D: expired licence; a change after expiry does not apply', () => {
    const result = derive({
      services: ['B24-1'], scope: 'SH', issuedOn: '2019-03-01', servicesOpenedOn: { 'B24-1': '2019-05-01' },
      annualReportsFiled: [2020, 2021, 2022, 2023, 2024],
      registrationChanges: [{ kind: 'legal-representative', changedOn: '2025-06-01' }],
    }, '2026-03-10');
    expect(rows(result)).toEqual<Row[]>([
      ['start-operating:B24-1', '2019-03-01', '2020-03-01', 'done'],
      ['annual-report:2020', '2020-01-01', '2020-03-31', 'done'],
      ['annual-report:2021', '2021-01-01', '2021-03-31', 'done'],
      ['annual-report:2022', '2022-01-01', '2022-03-31', 'done'],
      ['annual-report:2023', '2023-01-01', '2023-03-31', 'done'],
      ['renewal', '2023-09-03', '2023-12-02', 'overdue'],
      ['expiry', '2023-09-03', '2024-03-01', 'overdue'],
      ['annual-report:2024', '2024-01-01', '2024-03-31', 'done'],
      ['registration-change:legal-representative:2025-06-01', '2025-06-01', '2025-07-01', 'not-applicable'],
    ]);
    expect(byId(result, 'registration-change:legal-representative:2025-06-01').basis.zh).toContain('到期（2024-03-01）之后');
  });

  it('E: cross-regional licence with a printed expiry, an approval change, a 95 number and organisation overrides', () => {
    const result = derive({
      services: ['B24-1'], scope: 'cross-regional', issuedOn: '2025-08-10', expiresOn: '2030-08-09',
      approvalChanges: [{ kind: 'shareholder', decidedOn: '2026-03-01' }],
      numbersHeld: [{ number: '95555' }],
    }, '2026-03-10', { 'obligations.start-operating.months': 6, 'obligations.due-soon.days': 10 });
    expect(rows(result)).toEqual<Row[]>([
      ['start-operating:B24-1', '2025-08-10', '2026-02-10', 'overdue'],
      ['annual-report:2026', '2026-01-01', '2026-03-31', 'upcoming'],
      ['approval-change:shareholder:2026-03-01', '2026-03-01', '2026-03-31', 'upcoming'],
      ['number-annual-report:2026', '2026-01-01', '2026-03-31', 'upcoming'],
      ...[2027, 2028, 2029, 2030].flatMap((y): Row[] => [
        [`annual-report:${y}`, `${y}-01-01`, `${y}-03-31`, 'upcoming'],
        [`number-annual-report:${y}`, `${y}-01-01`, `${y}-03-31`, 'upcoming'],
      ]),
      ['renewal', '2030-02-10', '2030-05-11', 'upcoming'],
      ['expiry', '2030-02-10', '2030-08-09', 'upcoming'],
    ]);
    expect(byId(result, 'start-operating:B24-1').basis.zh).toContain('6个月');
    expect(byId(result, 'approval-change:shareholder:2026-03-01').basis.zh).toContain('经批准后方可实施');
  });

  it('F: renewal filed near expiry, report missed past the catch-up, a change from before issue', () => {
    const result = derive({
      services: ['B24-1'], scope: 'ZJ', issuedOn: '2021-05-20', servicesOpenedOn: { 'B24-1': '2021-06-01' },
      annualReportsFiled: [2022, 2023, 2024, 2025], renewalFiledOn: '2026-01-10',
      registrationChanges: [{ kind: 'registered-capital', changedOn: '2021-04-01' }],
    }, '2026-05-05');
    expect(rows(result)).toEqual<Row[]>([
      ['registration-change:registered-capital:2021-04-01', '2021-04-01', '2021-05-03', 'not-applicable'],
      ['annual-report:2022', '2022-01-01', '2022-03-31', 'done'],
      ['start-operating:B24-1', '2021-05-20', '2022-05-20', 'done'],
      ['annual-report:2023', '2023-01-01', '2023-03-31', 'done'],
      ['annual-report:2024', '2024-01-01', '2024-03-31', 'done'],
      ['annual-report:2025', '2025-01-01', '2025-03-31', 'done'],
      ['renewal', '2025-11-21', '2026-02-19', 'done'],
      ['annual-report:2026', '2026-01-01', '2026-03-31', 'overdue'],
      ['expiry', '2025-11-21', '2026-05-20', 'done'],
    ]);
    expect(byId(result, 'annual-report:2026').basis.zh).toContain('系统已关闭');
    expect(byId(result, 'renewal').basis.zh).toContain('2026-01-10');
  });
});

describe('deriveObligations (behaviour)', () => {
  it('gives every obligation a source, confidence, consequence and both languages', () => {
    const result = derive({ services: ['B24-1'], scope: 'cross-regional', issuedOn: '2024-06-01', numbersHeld: [{ number: '95123' }], provincesOfOperation: ['BJ'],
      registrationChanges: [{ kind: 'name', changedOn: '2025-01-01' }], approvalChanges: [{ kind: 'coverage', decidedOn: '2025-02-01' }] }, '2026-01-05');
    for (const o of result) {
      expect(o.source.ref, o.id).not.toBe('');
      expect(['H', 'M', 'L'], o.id).toContain(o.confidence);
      for (const text of [o.title, o.basis, o.consequence]) expect(text.zh && text.en, o.id).toBeTruthy();
    }
    expect(new Set(result.map((o) => o.kind))).toEqual(new Set(['start-operating', 'annual-report', 'renewal', 'expiry',
      'registration-change', 'approval-change', 'provincial-filing', 'number-annual-report']));
  });

  it('is sorted by due date', () => {
    const result = derive({ services: ['B24-1'], scope: 'BJ', issuedOn: '2022-02-28' }, '2026-01-05');
    const dues = result.map((o) => o.dueDate);
    expect(dues).toEqual([...dues].sort());
  });

  it('marks the due date itself as due-soon and the day after as overdue', () => {
    const facts: LicenceFacts = { services: [], scope: 'BJ', issuedOn: '2025-06-01' };
    expect(byId(derive(facts, '2026-03-31'), 'annual-report:2026').status).toBe('due-soon');
    expect(byId(derive(facts, '2026-04-01'), 'annual-report:2026').status).toBe('overdue');
  });

  it('lists every annual report of the term from the day of issue, none for the year of issue itself', () => {
    // Issued 2026-03-15, looked at on 2026-04-01: the first report is due 2027-03-31, the last 2031-03-31 (held on
    // 2030-12-31; the licence runs to 2031-03-15).
    const reports = derive({ services: [], scope: 'BJ', issuedOn: '2026-03-15' }, '2026-04-01').filter((o) => o.kind === 'annual-report');
    expect(rows(reports)).toEqual<Row[]>([2027, 2028, 2029, 2030, 2031].map((y): Row => [`annual-report:${y}`, `${y}-01-01`, `${y}-03-31`, 'upcoming']));
    expect(reports[0].basis.zh).toContain('2026-12-31在有效期内');
  });

  it('refuses a malformed date', () => {
    expect(() => derive({ services: [], scope: 'BJ', issuedOn: '2026-02-30' }, '2026-03-01')).toThrow(RangeError);
  });
});
