import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, makeOperator, seedOrg, signIn, testPassword, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { bootstrapIfEmpty } from './bootstrap.ts';

type Listed = { id: string; name: string; isActive: boolean; userCount: number; clientCount: number };

describe.each(testDialects())('instance administration: organisations (/api/admin) on $name', (dialect) => {
  let t: TestApp;
  let home: SeededOrg;
  let other: SeededOrg;
  let operator: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    home = await seedOrg(t.ctx, 'Home');
    other = await seedOrg(t.ctx, 'Other');
    await makeOperator(t.ctx, home.emails.owner);
    operator = await signIn(t.app, home.emails.owner);
  });
  afterAll(() => t?.close());

  const list = async (s: Session) => (await s.request({ method: 'GET', url: '/api/admin/organisations' })).json().items as Listed[];
  const audit = async (s: Session) => (await s.request({ method: 'GET', url: '/api/audit?entityType=organisation&pageSize=100' })).json().items as Array<{ action: string; entityId: string }>;

  it('GET /api/me says who is an operator, so the web app can show the platform area', async () => {
    expect((await operator.request({ method: 'GET', url: '/api/me' })).json().user.isOperator).toBe(true);
    const admin = await signIn(t.app, home.emails.admin);
    expect((await admin.request({ method: 'GET', url: '/api/me' })).json().user.isOperator).toBe(false);
  });

  it('lists every organisation with its user and client counts', async () => {
    const items = await list(operator);
    expect(items.map((o) => o.id)).toEqual([home.orgId, other.orgId]);
    expect(items[1]).toMatchObject({ name: 'Org Other', isActive: true, userCount: 4, clientCount: 2 });
  });

  it('creates an organisation with its owner and a generated password shown once, which signs in', async () => {
    const res = await operator.request({ method: 'POST', url: '/api/admin/organisations', payload: { name: '  新客户代理  ', kind: 'company', owner: { email: 'Boss@New.example.com', name: '新老板' } } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.organisation).toMatchObject({ name: '新客户代理', kind: 'company', isActive: true, userCount: 1, clientCount: 0 });
    expect(body.owner).toMatchObject({ email: 'boss@new.example.com', role: 'owner', isActive: true });
    expect(body.initialPassword).toHaveLength(16);
    const owner = await signIn(t.app, 'boss@new.example.com', body.initialPassword);
    const me = (await owner.request({ method: 'GET', url: '/api/me' })).json();
    expect(me).toMatchObject({ organisation: { id: body.organisation.id, name: '新客户代理' }, user: { role: 'owner', isOperator: false } });
    expect((await audit(owner)).map((e) => e.action)).toContain('organisation.create');
    expect((await audit(operator)).find((e) => e.entityId === body.organisation.id)?.action).toBe('organisation.create');
    expect(JSON.stringify(await list(operator))).not.toContain(body.initialPassword);
  });

  it('creates an organisation with a given password, returning none', async () => {
    const res = await operator.request({ method: 'POST', url: '/api/admin/organisations', payload: { name: 'Given Co', kind: 'agency', owner: { email: 'given@new.example.com', name: 'Given', password: 'given-password-1' } } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().initialPassword).toBeUndefined();
    await expect(signIn(t.app, 'given@new.example.com', 'given-password-1')).resolves.toBeTruthy();
  });

  it('an organisation owner who is not an operator gets 403 on every admin route, and nothing changes', async () => {
    const owner = await signIn(t.app, other.emails.owner);
    const before = await list(operator);
    const calls = [
      { method: 'GET' as const, url: '/api/admin/organisations' },
      { method: 'POST' as const, url: '/api/admin/organisations', payload: { name: 'Sneaky', kind: 'agency', owner: { email: 'sneaky@example.com', name: 'S' } } },
      { method: 'POST' as const, url: `/api/admin/organisations/${home.orgId}/deactivate` },
      { method: 'POST' as const, url: `/api/admin/organisations/${home.orgId}/reactivate` },
    ];
    for (const call of calls) {
      const res = await owner.request(call);
      expect(res.statusCode, call.url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await list(operator)).toEqual(before);
  });

  it('deactivating an organisation stops its users signing in and ends their sessions; nothing is deleted; reactivating restores it', async () => {
    const ownerSession = await signIn(t.app, other.emails.owner);
    const token = (await ownerSession.request({ method: 'POST', url: '/api/tokens', payload: { name: 'nightly script' } })).json().secret as string;
    const byToken = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect((await byToken()).statusCode).toBe(200);
    const res = await operator.request({ method: 'POST', url: `/api/admin/organisations/${other.orgId}/deactivate` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: other.orgId, isActive: false, userCount: 4, clientCount: 2 });

    await expect(signIn(t.app, other.emails.owner)).rejects.toThrow(/401/);
    expect((await ownerSession.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await byToken()).statusCode).toBe(401);

    expect((await operator.request({ method: 'POST', url: `/api/admin/organisations/${other.orgId}/reactivate` })).json().isActive).toBe(true);
    // Credentials end with the deactivation: the old API token stays revoked.
    expect((await byToken()).statusCode).toBe(401);
    const back = await signIn(t.app, other.emails.owner);
    expect((await back.request({ method: 'GET', url: '/api/clients' })).json().total).toBe(2);
    expect((await audit(back)).map((e) => e.action).slice(0, 2)).toEqual(['organisation.reactivate', 'organisation.deactivate']);
  });

  it('an operator cannot deactivate their own organisation', async () => {
    const res = await operator.request({ method: 'POST', url: `/api/admin/organisations/${home.orgId}/deactivate` });
    expect(res.statusCode).toBe(409);
    expect((await list(operator)).find((o) => o.id === home.orgId)?.isActive).toBe(true);
  });

  it('an unknown organisation is 404 for an operator', async () => {
    const res = await operator.request({ method: 'POST', url: '/api/admin/organisations/7d0c1a2e-1111-4222-8333-944455556666/deactivate' });
    expect(res.statusCode).toBe(404);
  });
});

describe.each(testDialects())('the first owner is the operator, on $name', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { LICENSEDESK_ADMIN_EMAIL: 'first@example.com', LICENSEDESK_ADMIN_PASSWORD: testPassword });
  });
  afterAll(() => t?.close());

  it('the owner created on an empty database can load the calendar and manage organisations', async () => {
    await bootstrapIfEmpty(t.ctx);
    const first = await signIn(t.app, 'first@example.com');
    expect((await first.request({ method: 'GET', url: '/api/me' })).json().user).toMatchObject({ role: 'owner', isOperator: true });
    expect((await first.request({ method: 'GET', url: '/api/admin/organisations' })).statusCode).toBe(200);
  });
});
