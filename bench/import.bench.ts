// `npm run bench:import`: 100,000 client companies imported from a spreadsheet, on SQLite and (when TEST_DATABASE_URL
// names a server) PostgreSQL, as CSV and as XLSX: `licensedesk import` run as a user runs it, into a fresh database,
// timed as a whole command (start-up included) and with its peak memory.
// Targets from the import issue: under 30 s, and memory under 300 MB.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { computeUsccCheck } from '../src/domain/identifiers/compute-uscc-check.ts';
import { provinces } from '../src/domain/geo/provinces.ts';
import { writeSheet } from '../src/platform/sheets/write-sheet.ts';
import { testDialects, type TestDialect } from '../test/support/test-databases.ts';
import { seededRandom } from '../test/support/seeded-random.ts';

const count = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

/** An agency's client list as Excel holds it: Chinese headings, credit codes, capital in 万, provinces by name. */
function* clientRows(): Generator<Record<string, unknown>> {
  const random = seededRandom(20261130);
  for (let n = 0; n < count; n++) {
    const first17 = `91${String(110000 + (n % 900000)).padStart(6, '0')}MA${String(n).padStart(7, '0')}`;
    const province = provinces[n % provinces.length];
    yield {
      name: `测试导入${n}号信息科技有限公司`, uscc: first17 + computeUsccCheck(first17), legal: `张${n % 1000}`, capital: `${100 + Math.floor(random() * 9900)}万`,
      province: province.zh, address: `${province.zh}某区某路${n % 500}号`, contact: `李${n % 800}`, phone: `0${String(10_000_000 + n).padStart(10, '0')}`, email: `c${n}@example.com`,
      scope: '第二类增值电信业务中的呼叫中心业务；技术服务。',
    };
  }
}

const columns = [
  { header: '企业名称', key: 'name' }, { header: '统一社会信用代码', key: 'uscc' }, { header: '法定代表人', key: 'legal' }, { header: '注册资本', key: 'capital' },
  { header: '省份', key: 'province' }, { header: '地址', key: 'address' }, { header: '联系人', key: 'contact' }, { header: '联系电话', key: 'phone' },
  { header: '联系邮箱', key: 'email' }, { header: '经营范围', key: 'scope' },
].map((c) => ({ ...c, type: 'text' as const }));

async function writeFile(format: 'csv' | 'xlsx', dir: string): Promise<string> {
  const file = path.join(dir, `clients.${format}`);
  await writeSheet({ format, sheetName: '客户', columns, rows: clientRows(), output: fs.createWriteStream(file) });
  return file;
}

/** Runs `licensedesk …` as a user does (the bundled CLI) against `env`'s database, with its peak memory. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; maxRssMb: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', './bench/support/report-max-rss.mjs', 'bin/licensedesk.js', ...args], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let rss = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (rss += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`licensedesk ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ code: code ?? 0, stdout, maxRssMb: rss ? (JSON.parse(rss) as { maxRssKb: number }).maxRssKb / 1024 : NaN, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** One import into a fresh database of the dialect: an organisation created first, then the file, timed as a whole command. */
async function importOnce(dialect: TestDialect, file: string) {
  const database = await dialect.create();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-import-data-'));
  const env = { DATABASE_URL: database.url, LICENSEDESK_DATA_DIR: dataDir };
  try {
    await cli(['org', 'create', '--name', '导入基准机构', '--owner-email', 'owner@bench.example.com', '--owner-password', 'bench-password-1'], env);
    const orgs = JSON.parse((await cli(['org', 'list', '--json'], env)).stdout) as Array<{ id: string; name: string }>;
    const org = orgs.find((o) => o.name === '导入基准机构')!;
    // An idle command's peak, for comparison: the same process without the import.
    const idle = await cli(['org', 'list', '--json'], env);
    const run = await cli(['import', file, '--kind', 'clients', '--org', org.id, '--json'], env);
    const outcome = JSON.parse(run.stdout) as { result: { created: number } | null; report: { issues: unknown[] } };
    if (outcome.result?.created !== count) throw new Error(`expected ${count} clients created: ${JSON.stringify(outcome.report.issues.slice(0, 3))}`);
    return { seconds: run.seconds, peakRssMb: run.maxRssMb, idleRssMb: idle.maxRssMb };
  } finally {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-import-bench-'));
  try {
    // BENCH_DIALECTS=postgres and BENCH_FORMATS=csv narrow the run.
    const dialects = testDialects().filter((d) => !process.env.BENCH_DIALECTS || process.env.BENCH_DIALECTS.split(',').includes(d.name));
    const formats = (['csv', 'xlsx'] as const).filter((f) => !process.env.BENCH_FORMATS || process.env.BENCH_FORMATS.split(',').includes(f));
    for (const format of formats) {
      const file = await writeFile(format, dir);
      const mb = fs.statSync(file).size / 1024 / 1024;
      for (const dialect of dialects) {
        const r = await importOnce(dialect, file);
        const met = r.seconds < 30 && r.peakRssMb < 300;
        console.log(`import ${dialect.name.padEnd(8)} ${format.padEnd(4)} ${count} client rows (${mb.toFixed(1)} MB): licensedesk import in ${r.seconds.toFixed(1)} s, peak memory ${r.peakRssMb.toFixed(0)} MB (the same command idle: ${r.idleRssMb.toFixed(0)} MB); target < 30 s and < 300 MB: ${met ? 'met' : 'NOT met'}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
