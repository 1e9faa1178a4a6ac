// The server half of `npm run bench:api`, in its own process so the load generator never shares its event loop:
// a fresh database of the named dialect (sqlite | postgres), an agency at real size, the app listening on
// 127.0.0.1. It prints one JSON line (where to send requests), answers each line on stdin with its CPU time used, and
// runs until its stdin closes, then drops the database.
// Run: node bin/run-ts.js bench/api-server-child.ts sqlite
import readline from 'node:readline';
import { createTestApp, seedOrg, signIn } from '../test/support/test-app.ts';
import { testDialects } from '../test/support/test-databases.ts';
import { seedAgencyScale } from './support/seed-agency-scale.ts';

const dialect = testDialects().find((d) => d.name === process.argv[2]);
if (!dialect) throw new Error(`unknown or unavailable dialect ${process.argv[2]} (postgres needs TEST_DATABASE_URL)`);
const clients = Number(process.env.BENCH_CLIENTS ?? 100_000);

const t = await createTestApp(dialect);
const org = await seedOrg(t.ctx, 'Bench');
const started = performance.now();
const seeded = await seedAgencyScale(t.ctx, { orgId: org.orgId, clients, auditEntries: clients * 2, applications: clients / 5 });
const seedSeconds = (performance.now() - started) / 1000;
const owner = await signIn(t.app, org.emails.owner);
const token = (await owner.request({ method: 'POST', url: '/api/tokens', payload: { name: 'bench' } })).json().secret as string;
await t.app.listen({ host: '127.0.0.1', port: 0 });
const address = t.app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, token, sampleClientId: seeded.sampleClientId, orgId: org.orgId, databaseUrl: t.ctx.config.databaseUrl, clients: seeded.clients, auditEntries: seeded.auditEntries, applications: seeded.applications, seedSeconds })}\n`);

// Each line on stdin asks for the CPU time this process has used so far (µs, user + system), answered as a line.
readline.createInterface({ input: process.stdin }).on('line', () => {
  const used = process.cpuUsage();
  process.stdout.write(`${used.user + used.system}\n`);
});
process.stdin.on('end', () => {
  void t.close().then(() => process.exit(0));
});
