// The health probe of `npm run bench:api`, in its own process so neither the load generator's work nor the server's
// shares its event loop. It asks GET /api/health over one kept-alive connection, waiting 20 ms between answers: 50
// warm-up requests, then a line "ready" on stdout. From then it records each answer's time until a line arrives on
// stdin, and answers it with one JSON line {count, p50, p99, max} in milliseconds.
// Run: node bin/run-ts.js bench/health-sampler-child.ts http://127.0.0.1:PORT
import http from 'node:http';
import readline from 'node:readline';

const base = new URL(process.argv[2] ?? '');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const pauseMs = 20;

function askHealth(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get({ host: base.hostname, port: base.port, path: '/api/health', agent }, (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`health answered ${response.statusCode}`))));
      })
      .on('error', reject);
  });
}

const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));
for (let i = 0; i < 50; i++) {
  await askHealth();
  await pause();
}

let stopped = false;
readline.createInterface({ input: process.stdin }).once('line', () => {
  stopped = true;
});
process.stdout.write('ready\n');
const times: number[] = [];
while (!stopped) {
  times.push(await askHealth());
  await pause();
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0;
process.stdout.write(`${JSON.stringify({ count: times.length, p50: at(0.5), p99: at(0.99), max: times.at(-1) ?? 0 })}\n`);
agent.destroy();
