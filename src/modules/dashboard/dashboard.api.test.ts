import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

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
    expect(await summary(staffA)).toEqual({ clients: { active: 2, archived: 0 } });
    const created = await staffA.request({ method: 'POST', url: '/api/clients', payload: { name: '看板新客户有限公司', uscc: '9131000063159284XQ' } });
    expect(created.statusCode, created.body).toBe(201);
    await staffA.request({ method: 'POST', url: `/api/clients/${a.clientIds[0]}/archive` });
    expect(await summary(staffA)).toEqual({ clients: { active: 2, archived: 1 } });
    const list = (await staffA.request({ method: 'GET', url: '/api/clients?status=archived' })).json();
    expect(list).toMatchObject({ total: 1, totalIsExact: true });
    await staffA.request({ method: 'POST', url: `/api/clients/${a.clientIds[0]}/restore` });
    expect(await summary(staffA)).toEqual({ clients: { active: 3, archived: 0 } });
  });

  it('shows a client user only their own company', async () => {
    const client = await signIn(t.app, a.emails.client);
    expect(await summary(client)).toEqual({ clients: { active: 1, archived: 0 } });
  });

  it('needs a signed-in caller', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode).toBe(401);
  });
});
