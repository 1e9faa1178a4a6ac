// `npm run bench:uploads`: uploads and the submission package at full size. The server runs in its own process
// (bench/uploads-server-child.ts) on a temporary database and data folder. Ten 20 MB PDFs are uploaded at once, then
// eighteen 20 MB files (one per checklist item) are packaged into one ZIP, streamed to disk. It prints the upload
// rate beside a plain `cp` of the same files (the peer, measured in the same run) and their ratio, and the server's
// peak RSS growth during each phase. Target from the applications issue: memory stays flat (peak RSS growth under
// 100 MB), since every file streams.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { listMaterials } from '../src/domain/catalog/materials.ts';

const fileBytes = 20 * 1024 * 1024 - 4096; // under the default 20 MB limit, with room for the multipart framing
const mb = (bytes: number) => bytes / 1024 / 1024;

/** A PDF-headed file of random bytes, so nothing compresses it away. */
function writeSample(file: string): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, Buffer.from('%PDF-1.7\n'));
  for (let written = 9; written < fileBytes; written += 1024 * 1024) fs.writeSync(fd, randomBytes(Math.min(1024 * 1024, fileBytes - written)));
  fs.closeSync(fd);
}

interface Server {
  url: string;
  cookie: string;
  csrfToken: string;
  applicationId: string;
  rss: number;
}

/** Streams a file from disk as a multipart upload; resolves with the status code. */
function upload(server: Server, key: string, file: string): Promise<number> {
  const boundary = `----bench${randomBytes(6).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = head.length + fs.statSync(file).size + tail.length;
  const url = new URL(`${server.url}/api/applications/${server.applicationId}/materials/${key}`);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'PUT', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': size, cookie: server.cookie, 'x-csrf-token': server.csrfToken } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(head);
    const body = fs.createReadStream(file);
    body.on('end', () => req.end(tail));
    body.pipe(req, { end: false });
  });
}

export async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-bench-uploads-'));
  const child = spawn(process.execPath, ['bin/run-ts.js', 'bench/uploads-server-child.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
  try {
    const server = JSON.parse(await nextLine()) as Server;
    const peakRss = async () => {
      const answer = nextLine();
      child.stdin!.write('peak\n');
      return Number(await answer);
    };
    const items = listMaterials('B24-1');
    const files = items.map((m, i) => path.join(dir, `${String(i + 1).padStart(2, '0')}-${m.key}.pdf`));
    for (const file of files) writeSample(file);

    // The peer: the same ten files copied with cp on the same disk.
    const copyDir = fs.mkdtempSync(path.join(dir, 'cp-'));
    let started = performance.now();
    const copied = spawnSync('cp', [...files.slice(0, 10), copyDir]);
    if (copied.status !== 0) throw new Error(`cp failed: ${copied.stderr}`);
    const cpSeconds = (performance.now() - started) / 1000;

    const baseline = await peakRss();
    started = performance.now();
    const statuses = await Promise.all(files.slice(0, 10).map((file, i) => upload(server, items[i].key, file)));
    const uploadSeconds = (performance.now() - started) / 1000;
    if (statuses.some((s) => s !== 201)) throw new Error(`uploads answered ${statuses.join(', ')}`);
    const uploadPeak = await peakRss();
    const uploadRate = (10 * mb(fileBytes)) / uploadSeconds;
    const cpRate = (10 * mb(fileBytes)) / cpSeconds;
    console.log(`uploads  10 × ${mb(fileBytes).toFixed(1)} MB at once: ${uploadSeconds.toFixed(2)} s, ${uploadRate.toFixed(0)} MB/s; cp of the same files ${cpRate.toFixed(0)} MB/s; ratio ${(uploadRate / cpRate).toFixed(2)}× cp`);
    console.log(`uploads  server peak RSS growth while uploading: ${mb(uploadPeak - baseline).toFixed(1)} MB (target < 100 MB: ${uploadPeak - baseline < 100 * 1024 * 1024 ? 'met' : 'NOT met'})`);

    for (const [i, file] of files.entries()) if (i >= 10 && (await upload(server, items[i].key, file)) !== 201) throw new Error(`upload of ${items[i].key} failed`);
    const beforePackage = await peakRss();
    started = performance.now();
    const zipPath = path.join(dir, 'package.zip');
    await new Promise<void>((resolve, reject) => {
      const url = new URL(`${server.url}/api/applications/${server.applicationId}/package`);
      http.get({ host: url.hostname, port: url.port, path: url.pathname, headers: { cookie: server.cookie } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`package answered ${res.statusCode}`));
        pipeline(res, fs.createWriteStream(zipPath)).then(resolve, reject);
      }).on('error', reject);
    });
    const packageSeconds = (performance.now() - started) / 1000;
    const packagePeak = await peakRss();
    const zipSize = fs.statSync(zipPath).size;
    console.log(`package  ${items.length} × ${mb(fileBytes).toFixed(1)} MB into one ZIP of ${mb(zipSize).toFixed(0)} MB: ${packageSeconds.toFixed(2)} s, ${(mb(zipSize) / packageSeconds).toFixed(0)} MB/s`);
    console.log(`package  server peak RSS growth while packaging: ${mb(packagePeak - beforePackage).toFixed(1)} MB (target < 100 MB: ${packagePeak - beforePackage < 100 * 1024 * 1024 ? 'met' : 'NOT met'})`);
  } finally {
    child.stdin!.end();
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
