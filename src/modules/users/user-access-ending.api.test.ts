import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

describe.each(testDialects())('ending a user’s access on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let owner: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Revoke');
    owner = await signIn(t.app, org.emails.owner);
  });
  afterAll(() => t?.close());

  /** Signs the user in and gives them an API token: the two ways in that must both end. */
  async function issueAccess(email: string, password?: string) {
    const session = await signIn(t.app, email, password);
    const { secret } = (await session.request({ method: 'POST', url: '/api/tokens', payload: { name: 'nightly' } })).json();
    const tokenWorks = async () => (await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${secret}` } })).statusCode === 200;
    const sessionWorks = async () => (await session.request({ method: 'GET', url: '/api/me' })).statusCode === 200;
    expect(await tokenWorks()).toBe(true);
    return { tokenWorks, sessionWorks };
  }

  const versionOf = async (id: string): Promise<number> =>
    (await owner.request({ method: 'GET', url: '/api/users' })).json().items.find((u: { id: string }) => u.id === id).version;
  const patch = async (id: string, body: Record<string, unknown>) =>
    owner.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { ...body, version: await versionOf(id) } });
  const accessEnded = async (id: string) => t.ctx.db.selectFrom('auditLog').select(['action', 'changes']).where('entityId', '=', id).where('action', '=', 'user.access-ended').execute();

  it('a password reset revokes the user’s API tokens and ends their sessions, audited', async () => {
    const access = await issueAccess(org.emails.staff);
    const reset = await owner.request({ method: 'POST', url: `/api/users/${org.userIds.staff}/reset-password` });
    expect(reset.statusCode).toBe(200);
    expect(await access.tokenWorks()).toBe(false);
    expect(await access.sessionWorks()).toBe(false);
    const [entry] = await accessEnded(org.userIds.staff);
    expect(JSON.parse(entry.changes!)).toEqual({ sessions: 1, tokens: 1 });
    const again = await signIn(t.app, org.emails.staff, reset.json().password);
    expect((await again.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('deactivating revokes tokens, and reactivating does not bring them back', async () => {
    const access = await issueAccess(org.emails.client);
    expect((await patch(org.userIds.client, { isActive: false })).statusCode).toBe(200);
    expect(await access.tokenWorks()).toBe(false);
    expect((await patch(org.userIds.client, { isActive: true })).statusCode).toBe(200);
    expect(await access.tokenWorks()).toBe(false);
    expect(await access.sessionWorks()).toBe(false);
    expect(await accessEnded(org.userIds.client)).toHaveLength(1);
  });

  it('a role change revokes tokens and ends sessions; renaming does not', async () => {
    const access = await issueAccess(org.emails.admin);
    expect((await patch(org.userIds.admin, { name: 'Renamed admin' })).statusCode).toBe(200);
    expect(await access.tokenWorks()).toBe(true);
    expect(await access.sessionWorks()).toBe(true);
    expect((await patch(org.userIds.admin, { role: 'staff' })).statusCode).toBe(200);
    expect(await access.tokenWorks()).toBe(false);
    expect(await access.sessionWorks()).toBe(false);
  });
});
