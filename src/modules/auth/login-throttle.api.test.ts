import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, testPassword, type SeededOrg, type TestApp } from '../../../test/support/test-app.ts';
import { manualClock, type ManualClock } from '../../../test/support/test-clock.ts';
import { buildApp } from '../../app.ts';
import { createContext } from '../../create-context.ts';
import { loadConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import { throttleRules } from './login-throttle.ts';
import { hashingLimits } from './hashing-queue.ts';
import { sweepAuthState } from './auth-maintenance.ts';

const free = throttleRules.perAccountAddress.freeAttempts;

function login(app: FastifyInstance, input: { email: string; password: string; ip: string; headers?: Record<string, string> }) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: input.email, password: input.password }, remoteAddress: input.ip, headers: input.headers });
}

const statuses = (responses: LightMyRequestResponse[]) => responses.map((r) => r.statusCode);
const count = (responses: LightMyRequestResponse[], status: number) => responses.filter((r) => r.statusCode === status).length;

describe.each(testDialects())('sign-in throttling on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = manualClock();
    t = await createTestApp(dialect, {}, { clock });
    org = await seedOrg(t.ctx, 'Throttle');
  });
  afterAll(() => t?.close());

  it('100 parallel guesses: only the free attempts are checked, then even the right password waits (429); another address still signs in', async () => {
    const ip = '203.0.113.10';
    const guesses = await Promise.all(Array.from({ length: 100 }, (_, i) => login(t.app, { email: org.emails.owner, password: `guess-${i}`, ip })));
    expect(count(guesses, 401), statuses(guesses).join(',')).toBe(free);
    expect(count(guesses, 429)).toBe(100 - free);
    const right = await login(t.app, { email: org.emails.owner, password: testPassword, ip });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(right.json().error.message).toMatch(/尝试|次数过多/);
    expect(right.json().error.message).toMatch(/\d+\s*分钟后重试/);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    const owner = await login(t.app, { email: org.emails.owner, password: testPassword, ip: '198.51.100.20' });
    expect(owner.statusCode).toBe(200);
  });

  it('after the free attempts the wait doubles per account and address (1, 2, 4 … minutes), and only the guesser waits', async () => {
    const ip = '203.0.113.11';
    const email = org.emails.admin;
    for (let i = 0; i < free; i++) expect((await login(t.app, { email, password: 'wrong', ip })).statusCode).toBe(401);
    let wait = throttleRules.perAccountAddress.firstDelayMs / 1000;
    for (let round = 0; round < 3; round++) {
      const early = await login(t.app, { email, password: testPassword, ip, headers: { 'accept-language': 'en' } });
      expect(early.statusCode).toBe(429);
      expect(Number(early.headers['retry-after'])).toBe(wait);
      expect(early.json().error.message).toMatch(/Try again in \d+ minute/);
      clock.advance(wait * 1000);
      expect((await login(t.app, { email, password: 'still-wrong', ip })).statusCode).toBe(401);
      wait *= 2;
    }
    expect((await login(t.app, { email, password: testPassword, ip: '198.51.100.21' })).statusCode).toBe(200);
  });

  it('an unknown email and a known one get the same answers, throttled or not', async () => {
    const ip = '203.0.113.12';
    const known: LightMyRequestResponse[] = [];
    const unknown: LightMyRequestResponse[] = [];
    for (let i = 0; i <= free; i++) {
      known.push(await login(t.app, { email: org.emails.staff, password: 'wrong', ip }));
      unknown.push(await login(t.app, { email: 'nobody@throttle.example.com', password: 'wrong', ip }));
    }
    expect(statuses(known)).toEqual(statuses(unknown));
    expect(known.map((r) => r.body)).toEqual(unknown.map((r) => r.body));
    expect(known[free].statusCode).toBe(429);
  });

  it('guesses at many accounts from one address never lock another account out of that address', async () => {
    const ip = '203.0.113.13';
    for (let i = 0; i < 40; i++) expect((await login(t.app, { email: `spray${i}@example.com`, password: 'x', ip })).statusCode).toBe(401);
    expect((await login(t.app, { email: org.emails.client, password: testPassword, ip })).statusCode).toBe(200);
  });

  it('the throttle lives in the database: a new app instance on the same database still makes the guesser wait', async () => {
    const ip = '203.0.113.14';
    for (let i = 0; i < free; i++) await login(t.app, { email: org.emails.owner, password: 'wrong', ip });
    const config = loadConfig({ DATABASE_URL: t.ctx.config.databaseUrl, LICENSEDESK_DEMO: '0', LOG_LEVEL: 'silent' }, 'test');
    const ctx = await createContext(config, { logger: createLogger('silent'), clock });
    const second = await buildApp(ctx);
    try {
      const res = await login(second, { email: org.emails.owner, password: testPassword, ip });
      expect(res.statusCode).toBe(429);
      expect((await login(second, { email: org.emails.owner, password: testPassword, ip: '198.51.100.23' })).statusCode).toBe(200);
    } finally {
      await second.close();
      await ctx.database.close();
    }
  });

  it('bounds concurrent password checks: the excess is told at once to retry (429, Retry-After)', async () => {
    const n = 40;
    const responses = await Promise.all(Array.from({ length: n }, (_, i) => login(t.app, { email: org.emails.staff, password: testPassword, ip: `192.0.2.${i + 1}` })));
    const busy = responses.filter((r) => r.statusCode === 429);
    expect(count(responses, 200) + busy.length, statuses(responses).join(',')).toBe(n);
    expect(busy.length).toBeGreaterThanOrEqual(n - hashingLimits.maxInFlight - hashingLimits.maxWaiting);
    for (const r of busy) {
      expect(r.json().error.code).toBe('SERVER_BUSY');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect((await login(t.app, { email: org.emails.staff, password: testPassword, ip: '192.0.2.200' })).statusCode).toBe(200);
  });

  it('an attempt turned away as busy is given back: it does not count against the account’s free tries', async () => {
    const ip = '192.0.2.201';
    const flood = await Promise.all(Array.from({ length: 40 }, (_, i) => login(t.app, { email: `busy${i}@example.com`, password: 'x', ip })));
    const turnedAway = flood.findIndex((r) => r.statusCode === 429 && r.json().error.code === 'SERVER_BUSY');
    expect(turnedAway).toBeGreaterThanOrEqual(0);
    // Had the busy answer counted, the last of these free tries would be refused with TOO_MANY_ATTEMPTS.
    for (let i = 0; i < free; i++) expect((await login(t.app, { email: `busy${turnedAway}@example.com`, password: 'x', ip })).statusCode).toBe(401);
  });

  it('old throttle rows are pruned by the sweep once idle long enough to start over', async () => {
    await login(t.app, { email: 'prune@example.com', password: 'x', ip: '203.0.113.15' });
    const before = await t.ctx.db.selectFrom('loginThrottle').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(before.n)).toBeGreaterThan(0);
    clock.advance(throttleRules.idleResetMs + 1);
    expect((await sweepAuthState(t.ctx)).throttleRows).toBe(Number(before.n));
  });
});

describe.each(testDialects())('client address behind a reverse proxy on $name', (dialect) => {
  it('off by default: X-Forwarded-For cannot be forged to dodge the throttle', async () => {
    const t = await createTestApp(dialect);
    try {
      const org = await seedOrg(t.ctx, 'NoProxy');
      for (let i = 0; i < free; i++) await login(t.app, { email: org.emails.owner, password: 'wrong', ip: '127.0.0.1', headers: { 'x-forwarded-for': `10.9.0.${i}` } });
      const res = await login(t.app, { email: org.emails.owner, password: testPassword, ip: '127.0.0.1', headers: { 'x-forwarded-for': '10.9.9.9' } });
      expect(res.statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('LICENSEDESK_TRUST_PROXY=1: the address the proxy forwards is the client, so the owner behind the same proxy still signs in', async () => {
    const t = await createTestApp(dialect, { LICENSEDESK_TRUST_PROXY: '1' });
    try {
      const org = await seedOrg(t.ctx, 'Proxy');
      const via = (client: string) => ({ 'x-forwarded-for': `6.6.6.6, ${client}` });
      for (let i = 0; i < free; i++) await login(t.app, { email: org.emails.owner, password: 'wrong', ip: '127.0.0.1', headers: via('198.51.100.30') });
      expect((await login(t.app, { email: org.emails.owner, password: testPassword, ip: '127.0.0.1', headers: via('198.51.100.30') })).statusCode).toBe(429);
      expect((await login(t.app, { email: org.emails.owner, password: testPassword, ip: '127.0.0.1', headers: via('198.51.100.31') })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('LICENSEDESK_TRUST_PROXY', () => {
  const parse = (value: string) => loadConfig({ LICENSEDESK_TRUST_PROXY: value }).trustProxy;
  it('accepts off, true, a hop count, or proxy addresses/CIDRs, and refuses anything else with a one-line reason', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parse('0')).toBe(false);
    expect(parse('true')).toBe(true);
    expect(parse('2')).toBe(2);
    expect(parse('10.0.0.0/8, ::1 ,loopback')).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0', '1.2.3.4/8/9', '999']) expect(() => parse(bad), bad).toThrow(/LICENSEDESK_TRUST_PROXY/);
  });
});
