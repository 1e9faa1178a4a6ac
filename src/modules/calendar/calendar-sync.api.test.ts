import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { AppContext } from '../../app-context.ts';
import { createContext } from '../../create-context.ts';
import { createLogger } from '../../platform/logger.ts';
import { listenerApplicationName } from '../../platform/db/pg-listener.ts';
import { operatorActor } from '../access/actor.ts';
import { loadYear, unloadYear } from './service.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { test2027 } from '../../../test/support/calendar-fixtures.ts';
import { createTestApp, makeOperator, seedOrg, signIn, type Session, type TestApp } from '../../../test/support/test-app.ts';

/** Asks until the answer is the wanted one, for at most `withinMs`; returns the last answer. */
async function answerWithin<T>(ask: () => Promise<T>, wanted: (answer: T) => boolean, withinMs = 5000): Promise<T> {
  const deadline = Date.now() + withinMs;
  let answer = await ask();
  while (!wanted(answer) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = await ask();
  }
  return answer;
}

// 2027 has no built-in arrangement: 30 working days after 2026-12-01 is 2027-01-12 on weekends only, 01-13 with 元旦.
const deadlineOn = (app: FastifyInstance, token: string) => async () =>
  (await app.inject({ method: 'GET', url: '/api/calendar/add?from=2026-12-01&days=30', headers: { authorization: `Bearer ${token}` } })).json().date as string;

async function createToken(session: Session): Promise<string> {
  return (await session.request({ method: 'POST', url: '/api/tokens', payload: { name: 'sync-test' } })).json().secret;
}

const sqlite = testDialects().filter((d) => d.name === 'sqlite');
const postgres = testDialects().filter((d) => d.name === 'postgres');

describe.each(sqlite)('a running server sees a calendar change made from the command line, on $name', (dialect) => {
  let t: TestApp;
  let cli: AppContext;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const org = await seedOrg(t.ctx, 'Sync');
    token = await createToken(await signIn(t.app, org.emails.staff));
    // What `licensedesk calendar load` does: its own context over the same database file.
    cli = await createContext(t.ctx.config, { logger: createLogger('silent') });
  });
  afterAll(async () => {
    await cli?.database.close();
    await t?.close();
  });

  it('picks up a load and a removal within 5 seconds, with no restart', async () => {
    expect(await deadlineOn(t.app, token)()).toBe('2027-01-12');
    await loadYear(cli, operatorActor(''), { arrangement: test2027 });
    expect(await answerWithin(deadlineOn(t.app, token), (d) => d === '2027-01-13')).toBe('2027-01-13');
    await unloadYear(cli, operatorActor(''), 2027);
    expect(await answerWithin(deadlineOn(t.app, token), (d) => d === '2027-01-12')).toBe('2027-01-12');
  });
});

describe.each(postgres)('two instances over one database see each other’s calendar changes, on $name', (dialect) => {
  let t: TestApp;
  let other: { app: FastifyInstance; ctx: AppContext };
  let operator: Session;
  let operatorOnOther: Session;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const org = await seedOrg(t.ctx, 'Twins');
    token = await createToken(await signIn(t.app, org.emails.staff));
    await makeOperator(t.ctx, org.emails.owner);
    const ctx = await createContext(t.ctx.config, { logger: createLogger('silent') });
    other = { app: await buildApp(ctx), ctx };
    await other.app.ready();
    operator = await signIn(t.app, org.emails.owner);
    operatorOnOther = await signIn(other.app, org.emails.owner);
  });
  afterAll(async () => {
    await other?.app.close();
    await other?.ctx.database.close();
    await t?.close();
  });

  it('a load on one instance reaches the other within 5 seconds, and a removal comes back', async () => {
    expect(await deadlineOn(other.app, token)()).toBe('2027-01-12');
    expect((await operator.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement: test2027 } })).statusCode).toBe(200);
    expect(await answerWithin(deadlineOn(other.app, token), (d) => d === '2027-01-13')).toBe('2027-01-13');
    expect((await operatorOnOther.request({ method: 'DELETE', url: '/api/calendar/years/2027' })).statusCode).toBe(204);
    expect(await answerWithin(deadlineOn(t.app, token), (d) => d === '2027-01-12')).toBe('2027-01-12');
  });

  it('keeps listening after its connection is cut: the listener reconnects and catches up', async () => {
    const admin = new pg.Client({ connectionString: t.ctx.config.databaseUrl });
    await admin.connect();
    try {
      const cut = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [listenerApplicationName]);
      expect(cut.rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    expect((await operatorOnOther.request({ method: 'POST', url: '/api/calendar/years', payload: { arrangement: test2027 } })).statusCode).toBe(200);
    // The safety poll runs only every 30 s: within 5 s means the listener came back.
    expect(await answerWithin(deadlineOn(t.app, token), (d) => d === '2027-01-13')).toBe('2027-01-13');
  });
});
