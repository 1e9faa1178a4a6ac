import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs a command whose reader has already gone (as with `| head` once it has its lines): stdout is closed at once. */
function runIntoClosedPipe(args: string[], env: Record<string, string>, input?: string): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'licensedesk.js'), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.on('error', () => undefined); // the command may stop reading once it has stopped
  child.stdin.end(input ?? '');
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

describe('licensedesk piped into a reader that stops early', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-epipe-'));
    env = { LICENSEDESK_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn', LICENSEDESK_ADMIN_PASSWORD: 'epipe-password-1' };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['catalog list', ['catalog', 'list']],
    ['calendar years', ['calendar', 'years']],
    ['calendar info', ['calendar', 'info', '2026-10-01']],
  ])('%s exits quietly with status 0, no stack trace', async (_name, args) => {
    const r = await runIntoClosedPipe(args, env);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\s+at\s/);
    expect(r.status).toBe(0);
  });

  it('calendar add --batch, mid-stream, exits quietly with status 0', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `2026-01-05 ${i % 50}`).join('\n');
    const r = await runIntoClosedPipe(['calendar', 'add', '--batch'], env, lines);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\s+at\s/);
    expect(r.status).toBe(0);
  });
});
