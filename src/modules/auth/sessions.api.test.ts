import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, testPassword, type SeededOrg, type TestApp } from '../../../test/support/test-app.ts';
import { manualClock, type ManualClock } from '../../../test/support/test-clock.ts';
import { randomSecret, sha256 } from '../../platform/crypto.ts';
import { authSweepIntervalMs } from './auth-maintenance.ts';
import { maxSessionsPerUser } from './service.ts';
import { createUser } from '../users/service.ts';
import { operatorActor } from '../access/actor.ts';

const hour = 3600_000;

describe.each(testDialects())('sessions on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let clock: ManualClock;
  beforeAll(async () => {
    // Only the interval timer is faked, so the sweep timer can be fired without waiting ten minutes.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    clock = manualClock();
    t = await createTestApp(dialect, {}, { clock });
    org = await seedOrg(t.ctx, 'Sessions');
  });
  afterAll(async () => {
    await t?.close();
    vi.useRealTimers();
  });

  const countSessions = async (userId?: string) => {
    let q = t.ctx.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n'));
    if (userId) q = q.where('userId', '=', userId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it('expired sessions are deleted by the timer started with the server, without anyone signing in', async () => {
    await signIn(t.app, org.emails.staff);
    await signIn(t.app, org.emails.admin);
    expect(await countSessions()).toBe(2);
    clock.advance(t.ctx.config.sessionHours * hour + 1);
    vi.advanceTimersByTime(authSweepIntervalMs);
    await vi.waitFor(async () => expect(await countSessions()).toBe(0));
  });

  it('signing in also sweeps sessions that have expired', async () => {
    await signIn(t.app, org.emails.staff);
    clock.advance(t.ctx.config.sessionHours * hour + 1);
    await signIn(t.app, org.emails.client);
    expect(await countSessions(org.userIds.staff)).toBe(0);
    expect(await countSessions()).toBe(1);
  });

  it(`a user keeps at most ${maxSessionsPerUser} sessions: signing in once more ends the oldest`, async () => {
    const tokens: string[] = [];
    for (let i = 0; i < maxSessionsPerUser; i++) {
      const token = randomSecret(32);
      tokens.push(token);
      clock.advance(1000);
      await t.ctx.db.insertInto('sessions').values({ id: sha256(token), userId: org.userIds.owner, csrfToken: 'c', createdAt: clock.now(), expiresAt: new Date(Date.parse(clock.now()) + hour).toISOString() }).execute();
    }
    clock.advance(1000);
    const latest = await signIn(t.app, org.emails.owner);
    expect(await countSessions(org.userIds.owner)).toBe(maxSessionsPerUser);
    const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/me', cookies: { ld_session: token } });
    expect((await me(tokens[0])).statusCode).toBe(401);
    expect((await me(tokens[1])).statusCode).toBe(200);
    expect((await latest.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('the sweep timer stops when the app closes', async () => {
    const other = await createTestApp(dialect, {}, { clock });
    const before = vi.getTimerCount();
    await other.close();
    expect(vi.getTimerCount()).toBeLessThan(before);
  });
});

describe.each(testDialects())('accounts and organisations at sign-in on $name', (dialect) => {
  let t: TestApp;
  let a: SeededOrg;
  let b: SeededOrg;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    a = await seedOrg(t.ctx, 'Active');
    b = await seedOrg(t.ctx, 'Paused');
  });
  afterAll(() => t?.close());

  const setOrgActive = (orgId: string, isActive: boolean) => t.ctx.db.updateTable('organisations').set({ isActive: isActive ? 1 : 0 }).where('id', '=', orgId).execute();

  it("an inactive organisation's users cannot sign in, and their sessions and API tokens stop working", async () => {
    const session = await signIn(t.app, b.emails.admin);
    const { secret } = (await session.request({ method: 'POST', url: '/api/tokens', payload: { name: 'script' } })).json();
    const bearer = { authorization: `Bearer ${secret}` };
    await setOrgActive(b.orgId, false);
    try {
      expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: '/api/clients', headers: bearer })).statusCode).toBe(401);
      const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: b.emails.staff, password: testPassword } });
      const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.emails.staff, password: 'not-it' } });
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toEqual(wrong.json());
      await expect(signIn(t.app, a.emails.staff)).resolves.toBeTruthy();
    } finally {
      await setOrgActive(b.orgId, true);
    }
  });

  it('an email held in several organisations signs into the account the password opens; with the same password, the one used last', async () => {
    const shared = 'shared.person@example.com';
    await createUser(t.ctx, operatorActor(a.orgId), { email: shared, name: 'In A', role: 'staff', password: 'password-of-a' });
    await createUser(t.ctx, operatorActor(b.orgId), { email: shared, name: 'In B', role: 'staff', password: 'password-of-b' });
    const orgOf = async (email: string, password: string) => (await (await signIn(t.app, email, password)).request({ method: 'GET', url: '/api/me' })).json().organisation.id;
    expect(await orgOf(shared, 'password-of-a')).toBe(a.orgId);
    expect(await orgOf(shared, 'password-of-b')).toBe(b.orgId);
    await expect(signIn(t.app, shared, 'password-of-c')).rejects.toThrow(/401/);

    const twin = 'twin@example.com';
    await createUser(t.ctx, operatorActor(a.orgId), { email: twin, name: 'Twin A', role: 'staff', password: 'same-password' });
    await createUser(t.ctx, operatorActor(b.orgId), { email: twin, name: 'Twin B', role: 'staff', password: 'same-password' });
    await t.ctx.db.updateTable('users').set({ lastLoginAt: '2020-01-01T00:00:00.000Z' }).where('email', '=', twin).where('orgId', '=', b.orgId).execute();
    expect(await orgOf(twin, 'same-password')).toBe(b.orgId);
    await t.ctx.db.updateTable('users').set({ lastLoginAt: '2999-01-01T00:00:00.000Z' }).where('email', '=', twin).where('orgId', '=', a.orgId).execute();
    expect(await orgOf(twin, 'same-password')).toBe(a.orgId);
  });
});
