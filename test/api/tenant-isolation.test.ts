import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/test-databases.ts';
import { createTestApp, makeOperator, seedApplications, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../support/test-app.ts';
import { idRoutes, type ForeignIds, type IdRoute } from './routes-table.ts';

const bodyFor = (route: IdRoute, org: SeededOrg) => (typeof route.payload === 'function' ? route.payload(org) : route.payload);
import type { AppContext } from '../../src/app-context.ts';

/** Everything organisation B owns, to prove a refused request changed nothing. */
async function snapshot(ctx: AppContext, orgId: string) {
  const [organisation, clients, users, tokens, audit, applications, events, obligations, webhooks, deliveries] = await Promise.all([
    ctx.db.selectFrom('organisations').selectAll().where('id', '=', orgId).execute(),
    ctx.db.selectFrom('clients').selectAll().where('orgId', '=', orgId).orderBy('id').execute(),
    ctx.db.selectFrom('users').selectAll().where('orgId', '=', orgId).orderBy('id').execute(),
    ctx.db.selectFrom('apiTokens').selectAll().where('orgId', '=', orgId).orderBy('id').execute(),
    ctx.db.selectFrom('auditLog').select(['id']).where('orgId', '=', orgId).execute(),
    ctx.db.selectFrom('applications').selectAll().where('orgId', '=', orgId).orderBy('id').execute(),
    ctx.db.selectFrom('applicationEvents').select(['id']).where('orgId', '=', orgId).execute(),
    ctx.db.selectFrom('obligations').selectAll().where('orgId', '=', orgId).orderBy('id').execute(),
    ctx.db.selectFrom('webhooks').selectAll().where('orgId', '=', orgId).orderBy('id').execute(),
    ctx.db.selectFrom('reminderDeliveries').select(['id']).where('orgId', '=', orgId).execute(),
  ]);
  return JSON.stringify({ organisation, clients, users, tokens, audit: audit.length, applications, events: events.length, obligations, webhooks, deliveries: deliveries.length });
}

describe.each(testDialects())('tenant isolation on $name', (dialect) => {
  let t: TestApp;
  let a: SeededOrg;
  let b: SeededOrg;
  let bIds: ForeignIds;
  let aIds: ForeignIds;
  let adminA: Session;
  let ownerA: Session;
  let clientA: Session;
  let operatorB: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    a = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Alpha'));
    b = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Beta'));
    const adminB = await signIn(t.app, b.emails.admin);
    adminA = await signIn(t.app, a.emails.admin);
    clientA = await signIn(t.app, a.emails.client);
    ownerA = await signIn(t.app, a.emails.owner);
    await makeOperator(t.ctx, b.emails.owner);
    operatorB = await signIn(t.app, b.emails.owner);
    const tokenB = (await adminB.request({ method: 'POST', url: '/api/tokens', payload: { name: 'b-script' } })).json();
    const tokenA = (await adminA.request({ method: 'POST', url: '/api/tokens', payload: { name: 'a-script' } })).json();
    bIds = { userId: b.userIds.staff, tokenId: tokenB.token.id };
    aIds = { userId: a.userIds.staff, tokenId: tokenA.token.id };
  });
  afterAll(() => t?.close());

  const tenantRoutes = idRoutes.filter((r) => !r.operatorOnly);
  const operatorRoutes = idRoutes.filter((r) => r.operatorOnly);

  it.each(tenantRoutes)("an admin of A gets 404 for B's id: $name", async (route) => {
    const before = await snapshot(t.ctx, b.orgId);
    const res = await adminA.request({ method: route.method, url: route.url(b, bIds), payload: bodyFor(route, b) });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(await snapshot(t.ctx, b.orgId)).toBe(before);
  });

  it.each(tenantRoutes)('a missing id answers exactly like a foreign one: $name', async (route) => {
    const missing = { ...b, clientIds: ['7d0c1a2e-1111-4222-8333-944455556666'] };
    const res = await adminA.request({ method: route.method, url: route.url(missing, { userId: '7d0c1a2e-1111-4222-8333-944455556666', tokenId: '7d0c1a2e-1111-4222-8333-944455556666' }), payload: bodyFor(route, missing) });
    const foreign = await adminA.request({ method: 'GET', url: `/api/clients/${b.clientIds[0]}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe(foreign.json().error.code);
  });

  it.each(idRoutes.filter((r) => r.companyData))("a client user of A gets 404 for A's other company: $name", async (route) => {
    const before = await snapshot(t.ctx, a.orgId);
    const other = { ...a, clientIds: [a.clientIds[1]] };
    const res = await clientA.request({ method: route.method, url: route.url(other, aIds), payload: bodyFor(route, other) });
    expect(res.statusCode, res.body).toBe(route.clientForbidden ? 403 : 404);
    expect(await snapshot(t.ctx, a.orgId)).toBe(before);
  });

  it.each(idRoutes.filter((r) => r.companyData))("a client user of A gets 404 for B's company: $name", async (route) => {
    const before = await snapshot(t.ctx, b.orgId);
    const res = await clientA.request({ method: route.method, url: route.url(b, bIds), payload: bodyFor(route, b) });
    expect(res.statusCode, res.body).toBe(route.clientForbidden ? 403 : 404);
    expect(await snapshot(t.ctx, b.orgId)).toBe(before);
  });

  it.each(operatorRoutes)("anyone of A who is not an operator (owner, admin, client) gets 403 for B's id, for A's own and for a missing one: $name", async (route) => {
    const missing = { ...b, orgId: '7d0c1a2e-1111-4222-8333-944455556666' };
    for (const [session, target] of [[adminA, b], [ownerA, b], [ownerA, a], [clientA, b], [adminA, missing]] as const) {
      const before = await snapshot(t.ctx, target.orgId);
      const res = await session.request({ method: route.method, url: route.url(target, bIds), payload: bodyFor(route, target) });
      expect(res.statusCode, res.body).toBe(403);
      expect(await snapshot(t.ctx, target.orgId)).toBe(before);
    }
  });

  it.each(operatorRoutes)('an operator gets 404 for a missing id: $name', async (route) => {
    const missing = { ...a, orgId: '7d0c1a2e-1111-4222-8333-944455556666' };
    const res = await operatorB.request({ method: route.method, url: route.url(missing, aIds), payload: bodyFor(route, missing) });
    expect(res.statusCode, res.body).toBe(404);
  });

  it("lists never include another organisation's rows", async () => {
    const clients = (await adminA.request({ method: 'GET', url: '/api/clients?status=all&pageSize=200' })).json();
    expect(clients.items.map((c: { id: string }) => c.id).sort()).toEqual([...a.clientIds].sort());
    const users = (await adminA.request({ method: 'GET', url: '/api/users' })).json();
    expect(users.items.every((u: { email: string }) => u.email.endsWith('@alpha.example.com'))).toBe(true);
    const audit = (await adminA.request({ method: 'GET', url: '/api/audit?pageSize=200' })).json();
    expect(audit.items.length).toBeGreaterThan(0);
    expect(audit.items.every((e: { summary: string }) => !e.summary.includes('Beta'))).toBe(true);
  });

  it('a client user sees only their own company in the list', async () => {
    const res = (await clientA.request({ method: 'GET', url: '/api/clients?status=all' })).json();
    expect(res.items.map((c: { id: string }) => c.id)).toEqual([a.clientIds[0]]);
    expect(res.total).toBe(1);
  });

  // Last, as it adds users to A: creating a user answers the same whether or not the email exists in another organisation.
  it("creating a user with an email only another organisation has answers exactly like a new email (B's users are not revealed)", async () => {
    const before = await snapshot(t.ctx, b.orgId);
    const create = (email: string) => adminA.request({ method: 'POST', url: '/api/users', payload: { email, name: 'Probe', role: 'staff', password: 'probe-password' } });
    const taken = await create(b.emails.staff);
    const fresh = await create('nobody-anywhere@example.com');
    expect(taken.statusCode, taken.body).toBe(201);
    expect(fresh.statusCode).toBe(201);
    const shape = (res: typeof taken) => Object.keys(res.json().user).sort();
    expect(shape(taken)).toEqual(shape(fresh));
    expect(taken.json().user).toMatchObject({ email: b.emails.staff, isActive: true, version: 1 });
    expect(await snapshot(t.ctx, b.orgId)).toBe(before);
  });
});
