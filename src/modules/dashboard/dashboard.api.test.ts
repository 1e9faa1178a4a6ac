import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { movableClock } from '../../../test/support/receivers.ts';

describe.each(testDialects())('GET /api/dashboard on $name', (dialect) => {
  let t: TestApp;
  let a: SeededOrg;
  let staffA: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    a = await seedOrg(t.ctx, 'Alpha');
    await seedOrg(t.ctx, 'Beta');
    staffA = await signIn(t.app, a.emails.staff);
  });
  afterAll(() => t?.close());

  const summary = async (session: Session) => {
    const res = await session.request({ method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('counts the organisation’s own clients exactly, following creates, archives and restores', async () => {
    expect((await summary(staffA)).clients).toEqual({ active: 2, archived: 0 });
    const created = await staffA.request({ method: 'POST', url: '/api/clients', payload: { name: '看板新客户有限公司', uscc: '9131000063159284XQ' } });
    expect(created.statusCode, created.body).toBe(201);
    await staffA.request({ method: 'POST', url: `/api/clients/${a.clientIds[0]}/archive` });
    expect((await summary(staffA)).clients).toEqual({ active: 2, archived: 1 });
    const list = (await staffA.request({ method: 'GET', url: '/api/clients?status=archived' })).json();
    expect(list).toMatchObject({ total: 1, totalIsExact: true });
    await staffA.request({ method: 'POST', url: `/api/clients/${a.clientIds[0]}/restore` });
    expect((await summary(staffA)).clients).toEqual({ active: 3, archived: 0 });
  });

  it('shows a client user only their own company', async () => {
    const client = await signIn(t.app, a.emails.client);
    expect((await summary(client)).clients).toEqual({ active: 1, archived: 0 });
  });

  it('needs a signed-in caller', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode).toBe(401);
  });
});

describe.each(testDialects())('the dashboard’s obligations on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let staff: Session;
  const clock = movableClock('2027-02-10T02:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { clock });
    org = await seedOrg(t.ctx, 'Board');
    await seedOrg(t.ctx, 'Elsewhere');
    staff = await signIn(t.app, org.emails.staff);
  });
  afterAll(() => t?.close());

  const enter = async (number: string, clientIndex: number, issuedOn: string) => {
    const res = await staff.request({ method: 'POST', url: '/api/licences', payload: { clientId: org.clientIds[clientIndex], licenceNumber: number, services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('counts red, amber and green, lists the next 30 days and the year ahead, scores each client, and follows the report season', async () => {
    const first = await enter('京B2-20240001', 0, '2024-01-15');
    await enter('京B2-20250002', 1, '2025-06-01');
    const board = await (await staff.request({ method: 'GET', url: '/api/dashboard' })).json();
    // Overdue: the first licence's start of operations and its 2025 and 2026 reports; the second's start of operations
    // (2026-06-01) and its 2026 report.
    expect(board.obligations).toEqual({ overdue: 5, dueSoon: 0, onTrack: expect.any(Number), dueSoonDays: 14 });
    expect(board.season).toMatchObject({ phase: 'filing', year: 2027, dueOn: '2027-03-31', missing: 2, warning: null });
    expect(board.season.items.map((o: { licenceNumber: string }) => o.licenceNumber).sort()).toEqual(['京B2-20240001', '京B2-20250002']);
    expect(board.next30.total).toBe(0);
    expect(board.months).toHaveLength(12);
    expect(board.months[0].month).toBe('2027-02');
    expect(board.months.find((m: { month: string }) => m.month === '2027-03')).toMatchObject({ total: 2, byKind: { 'annual-report': 2 } });
    // Over the last 24 months nothing was done on time: client 1 missed its 2025 and 2026 reports, client 2 its start of
    // operations and 2026 report.
    expect(board.scores.lowest.map((s: { clientName: string; score: number }) => [s.clientName, s.score])).toEqual([['Board client 1', 0], ['Board client 2', 0]]);
    expect(board.scores.formula.zh).toContain('按时完成率');

    // Reports filed on time (one recorded late): the score moves; the counts follow at once.
    const reports = (await staff.request({ method: 'GET', url: `/api/licences/${first}/obligations` })).json() as Array<{ id: string; key: string }>;
    const report2025 = reports.find((o) => o.key === 'annual-report:2025')!.id;
    expect((await staff.request({ method: 'POST', url: `/api/licences/${first}/events`, payload: { kind: 'annual-report-filed', date: '2025-03-20', year: 2025 } })).statusCode).toBe(201);
    expect((await staff.request({ method: 'POST', url: `/api/obligations/${reports.find((o) => o.key === 'annual-report:2026')!.id}/complete`, payload: {} })).statusCode).toBe(200);
    const after = await (await staff.request({ method: 'GET', url: '/api/dashboard' })).json();
    expect(after.obligations.overdue).toBe(3);
    expect(report2025).toBeDefined();
    // Client 1 now has 1 of 2 on time (the 2025 report; the 2026 one came late): 50.
    const scored = after;
    expect(scored.scores.lowest.find((s: { clientName: string }) => s.clientName === 'Board client 1')).toMatchObject({ due: 2, onTime: 1, score: 50 });

    // 20 March: both 2027 reports due within 14 days (amber). In April the catch-up warning shows.
    clock.set('2027-03-20T02:00:00.000Z');
    staff = await signIn(t.app, org.emails.staff);
    expect((await (await staff.request({ method: 'GET', url: '/api/dashboard' })).json()).obligations.dueSoon).toBe(2);
    clock.set('2027-04-05T02:00:00.000Z');
    staff = await signIn(t.app, org.emails.staff);
    const april = await (await staff.request({ method: 'GET', url: '/api/dashboard' })).json();
    expect(april.season).toMatchObject({ phase: 'catch-up', missing: 2, warning: { zh: expect.stringContaining('不良名单') } });
    // A client user sees their own company only.
    const client = await signIn(t.app, org.emails.client);
    const own = await (await client.request({ method: 'GET', url: '/api/dashboard' })).json();
    expect(own.season.items.map((o: { licenceNumber: string }) => o.licenceNumber)).toEqual(['京B2-20240001']);
    expect(own.scores.lowest.map((s: { clientName: string }) => s.clientName)).toEqual(['Board client 1']);
  });
});
