import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheck } from '../../src/domain/identifiers/compute-uscc-check.ts';

const root = path.resolve(import.meta.dirname, '../..');
const uscc = (n: number) => {
  const first17 = `91310115MA${String(n).padStart(7, '0')}`;
  return first17 + computeUsccCheck(first17);
};

describe('licensedesk import and export', () => {
  let dir: string;
  const env = () => ({ ...process.env, LICENSEDESK_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn', LICENSEDESK_DEMO: '0' });
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'licensedesk.js'), ...args], { cwd: root, encoding: 'utf8', env: env(), timeout: 120_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const write = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const countClients = (like: string) => {
    const db = new BetterSqlite3(path.join(dir, 'licensedesk.db'), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM clients WHERE name LIKE ?').get(`${like}%`) as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-import-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 when every row is written, 1 when a row is invalid (writing nothing unless --valid-only), 2 when the file cannot be read', () => {
    const good = write('good.csv', `企业名称,统一社会信用代码,注册资本\r\n退出码甲公司,${uscc(1)},100万\r\n退出码乙公司,${uscc(2)},"2,000,000"\r\n`);
    const dry = run(['import', good, '--kind', 'clients', '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('试运行');
    expect(countClients('退出码')).toBe(0);
    const ok = run(['import', good, '--kind', 'clients', '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).result).toMatchObject({ created: 2 });

    const mixed = write('mixed.csv', `企业名称,统一社会信用代码\r\n退出码丙公司,${uscc(3)}\r\n退出码丁公司,91310115MA0000004X\r\n`);
    const refused = run(['import', mixed, '--kind', 'clients']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/第3行「统一社会信用代码」/);
    expect(countClients('退出码丙')).toBe(0);
    const validOnly = run(['import', mixed, '--kind', 'clients', '--valid-only']);
    expect(validOnly.status).toBe(1);
    expect(countClients('退出码丙')).toBe(1);

    const again = run(['import', good, '--kind', 'clients', '--on-duplicate', 'update', '--json']);
    expect(JSON.parse(again.stdout).result).toMatchObject({ created: 0, updated: 2 });

    expect(run(['import', write('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), '--kind', 'clients']).status).toBe(2);
    expect(run(['import', write('empty.csv', '企业名称,统一社会信用代码\r\n'), '--kind', 'clients']).status).toBe(2);
    expect(run(['import', path.join(dir, 'missing.csv'), '--kind', 'clients']).status).toBe(2);
    expect(run(['import', good, '--kind', 'planets']).status).toBe(2);
  });

  it('a process killed in the middle of writing leaves nothing written', async () => {
    const rows = ['企业名称,统一社会信用代码,注册资本'];
    for (let n = 0; n < 30_000; n++) rows.push(`中断测试${n}号有限公司,${uscc(100_000 + n)},${100 + (n % 900)}万`);
    const file = write('big.csv', `${rows.join('\r\n')}\r\n`);
    const child = spawn(process.execPath, [path.join(root, 'bin', 'licensedesk.js'), 'import', file, '--kind', 'clients'], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    // Killed once a progress line shows the writing under way (more than the first pass, short of the end).
    for await (const line of readline.createInterface({ input: child.stderr! })) {
      const match = /progress 进度 (\d+)\/(\d+)/.exec(line);
      if (match && Number(match[1]) > Number(match[2]) / 2 && Number(match[1]) < Number(match[2])) {
        child.kill('SIGKILL');
        break;
      }
    }
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(countClients('中断测试')).toBe(0);
    const db = new BetterSqlite3(path.join(dir, 'licensedesk.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('exports a list to XLSX with money as numbers, and the whole organisation to an archive that restores as a new one', async () => {
    const xlsx = path.join(dir, 'clients.xlsx');
    const exported = run(['export', xlsx, '--kind', 'clients', '--filter', 'status=active']);
    expect(exported.status, exported.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0];
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const nameColumn = header.indexOf('企业名称');
    const capitalColumn = header.findIndex((h) => h.startsWith('注册资本'));
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(nameColumn).value === '退出码甲公司')!;
    expect(row.getCell(capitalColumn).value).toBe(1_000_000);

    const zip = path.join(dir, 'all.zip');
    const archived = run(['export', '--all', zip]);
    expect(archived.status, archived.stderr).toBe(0);
    expect(fs.existsSync(zip)).toBe(true);
    const restored = run(['import', '--archive', zip, '--org', '恢复的机构', '--json']);
    expect(restored.status, restored.stderr).toBe(0);
    expect(countClients('退出码甲公司')).toBe(2);
  });
});
