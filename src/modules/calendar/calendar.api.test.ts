import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { test2027 } from '../../../test/support/calendar-fixtures.ts';
import { listYears } from './service.ts';
import { createTestApp, makeOperator, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

describe.each(testDialects())('working calendar API on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let admin: Session;
  let operator: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Cal');
    admin = await signIn(t.app, org.emails.admin);
    await makeOperator(t.ctx, org.emails.owner);
    operator = await signIn(t.app, org.emails.owner);
    staff = await signIn(t.app, org.emails.staff);
  });
  afterAll(() => t?.close());

  const get = (s: Session, url: string) => s.request({ method: 'GET', url }).then((r) => ({ status: r.statusCode, body: r.json() }));

  it('answers day infos for a range, with holiday names and adjusted working days', async () => {
    const { status, body } = await get(staff, '/api/calendar/days?from=2026-09-26&to=2026-10-10');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(15);
    const oct1 = body.items.find((d: { date: string }) => d.date === '2026-10-01');
    expect(oct1).toMatchObject({ kind: 'holiday', isWorkingDay: false, holidayName: { zh: '国庆节' } });
    expect(body.items.some((d: { kind: string }) => d.kind === 'adjusted-workday')).toBe(true);
    expect(body.provisional).toBe(false);
  });

  it('refuses a range over 400 days, a reversed range and impossible dates, naming the parameter', async () => {
    expect((await get(staff, '/api/calendar/days?from=2025-01-01&to=2026-03-01')).body.error.details[0]).toMatchObject({ field: 'to', code: 'RANGE_TOO_LONG' });
    expect((await get(staff, '/api/calendar/days?from=2026-02-01&to=2026-01-01')).body.error.details[0].field).toBe('to');
    const bad = await get(staff, '/api/calendar/add?from=2026-02-30&days=1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('from');
    expect((await get(staff, '/api/calendar/add?from=2150-12-30&days=50')).body.error.details[0].field).toBe('days');
  });

  it('adds working days and calendar days, and counts working days between', async () => {
    expect((await get(staff, '/api/calendar/add?from=2026-09-30&days=1')).body).toMatchObject({ date: '2026-10-08', provisional: false });
    expect((await get(staff, '/api/calendar/add?from=2026-09-30&days=10&unit=calendar')).body.date).toBe('2026-10-10');
    expect((await get(staff, '/api/calendar/between?from=2026-10-10&to=2026-09-30')).body.days).toBe(-3);
  });

  it('marks results that reach into unpublished 2027 as provisional, with the reason', async () => {
    const add = (await get(staff, '/api/calendar/add?from=2026-12-01&days=30')).body;
    expect(add).toMatchObject({ provisional: true, provisionalYears: [2027] });
    expect(add.provisionalReason.zh).toContain('2027年节假日安排尚未发布');
    expect((await get(staff, '/api/calendar/between?from=2026-12-20&to=2027-01-10')).body.provisional).toBe(true);
    expect((await get(staff, '/api/calendar/days?from=2026-12-30&to=2027-01-02')).body.provisionalYears).toEqual([2027]);
    expect((await get(staff, '/api/calendar/add?from=2003-06-02&days=5')).body.provisional).toBe(true);
    const years = (await get(staff, '/api/calendar/years')).body;
    expect(years.years.map((y: { year: number }) => y.year)).toContain(2004);
    expect(years.unpublishedYears).toContain(2027);
  });

  it('refuses each kind of bad arrangement with the field at fault, and loads nothing', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['outside the year ±1 month', { ...test2027, days: [{ date: '2027-06-01', isOffDay: true, name: 'x' }, { date: '2026-10-01', isOffDay: true, name: '国庆节' }] }, 'DATE_OUTSIDE_YEAR'],
      ['listed twice with different meanings', { ...test2027, days: [{ date: '2027-02-13', isOffDay: false, name: '春节' }, { date: '2027-02-13', isOffDay: true, name: '春节' }] }, 'CONFLICTING_DUPLICATE'],
      ['adjusted workday on a weekday', { ...test2027, days: [{ date: '2027-02-15', isOffDay: false, name: '春节' }] }, 'WORKDAY_NOT_ON_WEEKEND'],
      ['impossible date', { ...test2027, days: [{ date: '2027-02-30', isOffDay: true, name: '春节' }] }, 'INVALID_DATE'],
    ];
    for (const [label, arrangement, code] of cases) {
      const res = await operator.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement } });
      expect(res.statusCode, label).toBe(400);
      expect(res.json().error.details.map((d: { code: string }) => d.code), label).toContain(code);
      expect(res.json().error.details[0].field, label).toMatch(/^days\[\d+\]/);
    }
    // 2025-01-26 (a Sunday) is an adjusted working day in the 2025 notice: a 2024 file may not call it a holiday.
    const conflict = await operator.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement: { ...test2027, year: 2024, days: [{ date: '2025-01-26', isOffDay: true, name: '春节' }] } } });
    expect(conflict.statusCode).toBe(400);
    expect(conflict.json().error.details[0].code).toBe('CONFLICTS_WITH_NEIGHBOUR_YEAR');
    expect((await get(staff, '/api/calendar/years')).body.unpublishedYears).toContain(2027);
  });

  it('keeps every awaited year listed as time passes, until its arrangement is loaded', async () => {
    expect((await listYears(t.ctx, { today: '2026-11-28' })).unpublishedYears).toEqual([2027]);
    expect((await listYears(t.ctx, { today: '2028-03-01' })).unpublishedYears).toEqual([2027, 2028, 2029]);
    expect((await listYears(t.ctx, { today: '2026-01-10' })).unpublishedYears).toEqual([2027]);
  });

  it('neither staff nor an organisation admin who is not an operator can load a year', async () => {
    expect((await staff.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement: test2027 } })).statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement: test2027 } })).statusCode).toBe(403);
  });

  it('loading 2027 takes effect at once and clears the flag; replace and unload are audited', async () => {
    const loaded = await operator.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement: test2027 } });
    expect(loaded.statusCode, loaded.body).toBe(200);
    expect(loaded.json()).toEqual({ year: 2027, days: 9, replaced: false });
    const add = (await get(staff, '/api/calendar/add?from=2027-02-05&days=1')).body;
    expect(add).toMatchObject({ date: '2027-02-13', provisional: false });
    expect((await get(staff, '/api/calendar/add?from=2026-12-01&days=30')).body.provisional).toBe(false);

    const holidayCn = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../domain/calendar/data/2026.json'), 'utf8'));
    const replaced = await operator.request({ method: 'POST', url: '/api/calendar/years', payload: { holidayCn: { year: 2027, papers: [], days: test2027.days.slice(0, 1) } } });
    expect(replaced.json()).toMatchObject({ year: 2027, replaced: true, days: 1 });
    expect(holidayCn.year).toBe(2026);
    expect((await get(staff, '/api/calendar/days?from=2027-02-08&to=2027-02-08')).body.items[0].kind).toBe('workday');

    const rows = (await get(staff, '/api/calendar/years')).body.years as { year: number; origin: string; hasBuiltin: boolean }[];
    expect(rows.find((r) => r.year === 2027)).toMatchObject({ origin: 'loaded', hasBuiltin: false });
    expect(rows.find((r) => r.year === 2026)).toMatchObject({ origin: 'builtin', hasBuiltin: true });

    expect((await operator.request({ method: 'DELETE', url: '/api/calendar/years/2027' })).statusCode).toBe(204);
    expect((await get(staff, '/api/calendar/add?from=2026-12-01&days=30')).body.provisional).toBe(true);
    expect((await operator.request({ method: 'DELETE', url: '/api/calendar/years/2027' })).statusCode).toBe(404);
    const audit = (await get(admin, '/api/audit?entityType=calendar-year')).body;
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['calendar.unload', 'calendar.replace', 'calendar.load']);
  });

  it('a year loaded over a built-in one says so, and removing it restores the built-in', async () => {
    const holidayCn = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../domain/calendar/data/2026.json'), 'utf8'));
    expect((await operator.request({ method: 'POST', url: '/api/calendar/years', payload: { holidayCn } })).statusCode).toBe(200);
    const row2026 = async () => ((await get(staff, '/api/calendar/years')).body.years as { year: number }[]).find((r) => r.year === 2026);
    expect(await row2026()).toMatchObject({ origin: 'loaded', hasBuiltin: true });
    expect((await operator.request({ method: 'DELETE', url: '/api/calendar/years/2026' })).statusCode).toBe(204);
    expect(await row2026()).toMatchObject({ origin: 'builtin', hasBuiltin: true });
  });
});
