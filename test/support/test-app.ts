import { createApplication } from '../../src/modules/applications/service.ts';
import { createLicence } from '../../src/modules/licences/service.ts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { AppContext } from '../../src/app-context.ts';
import { createContext } from '../../src/create-context.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { operatorActor, type Role } from '../../src/modules/access/actor.ts';
import { createUser } from '../../src/modules/users/service.ts';
import { createClient } from '../../src/modules/clients/service.ts';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';
import { grantOperator } from '../../src/modules/operators/service.ts';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestDialect } from './test-databases.ts';

export const testPassword = 'correct horse battery';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

/** A real app on a fresh database of the given dialect, with migrations run and no users; `clock` fixes "now". */
export async function createTestApp(dialect: TestDialect, env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  const database = await dialect.create();
  // Uploaded files go to a folder of this app's own, never ./data.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-data-'));
  const config = loadConfig({ DATABASE_URL: database.url, LICENSEDESK_DEMO: '0', LOG_LEVEL: 'silent', LICENSEDESK_DATA_DIR: dataDir, LICENSEDESK_SWEEP_SECONDS: '0', ...env }, 'test');
  const ctx = await createContext(config, { logger: createLogger('silent'), clock: options.clock });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    close: async () => {
      await app.close();
      await ctx.database.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in caller: sends the session cookie and, on writes, the CSRF token. */
export interface Session {
  email: string;
  userId: string;
  /** For requests sent over a real connection: the session cookie and the CSRF token. */
  cookieHeader: string;
  csrfToken: string;
  request(opts: { method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password = testPassword): Promise<Session> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (login.statusCode !== 200) throw new Error(`login failed for ${email}: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'ld_session')!;
  const cookieHeader = `ld_session=${cookie.value}`;
  const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieHeader } });
  const { csrfToken, user } = me.json() as { csrfToken: string; user: { id: string } };
  return {
    email,
    userId: user.id,
    cookieHeader,
    csrfToken,
    request: ({ method, url, payload, headers }) =>
      app.inject({ method, url, payload: payload as never, headers: { cookie: cookieHeader, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...headers } }),
  };
}

export interface SeededOrg {
  orgId: string;
  clientIds: string[];
  emails: Record<Role, string>;
  userIds: Record<Role, string>;
  /** After `seedApplications`: each client company's draft application. */
  applicationIdsByClient?: Record<string, string>;
  /** After `seedApplications`: each client company's licence, entered directly (京B2-2024000N). */
  licenceIdsByClient?: Record<string, string>;
  /** Each licence's expiry obligation, by client company. */
  obligationIdsByClient?: Record<string, string>;
  /** A paused webhook of the organisation's. */
  webhookId?: string;
  /** An import job of the organisation (its file is not stored: enough for routes that reach it by id). */
  importJobId?: string;
}

const validCodes = ['91350100M000100Y43', '91512081MA62K0260E', '9131000063159284XQ'];

/** An organisation with one user per role and two client companies; the client user is linked to the first. */
export async function seedOrg(ctx: AppContext, label: string): Promise<SeededOrg> {
  const orgId = randomUUID();
  await insertOrganisation(ctx.db, { id: orgId, name: `Org ${label}`, kind: 'agency', isDemo: 0, createdAt: ctx.clock.now() });
  const operator = operatorActor(orgId);
  const clientIds: string[] = [];
  for (const [i, uscc] of validCodes.slice(0, 2).entries()) {
    const c = await createClient(ctx, operator, { name: `${label} client ${i + 1}`, uscc, registeredCapital: 2_000_000, province: 'BJ' });
    clientIds.push(c.id);
  }
  const emails = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const role of ['owner', 'admin', 'staff', 'client'] as const) {
    const email = `${role}@${label.toLowerCase()}.example.com`;
    const { user } = await createUser(ctx, operator, { email, name: `${label} ${role}`, role, clientId: role === 'client' ? clientIds[0] : null, password: testPassword });
    emails[role] = email;
    userIds[role] = user.id;
  }
  return { orgId, clientIds, emails, userIds };
}

/** Makes a seeded user an instance operator, as `licensedesk operator grant` does (seeded organisations have none). */
export async function makeOperator(ctx: AppContext, email: string): Promise<void> {
  await grantOperator(ctx, { email });
}

/**
 * One draft application (B24-1, Beijing) per seeded client company, opened as the organisation's staff would, and one
 * licence per company entered directly in the registry.
 */
export async function seedApplications(ctx: AppContext, org: SeededOrg): Promise<SeededOrg> {
  const applicationIdsByClient: Record<string, string> = {};
  const licenceIdsByClient: Record<string, string> = {};
  const obligationIdsByClient: Record<string, string> = {};
  for (const [i, clientId] of org.clientIds.entries()) {
    const application = await createApplication(ctx, operatorActor(org.orgId), { clientId, serviceCode: 'B24-1', scope: 'BJ' });
    applicationIdsByClient[clientId] = application.id;
    const licence = await createLicence(ctx, operatorActor(org.orgId), { clientId, licenceNumber: `京B2-2024000${i + 1}`, services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2024-01-15' });
    licenceIdsByClient[clientId] = licence.id;
    const expiry = await ctx.db.selectFrom('obligations').select('id').where('licenceId', '=', licence.id).where('key', '=', 'expiry').executeTakeFirstOrThrow();
    obligationIdsByClient[clientId] = expiry.id;
  }
  // One webhook, paused so no sweep ever posts to it.
  const webhookId = randomUUID();
  const now = new Date().toISOString();
  await ctx.db.insertInto('webhooks').values({ id: webhookId, orgId: org.orgId, name: `${org.orgId.slice(0, 4)} hook`, url: 'https://hooks.example.com/licensedesk', preset: 'generic', secret: 'seeded-secret-123', isActive: 0, version: 1, createdBy: null, createdAt: now, updatedAt: now }).execute();
  const importJobId = randomUUID();
  await ctx.db.insertInto('importJobs').values({
    id: importJobId, orgId: org.orgId, kind: 'clients', status: 'uploaded', fileName: 'seed.csv', fileSha256: '0'.repeat(64), fileSize: 10, format: 'csv', headers: '["名称","uscc"]', sample: '[]',
    mapping: '["name","uscc"]', onDuplicate: 'skip', validOnly: 0, progressDone: 0, progressTotal: 0, report: null, result: null, failure: null, createdBy: null, version: 1, createdAt: now, updatedAt: now,
  }).execute();
  return { ...org, applicationIdsByClient, licenceIdsByClient, obligationIdsByClient, webhookId, importJobId };
}
