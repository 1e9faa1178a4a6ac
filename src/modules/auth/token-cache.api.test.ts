import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, makeOperator, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { buildApp } from '../../app.ts';
import type { AppContext } from '../../app-context.ts';
import { createContext } from '../../create-context.ts';
import { loadConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import { resolveApiToken } from './service.ts';
import { revokeOperator } from '../operators/service.ts';
import { tokenCacheTtlMs } from './token-cache.ts';

/** Counts the queries run through a database handle. */
function countingQueries(): { plugin: KyselyPlugin; count: () => number } {
  let n = 0;
  return {
    plugin: { transformQuery: (args) => ((n += 1), args.node), transformResult: async (args) => args.result },
    count: () => n,
  };
}

describe.each(testDialects())('API-token cache on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let owner: Session;
  let second: { app: FastifyInstance; ctx: AppContext };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Cache');
    owner = await signIn(t.app, org.emails.owner);
    // A second instance of the app over the same database, as behind a load balancer.
    const config = loadConfig({ DATABASE_URL: t.ctx.config.databaseUrl, LICENSEDESK_DEMO: '0', LOG_LEVEL: 'silent' }, 'test');
    const ctx = await createContext(config, { logger: createLogger('silent') });
    second = { app: await buildApp(ctx), ctx };
    await second.app.ready();
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.ctx.database.close();
    await t?.close();
  });

  async function issueToken(session: Session) {
    const created = (await session.request({ method: 'POST', url: '/api/tokens', payload: { name: 'script' } })).json();
    return { id: created.token.id as string, secret: created.secret as string };
  }
  const me = (app: FastifyInstance, secret: string) => app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${secret}` } });

  it('a script’s repeated calls read its token from the database once', async () => {
    const { secret } = await issueToken(owner);
    const counter = countingQueries();
    const counted = { ...t.ctx, db: t.ctx.db.withPlugin(counter.plugin) };
    const first = await resolveApiToken(counted, secret);
    const afterFirst = counter.count();
    expect(first?.email).toBe(org.emails.owner);
    for (let i = 0; i < 50; i++) expect((await resolveApiToken(counted, secret))?.userId).toBe(org.userIds.owner);
    expect(afterFirst).toBeGreaterThan(0);
    expect(counter.count()).toBe(afterFirst);
  });

  it('a token revoked through this instance stops at once, even though it was just cached', async () => {
    const { id, secret } = await issueToken(owner);
    expect((await me(t.app, secret)).statusCode).toBe(200);
    expect((await owner.request({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(204);
    expect((await me(t.app, secret)).statusCode).toBe(401);
  });

  it('taking the operator role away applies to a cached token at once', async () => {
    await makeOperator(t.ctx, org.emails.owner);
    await makeOperator(t.ctx, org.emails.admin);
    const admin = await signIn(t.app, org.emails.admin);
    const { secret } = await issueToken(admin);
    expect((await me(t.app, secret)).json().user.isOperator).toBe(true);
    await revokeOperator(t.ctx, { email: org.emails.admin });
    expect((await me(t.app, secret)).json().user.isOperator).toBe(false);
  });

  it(`a token revoked through one instance stops working on another within 5 s (the cache holds ${tokenCacheTtlMs / 1000} s)`, async () => {
    const { id, secret } = await issueToken(owner);
    expect((await me(second.app, secret)).statusCode).toBe(200);
    const revokedAt = performance.now();
    expect((await owner.request({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(204);
    // Polls the other instance until it refuses; the bound is the assertion, not a sleep.
    let status = 200;
    while (status === 200 && performance.now() - revokedAt < 5_000) {
      status = (await me(second.app, secret)).statusCode;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(401);
    expect(performance.now() - revokedAt).toBeLessThan(5_000);
  });
});
