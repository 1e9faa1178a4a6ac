import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { test2027 } from '../../../test/support/calendar-fixtures.ts';
import { multipartFile, sampleFiles } from '../../../test/support/multipart.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, makeOperator, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

type Item = { id: string; key: string; kind: string; status: string; dueOn: string; windowStart: string; doneOn: string | null; doneBy: string | null; version: number; assignee: { id: string; name: string } | null; completion: { note: string; evidence: { fileName: string } | null } | null; lateNote: { zh: string } | null; clientId: string };

// Today is 2027-01-20 in China: the 2026 annual report is in the past, the 2027 one in its filing window.
describe.each(testDialects())('stored obligations (合规事项) on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let staff: Session;
  let owner: Session;
  let client: Session;
  let outsider: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { clock: fixedClock('2027-01-20T02:00:00.000Z') });
    org = await seedOrg(t.ctx, 'Keeper');
    other = await seedOrg(t.ctx, 'Outsider');
    await makeOperator(t.ctx, org.emails.owner);
    staff = await signIn(t.app, org.emails.staff);
    owner = await signIn(t.app, org.emails.owner);
    client = await signIn(t.app, org.emails.client);
    outsider = await signIn(t.app, other.emails.staff);
  });
  afterAll(() => t?.close());

  let serial = 0;
  const enter = async (body: Record<string, unknown> = {}, clientIndex = 0) => {
    serial += 1;
    const res = await staff.request({ method: 'POST', url: '/api/licences', payload: { clientId: org.clientIds[clientIndex], licenceNumber: `京B2-202400${String(serial).padStart(2, '0')}`, services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2024-01-15', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const obligationsOf = async (licenceId: string, session = staff) => (await session.request({ method: 'GET', url: `/api/licences/${licenceId}/obligations` })).json() as Item[];
  const byKey = async (licenceId: string, key: string) => (await obligationsOf(licenceId)).find((o) => o.key === key)!;
  const list = async (query: string, session = staff) => {
    const res = await session.request({ method: 'GET', url: `/api/obligations?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number };
  };
  const record = (licenceId: string, body: Record<string, unknown>) => staff.request({ method: 'POST', url: `/api/licences/${licenceId}/events`, payload: body });
  const historyOf = async (id: string) => (await staff.request({ method: 'GET', url: `/api/obligations/${id}` })).json().history as Array<{ kind: string; details: Record<string, unknown> }>;

  it('stores every obligation of a licence the moment it is entered, and lists them across the portfolio by status, due date, client, licence and kind', async () => {
    const licence = await enter();
    const items = await obligationsOf(licence.id);
    expect(items.map((o) => o.key)).toEqual(expect.arrayContaining(['start-operating:B24-1', 'annual-report:2025', 'annual-report:2026', 'annual-report:2027', 'annual-report:2028', 'annual-report:2029', 'renewal', 'expiry']));
    expect(items.find((o) => o.key === 'annual-report:2026')).toMatchObject({ status: 'overdue', lateNote: { zh: expect.stringContaining('不良名单') } });
    expect(items.find((o) => o.key === 'annual-report:2027')).toMatchObject({ status: 'upcoming', dueOn: '2027-03-31' });

    const overdue = await list(`status=overdue&licenceId=${licence.id}`);
    expect(overdue.items.map((o) => o.key)).toEqual(['start-operating:B24-1', 'annual-report:2025', 'annual-report:2026']);
    const soon = await list(`dueWithinDays=70&licenceId=${licence.id}`);
    expect(soon.items.map((o) => o.key)).toEqual(['start-operating:B24-1', 'annual-report:2025', 'annual-report:2026', 'annual-report:2027']);
    expect((await list(`kind=renewal&licenceId=${licence.id}`)).items.map((o) => o.dueOn)).toEqual(['2028-10-17']);
    expect((await list(`clientId=${org.clientIds[1]}`)).total).toBe(0);
    // Soonest due first, and the same through the cursor as by page.
    const all = await list(`licenceId=${licence.id}&pageSize=3`);
    expect(all.total).toBe(items.length);
    // The holder's client user sees them; another organisation sees nothing of them.
    expect((await list(`licenceId=${licence.id}`, client)).total).toBe(items.length);
    expect((await list(`licenceId=${licence.id}`, outsider)).total).toBe(0);
    expect((await outsider.request({ method: 'GET', url: `/api/obligations/${items[0].id}` })).statusCode).toBe(404);
    expect((await staff.request({ method: 'GET', url: '/api/obligations?status=late' })).statusCode).toBe(400);
    expect((await staff.request({ method: 'GET', url: '/api/obligations?dueWithinDays=-1' })).statusCode).toBe(400);
  });

  it('completes with a note and evidence, keeps the history, reopens what a user completed, and records a filed report in the licence’s history', async () => {
    const licence = await enter();
    const expiry = await byKey(licence.id, 'expiry');
    const renewal = await byKey(licence.id, 'renewal');
    // Evidence belongs to a completion.
    const early = await staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/evidence`, ...multipartFile({ fileName: '受理通知书.pdf', content: sampleFiles.pdf() }) });
    expect(early.json().error.details[0].code).toBe('NOT_COMPLETED');
    const done = await staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/complete`, payload: { note: '已提交续期申请，受理号 2027-001', version: renewal.version } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneBy: 'user', doneOn: '2027-01-20', completion: { note: '已提交续期申请，受理号 2027-001', evidence: null } });
    expect((await staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/complete`, payload: {} })).json().error.details[0].code).toBe('ALREADY_DONE');
    const evidence = await staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/evidence`, ...multipartFile({ fileName: '受理通知书.pdf', content: sampleFiles.pdf() }) });
    expect(evidence.statusCode, evidence.body).toBe(200);
    expect(evidence.json().completion.evidence).toMatchObject({ fileName: '受理通知书.pdf', fileType: 'pdf' });
    const file = await staff.request({ method: 'GET', url: `/api/obligations/${renewal.id}/evidence` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const exe = await staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/evidence`, ...multipartFile({ fileName: 'x.pdf', content: sampleFiles.exe() }) });
    expect(exe.statusCode).toBe(400);
    // The client user sees it done, not the agency's note; and cannot complete or reopen.
    const seen = (await obligationsOf(licence.id, client)).find((o) => o.id === renewal.id)!;
    expect(seen).toMatchObject({ status: 'done', completion: { note: '' } });
    expect((await client.request({ method: 'POST', url: `/api/obligations/${expiry.id}/complete`, payload: {} })).statusCode).toBe(403);

    const reopened = await staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/reopen` });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'upcoming', completion: null, doneOn: null });
    expect((await historyOf(renewal.id)).map((h) => h.kind)).toEqual(['completed', 'evidence', 'reopened']);

    // A yearly report completed here is the report filed: the licence's history records it, so the rules agree.
    const report = await byKey(licence.id, 'annual-report:2026');
    const filed = await staff.request({ method: 'POST', url: `/api/obligations/${report.id}/complete`, payload: { note: '补报回执', filedOn: '2027-01-18' } });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'done', doneBy: 'facts', doneOn: '2027-01-18', lateNote: null });
    const events = (await staff.request({ method: 'GET', url: `/api/licences/${licence.id}/events` })).json();
    expect(events).toEqual([expect.objectContaining({ kind: 'annual-report-filed', date: '2027-01-18', details: { year: 2026 }, note: '补报回执' })]);
    expect(filed.json().completion).toMatchObject({ note: '补报回执' });
    expect((await staff.request({ method: 'POST', url: `/api/obligations/${report.id}/reopen` })).json().error.details[0].code).toBe('DONE_BY_FACTS');
    // Removing that event on the licence opens the obligation again, its completion gone with it.
    expect((await staff.request({ method: 'DELETE', url: `/api/licences/${licence.id}/events/${events[0].id}` })).statusCode).toBe(204);
    expect(await byKey(licence.id, 'annual-report:2026')).toMatchObject({ status: 'overdue', completion: null, doneBy: null });
    // A reopen from a stale page is refused.
    const again = await staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/complete`, payload: { note: '再次提交' } });
    expect((await staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/reopen?version=${again.json().version - 1}` })).json().error.code).toBe('VERSION_CONFLICT');
    expect((await staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/reopen?version=${again.json().version}` })).statusCode).toBe(200);
    expect((await staff.request({ method: 'POST', url: `/api/obligations/${expiry.id}/complete`, payload: { filedOn: '2027-02-01' } })).json().error.details[0].code).toBe('IN_FUTURE');
  });

  it('assigns to staff only, filters by assignee, and assigns or completes in bulk, naming each failure', async () => {
    const licence = await enter({}, 1);
    const items = await obligationsOf(licence.id);
    const [a, b] = items.filter((o) => o.kind === 'annual-report' && o.status === 'upcoming');
    const assigned = await staff.request({ method: 'PUT', url: `/api/obligations/${a.id}/assignee`, payload: { assigneeId: staff.userId } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignee).toMatchObject({ id: staff.userId });
    const clientUser = await t.ctx.db.selectFrom('users').select('id').where('email', '=', org.emails.client).executeTakeFirstOrThrow();
    expect((await staff.request({ method: 'PUT', url: `/api/obligations/${a.id}/assignee`, payload: { assigneeId: clientUser.id } })).json().error.details[0].code).toBe('ASSIGNEE_INVALID');
    const outsiderUser = await t.ctx.db.selectFrom('users').select('id').where('email', '=', other.emails.staff).executeTakeFirstOrThrow();
    expect((await staff.request({ method: 'PUT', url: `/api/obligations/${a.id}/assignee`, payload: { assigneeId: outsiderUser.id } })).json().error.details[0].code).toBe('ASSIGNEE_INVALID');
    expect((await list(`assigneeId=me&licenceId=${licence.id}`)).items.map((o) => o.id)).toEqual([a.id]);
    // A staff member made a client company's user: what they were assigned is nobody's now.
    const spare = await owner.request({ method: 'POST', url: '/api/users', payload: { email: `spare${licence.id.slice(0, 4)}@keeper.test`, name: 'Spare', role: 'staff' } });
    const spareId = spare.json().user?.id ?? spare.json().id;
    expect((await staff.request({ method: 'PUT', url: `/api/obligations/${b.id}/assignee`, payload: { assigneeId: spareId } })).statusCode).toBe(200);
    const spareVersion = (await owner.request({ method: 'GET', url: `/api/users/${spareId}` })).json().version ?? 1;
    const demoted = await owner.request({ method: 'PATCH', url: `/api/users/${spareId}`, payload: { role: 'client', clientId: org.clientIds[0], version: spareVersion } });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect((await obligationsOf(licence.id)).find((o) => o.id === b.id)!.assignee).toBeNull();
    expect((await list(`assigneeId=none&licenceId=${licence.id}`)).total).toBe(items.length - 1);

    const bulk = await staff.request({ method: 'POST', url: '/api/obligations/bulk', payload: { action: 'assign', assigneeId: staff.userId, ids: [b.id, items.find((o) => o.key === 'renewal')!.id] } });
    expect(bulk.json()).toEqual({ changed: 2, failed: [] });
    const expiry = items.find((o) => o.key === 'expiry')!;
    const completed = await staff.request({ method: 'POST', url: '/api/obligations/bulk', payload: { action: 'complete', note: '批量标记', ids: [a.id, b.id, expiry.id] } });
    expect(completed.statusCode, completed.body).toBe(200);
    // b's year is in the future: the report cannot be filed yet, and that failure is named; the others are done.
    expect(completed.json().changed).toBe(2);
    expect(completed.json().failed).toEqual([expect.objectContaining({ id: b.id, code: 'AFTER_FILING' })]);
    expect((await obligationsOf(licence.id)).filter((o) => o.status === 'done').map((o) => o.id).sort()).toEqual([a.id, expiry.id].sort());
    expect((await staff.request({ method: 'POST', url: '/api/obligations/bulk', payload: { action: 'assign', ids: [a.id] } })).json().error.details[0]).toMatchObject({ field: 'assigneeId', code: 'REQUIRED' });
    expect((await outsider.request({ method: 'POST', url: '/api/obligations/bulk', payload: { action: 'complete', ids: [expiry.id] } })).json().failed[0].code).toBe('NOT_FOUND');
  });

  it('follows its inputs: an override moves due dates, a renewal moves the term, a loaded calendar year moves a 30-day filing, and completions stay', async () => {
    const licence = await enter();
    // A manual completion and a fact-based one, both to be kept through every refresh.
    const renewal = await byKey(licence.id, 'renewal');
    expect((await staff.request({ method: 'POST', url: `/api/obligations/${renewal.id}/complete`, payload: { note: '续期材料已提交' } })).statusCode).toBe(200);
    expect((await record(licence.id, { kind: 'service-opened', date: '2024-06-01', serviceCode: 'B24-1' })).statusCode).toBe(201);
    expect(await byKey(licence.id, 'start-operating:B24-1')).toMatchObject({ status: 'done', dueOn: '2025-01-15', doneOn: '2024-06-01' });

    // The organisation's figure: 6 months to start operating instead of 12.
    const version = (await owner.request({ method: 'GET', url: '/api/settings/rules' })).json().version;
    const rules = await owner.request({ method: 'PUT', url: '/api/settings/rules', payload: { version, overrides: { 'obligations.start-operating.months': 6 } } });
    expect(rules.statusCode, rules.body).toBe(200);
    const moved = await byKey(licence.id, 'start-operating:B24-1');
    expect(moved).toMatchObject({ dueOn: '2024-07-15', status: 'done', doneOn: '2024-06-01' });
    expect((await historyOf(moved.id)).map((h) => [h.kind, h.details])).toContainEqual(['due-moved', { from: '2025-01-15', to: '2024-07-15' }]);

    // A renewal: the expiry and the renewal deadline move five years on; the renewal's completion stays.
    expect((await record(licence.id, { kind: 'renewed', date: '2027-01-10', expiresOn: '2034-01-15' })).statusCode).toBe(201);
    expect(await byKey(licence.id, 'expiry')).toMatchObject({ dueOn: '2034-01-15' });
    expect(await byKey(licence.id, 'renewal')).toMatchObject({ id: renewal.id, dueOn: '2033-10-17', status: 'done', completion: { note: '续期材料已提交' } });
    expect((await obligationsOf(licence.id)).some((o) => o.key === 'annual-report:2033')).toBe(true);

    // A name change on 2027-01-07 is due 30 days on, 2027-02-06, a Saturday: Monday 2027-02-08 on weekends alone.
    expect((await record(licence.id, { kind: 'registration-change', date: '2027-01-07', field: 'name' })).statusCode).toBe(201);
    const change = await byKey(licence.id, 'registration-change:name:2027-01-07');
    expect(change).toMatchObject({ dueOn: '2027-02-08', status: 'due-soon' });
    expect((await staff.request({ method: 'POST', url: `/api/obligations/${change.id}/complete`, payload: { note: '变更材料准备中' } })).statusCode).toBe(200);
    // The 2027 arrangement makes 6–12 February the Spring Festival break: the period ends on the 13th, a working Saturday.
    const operator = await signIn(t.app, org.emails.owner);
    const load = await operator.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement: test2027 } });
    expect(load.statusCode, load.body).toBe(200);
    const after = await byKey(licence.id, 'registration-change:name:2027-01-07');
    expect(after).toMatchObject({ id: change.id, dueOn: '2027-02-13', status: 'done', completion: { note: '变更材料准备中' } });
    expect((await historyOf(change.id)).map((h) => h.kind)).toEqual(['completed', 'due-moved']);
    expect((await operator.request({ method: 'DELETE', url: '/api/calendar/years/2027' })).statusCode).toBe(204);
    expect(await byKey(licence.id, 'registration-change:name:2027-01-07')).toMatchObject({ dueOn: '2027-02-08' });

    // The change recorded by mistake is removed: its filing is closed as not applicable, not dropped.
    const events = (await staff.request({ method: 'GET', url: `/api/licences/${licence.id}/events` })).json() as Array<{ id: string; kind: string }>;
    const mistaken = events.find((e) => e.kind === 'registration-change')!;
    expect((await staff.request({ method: 'DELETE', url: `/api/licences/${licence.id}/events/${mistaken.id}` })).statusCode).toBe(204);
    const vanished = await byKey(licence.id, 'registration-change:name:2027-01-07');
    expect(vanished).toMatchObject({ id: change.id, status: 'done' });
    const untouched = await enter();
    expect((await record(untouched.id, { kind: 'registration-change', date: '2027-01-05', field: 'legal-representative' })).statusCode).toBe(201);
    const filing = await byKey(untouched.id, 'registration-change:legal-representative:2027-01-05');
    const event = (await staff.request({ method: 'GET', url: `/api/licences/${untouched.id}/events` })).json()[0];
    await staff.request({ method: 'DELETE', url: `/api/licences/${untouched.id}/events/${event.id}` });
    const closed = await byKey(untouched.id, 'registration-change:legal-representative:2027-01-05');
    expect(closed).toMatchObject({ id: filing.id, status: 'not-applicable' });
    expect((await historyOf(filing.id)).map((h) => h.kind)).toEqual(['basis-vanished']);
  });
});
