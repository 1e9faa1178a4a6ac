import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { test2027 } from '../../../test/support/calendar-fixtures.ts';
import { createTestApp, makeOperator, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

// The review's case: one tenant's admin loaded a fake 2026 arrangement and another tenant's deadlines moved, silently.
const fake2026 = { year: 2026, source: '伪造的 2026 年安排', papers: [], days: [{ date: '2026-10-08', isOffDay: true, name: '国庆节' }] };

describe.each(testDialects())('the official calendar is instance data, changed by operators only, on $name', (dialect) => {
  let t: TestApp;
  let a: SeededOrg;
  let b: SeededOrg;
  let adminA: Session;
  let adminB: Session;
  let operator: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    a = await seedOrg(t.ctx, 'Tenant');
    b = await seedOrg(t.ctx, 'Other');
    adminA = await signIn(t.app, a.emails.admin);
    adminB = await signIn(t.app, b.emails.admin);
    await makeOperator(t.ctx, a.emails.owner);
    operator = await signIn(t.app, a.emails.owner);
  });
  afterAll(() => t?.close());

  const deadlineFor = async (s: Session) => (await s.request({ method: 'GET', url: '/api/calendar/add?from=2026-09-30&days=1' })).json().date;
  const calendarAudit = async (s: Session) => (await s.request({ method: 'GET', url: '/api/audit?entityType=calendar-year&pageSize=100' })).json().items;

  it("an organisation's admin cannot load or remove a year, and no organisation's deadlines move", async () => {
    const load = await adminA.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement: fake2026 } });
    expect(load.statusCode).toBe(403);
    expect(load.json().error.code).toBe('FORBIDDEN');
    expect((await adminA.request({ method: 'DELETE', url: '/api/calendar/years/2026' })).statusCode).toBe(403);
    expect(await deadlineFor(adminB)).toBe('2026-10-08');
    expect(await calendarAudit(adminB)).toEqual([]);
  });

  it("an operator's load reaches every organisation's audit log, naming who did it", async () => {
    const res = await operator.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement: test2027 } });
    expect(res.statusCode, res.body).toBe(200);
    for (const admin of [adminA, adminB]) {
      const [entry] = await calendarAudit(admin);
      expect(entry).toMatchObject({ action: 'calendar.load', entityId: '2027', actor: { email: a.emails.owner } });
      expect(entry.summary).toContain(test2027.source);
    }
  });

  it("other organisations' admins see who loaded a year, when, and from which notice", async () => {
    const years = (await adminB.request({ method: 'GET', url: '/api/calendar/years' })).json().years;
    const row = years.find((y: { year: number }) => y.year === 2027);
    expect(row).toMatchObject({ origin: 'loaded', source: test2027.source, loadedBy: { email: a.emails.owner, name: 'Tenant owner' } });
    expect(row.loadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(years.find((y: { year: number }) => y.year === 2026).loadedBy).toBeNull();
  });

  it("an operator's removal is audited in every organisation too", async () => {
    expect((await operator.request({ method: 'DELETE', url: '/api/calendar/years/2027' })).statusCode).toBe(204);
    for (const admin of [adminA, adminB]) expect((await calendarAudit(admin)).map((e: { action: string }) => e.action)).toEqual(['calendar.unload', 'calendar.load']);
  });

  describe('every path applies the same limits', () => {
    const year2031 = { date: '2031-01-01', isOffDay: true, name: '元旦' };
    const loadedYears = async () => (await adminB.request({ method: 'GET', url: '/api/calendar/years' })).json().years.map((y: { year: number }) => y.year);
    const refused = async (payload: unknown) => {
      const res = await operator.request({ method: 'POST', url: '/api/calendar/years', payload });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details.map((d: { field: string }) => d.field);
    };

    it('refuses a holiday-cn file with a 150,000-character name or 2,001 papers', async () => {
      expect(await refused({ holidayCn: { year: 2031, papers: [], days: [{ ...year2031, name: '节'.repeat(150_000) }] } })).toContain('holidayCn.days.0.name');
      const papers = Array.from({ length: 2001 }, (_, i) => `https://www.gov.cn/${i}.htm`);
      expect(await refused({ holidayCn: { year: 2031, papers, days: [year2031] } })).toContain('holidayCn.papers');
      expect(await loadedYears()).not.toContain(2031);
    });

    it('refuses an arrangement with no days, typed or from a file', async () => {
      expect(await refused({ arrangement: { year: 2031, source: '某通知', papers: [], days: [] } })).toEqual(['days']);
      expect(await refused({ holidayCn: { year: 2031, papers: [], days: [] } })).toEqual(['days']);
      expect(await loadedYears()).not.toContain(2031);
    });

    it('refuses a body carrying both a typed arrangement and a holiday-cn file, loading neither', async () => {
      const typed = { year: 2033, source: '某通知', papers: [], days: [{ ...year2031, date: '2033-01-01' }] };
      const file = { year: 2034, papers: [], days: [{ ...year2031, date: '2034-01-01' }] };
      expect(await refused({ arrangement: typed, holidayCn: file })).toEqual(['holidayCn']);
      expect(await loadedYears()).not.toContain(2033);
      expect(await loadedYears()).not.toContain(2034);
    });

    it('refuses control characters and invisible-only text in a holiday name, and trims it', async () => {
      expect(await refused({ holidayCn: { year: 2031, papers: [], days: [{ ...year2031, name: '元\u0000旦' }] } })).toContain('holidayCn.days.0.name');
      expect(await refused({ arrangement: { year: 2031, source: '某通知', papers: [], days: [{ ...year2031, name: '\u200b' }] } })).toContain('arrangement.days.0.name');
      const ok = await operator.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement: { year: 2031, source: '  某通知 ', papers: [], days: [{ ...year2031, name: ' 元旦 ' }] } } });
      expect(ok.statusCode, ok.body).toBe(200);
      const info = (await adminB.request({ method: 'GET', url: '/api/calendar/days?from=2031-01-01&to=2031-01-01' })).json().items[0];
      expect(info.holidayName.zh).toBe('元旦');
      expect((await operator.request({ method: 'DELETE', url: '/api/calendar/years/2031' })).statusCode).toBe(204);
    });
  });
});
