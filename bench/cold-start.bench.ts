// Cold start: time from spawning `licensedesk serve` (what `npm start` runs once installed) to the first
// answer of GET /api/health, on an empty SQLite database (so migrations, first-start owner and demo data are included),
// and again on the now-populated database.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function timeToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'licensedesk.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, LICENSEDESK_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 600; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('server did not answer within 6 s');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-bench-start-'));
  try {
    const first = await timeToHealthy(dir);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await timeToHealthy(dir));
    const median = warm.sort((a, b) => a - b)[1];
    console.log(`cold start  empty database (migrate + owner + demo): ${first.toFixed(0)} ms to first /api/health answer`);
    console.log(`cold start  existing database, median of 3: ${median.toFixed(0)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
