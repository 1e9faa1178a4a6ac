import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

/** The version a caller reads before changing a user, as the web app does. */
async function versionOf(session: Session, userId: string): Promise<number> {
  const users = (await session.request({ method: 'GET', url: '/api/users' })).json().items as Array<{ id: string; version: number }>;
  return users.find((u) => u.id === userId)!.version;
}

describe.each(testDialects())('user management on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Users');
    admin = await signIn(t.app, org.emails.admin);
  });
  afterAll(() => t?.close());

  it('an admin invites a user; the generated password is shown once and works', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/users', payload: { email: 'New.Hire@Example.com', name: '新同事', role: 'staff' } });
    expect(res.statusCode, res.body).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({ email: 'new.hire@example.com', role: 'staff', isActive: true });
    expect(initialPassword).toHaveLength(16);
    await expect(signIn(t.app, 'new.hire@example.com', initialPassword)).resolves.toBeTruthy();
    const list = (await admin.request({ method: 'GET', url: '/api/users' })).json();
    expect(JSON.stringify(list)).not.toContain(initialPassword);
  });

  it('a client user must be linked to a company of the same organisation', async () => {
    const missing = await admin.request({ method: 'POST', url: '/api/users', payload: { email: 'c2@example.com', name: 'C2', role: 'client' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('clientId');
    const ok = await admin.request({ method: 'POST', url: '/api/users', payload: { email: 'c2@example.com', name: 'C2', role: 'client', clientId: org.clientIds[1] } });
    expect(ok.json().user.clientId).toBe(org.clientIds[1]);
  });

  it('refuses a duplicate email', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/users', payload: { email: org.emails.staff, name: 'Again', role: 'staff' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].field).toBe('email');
  });

  it('only an owner may create or change owners', async () => {
    expect((await admin.request({ method: 'POST', url: '/api/users', payload: { email: 'o2@example.com', name: 'O2', role: 'owner' } })).statusCode).toBe(403);
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${org.userIds.owner}`, payload: { isActive: false, version: await versionOf(admin, org.userIds.owner) } })).statusCode).toBe(403);
    const owner = await signIn(t.app, org.emails.owner);
    expect((await owner.request({ method: 'POST', url: '/api/users', payload: { email: 'o2@example.com', name: 'O2', role: 'owner' } })).statusCode).toBe(201);
  });

  it('the last active owner cannot be demoted or deactivated', async () => {
    const t2 = await createTestApp(dialect);
    try {
      const o = await seedOrg(t2.ctx, 'Solo');
      const owner = await signIn(t2.app, o.emails.owner);
      const res = await owner.request({ method: 'PATCH', url: `/api/users/${o.userIds.owner}`, payload: { role: 'admin', version: await versionOf(owner, o.userIds.owner) } });
      expect(res.statusCode).toBe(409);
    } finally {
      await t2.close();
    }
  });

  it('changes a role and resets a password (old one stops working)', async () => {
    const role = await admin.request({ method: 'PATCH', url: `/api/users/${org.userIds.staff}`, payload: { role: 'admin', version: await versionOf(admin, org.userIds.staff) } });
    expect(role.json().role).toBe('admin');
    const reset = (await admin.request({ method: 'POST', url: `/api/users/${org.userIds.staff}/reset-password` })).json();
    await expect(signIn(t.app, org.emails.staff)).rejects.toThrow(/401/);
    await expect(signIn(t.app, org.emails.staff, reset.password)).resolves.toBeTruthy();
  });

  it('staff and client users cannot manage users or read the audit log', async () => {
    const client = await signIn(t.app, org.emails.client);
    for (const url of ['/api/users', '/api/audit']) expect((await client.request({ method: 'GET', url })).statusCode).toBe(403);
  });

  it('every change above is in the append-only audit log, which the database refuses to alter', async () => {
    const audit = (await admin.request({ method: 'GET', url: '/api/audit?entityType=user&pageSize=100' })).json();
    const actions = new Set(audit.items.map((e: { action: string }) => e.action));
    for (const a of ['user.create', 'user.update', 'user.reset-password']) expect(actions).toContain(a);
    await expect(t.ctx.db.updateTable('auditLog').set({ summary: 'forged' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.deleteFrom('auditLog').execute()).rejects.toThrow(/append-only/);
  });
});
