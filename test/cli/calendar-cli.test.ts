import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { test2027 } from '../support/calendar-fixtures.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('licensedesk calendar', () => {
  let dir: string;
  const run = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'licensedesk.js'), 'calendar', ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, LICENSEDESK_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-cal-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('info, add and between print plain answers, or JSON', () => {
    expect(run(['info', '2026-10-01']).stdout).toMatch(/^2026-10-01 holiday 国庆节/);
    expect(run(['add', '2026-09-30', '1']).stdout).toBe('2026-10-08\n');
    expect(run(['add', '2026-10-09', '-3']).stdout).toBe('2026-09-29\n');
    expect(run(['add', '2026-12-01', '30']).stdout).toBe('2027-01-12 provisional\n');
    expect(JSON.parse(run(['between', '2026-09-30', '2026-10-10', '--json']).stdout)).toMatchObject({ days: 3, provisional: false });
    const bad = run(['add', '2026-02-30', '1']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/2026-02-30/);
  });

  it('add --batch answers line by line, writes ERROR for a bad line, goes on, and exits 1', () => {
    const r = run(['add', '--batch'], '2026-09-30 1\n2026-13-01 2\n2026-12-01 30\n');
    expect(r.stdout.split('\n')).toEqual(['2026-10-08', expect.stringMatching(/^ERROR /), '2027-01-12 provisional', '']);
    expect(r.status).toBe(1);
    expect(run(['add', '--batch'], '2026-09-30 1\n').status).toBe(0);
  });

  it('load refuses a bad file with every problem named, loads a good one, and unload restores the flag', () => {
    const badFile = path.join(dir, 'bad.json');
    fs.writeFileSync(badFile, JSON.stringify({ ...test2027, days: [{ date: '2027-02-15', isOffDay: false, name: '春节' }] }));
    const bad = run(['load', badFile]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/days\[0\]/);

    const file = path.join(dir, '2027.json');
    fs.writeFileSync(file, JSON.stringify({ year: 2027, papers: [], days: test2027.days }));
    const load = run(['load', file]);
    expect(load.status, load.stderr).toBe(0);
    expect(load.stdout).toMatch(/Loaded 2027: 9 days/);
    expect(run(['add', '2026-12-01', '30']).stdout).toBe('2027-01-13\n');
    expect(run(['add', '--batch'], '2027-02-05 1\n').stdout).toBe('2027-02-13\n');

    expect(run(['unload', '2027']).status).toBe(0);
    expect(run(['add', '2026-12-01', '30']).stdout).toBe('2027-01-12 provisional\n');
    expect(run(['unload', '2027']).status).toBe(1);
  });

  it('load accepts a file saved with a UTF-8 byte-order mark', () => {
    const file = path.join(dir, '2027-bom.json');
    fs.writeFileSync(file, '\uFEFF' + JSON.stringify({ year: 2027, papers: [], days: test2027.days }));
    const load = run(['load', file]);
    expect(load.status, load.stderr).toBe(0);
    expect(run(['add', '2026-12-01', '30']).stdout).toBe('2027-01-13\n');
    expect(run(['unload', '2027']).status).toBe(0);
  });

  it('load names each field at fault once, and refuses what the API refuses: no days, an over-long name', () => {
    const weekday = path.join(dir, 'weekday.json');
    fs.writeFileSync(weekday, JSON.stringify({ ...test2027, days: [{ date: '2027-02-15', isOffDay: false, name: '春节' }] }));
    const bad = run(['load', weekday]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^days\[0\]\.isOffDay: adjusted working day 2027-02-15 is not a Saturday or Sunday \/ 调休上班日/m);
    expect(bad.stderr.match(/days\[0\]/g)).toHaveLength(1);

    const empty = path.join(dir, 'empty.json');
    fs.writeFileSync(empty, JSON.stringify({ year: 2027, papers: [], days: [] }));
    expect(run(['load', empty]).stderr).toMatch(/^days: list at least one day/m);
    const long = path.join(dir, 'long.json');
    fs.writeFileSync(long, JSON.stringify({ year: 2027, papers: [], days: [{ date: '2027-01-01', isOffDay: true, name: '节'.repeat(150_000) }] }));
    const tooLong = run(['load', long]);
    expect(tooLong.status).toBe(1);
    expect(tooLong.stderr).toMatch(/^days\[0\]\.name: must be at most 50 characters/m);
    expect(run(['years']).stdout).not.toMatch(/^2027/m);
  });
});
