// `npm run bench:api`: the API at an agency's real size. Seeds 100,000 client companies and 200,000 audit entries in
// bulk on SQLite (a temporary file) and on PostgreSQL (a temporary database, when TEST_DATABASE_URL names a server), then drives each hot request with autocannon at a fixed 200 requests/s for
// 20 s while sampling /api/health, and prints p50/p99, the rate achieved and each p99 against health's p99.
// Target from the performance issue: every p99 under 50 ms with the full 200 requests/s served.
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { createTestApp, seedOrg, signIn } from '../test/support/test-app.ts';
import { testDialects } from '../test/support/test-databases.ts';
import { seedAgencyScale } from './support/seed-agency-scale.ts';

const rate = Number(process.env.BENCH_RATE ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const clients = Number(process.env.BENCH_CLIENTS ?? 100_000);

interface Run {
  name: string;
  p50: number;
  p99: number;
  served: number;
  errors: number;
}

async function drive(url: string, headers: Record<string, string>, request: { method?: 'GET' | 'POST'; path: string; body?: () => string }): Promise<autocannon.Result> {
  return autocannon({
    url: url + request.path,
    method: request.method ?? 'GET',
    headers: { ...headers, 'content-type': 'application/json' },
    overallRate: rate,
    duration: seconds,
    connections: 20,
    timeout: 10,
    // A create needs a new credit code each time, so each request's body is built as it is sent.
    ...(request.body ? { requests: [{ method: 'POST' as const, setupRequest: (req: autocannon.Request) => ({ ...req, body: request.body!() }) }] } : {}),
  });
}

function summarise(name: string, result: autocannon.Result): Run {
  return { name, p50: result.latency.p50, p99: result.latency.p99, served: result.requests.average, errors: result.errors + result.timeouts + result.non2xx };
}

export async function benchDialect(dialect: ReturnType<typeof testDialects>[number]): Promise<void> {
  const t = await createTestApp(dialect);
  try {
    const org = await seedOrg(t.ctx, 'Bench');
    const started = performance.now();
    const seeded = await seedAgencyScale(t.ctx, { orgId: org.orgId, clients, auditEntries: clients * 2 });
    console.log(`api ${dialect.name}  seeded ${seeded.clients} clients and ${seeded.auditEntries} audit entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const owner = await signIn(t.app, org.emails.owner);
    const token = (await owner.request({ method: 'POST', url: '/api/tokens', payload: { name: 'bench' } })).json().secret as string;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const headers = { authorization: `Bearer ${token}` };
    const deep = (await (await fetch(`${url}/api/clients?pageSize=20&page=50`, { headers })).json()) as { nextCursor?: string };
    let n = 0;
    const requests = [
      { name: 'list, first page', path: '/api/clients' },
      { name: 'list, deep page (cursor)', path: `/api/clients?cursor=${encodeURIComponent(deep.nextCursor ?? '')}` },
      { name: 'search 星辰 (2 characters)', path: `/api/clients?q=${encodeURIComponent('星辰')}` },
      { name: 'search code prefix 9111', path: '/api/clients?q=9111' },
      { name: 'search with no match', path: `/api/clients?q=${encodeURIComponent('不存在的名字')}` },
      { name: 'detail', path: `/api/clients/${seeded.sampleClientId}` },
      { name: 'create', method: 'POST' as const, path: '/api/clients', body: () => JSON.stringify({ name: `压测新建客户 ${n}`, uscc: seeded.freshUscc(n++) }) },
      { name: 'audit list', path: '/api/audit' },
    ];
    const runs: Run[] = [];
    for (const request of requests) {
      const health: number[] = [];
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const t0 = performance.now();
          await fetch(`${url}/api/health`);
          health.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const result = await drive(url, headers, request);
      sampling = false;
      await sampler;
      const run = summarise(request.name, result);
      health.sort((a, b) => a - b);
      const healthP99 = health[Math.min(health.length - 1, Math.floor(health.length * 0.99))] ?? 0;
      runs.push(run);
      console.log(
        `api ${dialect.name}  ${run.name.padEnd(26)} p50 ${run.p50.toFixed(1).padStart(6)} ms  p99 ${run.p99.toFixed(1).padStart(6)} ms  ` +
          `${run.served.toFixed(0).padStart(4)}/${rate} req/s  errors ${run.errors}  health p99 ${healthP99.toFixed(1)} ms  ratio ${(run.p99 / Math.max(healthP99, 0.1)).toFixed(1)}×`,
      );
    }
    const worst = runs.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    console.log(`api ${dialect.name}  worst p99 ${worst.p99.toFixed(1)} ms (${worst.name}); target < 50 ms at ${rate} req/s: ${runs.every((r) => r.p99 < 50 && r.served >= rate * 0.98 && r.errors === 0) ? 'met' : 'NOT met'}`);
  } finally {
    await t.close();
  }
}

export async function main(): Promise<void> {
  for (const dialect of testDialects()) await benchDialect(dialect);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
