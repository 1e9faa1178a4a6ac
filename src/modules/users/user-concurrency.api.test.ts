import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

interface ListedUser {
  id: string;
  name: string;
  version: number;
}

describe.each(testDialects())('users under concurrent writers on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Race');
    admin = await signIn(t.app, org.emails.admin);
  });
  afterAll(() => t?.close());

  const readUser = async (id: string): Promise<ListedUser> => (await admin.request({ method: 'GET', url: '/api/users' })).json().items.find((u: ListedUser) => u.id === id);
  const userAudits = async (id: string) => t.ctx.db.selectFrom('auditLog').select('action').where('entityId', '=', id).where('action', '=', 'user.update').execute();

  it('two concurrent creates of the same email: one 201, one 409 naming email (never a 500)', async () => {
    const body = { email: 'twice@example.com', name: 'Twice', role: 'staff' };
    const [first, second] = await Promise.all([admin.request({ method: 'POST', url: '/api/users', payload: body }), admin.request({ method: 'POST', url: '/api/users', payload: body })]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const refused = first.statusCode === 409 ? first : second;
    expect(refused.json().error.code).toBe('USER_DUPLICATE_EMAIL');
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['email']);
    const rows = await t.ctx.db.selectFrom('users').select('id').where('email', '=', 'twice@example.com').execute();
    expect(rows).toHaveLength(1);
  });

  it('GET returns the version; PATCH requires it, and a stale one answers 409 VERSION_CONFLICT and changes nothing', async () => {
    const before = await readUser(org.userIds.staff);
    expect(before.version).toBeGreaterThanOrEqual(1);
    const missing = await admin.request({ method: 'PATCH', url: `/api/users/${org.userIds.staff}`, payload: { name: 'No version' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('version');
    const ok = await admin.request({ method: 'PATCH', url: `/api/users/${org.userIds.staff}`, payload: { name: 'First edit', version: before.version } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(before.version + 1);
    const stale = await admin.request({ method: 'PATCH', url: `/api/users/${org.userIds.staff}`, payload: { name: 'Stale edit', version: before.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details[0]).toMatchObject({ field: 'version', currentVersion: before.version + 1 });
    expect(await readUser(org.userIds.staff)).toMatchObject({ name: 'First edit', version: before.version + 1 });
  });

  it('50 concurrent read-then-patch updates: exactly one wins per version, the others change nothing', async () => {
    const id = org.userIds.client;
    const start = await readUser(id);
    const auditsBefore = (await userAudits(id)).length;
    const attempts = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const { version } = await readUser(id);
        const res = await admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { name: `Writer ${i}`, version } });
        return { version, status: res.statusCode, code: res.statusCode === 200 ? null : res.json().error.code, name: `Writer ${i}` };
      }),
    );
    const wins = attempts.filter((a) => a.status === 200);
    expect(attempts.every((a) => a.status === 200 || (a.status === 409 && a.code === 'VERSION_CONFLICT')), JSON.stringify(attempts)).toBe(true);
    expect(wins.length).toBeGreaterThanOrEqual(1);
    expect(new Set(wins.map((w) => w.version)).size).toBe(wins.length);
    const end = await readUser(id);
    expect(end.version).toBe(start.version + wins.length);
    expect(end.name).toBe(wins.sort((x, y) => y.version - x.version)[0].name);
    expect((await userAudits(id)).length - auditsBefore).toBe(wins.length);
  });
});
