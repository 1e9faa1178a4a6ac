// The server half of `npm run bench:uploads`, in its own process so its memory is measured alone: a fresh SQLite
// database and data folder, one agency with a draft application (contract recorded, so files may be uploaded), the
// app listening on 127.0.0.1. It prints one JSON line (where to send requests, the session), samples its own RSS
// every 10 ms, answers each "peak" line on stdin with the highest RSS since the last one (bytes), and runs until its
// stdin closes. Run: node bin/run-ts.js bench/uploads-server-child.ts
import readline from 'node:readline';
import { createTestApp, seedApplications, seedOrg, signIn } from '../test/support/test-app.ts';
import { testDialects } from '../test/support/test-databases.ts';

const t = await createTestApp(testDialects()[0]);
const org = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Uploads'));
const staff = await signIn(t.app, org.emails.staff);
const applicationId = org.applicationIdsByClient![org.clientIds[0]];
await staff.request({ method: 'POST', url: `/api/applications/${applicationId}/transitions`, payload: { to: 'collecting', version: 1, contractSignedOn: '2026-01-05', contractFeeYuan: 1 } });
await t.app.listen({ host: '127.0.0.1', port: 0 });
const { port } = t.app.server.address() as { port: number };

let peak = process.memoryUsage.rss();
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 10).unref();

process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, cookie: staff.cookieHeader, csrfToken: staff.csrfToken, applicationId, rss: process.memoryUsage.rss() })}\n`);
readline.createInterface({ input: process.stdin }).on('line', () => {
  peak = Math.max(peak, process.memoryUsage.rss());
  process.stdout.write(`${peak}\n`);
  peak = process.memoryUsage.rss();
});
process.stdin.on('end', () => {
  void t.close().then(() => process.exit(0));
});
