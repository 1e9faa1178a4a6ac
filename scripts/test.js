#!/usr/bin/env node
// `npm test`: lint, type-check, build the web app, then every vitest project; ends with one plain summary line.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const steps = [
  ['lint', bin('eslint'), ['.']],
  ['typecheck (server)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['typecheck (web)', bin('tsc'), ['-p', 'web/tsconfig.json', '--noEmit']],
  ['build web', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']],
];

for (const [name, cmd, args] of steps) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

console.log(process.env.TEST_DATABASE_URL ? 'Databases: SQLite and PostgreSQL (TEST_DATABASE_URL)' : 'Databases: SQLite only (set TEST_DATABASE_URL=postgres://… to run the suite on PostgreSQL too)');
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
const report = path.join(root, '.tmp', 'vitest-report.json');
fs.rmSync(report, { force: true });
const extra = process.argv.slice(2);
const run = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], { cwd: root, stdio: 'inherit' });

let summary = `0 passed, ${run.status === 0 ? 0 : 1} failed`;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
}
console.log(`\n${summary}`);
process.exit(run.status ?? 1);
