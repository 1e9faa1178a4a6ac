// `npm run bench:api`: the API at an agency's real size. Seeds 100,000 client companies and 200,000 audit entries in
// bulk on SQLite (a temporary file) and on PostgreSQL (a temporary database, when TEST_DATABASE_URL names a server),
// with the server in its own process. Then it drives each hot request with autocannon at 200 requests/s for 20 s
// while sampling /api/health, and prints p50/p99, the rate achieved, each p99 against health's p99, and the server's
// CPU time per request. Target from the performance issue: every p99 under 50 ms with the full 200 requests/s served.
//
// How autocannon paces: each of its connections (10, its default) sends back to back until it has made its share of
// the second's requests, then waits for the next second. So every second starts with a burst of 10 requests in flight
// at once, and a p99 includes waiting behind the rest of the burst. Each request first runs 3 s unrecorded, so
// start-up (compiling, empty caches) is not counted against it.
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { testDialects } from '../test/support/test-databases.ts';
import { usccFor } from './support/seed-agency-scale.ts';

const rate = Number(process.env.BENCH_RATE ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmUpSeconds = 3;

interface Run {
  name: string;
  /** Reported, but not one of the target requests. */
  extra?: boolean;
  p50: number;
  p99: number;
  served: number;
  errors: number;
}

async function drive(url: string, headers: Record<string, string>, request: { method?: 'GET' | 'POST'; path: string; body?: () => string }, duration = seconds): Promise<autocannon.Result> {
  return autocannon({
    url: url + request.path,
    method: request.method ?? 'GET',
    headers: { ...headers, 'content-type': 'application/json' },
    overallRate: rate,
    duration,
    connections: 10,
    timeout: 10,
    // A create needs a new credit code each time, so each request's body is built as it is sent.
    ...(request.body ? { requests: [{ method: 'POST' as const, setupRequest: (req: autocannon.Request) => ({ ...req, body: request.body!() }) }] } : {}),
  });
}

function summarise(name: string, result: autocannon.Result): Run {
  return { name, p50: result.latency.p50, p99: result.latency.p99, served: result.requests.average, errors: result.errors + result.timeouts + result.non2xx };
}

/** The server, seeded, in its own process (bench/api-server-child.ts); resolves once it listens. */
async function startServer(dialect: string) {
  const child = spawn(process.execPath, ['bin/run-ts.js', 'bench/api-server-child.ts', dialect], { stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = readline.createInterface({ input: child.stdout! });
  const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const line = await Promise.race([
    nextLine(),
    exited.then(() => {
      throw new Error(`the ${dialect} bench server exited before it listened`);
    }),
  ]);
  const info = JSON.parse(line) as { url: string; token: string; sampleClientId: string; clients: number; auditEntries: number; seedSeconds: number };
  return {
    ...info,
    /** The server's CPU time used so far, in milliseconds. */
    cpuMs: async () => {
      const answer = nextLine();
      child.stdin!.write('cpu\n');
      return Number(await answer) / 1000;
    },
    stop: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}

export async function benchDialect(dialect: string): Promise<void> {
  const server = await startServer(dialect);
  try {
    console.log(`api ${dialect}  seeded ${server.clients} clients and ${server.auditEntries} audit entries in ${server.seedSeconds.toFixed(1)} s (server in its own process)`);
    const { url } = server;
    const headers = { authorization: `Bearer ${server.token}` };
    const deep = (await (await fetch(`${url}/api/clients?pageSize=20&page=50`, { headers })).json()) as { nextCursor?: string };
    let n = 0;
    const requests = [
      { name: 'list, first page', path: '/api/clients' },
      { name: 'list, deep page (cursor)', path: `/api/clients?cursor=${encodeURIComponent(deep.nextCursor ?? '')}` },
      { name: 'search 星辰 (2 characters)', path: `/api/clients?q=${encodeURIComponent('星辰')}` },
      // Beyond the list: every 资阳… company sorts after most others, so its 7,500 matches sit together late in
      // name order, the slowest kind of two-character search (a walk finds none, so they are gathered and sorted).
      { name: 'search 资阳 (late in order)', path: `/api/clients?q=${encodeURIComponent('资阳')}`, extra: true },
      { name: 'search code prefix 9111', path: '/api/clients?q=9111' },
      { name: 'search with no match', path: `/api/clients?q=${encodeURIComponent('不存在的名字')}` },
      { name: 'detail', path: `/api/clients/${server.sampleClientId}` },
      { name: 'create', method: 'POST' as const, path: '/api/clients', body: () => JSON.stringify({ name: `压测新建客户 ${n}`, uscc: usccFor(5_000_000 + n++) }) },
      { name: 'audit list', path: '/api/audit' },
      { name: 'dashboard', path: '/api/dashboard' },
    ];
    const runs: Run[] = [];
    // BENCH_ONLY=create,detail runs only the requests whose names start with one of those words.
    const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
    for (const request of requests.filter((r) => !only || only.some((word) => r.name.startsWith(word)))) {
      await drive(url, headers, request, warmUpSeconds);
      const health: number[] = [];
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const t0 = performance.now();
          await (await fetch(`${url}/api/health`)).arrayBuffer();
          health.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const cpuBefore = await server.cpuMs();
      const result = await drive(url, headers, request);
      const cpuPerRequest = (await server.cpuMs() - cpuBefore) / Math.max(1, result.requests.total);
      sampling = false;
      await sampler;
      const run = { ...summarise(request.name, result), extra: request.extra };
      health.sort((a, b) => a - b);
      const healthP99 = health[Math.min(health.length - 1, Math.floor(health.length * 0.99))] ?? 0;
      runs.push(run);
      console.log(
        `api ${dialect}  ${run.name.padEnd(28)} p50 ${run.p50.toFixed(1).padStart(6)} ms  p99 ${run.p99.toFixed(1).padStart(6)} ms  ` +
          `${run.served.toFixed(0).padStart(4)}/${rate} req/s  errors ${run.errors}  health p99 ${healthP99.toFixed(1)} ms  ratio ${(run.p99 / Math.max(healthP99, 0.1)).toFixed(1)}×  server CPU ${cpuPerRequest.toFixed(2)} ms/request`,
      );
    }
    const targeted = runs.filter((r) => !r.extra);
    if (targeted.length === 0) return;
    const worst = targeted.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    console.log(`api ${dialect}  worst p99 ${worst.p99.toFixed(1)} ms (${worst.name}); target < 50 ms at ${rate} req/s: ${targeted.every((r) => r.p99 < 50 && r.served >= rate * 0.98 && r.errors === 0) ? 'met' : 'NOT met'} (the issue's requests; 资阳 reported beside them)`);
  } finally {
    await server.stop();
  }
}

export async function main(): Promise<void> {
  for (const dialect of testDialects()) await benchDialect(dialect.name);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
