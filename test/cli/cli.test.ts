import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const cliPath = path.join(root, 'bin', 'licensedesk.js');

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

describe('licensedesk CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: ReturnType<typeof spawn> | null = null;
  let port: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-cli-'));
    port = await freePort();
    env = { LICENSEDESK_DATA_DIR: dir, PORT: String(port), LICENSEDESK_ADMIN_EMAIL: 'ops@example.com', LICENSEDESK_ADMIN_PASSWORD: 'cli-password-1', DATABASE_URL: '' };
  });
  afterAll(() => {
    server?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--help lists the commands', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['serve', 'migrate', 'user', 'backup']) expect(r.stdout).toContain(c);
  });

  it('a bad DATABASE_URL fails with one line and exit code 1', () => {
    for (const url of ['mysql://x', 'postgres://nobody@127.0.0.1:1/none']) {
      const r = cli(['migrate'], { ...env, DATABASE_URL: url });
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/DATABASE_URL|database/);
      expect(r.stderr).not.toMatch(/\s+at\s/);
    }
  });

  it('migrate creates the schema in the data dir, and the first-start owner', () => {
    const r = cli(['migrate'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('ops@example.com');
    expect(fs.existsSync(path.join(dir, 'licensedesk.db'))).toBe(true);
  });

  it('serve starts; a second serve on the same port fails with one line and exit code 1', async () => {
    server = spawn(process.execPath, [cliPath, 'serve'], { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    server.stdout!.on('data', (d) => (out += d));
    for (let i = 0; i < 100 && !(await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
    expect(out).toContain(`http://127.0.0.1:${port}`);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ops@example.com', password: 'cli-password-1' }) });
    expect(login.status).toBe(200);
    const again = cli(['serve'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`Port ${port} .*already in use`));
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('user create prints a generated password that signs in; reset-password replaces it', async () => {
    const created = cli(['user', 'create', '--email', 'Helper@Example.com', '--role', 'staff', '--name', '助理'], env);
    expect(created.status, created.stderr).toBe(0);
    const pw = /Password: (\S+)/.exec(created.stdout)![1];
    const ok = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'helper@example.com', password: pw }) });
    expect(ok.status).toBe(200);
    const reset = cli(['user', 'reset-password', 'helper@example.com'], env);
    expect(reset.status).toBe(0);
    const pw2 = /: (\S+)\s*$/.exec(reset.stdout)![1];
    expect(pw2).not.toBe(pw);
    const old = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'helper@example.com', password: pw }) });
    expect(old.status).toBe(401);
    expect(cli(['user', 'create', '--email', 'helper@example.com'], env).status).toBe(1);
    expect(cli(['user', 'reset-password', 'ghost@example.com'], env).stderr).toMatch(/No user/);
  });

  it('an email held in two organisations: reset-password asks for --org, then resets only that one', async () => {
    const db = new BetterSqlite3(path.join(dir, 'licensedesk.db'));
    db.prepare("insert into organisations (id, name, kind, is_demo, created_at) values ('7d0c1a2e-0000-4000-8000-000000000002', 'Second org', 'company', 0, '2030-01-01T00:00:00.000Z')").run();
    db.close();
    const second = cli(['user', 'create', '--email', 'helper@example.com', '--role', 'staff', '--org', '7d0c1a2e-0000-4000-8000-000000000002', '--password', 'second-org-pw'], env);
    expect(second.status, second.stderr).toBe(0);
    const ambiguous = cli(['user', 'reset-password', 'helper@example.com'], env);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/--org/);
    const reset = cli(['user', 'reset-password', 'helper@example.com', '--org', '7d0c1a2e-0000-4000-8000-000000000002'], env);
    expect(reset.status, reset.stderr).toBe(0);
    const pw = /: (\S+)\s*$/.exec(reset.stdout)![1];
    const signIn = (password: string) => fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'helper@example.com', password }) });
    expect((await signIn(pw)).status).toBe(200);
    expect((await signIn('second-org-pw')).status).toBe(401);
  });

  it('backup writes a consistent snapshot while the server runs, and never overwrites a file', () => {
    const target = path.join(dir, 'backups', 'snap.db');
    const r = cli(['backup', target], env);
    expect(r.status, r.stderr).toBe(0);
    const snap = new BetterSqlite3(target, { readonly: true });
    const users = snap.prepare('select email from users order by email').all() as { email: string }[];
    snap.close();
    expect(users.map((u) => u.email)).toEqual(['helper@example.com', 'helper@example.com', 'ops@example.com']);
    const again = cli(['backup', target], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });
});
