#!/usr/bin/env node
// `npm run test:e2e:soak [-- --runs N] [--busy-cores K]`: runs the browser project N times in a row (default 10),
// optionally with K cores kept busy by spinning child processes, and prints how many runs and tests failed.
// The web app is built once before the first run; every run shares that build.
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10' }, 'busy-cores': { type: 'string', default: '0' } },
});
const runs = Number(values.runs);
const busyCores = Number(values['busy-cores']);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(busyCores) || busyCores < 0) {
  console.error('usage: e2e-soak.js [--runs N≥1] [--busy-cores K≥0]');
  process.exit(2);
}

const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

// Each spinner is a child we started ourselves, ended by its own PID when the soak finishes.
const spinners = Array.from({ length: busyCores }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
const stopSpinners = () => spinners.forEach((child) => child.kill('SIGKILL'));
process.on('exit', stopSpinners);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
let failedRuns = 0;
const failures = [];
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const result = spawnSync(vitest, ['run', '--project', 'e2e', '--reporter=dot'], { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout}\n${result.stderr}`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const failedNames = [...output.matchAll(/FAIL .*?e2e\S* (test\/e2e\/\S+ > .*)/g)].map((match) => match[1].trim());
  if (result.status !== 0) {
    failedRuns++;
    failures.push(...failedNames);
    console.log(`run ${run}/${runs}: FAILED in ${seconds} s${failedNames.length ? `\n  ${failedNames.join('\n  ')}` : `\n${output.slice(-4000)}`}`);
  } else {
    console.log(`run ${run}/${runs}: passed in ${seconds} s`);
  }
}
stopSpinners();
console.log(`\n${runs} runs with ${busyCores} busy core(s): ${runs - failedRuns} green, ${failedRuns} red`);
process.exit(failedRuns === 0 ? 0 : 1);
