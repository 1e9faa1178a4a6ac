import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { AppContext } from '../../src/app-context.ts';
import { createContext } from '../../src/create-context.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { seedApplications, seedOrg, signIn, type SeededOrg } from '../support/test-app.ts';
import { multipartFile, sampleFiles } from '../support/multipart.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Entry names and SHA-256s of a ZIP on disk, read with a library. */
function zipHashes(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const hashes = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const hash = createHash('sha256');
          stream.on('data', (c: Buffer) => hash.update(c));
          stream.on('end', () => {
            hashes.set(entry.fileName, hash.digest('hex'));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(hashes));
      zip.readEntry();
    });
  });
}

describe('licensedesk applications', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: { app: FastifyInstance; ctx: AppContext };
  let org: SeededOrg;
  let appId: string;
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'licensedesk.js'), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-apps-cli-'));
    env = { LICENSEDESK_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn', LICENSEDESK_DEMO: '0' };
    const ctx = await createContext(loadConfig({ LICENSEDESK_DATA_DIR: dir, LOG_LEVEL: 'silent' }, 'test'), { logger: createLogger('silent') });
    server = { app: await buildApp(ctx), ctx };
    org = await seedApplications(ctx, await seedOrg(ctx, 'Cli'));
    appId = org.applicationIdsByClient![org.clientIds[0]];
    const staff = await signIn(server.app, org.emails.staff);
    await staff.request({ method: 'POST', url: `/api/applications/${appId}/transitions`, payload: { to: 'collecting', version: 1, contractSignedOn: '2026-01-05', contractFeeYuan: 1 } });
    const upload = await staff.request({ method: 'PUT', url: `/api/applications/${appId}/materials/business-licence`, ...multipartFile({ fileName: '营业执照.pdf', content: sampleFiles.pdf(8000) }) });
    expect(upload.statusCode).toBe(201);
  });
  afterAll(async () => {
    await server?.app.close();
    await server?.ctx.database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the applications as JSON and as a table', () => {
    const json = cli(['applications', 'list', '--org', org.orgId, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const items = JSON.parse(json.stdout) as Array<{ id: string; state: string; clientName: string }>;
    expect(items.map((a) => a.id).sort()).toEqual(Object.values(org.applicationIdsByClient!).sort());
    expect(items.find((a) => a.id === appId)).toMatchObject({ state: 'collecting', clientName: 'Cli client 1' });
    const table = cli(['applications', 'list', '--org', org.orgId, '--state', 'collecting']).stdout;
    expect(table).toContain('collecting 准备材料');
    expect(table).not.toContain('draft');
    expect(cli(['applications', 'list', '--org', org.orgId, '--state', 'approved']).status).toBe(1);
  });

  it('lists the licence registry as JSON and as a table, soonest expiry first', () => {
    const json = cli(['licences', 'list', '--org', org.orgId, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const items = JSON.parse(json.stdout) as Array<{ number: string; clientName: string; status: string }>;
    expect(items.map((l) => l.number).sort()).toEqual(['京B2-20240001', '京B2-20240002']);
    expect(items[0]).toMatchObject({ clientName: expect.stringContaining('Cli client'), status: expect.any(String) });
    const table = cli(['licences', 'list', '--org', org.orgId]).stdout;
    expect(table).toMatch(/京B2-20240001\s+Cli client 1\s+B24-1\s+2024-01-15\s+2029-01-15/);
    expect(cli(['licences', 'list', '--org', org.orgId, '--status', 'lapsed']).status).toBe(1);
  });

  it('lists the stored obligations, due within N days, as JSON and as a table', () => {
    const json = cli(['obligations', 'list', '--org', org.orgId, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const items = JSON.parse(json.stdout) as Array<{ key: string; licenceNumber: string; status: string; dueOn: string }>;
    expect(items.filter((o) => o.licenceNumber === '京B2-20240001').map((o) => o.key)).toEqual(expect.arrayContaining(['start-operating:B24-1', 'annual-report:2025', 'renewal', 'expiry']));
    expect(items.map((o) => o.dueOn)).toEqual([...items.map((o) => o.dueOn)].sort());
    // Due within 30 days: every open one due by then, the overdue ones first.
    const soon = JSON.parse(cli(['obligations', 'list', '--org', org.orgId, '--due-within', '30', '--json']).stdout) as typeof items;
    const limit = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10);
    expect(soon.length).toBeGreaterThan(0);
    expect(soon.every((o) => o.dueOn <= limit && ['overdue', 'due-soon'].includes(o.status))).toBe(true);
    const table = cli(['obligations', 'list', '--org', org.orgId, '--status', 'overdue']).stdout;
    expect(table).toMatch(/2025-01-15\s+✗ 已逾期 overdue\s+开通业务 Start operating\s+start-operating:B24-1\s+京B2-20240001\s+Cli client 1/);
    expect(cli(['obligations', 'list', '--org', org.orgId, '--due-within', 'soon']).status).toBe(1);
    expect(cli(['obligations', 'list', '--org', org.orgId, '--status', 'late']).status).toBe(1);
  });

  it('sweeps reminders as of a given instant: the managers are told in the app, once', () => {
    // A later day needs saying so: its reminders would be used up.
    expect(cli(['reminders', 'sweep', '--now', '2027-01-20T09:00:00+08:00']).stderr).toContain('--allow-future');
    const first = cli(['reminders', 'sweep', '--now', '2027-01-20T09:00:00+08:00', '--allow-future', '--json']);
    expect(first.status, first.stderr).toBe(0);
    const counts = JSON.parse(first.stdout) as { planned: number; notified: number; queued: number };
    // Each licence: start of operations, the 2025 and 2026 reports overdue, the 2027 report 70 days out; owner and admin.
    expect(counts).toMatchObject({ planned: 8, notified: 16, queued: 0 });
    const again = cli(['reminders', 'sweep', '--now', '2027-01-20T09:00:00+08:00', '--allow-future']);
    expect(again.stdout).toContain('obligations planned 0');
    expect(cli(['reminders', 'sweep', '--now', 'tomorrow']).status).toBe(1);
    expect(cli(['reminders', 'sweep', '--now', '2026-02-30T00:00:00Z']).status).toBe(1);
    expect(cli(['reminders', 'sweep', '--now', '9999-12-31T23:59:59Z', '--allow-future']).status).toBe(1);
  });

  it('writes the package, whose manifest hashes match its files; a missing id writes nothing', async () => {
    const out = path.join(dir, 'package.zip');
    const r = cli(['applications', 'package', appId, out]);
    expect(r.status, r.stderr).toBe(0);
    const hashes = await zipHashes(out);
    const manifest = await new Promise<{ files: Array<{ path: string; sha256: string }> }>((resolve, reject) => {
      yauzl.open(out, { lazyEntries: true }, (error, zip) => {
        if (error || !zip) return reject(error);
        zip.on('entry', (entry: yauzl.Entry) => {
          if (entry.fileName !== 'manifest.json') return zip.readEntry();
          zip.openReadStream(entry, (err, stream) => {
            if (err || !stream) return reject(err);
            const chunks: Buffer[] = [];
            stream.on('data', (c: Buffer) => chunks.push(c));
            stream.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          });
        });
        zip.readEntry();
      });
    });
    expect(manifest.files).toHaveLength(1);
    for (const file of manifest.files) expect(hashes.get(file.path)).toBe(file.sha256);
    const missing = path.join(dir, 'missing.zip');
    const bad = cli(['applications', 'package', '7d0c1a2e-1111-4222-8333-944455556666', missing]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('No application');
    expect(fs.existsSync(missing) || fs.existsSync(`${missing}.part`)).toBe(false);
  });
});
