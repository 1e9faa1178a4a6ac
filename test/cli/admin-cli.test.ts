import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { AppContext } from '../../src/app-context.ts';
import { createContext } from '../../src/create-context.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { test2027 } from '../support/calendar-fixtures.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('licensedesk org and operator (instance administration)', () => {
  let dir: string;
  let env: Record<string, string>;
  // A server over the same database file, to check what the commands did the way a user would: by signing in.
  let server: { app: FastifyInstance; ctx: AppContext };
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'licensedesk.js'), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const login = (email: string, password: string) => server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const orgs = () => JSON.parse(cli(['org', 'list', '--json']).stdout) as Array<{ id: string; name: string; isActive: boolean; userCount: number; clientCount: number }>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-admin-cli-'));
    env = { LICENSEDESK_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn', LICENSEDESK_ADMIN_EMAIL: 'ops@example.com', LICENSEDESK_ADMIN_PASSWORD: 'ops-password-1' };
    expect(cli(['migrate']).status).toBe(0);
    const ctx = await createContext(loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'licensedesk.db')}`, LOG_LEVEL: 'silent' }, 'test'), { logger: createLogger('silent') });
    server = { app: await buildApp(ctx), ctx };
  });
  afterAll(async () => {
    await server?.app.close();
    await server?.ctx.database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let createdId = '';
  let password = '';

  it('org create makes an organisation and its owner, printing a generated password once; org list counts them', async () => {
    const r = cli(['org', 'create', '--name', '新代理机构', '--kind', 'company', '--owner-email', 'Boss@New.example.com', '--owner-name', '老板']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Created organisation 新代理机构 \(([0-9a-f-]{36})\) with owner boss@new\.example\.com/);
    createdId = /\(([0-9a-f-]{36})\)/.exec(r.stdout)![1];
    password = /Password: (\S+)/.exec(r.stdout)![1];
    expect((await login('boss@new.example.com', password)).statusCode).toBe(200);
    expect(orgs().find((o) => o.id === createdId)).toMatchObject({ name: '新代理机构', isActive: true, userCount: 1, clientCount: 0 });
    const table = cli(['org', 'list']).stdout;
    expect(table).toMatch(/新代理机构\s+company\s+active\s+1\s+0/);
  });

  it('org create refuses bad input, naming the option once', () => {
    const kind = cli(['org', 'create', '--name', 'X', '--kind', 'bank', '--owner-email', 'x@example.com']);
    expect(kind.status).toBe(1);
    expect(kind.stderr.match(/--kind/g)).toHaveLength(1);
    const email = cli(['org', 'create', '--name', 'X', '--owner-email', 'not-an-email']);
    expect(email.status).toBe(1);
    expect(email.stderr).toMatch(/^licensedesk: --owner-email: /);
    expect(orgs().map((o) => o.name)).not.toContain('X');
  });

  it('org deactivate stops its users signing in without deleting anything; org reactivate lets them back', async () => {
    const off = cli(['org', 'deactivate', createdId]);
    expect(off.status, off.stderr).toBe(0);
    expect((await login('boss@new.example.com', password)).statusCode).toBe(401);
    expect(orgs().find((o) => o.id === createdId)).toMatchObject({ isActive: false, userCount: 1 });
    expect(cli(['org', 'reactivate', createdId]).status).toBe(0);
    expect((await login('boss@new.example.com', password)).statusCode).toBe(200);
  });

  it('operator grant and revoke change who may load the calendar; the last operator cannot be revoked', async () => {
    const last = cli(['operator', 'revoke', 'ops@example.com']);
    expect(last.status).toBe(1);
    expect(last.stderr).toMatch(/last operator/);
    expect(cli(['operator', 'grant', 'boss@new.example.com']).status).toBe(0);
    const session = await login('boss@new.example.com', password);
    const cookie = `ld_session=${session.cookies.find((c) => c.name === 'ld_session')!.value}`;
    expect((await server.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().user.isOperator).toBe(true);
    expect(cli(['operator', 'revoke', 'ops@example.com']).status).toBe(0);
    expect(cli(['operator', 'list']).stdout).not.toContain('ops@example.com');
    expect(cli(['operator', 'revoke', 'boss@new.example.com']).status).toBe(1);
    expect(cli(['operator', 'grant', 'ghost@example.com']).stderr).toMatch(/not found/);
  });

  it('calendar load needs no --org with several organisations, and every organisation audits it', () => {
    const file = path.join(dir, '2027.json');
    fs.writeFileSync(file, JSON.stringify(test2027));
    const r = cli(['calendar', 'load', file]);
    expect(r.status, r.stderr).toBe(0);
    const audited = server.ctx.database.sqlite!.prepare("select org_id from audit_log where action = 'calendar.load'").all() as Array<{ org_id: string }>;
    expect(audited.map((row) => row.org_id).sort()).toEqual(orgs().map((o) => o.id).sort());
  });
});
