import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { refreshOpenDueDates } from './due-dates.ts';

describe.each(testDialects())('applications on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let staff: Session;
  let client: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Apps');
    staff = await signIn(t.app, org.emails.staff);
    client = await signIn(t.app, org.emails.client);
  });
  afterAll(() => t?.close());

  const open = async (body: Record<string, unknown> = {}) => {
    const res = await staff.request({ method: 'POST', url: '/api/applications', payload: { clientId: org.clientIds[0], serviceCode: 'B24-1', scope: 'BJ', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const move = (session: Session, id: string, body: Record<string, unknown>) => session.request({ method: 'POST', url: `/api/applications/${id}/transitions`, payload: body });
  /** Puts an application straight into a later state, as the material steps (not built yet) would have. */
  const setState = (id: string, fields: Record<string, unknown>) => t.ctx.db.updateTable('applications').set(fields).where('id', '=', id).execute();

  it('opens an application as a draft, in its activity feed and the audit log', async () => {
    const app = await open({ assigneeId: org.userIds.staff });
    expect(app).toMatchObject({ state: 'draft', version: 1, clientId: org.clientIds[0], clientName: 'Apps client 1', serviceCode: 'B24-1', scope: 'BJ', assigneeId: org.userIds.staff, contractFeeYuan: null });
    expect(app.nextStates).toEqual(['collecting', 'withdrawn', 'on_hold']);
    const activity = (await staff.request({ method: 'GET', url: `/api/applications/${app.id}/activity` })).json();
    expect(activity.items.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    const audit = await t.ctx.db.selectFrom('auditLog').select(['action', 'summary']).where('entityId', '=', app.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toContain('Apps client 1');
  });

  it('lists who applications can be assigned to for any staff member, never to client users', async () => {
    const res = await staff.request({ method: 'GET', url: '/api/applications/assignees' });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((u: { name: string }) => u.name).sort()).toEqual(['Apps admin', 'Apps owner', 'Apps staff']);
    expect((await client.request({ method: 'GET', url: '/api/applications/assignees' })).statusCode).toBe(403);
  });

  it('refuses an unknown service, a foreign or missing client, an archived client and a client user as assignee', async () => {
    const bad = async (body: Record<string, unknown>) => staff.request({ method: 'POST', url: '/api/applications', payload: { clientId: org.clientIds[0], serviceCode: 'B24-1', scope: 'BJ', ...body } });
    const service = await bad({ serviceCode: 'Z99' });
    expect(service.statusCode).toBe(400);
    expect(service.json().error.details[0].field).toBe('serviceCode');
    expect((await bad({ clientId: '7d0c1a2e-1111-4222-8333-944455556666' })).statusCode).toBe(404);
    const assignee = await bad({ assigneeId: org.userIds.client });
    expect(assignee.statusCode).toBe(400);
    expect(assignee.json().error.details[0]).toMatchObject({ field: 'assigneeId', code: 'ASSIGNEE_INVALID' });
    expect((await bad({ scope: 'XX' })).statusCode).toBe(400);
    await staff.request({ method: 'POST', url: `/api/clients/${org.clientIds[1]}/archive` });
    const archived = await bad({ clientId: org.clientIds[1] });
    expect(archived.statusCode).toBe(422);
    expect(archived.json().error.details[0].code).toBe('CLIENT_ARCHIVED');
    await staff.request({ method: 'POST', url: `/api/clients/${org.clientIds[1]}/restore` });
  });

  it('refuses a move its guard forbids with the reason in words, and records the contract when given', async () => {
    const app = await open();
    const refused = await move(staff, app.id, { to: 'collecting', version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'TRANSITION_REFUSED', details: [{ field: 'to', code: 'contract-recorded' }] });
    expect(refused.json().error.message).toContain('代办合同签订日期');

    const skipped = await move(staff, app.id, { to: 'submitted', version: 1, submittedOn: '2026-01-05' });
    expect(skipped.json().error.details[0].code).toBe('move-allowed');

    const moved = await move(staff, app.id, { to: 'collecting', version: 1, contractSignedOn: '2026-01-05', contractFeeYuan: 30000, note: '客户已签字' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ state: 'collecting', version: 2, contractSignedOn: '2026-01-05', contractFeeYuan: 30000 });

    const drafting = await move(staff, app.id, { to: 'drafting', version: 2 });
    expect(drafting.statusCode).toBe(409);
    expect(drafting.json().error.details[0].code).toBe('uploaded-items-accepted');
    expect(drafting.json().error.message).toContain('营业执照');

    const activity = (await staff.request({ method: 'GET', url: `/api/applications/${app.id}/activity` })).json();
    expect(activity.items[0]).toMatchObject({ kind: 'transition', fromState: 'draft', toState: 'collecting', note: '客户已签字', details: { contractFeeYuan: 30000 } });
    expect(activity.items[0].actorName).toBe('Apps staff');
  });

  it('lets a client user see their own company’s applications without fees, and change nothing', async () => {
    const app = await open();
    await move(staff, app.id, { to: 'collecting', version: 1, contractSignedOn: '2026-01-05', contractFeeYuan: 30000 });
    const seen = await client.request({ method: 'GET', url: `/api/applications/${app.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ state: 'collecting', contractFeeYuan: null, nextStates: [] });
    const activity = (await client.request({ method: 'GET', url: `/api/applications/${app.id}/activity` })).json();
    expect(JSON.stringify(activity)).not.toContain('30000');
    expect((await move(client, app.id, { to: 'withdrawn', version: 2 })).statusCode).toBe(403);
    expect((await client.request({ method: 'PATCH', url: `/api/applications/${app.id}`, payload: { version: 2, business: { seats: 1 } } })).statusCode).toBe(403);
    expect((await client.request({ method: 'POST', url: '/api/applications', payload: { clientId: org.clientIds[0], serviceCode: 'B24-1', scope: 'BJ' } })).statusCode).toBe(403);
    const other = await open({ clientId: org.clientIds[1] });
    expect((await client.request({ method: 'GET', url: `/api/applications/${other.id}` })).statusCode).toBe(404);
    const list = (await client.request({ method: 'GET', url: '/api/applications?pageSize=200' })).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((a: { clientId: string; contractFeeYuan: unknown }) => a.clientId === org.clientIds[0] && a.contractFeeYuan === null)).toBe(true);
  });

  it('of two racing moves from the same version exactly one wins', async () => {
    const app = await open();
    const [a, b] = await Promise.all([move(staff, app.id, { to: 'withdrawn', version: 1 }), move(staff, app.id, { to: 'on_hold', version: 1 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('VERSION_CONFLICT');
    const after = (await staff.request({ method: 'GET', url: `/api/applications/${app.id}` })).json();
    expect(after.version).toBe(2);
    const events = (await staff.request({ method: 'GET', url: `/api/applications/${app.id}/activity` })).json();
    expect(events.items.filter((e: { kind: string }) => e.kind === 'transition')).toHaveLength(1);
  });

  it('pauses and resumes to the state it left; nothing leaves withdrawn', async () => {
    const app = await open();
    const held = (await move(staff, app.id, { to: 'on_hold', version: 1 })).json();
    expect(held).toMatchObject({ state: 'on_hold', heldFrom: 'draft', nextStates: ['draft', 'withdrawn'] });
    const elsewhere = await move(staff, app.id, { to: 'collecting', version: 2, contractSignedOn: '2026-01-05', contractFeeYuan: 1 });
    expect(elsewhere.json().error.details[0].code).toBe('resumes-where-it-paused');
    expect((await move(staff, app.id, { to: 'draft', version: 2 })).json()).toMatchObject({ state: 'draft', heldFrom: null, version: 3 });
    expect((await move(staff, app.id, { to: 'withdrawn', version: 3 })).json().state).toBe('withdrawn');
    const after = await move(staff, app.id, { to: 'draft', version: 4 });
    expect(after.json().error.details[0].code).toBe('move-allowed');
  });

  it('issues a licence whose number fits the scope and the service, once per number', async () => {
    const app = await open();
    await setState(app.id, { state: 'accepted', contractSignedOn: '2025-09-01', submittedOn: '2025-10-08', acceptanceNo: 'A-1', acceptedOn: '2025-10-12' });
    const shanghai = await move(staff, app.id, { to: 'issued', version: 1, licenceNumber: '沪B2-20251234', issuedOn: '2025-12-01' });
    expect(shanghai.json().error.details[0].code).toBe('licence-number-fits');
    const issued = await move(staff, app.id, { to: 'issued', version: 1, licenceNumber: ' 京b2-20251234 ', issuedOn: '2025-12-01' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ state: 'issued', issuedOn: '2025-12-01', nextStates: [] });
    const licence = await t.ctx.db.selectFrom('licences').selectAll().where('id', '=', issued.json().licenceId).executeTakeFirstOrThrow();
    expect(licence).toMatchObject({ number: '京B2-20251234', clientId: org.clientIds[0], applicationId: app.id, serviceCode: 'B24-1', scope: 'BJ', issuedOn: '2025-12-01', expiresOn: '2030-12-01' });

    const second = await open();
    await setState(second.id, { state: 'accepted', contractSignedOn: '2025-09-01', submittedOn: '2025-10-08', acceptanceNo: 'A-2', acceptedOn: '2025-10-12' });
    const duplicate = await move(staff, second.id, { to: 'issued', version: 1, licenceNumber: '京B2-20251234', issuedOn: '2025-12-01' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('LICENCE_DUPLICATE');
    expect((await staff.request({ method: 'GET', url: `/api/applications/${second.id}` })).json()).toMatchObject({ state: 'accepted', version: 1, licenceId: null });
  });

  it('edits the assignee and the business description with the version, and lists by filter and cursor', async () => {
    const app = await open();
    const business = { seats: 120, staff: 150, businessTypes: ['呼入客服', '呼出回访'], coverage: '北京市', systemDescription: 'IPCC 平台\n录音系统', trunkLines: '中国电信 30 路' };
    const patched = await staff.request({ method: 'PATCH', url: `/api/applications/${app.id}`, payload: { version: 1, assigneeId: org.userIds.admin, business } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, assigneeId: org.userIds.admin, business });
    const stale = await staff.request({ method: 'PATCH', url: `/api/applications/${app.id}`, payload: { version: 1, business: { seats: 1 } } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const byName = (await staff.request({ method: 'GET', url: `/api/applications?q=${encodeURIComponent('client 2')}&pageSize=200` })).json();
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((a: { clientId: string }) => a.clientId === org.clientIds[1])).toBe(true);
    const byCode = (await staff.request({ method: 'GET', url: '/api/applications?q=91350100&pageSize=200' })).json();
    expect(byCode.items.every((a: { clientId: string }) => a.clientId === org.clientIds[0])).toBe(true);
    expect((await staff.request({ method: 'GET', url: '/api/applications?serviceCode=b24-2' })).json().items).toEqual([]);
    expect((await staff.request({ method: 'GET', url: '/api/applications?serviceCode=B24-1&pageSize=200' })).json().items.length).toBeGreaterThan(0);
    const mine = (await staff.request({ method: 'GET', url: `/api/applications?assigneeId=${org.userIds.admin}` })).json();
    expect(mine.items.map((a: { id: string }) => a.id)).toEqual([app.id]);
    const drafts = (await staff.request({ method: 'GET', url: '/api/applications?state=draft&pageSize=200' })).json();
    expect(drafts.items.every((a: { state: string }) => a.state === 'draft')).toBe(true);
    expect(drafts.items[0].id).toBe(app.id); // the newest change first
    const all = (await staff.request({ method: 'GET', url: '/api/applications?pageSize=200' })).json();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await staff.request({ method: 'GET', url: `/api/applications?pageSize=3${cursor ? `&cursor=${cursor}` : ''}` })).json();
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((a: { id: string }) => a.id));
    expect(all.total).toBe(all.items.length);
  });

  it('lays out the timeline in official working days from the contract date, with the overdue stages flagged', async () => {
    const app = await open();
    await move(staff, app.id, { to: 'collecting', version: 1, contractSignedOn: '2026-01-05', contractFeeYuan: 1 });
    const res = await client.request({ method: 'GET', url: `/api/applications/${app.id}/timeline` });
    expect(res.statusCode, res.body).toBe(200);
    const timeline = res.json();
    const calendar = t.ctx.calendar.current();
    expect(timeline.startedOn).toBe('2026-01-05');
    // The guide's 40 working days in-province, counted over the 2026 holidays (Spring Festival, Qingming …).
    expect(timeline.expectedIssueOn.on).toBe(calendar.addWorkingDays('2026-01-05', 40).date);
    expect(timeline.expectedIssueOn.on > '2026-03-02').toBe(true);
    const licence = timeline.stages.find((s: { key: string }) => s.key === 'receive-licence');
    expect(licence).toMatchObject({ actualOn: null, overdue: t.ctx.clock.today() > licence.practice.on });
    expect(timeline.stages.find((s: { key: string }) => s.key === 'sign-agency-contract')).toMatchObject({ actualOn: '2026-01-05', overdue: false });
    expect(timeline.stages.find((s: { key: string }) => s.key === 'correction-notice')).toMatchObject({ regulation: null, actualOn: null });

    const current = (await staff.request({ method: 'GET', url: `/api/applications/${app.id}` })).json();
    const planned = await staff.request({ method: 'PATCH', url: `/api/applications/${app.id}`, payload: { version: current.version, targets: { submitBy: '2026-02-06' }, milestones: { expertReviewOn: '2026-03-03' } } });
    expect(planned.json()).toMatchObject({ targets: { submitBy: '2026-02-06' }, milestones: { expertReviewOn: '2026-03-03' } });
    const after = (await staff.request({ method: 'GET', url: `/api/applications/${app.id}/timeline` })).json();
    expect(after.milestones).toEqual([{ key: 'expert-review', title: { zh: '专家评审', en: 'Expert review' }, on: '2026-03-03' }]);
    expect(after.targets).toMatchObject([{ key: 'submit-by', on: '2026-02-06', met: false, missed: true }]);
    const cleared = await staff.request({ method: 'PATCH', url: `/api/applications/${app.id}`, payload: { version: current.version + 1, milestones: { expertReviewOn: null } } });
    expect(cleared.json().milestones).toEqual({});
  });

  it('keeps a due date from the timeline, lists only the overdue ones when asked, and moves it with the rule figures', async () => {
    const owner = await signIn(t.app, org.emails.owner);
    const today = t.ctx.clock.today();
    const calendar = () => t.ctx.calendar.current();
    const company = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: '逾期测试有限公司', uscc: '91110105MA01ABCD13' } });
    expect(company.statusCode, company.body).toBe(201);
    const companyId = company.json().id as string;
    const late = await open({ clientId: companyId });
    const opened = await move(staff, late.id, { to: 'collecting', version: 1, contractSignedOn: '2024-01-05', contractFeeYuan: 1 });
    // The earliest open date is the licence, 60 working days (the organisation's planning figure) from the contract.
    expect(opened.json()).toMatchObject({ dueOn: calendar().addWorkingDays('2024-01-05', 60).date, overdue: true });
    const fresh = await open({ clientId: companyId });
    const onTime = (await move(staff, fresh.id, { to: 'collecting', version: 1, contractSignedOn: today, contractFeeYuan: 1 })).json();
    expect(onTime).toMatchObject({ dueOn: calendar().addWorkingDays(today, 60).date, overdue: false });
    expect((await staff.request({ method: 'GET', url: `/api/applications/${fresh.id}/timeline` })).json().dueOn).toBe(onTime.dueOn);

    const overdueIds = async () => {
      const res = await staff.request({ method: 'GET', url: `/api/applications?overdue=true&clientId=${companyId}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((a: { id: string; overdue: boolean }) => (expect(a.overdue).toBe(true), a.id));
    };
    expect(await overdueIds()).toEqual([late.id]);
    // A missed planned-submission date makes the fresh one overdue too; clearing it brings it back on time.
    await staff.request({ method: 'PATCH', url: `/api/applications/${fresh.id}`, payload: { version: onTime.version, targets: { submitBy: '2024-02-01' } } });
    expect((await overdueIds()).sort()).toEqual([late.id, fresh.id].sort());
    await staff.request({ method: 'PATCH', url: `/api/applications/${fresh.id}`, payload: { version: onTime.version + 1, targets: { submitBy: null } } });
    expect(await overdueIds()).toEqual([late.id]);
    expect((await staff.request({ method: 'GET', url: '/api/applications?overdue=maybe' })).statusCode).toBe(400);

    // The organisation plans 100 working days instead of 60: the due dates move in the same save.
    const rules = (await owner.request({ method: 'GET', url: '/api/settings/rules' })).json();
    const saved = await owner.request({ method: 'PUT', url: '/api/settings/rules', payload: { version: rules.version, overrides: { 'processing.in-province.working-days': 100 } } });
    expect(saved.statusCode, saved.body).toBe(200);
    const dueOf = async (id: string) => (await staff.request({ method: 'GET', url: `/api/applications/${id}` })).json().dueOn;
    expect(await dueOf(fresh.id)).toBe(calendar().addWorkingDays(today, 100).date);
    expect(await dueOf(late.id)).toBe(calendar().addWorkingDays('2024-01-05', 100).date);
    await owner.request({ method: 'PUT', url: '/api/settings/rules', payload: { version: rules.version + 1, overrides: { 'processing.in-province.working-days': null } } });
    expect(await dueOf(fresh.id)).toBe(calendar().addWorkingDays(today, 60).date);

    // Rows stored before due dates were kept are filled at start; a withdrawn application carries none.
    await t.ctx.db.updateTable('applications').set({ dueOn: null }).where('id', 'in', [late.id, fresh.id]).execute();
    const withdrawn = (await move(staff, late.id, { to: 'withdrawn', version: opened.json().version })).json();
    expect(withdrawn).toMatchObject({ dueOn: null, overdue: false });
    expect(await refreshOpenDueDates(t.ctx, t.ctx.db, { orgId: org.orgId })).toBeGreaterThanOrEqual(1);
    expect(await dueOf(fresh.id)).toBe(calendar().addWorkingDays(today, 60).date);
    expect(await dueOf(late.id)).toBeNull();
  });
});
