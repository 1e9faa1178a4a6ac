#!/usr/bin/env node
// The `licensedesk` command. Runs a bundle of src/cli (rebuilt with esbuild whenever a source is newer),
// because loading hundreds of small module files costs more start-up time than the commands themselves.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const bundleDir = path.join(root, 'dist', 'cli');
const bundle = path.join(bundleDir, 'main.js');
// Packages that find their own files on disk at run time (native addons, static assets) stay outside the bundle.
const external = ['better-sqlite3', '@node-rs/argon2', 'pg-native', '@fastify/swagger-ui', '@fastify/static', 'esbuild', 'tsx', 'playwright-core', 'vite'];

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

async function buildBundle() {
  const esbuild = await import('esbuild');
  const partial = `${bundleDir}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    outdir: partial,
    // Split so a command loads only what it uses (the web server's modules load only for `serve`).
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    logLevel: 'error',
    banner: { js: "import { createRequire as __ldRequire } from 'node:module'; const require = __ldRequire(import.meta.url);" },
  });
  // Swap whole folders, so a concurrent run sees the old bundle or the new one, never a mix.
  const old = `${bundleDir}.${process.pid}.old`;
  if (fs.existsSync(bundleDir)) fs.renameSync(bundleDir, old);
  fs.renameSync(partial, bundleDir);
  fs.rmSync(old, { recursive: true, force: true });
}

async function main() {
  if (process.env.LICENSEDESK_NO_BUNDLE === '1') {
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href);
    return;
  }
  const sourceTime = Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'package.json')), newestMtime(import.meta.filename));
  if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < sourceTime) {
    fs.mkdirSync(path.dirname(bundle), { recursive: true });
    await buildBundle();
  }
  await import(pathToFileURL(bundle).href);
}

await main();
