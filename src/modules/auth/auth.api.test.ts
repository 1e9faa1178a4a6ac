import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, testPassword, type SeededOrg, type TestApp } from '../../../test/support/test-app.ts';
import { bootstrapIfEmpty } from '../organisations/bootstrap.ts';

describe.each(testDialects())('authentication on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Auth');
  });
  afterAll(() => t?.close());

  it('signs in with the right password and sets an httpOnly SameSite session cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: org.emails.staff.toUpperCase(), password: testPassword } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe('staff');
    const cookie = res.cookies.find((c) => c.name === 'ld_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(new Date(cookie.expires!).getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: org.emails.admin, password: 'nope-nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ghost@example.com', password: 'nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('GET /api/me answers 401 without a session and returns the CSRF token with one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const s = await signIn(t.app, org.emails.admin);
    const me = (await s.request({ method: 'GET', url: '/api/me' })).json();
    expect(me.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(me.organisation.name).toBe('Org Auth');
  });

  it('refuses a cookie-authenticated write without the CSRF header, and accepts it with the header', async () => {
    const s = await signIn(t.app, org.emails.admin);
    const without = await s.request({ method: 'POST', url: '/api/tokens', payload: { name: 'x' }, headers: { 'x-csrf-token': '' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const withToken = await s.request({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } });
    expect(withToken.statusCode).toBe(201);
  });

  it('logout ends the session', async () => {
    const s = await signIn(t.app, org.emails.staff);
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await s.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('logout with a session needs its CSRF token (a forged sign-out is refused and the session lives on)', async () => {
    const s = await signIn(t.app, org.emails.staff);
    const forged = await s.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': '' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await s.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });

  it('logout without a session, or with a dead one, stays harmless', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { ld_session: 'not-a-session' } })).statusCode).toBe(204);
  });

  it('an expired session is refused and removed', async () => {
    const s = await signIn(t.app, org.emails.staff);
    await t.ctx.db.updateTable('sessions').set({ expiresAt: '2000-01-01T00:00:00.000Z' }).where('userId', '=', org.userIds.staff).execute();
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('API tokens authenticate scripts without CSRF, are stored hashed, and stop working when revoked', async () => {
    const s = await signIn(t.app, org.emails.admin);
    const created = (await s.request({ method: 'POST', url: '/api/tokens', payload: { name: 'nightly export' } })).json();
    expect(created.secret).toMatch(/^ldt_/);
    const stored = await t.ctx.db.selectFrom('apiTokens').selectAll().where('id', '=', created.token.id).executeTakeFirstOrThrow();
    expect(stored.secretHash).not.toContain(created.secret);
    const bearer = { authorization: `Bearer ${created.secret}` };
    const write = await t.app.inject({ method: 'POST', url: '/api/clients', payload: { name: 'Token Co', uscc: '9131000063159284XQ' }, headers: bearer });
    expect(write.statusCode).toBe(201);
    expect((await s.request({ method: 'DELETE', url: `/api/tokens/${created.token.id}` })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/clients', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/令牌/);
  });

  it('a deactivated user can no longer sign in or use an open session', async () => {
    const owner = await signIn(t.app, org.emails.admin);
    const staff = await signIn(t.app, org.emails.staff);
    const { version } = (await owner.request({ method: 'GET', url: '/api/users' })).json().items.find((u: { id: string }) => u.id === org.userIds.staff);
    expect((await owner.request({ method: 'PATCH', url: `/api/users/${org.userIds.staff}`, payload: { isActive: false, version } })).statusCode).toBe(200);
    expect((await staff.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: org.emails.staff, password: testPassword } });
    expect(again.statusCode).toBe(401);
  });
});

describe.each(testDialects())('first start on $name', (dialect) => {
  it('creates the owner from LICENSEDESK_ADMIN_EMAIL/PASSWORD, who can sign in; a second start changes nothing', async () => {
    const t = await createTestApp(dialect, { LICENSEDESK_ADMIN_EMAIL: 'admin@example.com', LICENSEDESK_ADMIN_PASSWORD: 'first-start-pw', LICENSEDESK_DEMO: '1' });
    try {
      const boot = await bootstrapIfEmpty(t.ctx);
      expect(boot).toMatchObject({ created: true, email: 'admin@example.com', demo: true });
      expect(boot.generatedPassword).toBeUndefined();
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@example.com', password: 'first-start-pw' } });
      expect(login.statusCode).toBe(200);
      expect(login.json().user.role).toBe('owner');
      const s = await signIn(t.app, 'admin@example.com', 'first-start-pw');
      const me = (await s.request({ method: 'GET', url: '/api/me' })).json();
      expect(me.organisation.isDemo).toBe(true);
      const clients = (await s.request({ method: 'GET', url: '/api/clients' })).json();
      expect(clients.total).toBeGreaterThanOrEqual(3);
      expect(clients.items.every((c: { name: string }) => c.name.includes('演示'))).toBe(true);
      expect((await bootstrapIfEmpty(t.ctx)).created).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('generates a password when none is configured and skips the demo with LICENSEDESK_DEMO=0', async () => {
    const t = await createTestApp(dialect, { LICENSEDESK_DEMO: '0' });
    try {
      const boot = await bootstrapIfEmpty(t.ctx);
      expect(boot.generatedPassword).toMatch(/^\w{16}$/);
      const s = await signIn(t.app, boot.email!, boot.generatedPassword);
      const clients = (await s.request({ method: 'GET', url: '/api/clients' })).json();
      expect(clients.total).toBe(0);
    } finally {
      await t.close();
    }
  });
});
