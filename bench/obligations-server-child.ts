// The server half of `npm run bench:obligations`, in its own process: a fresh database of the named dialect, an agency
// with 100,000 licences (a client company each), their history, a full refresh of their stored obligations (timed),
// two reminder sweeps (the first plans what is due, the second finds nothing: both timed), the query plans of the two
// hot reads, then the app listening on 127.0.0.1. Prints one JSON line, and runs until its stdin closes.
// Run: node bin/run-ts.js bench/obligations-server-child.ts sqlite
import readline from 'node:readline';
import { sql } from 'kysely';
import { addDays } from '../src/domain/dates/civil-date.ts';
import { refreshAllObligations } from '../src/modules/obligations/refresh.ts';
import * as repo from '../src/modules/obligations/repository.ts';
import { sweepReminders } from '../src/modules/reminders/sweep.ts';
import { createTestApp, seedOrg, signIn } from '../test/support/test-app.ts';
import { testDialects } from '../test/support/test-databases.ts';
import { seedAgencyScale } from './support/seed-agency-scale.ts';
import { portfolio, seedLicences } from './support/seed-licences.ts';

const dialect = testDialects().find((d) => d.name === process.argv[2]);
if (!dialect) throw new Error(`unknown or unavailable dialect ${process.argv[2]} (postgres needs TEST_DATABASE_URL)`);
const count = Number(process.env.BENCH_LICENCES ?? 100_000);

const t = await createTestApp(dialect);
const org = await seedOrg(t.ctx, 'Bench');
const seedStarted = performance.now();
await seedAgencyScale(t.ctx, { orgId: org.orgId, clients: count, auditEntries: 0 });
const clientIds = (await t.ctx.db.selectFrom('clients').select('id').where('orgId', '=', org.orgId).orderBy('id').execute()).map((c) => c.id);
await seedLicences(t.ctx, { orgId: org.orgId, clientIds, licences: portfolio(count, t.ctx.clock.today()) });
const seedSeconds = (performance.now() - seedStarted) / 1000;

const refreshStarted = performance.now();
await refreshAllObligations(t.ctx, t.ctx.db, { inTransactions: true });
const refreshSeconds = (performance.now() - refreshStarted) / 1000;
const obligations = Number((await t.ctx.db.selectFrom('obligations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
if (t.ctx.database.dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(t.ctx.db);
else await sql`ANALYZE`.execute(t.ctx.db);

// A second full refresh with nothing changed: every licence is fresh, so it only walks them.
const idleStarted = performance.now();
await refreshAllObligations(t.ctx, t.ctx.db, { inTransactions: true });
const idleRefreshSeconds = (performance.now() - idleStarted) / 1000;

const firstSweepStarted = performance.now();
const firstSweep = await sweepReminders(t.ctx);
const firstSweepSeconds = (performance.now() - firstSweepStarted) / 1000;
const idleSweepStarted = performance.now();
const idleSweep = await sweepReminders(t.ctx);
const idleSweepSeconds = (performance.now() - idleSweepStarted) / 1000;

// The query plans of the two hot reads: the list's page and count for "due within 30 days", the dashboard's counts.
const scope = { orgId: org.orgId, clientId: null };
const today = t.ctx.clock.today();
const filter = { state: 'open', due: { to: addDays(today, 30) } };
const page = repo.filtered(t.ctx.db, scope, filter).select(['obligations.id', 'obligations.dueOn']).orderBy('obligations.dueOn').orderBy('obligations.id').limit(21).compile();
// The list's total, organisation-wide, comes from the per-day counts (repository.countFromDays).
const count_ = t.ctx.db.selectFrom('obligationCounts').where('orgId', '=', org.orgId).where('state', '=', 'open').where('dueOn', '<=', filter.due.to).select((eb) => eb.fn.sum('count').as('n')).compile();
const counts = t.ctx.db.selectFrom('obligationCounts').where('orgId', '=', org.orgId).where('state', '=', 'open').select((eb) => eb.fn.sum('count').as('n')).compile();
const plans: Record<string, string> = {};
for (const [name, query] of [['obligations due within 30 days (page)', page], ['obligations due within 30 days (total)', count_], ['dashboard counts', counts]] as const) {
  // PostgreSQL's EXPLAIN takes no bind parameters: the (string) values are written in, quoted.
  const inline = () => query.sql.replace(/\$(\d+)/g, (_m, i: string) => `'${String(query.parameters[Number(i) - 1]).replace(/'/g, "''")}'`);
  const rows = t.ctx.database.dialect === 'postgres'
    ? ((await sql.raw(`EXPLAIN ${inline()}`).execute(t.ctx.db)).rows as Array<Record<string, string>>)
    : (t.ctx.database.sqlite!.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as Array<Record<string, string>>);
  plans[name] = rows.map((r) => r['QUERY PLAN'] ?? r.detail).join('\n');
}

const owner = await signIn(t.app, org.emails.owner);
const token = (await owner.request({ method: 'POST', url: '/api/tokens', payload: { name: 'bench' } })).json().secret as string;
await t.app.listen({ host: '127.0.0.1', port: 0 });
const address = t.app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, token, licences: count, obligations, seedSeconds, refreshSeconds, idleRefreshSeconds, firstSweep, firstSweepSeconds, idleSweep, idleSweepSeconds, plans })}\n`);

readline.createInterface({ input: process.stdin }).on('line', () => undefined);
process.stdin.on('end', () => {
  void t.close().then(() => process.exit(0));
});
