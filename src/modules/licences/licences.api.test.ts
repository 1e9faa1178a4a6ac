import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

describe.each(testDialects())('the licence registry on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let staff: Session;
  let client: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Registry');
    staff = await signIn(t.app, org.emails.staff);
    client = await signIn(t.app, org.emails.client);
  });
  afterAll(() => t?.close());

  const enter = (session: Session, body: Record<string, unknown>) =>
    session.request({ method: 'POST', url: '/api/licences', payload: { clientId: org.clientIds[0], services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2024-01-15', ...body } });
  const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('enters a licence obtained elsewhere, reading its number, naming its services and computing its expiry', async () => {
    const res = await enter(staff, { licenceNumber: ' 京ｂ２－２０２４０００７ ', notes: '原件在客户处' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      number: '京B2-20240007', clientName: 'Registry client 1', applicationId: null, numberYear: 2024,
      authority: { code: 'BJ', name: { zh: '北京市通信管理局' } },
      services: [{ serviceCode: 'B24-1', scope: 'BJ', name: { zh: expect.stringContaining('呼叫中心') } }],
      issuedOn: '2024-01-15', expiresOn: '2029-01-15', renewalOpensOn: '2028-07-19', cancelledOn: null, notes: '原件在客户处', version: 1,
    });
    const audit = await t.ctx.db.selectFrom('auditLog').select('summary').where('entityId', '=', res.json().id).execute();
    expect(audit[0].summary).toContain('京B2-20240007');
    expect((await enter(staff, { licenceNumber: '京B2-20240007' })).json().error.details[0].code).toBe('LICENCE_DUPLICATE');
    // Every spelling of the number is the same licence: dashes, the ICP证 wrapper, the order of categories.
    for (const spelling of ['京B2–20240007', '京B2—20240007', 'ICP证京B2-20240007号']) expect((await enter(staff, { licenceNumber: spelling })).json().error.details[0].code, spelling).toBe('LICENCE_DUPLICATE');
    const both = await enter(staff, { licenceNumber: '京B2.B1-20240008' });
    expect(both.json().number).toBe('京B1.B2-20240008');
    expect((await enter(staff, { licenceNumber: '京B1.B2-20240008' })).json().error.details[0].code).toBe('LICENCE_DUPLICATE');
    expect((await staff.request({ method: 'GET', url: `/api/licences?q=${encodeURIComponent('京b2–2024000')}` })).json().items.map((l: { number: string }) => l.number)).toContain('京B2-20240007');
  });

  it('refuses what no licence can be: a number from after its issue, a term beyond five years, dates outside the calendar', async () => {
    const field = async (body: Record<string, unknown>) => (await enter(staff, body)).json().error.details[0];
    expect(await field({ licenceNumber: '京B2-20240021', issuedOn: '2019-01-10' })).toMatchObject({ field: 'licenceNumber', code: 'NUMBER_YEAR_AFTER_ISSUE' });
    expect(await field({ licenceNumber: '京B2-20240022', issuedOn: '2024-01-10', expiresOn: '2034-01-10' })).toMatchObject({ field: 'expiresOn', code: 'TERM_TOO_LONG' });
    expect(await field({ licenceNumber: '京B2-20240023', issuedOn: '1949-12-31' })).toMatchObject({ field: 'issuedOn', message: expect.stringContaining('1950–2150') });
    // No expiry given: the computed one would leave the calendar, so the issue date is what to change.
    expect(await field({ licenceNumber: '京B2-20240024', issuedOn: '2149-06-01' })).toMatchObject({ field: 'issuedOn', code: 'OUT_OF_RANGE' });
    // A class-one service on a class-two number: the service is what does not fit.
    expect(await field({ licenceNumber: '京B2-20240025', services: [{ serviceCode: 'B11', scope: 'BJ' }] })).toMatchObject({ field: 'services.0.serviceCode', code: 'LICENCE_NUMBER_MISFIT' });
    const scope = await field({ licenceNumber: '京B2-20240026', services: [{ serviceCode: 'B24-1', scope: 'XX' }] });
    expect(scope).toMatchObject({ field: 'services.0.scope', code: 'ENUM', message: expect.stringContaining('cross-regional') });
  });

  it('refuses a number that does not parse or does not fit its services, a repeated service and an expiry before issue, naming each field', async () => {
    const bad = await enter(staff, { licenceNumber: '沪B2-20240001', services: [{ serviceCode: 'B24-1', scope: 'BJ' }, { serviceCode: 'Z99', scope: 'BJ' }, { serviceCode: 'B24-1', scope: 'BJ' }], expiresOn: '2023-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`).sort()).toEqual(
      ['expiresOn BEFORE_ISSUE', 'services.0.scope LICENCE_NUMBER_MISFIT', 'services.1.serviceCode UNKNOWN_SERVICE', 'services.2.serviceCode SERVICE_REPEATED'].sort(),
    );
    expect((await enter(staff, { licenceNumber: '粤ICP备12345678号' })).json().error.details[0]).toMatchObject({ field: 'licenceNumber', code: 'LICENCE_NUMBER_INVALID' });
    expect((await enter(staff, { licenceNumber: 'B2-20240001' })).json().error.details[0].code).toBe('LICENCE_NUMBER_MISFIT');
    expect((await enter(staff, { licenceNumber: '京B2-20240003', clientId: '7d0c1a2e-1111-4222-8333-944455556666' })).statusCode).toBe(404);
    expect((await enter(client, { licenceNumber: '京B2-20240004' })).statusCode).toBe(403);
  });

  it('lists soonest expiry first, by status on today’s date, by holder and by number prefix; a client user sees their own', async () => {
    const today = t.ctx.clock.today();
    const numbers: Record<string, string> = {};
    for (const [label, issuedOn, n, clientId] of [
      ['expired', addDays(today, -6 * 365), '1', org.clientIds[1]],
      ['expiring', addDays(today, -5 * 365 + 100), '2', org.clientIds[1]],
      ['active', addDays(today, -30), '3', org.clientIds[0]],
    ] as const) {
      const res = await staff.request({ method: 'POST', url: '/api/licences', payload: { clientId, licenceNumber: `B2-${issuedOn.slice(0, 4)}900${n}`, services: [{ serviceCode: 'B24-1', scope: 'cross-regional' }], issuedOn } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().status).toBe(label);
      numbers[label] = res.json().number;
    }
    const list = async (session: Session, query: string) => {
      const res = await session.request({ method: 'GET', url: `/api/licences?pageSize=50${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((l: { number: string }) => l.number) as string[];
    };
    const all = (await staff.request({ method: 'GET', url: '/api/licences?pageSize=50' })).json().items as Array<{ expiresOn: string }>;
    expect(all.map((l) => l.expiresOn)).toEqual([...all.map((l) => l.expiresOn)].sort());
    for (const status of ['expired', 'expiring', 'active'] as const) {
      const listed = await list(staff, `&status=${status}`);
      expect(Object.entries(numbers).filter(([, number]) => listed.includes(number)).map(([label]) => label), status).toEqual([status]);
    }
    expect(await list(staff, '&status=cancelled')).toEqual([]);
    expect((await list(staff, `&clientId=${org.clientIds[1]}`)).sort()).toEqual([numbers.expired, numbers.expiring].sort());
    expect(await list(staff, `&q=${numbers.active.toLowerCase()}`)).toEqual([numbers.active]);
    // The client user's company is the first: only its licences, whatever they ask for.
    const own = await list(client, '');
    expect(own).toContain(numbers.active);
    expect(own).not.toContain(numbers.expired);
    expect(await list(client, `&clientId=${org.clientIds[1]}`)).toEqual([]);
    expect((await staff.request({ method: 'GET', url: '/api/licences?status=lapsed' })).statusCode).toBe(400);
  });

  it('corrects a licence with the version read, of two racing editors one wins, and its obligations follow its dates', async () => {
    const created = (await enter(staff, { licenceNumber: '京B2-20240011', issuedOn: '2024-03-15' })).json();
    const obligations = (await staff.request({ method: 'GET', url: `/api/licences/${created.id}/obligations` })).json();
    expect(obligations.find((o: { key: string }) => o.key === 'expiry')).toMatchObject({ dueOn: '2029-03-15', licenceNumber: '京B2-20240011', status: 'upcoming' });
    // Every annual report of the term, through the one covering the last year-end before expiry, stored at once.
    expect(obligations.filter((o: { kind: string }) => o.kind === 'annual-report').map((o: { key: string }) => o.key)).toEqual(['annual-report:2025', 'annual-report:2026', 'annual-report:2027', 'annual-report:2028', 'annual-report:2029']);

    const patch = (body: Record<string, unknown>) => staff.request({ method: 'PATCH', url: `/api/licences/${created.id}`, payload: body });
    const [a, b] = await Promise.all([patch({ version: 1, notes: 'A' }), patch({ version: 1, notes: 'B' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const renewed = await patch({ version: 2, issuedOn: '2029-03-01', expiresOn: '2034-03-01', services: [{ serviceCode: 'B24-1', scope: 'BJ' }, { serviceCode: 'B25-SP', scope: 'BJ' }] });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ version: 3, expiresOn: '2034-03-01', services: [{ serviceCode: 'B24-1' }, { serviceCode: 'B25-SP' }] });
    const after = (await staff.request({ method: 'GET', url: `/api/licences/${created.id}/obligations` })).json();
    expect(after.some((o: { key: string }) => o.key === 'start-operating:B25-SP')).toBe(true);
    expect(after.find((o: { key: string }) => o.key === 'expiry').dueOn).toBe('2034-03-01');
    expect((await patch({ version: 3, licenceNumber: '京B2-20240007' })).json().error.details[0].code).toBe('LICENCE_DUPLICATE');
    expect((await patch({ version: 3, expiresOn: '2029-01-01' })).json().error.details[0]).toMatchObject({ field: 'expiresOn', code: 'BEFORE_ISSUE' });
    expect((await client.request({ method: 'PATCH', url: `/api/licences/${created.id}`, payload: { version: 3, notes: 'x' } })).statusCode).toBe(403);
  });

  it('records the licence’s history, and its obligations follow: reports filed, a service opened, a renewal, a cancellation', async () => {
    const licence = (await enter(staff, { licenceNumber: '京B2-20240031', issuedOn: '2024-01-15', services: [{ serviceCode: 'B24-1', scope: 'BJ' }, { serviceCode: 'B25-SP', scope: 'BJ' }] })).json();
    const base = `/api/licences/${licence.id}`;
    const record = (body: Record<string, unknown>, session = staff) => session.request({ method: 'POST', url: `${base}/events`, payload: body });
    const statusOf = async (obligationId: string) => (await staff.request({ method: 'GET', url: `${base}/obligations` })).json().find((o: { key: string }) => o.key === obligationId)?.status;

    expect(await statusOf('annual-report:2025')).toBe('overdue');
    const filed = await record({ kind: 'annual-report-filed', date: '2025-03-10', year: 2025, note: '回执已存档' });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ kind: 'annual-report-filed', date: '2025-03-10', details: { year: 2025 }, note: '回执已存档' });
    expect(await statusOf('annual-report:2025')).toBe('done');
    expect((await record({ kind: 'service-opened', date: '2024-05-01', serviceCode: 'b24-1' })).statusCode).toBe(201);
    expect(await statusOf('start-operating:B24-1')).toBe('done');
    expect(await statusOf('start-operating:B25-SP')).toBe('overdue');
    expect((await record({ kind: 'registration-change', date: '2025-06-01', field: 'name' })).statusCode).toBe(201);
    expect(await statusOf('registration-change:name:2025-06-01')).toBe('overdue');
    expect((await record({ kind: 'numbers-obtained', date: '2024-09-01', numbers: ['96123'] })).statusCode).toBe(201);
    expect(await statusOf('number-annual-report:2025')).toBe('overdue');

    // Each bad event is refused by its field, and nothing is written.
    const refusal = async (body: Record<string, unknown>) => (await record(body)).json().error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`);
    expect(await refusal({ kind: 'annual-report-filed', date: '2025-03-11', year: 2025 })).toEqual(['year ALREADY_FILED']);
    expect(await refusal({ kind: 'annual-report-filed', date: '2025-03-11', year: 2040 })).toEqual(['year OUTSIDE_TERM']);
    expect(await refusal({ kind: 'annual-report-filed', date: '2025-03-11' })).toEqual(['year REQUIRED']);
    expect(await refusal({ kind: 'service-opened', date: '2024-05-01', serviceCode: 'B24-1', year: 2025 })).toEqual(['year NOT_FOR_KIND']);
    expect(await refusal({ kind: 'service-opened', date: '2024-05-01', serviceCode: 'B11' })).toEqual(['serviceCode NOT_ON_LICENCE']);
    expect(await refusal({ kind: 'service-opened', date: '2099-01-01', serviceCode: 'B25-SP' })).toEqual(['date IN_FUTURE']);
    expect(await refusal({ kind: 'service-opened', date: '2023-01-01', serviceCode: 'B25-SP' })).toEqual(['date BEFORE_ISSUE']);
    expect(await refusal({ kind: 'numbers-obtained', date: '2024-09-02', numbers: ['95123', '96123', '96999', '96999'] })).toEqual(['numbers.0 NUMBER_INVALID', 'numbers.1 NUMBER_HELD', 'numbers.3 NUMBER_REPEATED']);
    expect(await refusal({ kind: 'numbers-returned', date: '2025-09-02', numbers: ['96555'] })).toEqual(['numbers.0 NUMBER_NOT_HELD']);
    expect(await refusal({ kind: 'renewed', date: '2026-10-01', expiresOn: '2040-01-01' })).toEqual(['expiresOn NOT_FIVE_YEARS']);
    expect(await refusal({ kind: 'renewed', date: '2026-10-01', expiresOn: '2029-02-01' })).toEqual(['expiresOn NOT_FIVE_YEARS']);
    expect(await refusal({ kind: 'annual-report-filed', date: '2025-03-11', year: 2026 })).toEqual(['year AFTER_FILING']);
    expect(await refusal({ kind: 'service-opened', date: '2024-06-01', serviceCode: 'B24-1' })).toEqual(['serviceCode ALREADY_OPENED']);
    expect(await refusal({ kind: 'numbers-returned', date: '2024-08-01', numbers: ['96123'] })).toEqual(['numbers.0 NUMBER_NOT_HELD']);
    const bare = (await enter(staff, { licenceNumber: '京B2-20240032' })).json();
    const numberReport = await staff.request({ method: 'POST', url: `/api/licences/${bare.id}/events`, payload: { kind: 'number-report-filed', date: '2025-03-20', year: 2025 } });
    expect(numberReport.json().error.details[0]).toMatchObject({ field: 'year', code: 'NO_NUMBERS_HELD' });
    expect((await record({ kind: 'cancelled', date: '2025-01-01' }, client)).statusCode).toBe(403);
    expect((await staff.request({ method: 'GET', url: `${base}/events` })).json()).toHaveLength(4);

    // A renewal sets the new expiry (and moves the licence's version); removing it restores the expiry before.
    const before = (await staff.request({ method: 'GET', url: base })).json();
    const renewed = await record({ kind: 'renewed', date: '2026-10-01', expiresOn: '2034-01-15' });
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(renewed.json().details).toEqual({ expiresOn: '2034-01-15', previousExpiresOn: '2029-01-15' });
    const after = (await staff.request({ method: 'GET', url: base })).json();
    expect(after).toMatchObject({ expiresOn: '2034-01-15', version: before.version + 1 });
    expect((await staff.request({ method: 'PATCH', url: base, payload: { version: before.version, notes: 'stale' } })).statusCode).toBe(409);
    expect((await staff.request({ method: 'GET', url: `${base}/obligations` })).json().find((o: { key: string }) => o.key === 'expiry').dueOn).toBe('2034-01-15');
    // The renewal's record sets the dates now: a date edit is refused, any other edit is fine.
    const dateEdit = await staff.request({ method: 'PATCH', url: base, payload: { version: after.version, issuedOn: '2029-01-15' } });
    expect(dateEdit.json().error.details[0]).toMatchObject({ field: 'issuedOn', code: 'RENEWAL_RECORDED' });
    const notesEdit = await staff.request({ method: 'PATCH', url: base, payload: { version: after.version, notes: '续期批文已存档' } });
    expect(notesEdit.statusCode, notesEdit.body).toBe(200);
    expect((await staff.request({ method: 'DELETE', url: `${base}/events/${renewed.json().id}` })).statusCode).toBe(204);
    expect((await staff.request({ method: 'GET', url: base })).json().expiresOn).toBe('2029-01-15');

    // A cancellation ends the licence: its status, the registry's filter, and no further events until it is removed.
    expect((await record({ kind: 'cancelled', date: '2025-01-01' })).json().error.details[0]).toMatchObject({ field: 'date', code: 'BEFORE_HISTORY' });
    const cancelled = await record({ kind: 'cancelled', date: '2026-06-30' });
    // What would fall due after the cancellation is owed no more; what fell due before stays.
    const owed = (await staff.request({ method: 'GET', url: `${base}/obligations` })).json() as Array<{ key: string; status: string }>;
    expect(owed.find((o) => o.key === 'annual-report:2027')?.status).toBe('not-applicable');
    expect(owed.find((o) => o.key === 'annual-report:2026')?.status).toBe('overdue');
    // History before the cancellation can still be filled in.
    expect((await record({ kind: 'annual-report-filed', date: '2026-03-20', year: 2026 })).statusCode).toBe(201);
    expect((await staff.request({ method: 'GET', url: base })).json()).toMatchObject({ status: 'cancelled', cancelledOn: '2026-06-30' });
    expect((await staff.request({ method: 'GET', url: '/api/licences?status=cancelled' })).json().items.map((l: { id: string }) => l.id)).toEqual([licence.id]);
    expect((await record({ kind: 'licence-change', date: '2026-07-01' })).json().error.details[0].code).toBe('LICENCE_CANCELLED');
    expect((await staff.request({ method: 'DELETE', url: `${base}/events/${cancelled.json().id}` })).statusCode).toBe(204);
    expect((await staff.request({ method: 'GET', url: base })).json()).toMatchObject({ status: 'active', cancelledOn: null });
    expect((await staff.request({ method: 'DELETE', url: `${base}/events/${cancelled.json().id}` })).statusCode).toBe(404);
    // The holder's client user sees the history's facts, not the agency's notes or who recorded them.
    const seen = (await client.request({ method: 'GET', url: `${base}/events` })).json() as Array<{ kind: string; note: string; createdByName: string | null }>;
    expect(seen.map((e) => e.kind)).toContain('annual-report-filed');
    expect(seen.every((e) => e.note === '' && e.createdByName === null)).toBe(true);
    const audit = await t.ctx.db.selectFrom('auditLog').select('action').where('entityId', '=', licence.id).execute();
    expect(audit.filter((a) => a.action === 'licence.event.record')).toHaveLength(7);
    expect(audit.filter((a) => a.action === 'licence.event.remove')).toHaveLength(2);
  });

  it('registers the licence an application issues, with its service', async () => {
    const app = (await staff.request({ method: 'POST', url: '/api/applications', payload: { clientId: org.clientIds[1], serviceCode: 'B24-1', scope: 'cross-regional' } })).json();
    await t.ctx.db.updateTable('applications').set({ state: 'accepted', contractSignedOn: '2026-01-05', submittedOn: '2026-02-01', acceptedOn: '2026-02-10', version: 2 }).where('id', '=', app.id).execute();
    const issued = await staff.request({ method: 'POST', url: `/api/applications/${app.id}/transitions`, payload: { to: 'issued', version: 2, licenceNumber: 'B2-20260042', issuedOn: '2026-04-01' } });
    expect(issued.statusCode, issued.body).toBe(200);
    const licence = (await staff.request({ method: 'GET', url: `/api/licences/${issued.json().licenceId}` })).json();
    expect(licence).toMatchObject({ number: 'B2-20260042', applicationId: app.id, authority: { code: 'MIIT' }, services: [{ serviceCode: 'B24-1', scope: 'cross-regional' }], expiresOn: '2031-04-01', status: 'active' });
  });
});
