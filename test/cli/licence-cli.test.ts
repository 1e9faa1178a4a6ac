import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('licensedesk catalog, validate, eligibility and obligations', () => {
  let dir: string;
  const file = (name: string, content: unknown) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, JSON.stringify(content));
    return p;
  };
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'licensedesk.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LICENSEDESK_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn', LICENSEDESK_DEMO: '0' }, timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const company = { registeredCapital: 2_000_000, businessScope: '呼叫中心业务；软件开发', foreignSharePercent: 0, province: 'BJ', declarations: { notDishonest: true, staffCount: 8 } };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-licence-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('validate exits 0 for a valid value and 1 for an invalid one, with the reason in Chinese and English', () => {
    const ok = run(['validate', 'uscc', '91350100M000100Y43']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^✓ 有效 valid: 91350100M000100Y43\n/);
    expect(ok.stdout).toContain('350100 福建省 Fujian');
    const bad = run(['validate', 'uscc', '91350100M000100Y44']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('应为“3”');
    expect(bad.stdout).toContain("GB 32100-2015 gives '3'");
    expect(JSON.parse(run(['validate', 'uscc', '91350100M000100Y44', '--json']).stdout)).toMatchObject({ valid: false, reason: { code: 'bad-check' } });

    const licence = run(['validate', 'licence-no', '京B2-20191218']);
    expect(licence.status).toBe(0);
    expect(licence.stdout).toContain('北京市通信管理局');
    const icp = run(['validate', 'licence-no', '京ICP备12345678号']);
    expect(icp.status).toBe(1);
    expect(icp.stdout).toContain('是ICP备案号，不是经营许可证编号');
    expect(icp.stdout).toContain('is an ICP filing number (备案), not a licence number');
  });

  it('validate idcard prints the masked number only', () => {
    for (const args of [['11010519491231002X'], ['11010519491231002X', '--json'], ['110105194912310021']]) {
      const r = run(['validate', 'idcard', ...args]);
      expect(r.stdout + r.stderr).not.toContain('19491231');
      expect(r.stdout).toContain('110105********002');
    }
    expect(run(['validate', 'idcard', '11010519491231002X']).status).toBe(0);
    expect(run(['validate', 'idcard', '110105194912310021']).status).toBe(1);
  });

  it('a usage error exits 2 so it is never mistaken for "invalid"', () => {
    expect(run(['validate', 'passport', 'x']).status).toBe(2);
    expect(run(['validate', 'uscc']).status).toBe(2);
    const scope = run(['validate', 'access-number', '95123', '--scope', 'HK']);
    expect(scope.status).toBe(2);
    expect(scope.stderr).toMatch(/^licensedesk: --scope: 'HK' is not a licence scope/);
    expect(run(['validate', 'access-number', '96123', '--scope', 'GD']).status).toBe(0);
  });

  it('catalog list and show print readable sections, or the API’s JSON; an unknown code exits 1', () => {
    const list = run(['catalog', 'list']);
    expect(list.stdout).toMatch(/B24-1\s+B2\s+B24\s+国内呼叫中心业务\s+Domestic call centre/);
    expect(JSON.parse(run(['catalog', 'list', '--json']).stdout).items).toHaveLength(15);
    const show = run(['catalog', 'show', 'b24-1']);
    expect(show.status, show.stderr).toBe(0);
    for (const heading of ['发证机关 Issuing authorities', '申请条件 Eligibility criteria', '申请材料 Materials', '办理流程 Process stages', '取证后义务 Obligations after the licence', '可配置项 Configurable values']) {
      expect(show.stdout).toContain(`== ${heading} ==`);
    }
    expect(show.stdout).toContain('SH 沪 上海市通信管理局');
    expect(show.stdout).toMatch(/60 \(40–90\) 个工作日 working days/);
    expect(JSON.parse(run(['catalog', 'show', 'B24-1', '--json']).stdout).service.code).toBe('B24-1');
    const unknown = run(['catalog', 'show', 'B99']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain("No service with code 'B99'");
  });

  it('eligibility prints a row per criterion and exits 0 when eligible, 1 when a blocking criterion fails', () => {
    const acme = file('acme.json', company);
    const ok = run(['eligibility', '--service', 'B24-1', '--scope', 'BJ', '--company', acme]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('✓ 符合申请条件 Eligible');
    expect(ok.stdout).toMatch(/✓ PASS 通过\s+注册资本\s+注册资本 ¥2,000,000 不低于省内要求的 ¥1,000,000。\s+H · 电信业务经营许可管理办法/);
    expect(ok.stdout).toMatch(/! WARN 注意\s+技术及管理人员/);
    expect(ok.stdout).toMatch(/\? UNKNOWN 待确认\s+社保缴纳人员/);
    const national = run(['eligibility', '--service', 'B24-1', '--scope', 'cross-regional', '--company', acme]);
    expect(national.status).toBe(1);
    expect(national.stdout).toMatch(/✗ FAIL 不通过\s+注册资本/);
    expect(JSON.parse(run(['eligibility', '--service', 'B24-1', '--scope', 'cross-regional', '--company', acme, '--json']).stdout)).toMatchObject({ eligible: false });
  });

  it('eligibility names a bad company file field, and exits 2 for bad input', () => {
    const bad = file('bad.json', { ...company, registeredCapital: '200万' });
    const r = run(['eligibility', '--service', 'B24-1', '--scope', 'BJ', '--company', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`licensedesk: ${bad}: registeredCapital: must be an integer / 应为整数\n`);
    const missing = run(['eligibility', '--service', 'B24-1', '--scope', 'BJ', '--company', file('partial.json', { businessScope: '呼叫中心业务' })]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/registeredCapital: is required/);
    expect(run(['eligibility', '--service', 'B99', '--scope', 'BJ', '--company', bad]).status).toBe(2);
    expect(run(['eligibility', '--scope', 'BJ', '--company', bad]).status).toBe(2);
  });

  it('the offline commands leave the data directory alone', () => {
    expect(fs.existsSync(path.join(dir, 'licensedesk.db'))).toBe(false);
  });

  it('obligations preview prints due date, status and title, or JSON; a bad date names the flag', () => {
    const r = run(['obligations', 'preview', '--service', 'B24-1', '--scope', 'BJ', '--issued', '2024-01-15', '--today', '2026-03-10']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('到期 expires 2029-01-15');
    expect(r.stdout).toMatch(/2025-01-15\s+✗ 已逾期 overdue\s+开通业务 Start operating \[B24-1\]/);
    expect(r.stdout).toMatch(/2026-03-31\s+! 即将到期 due soon\s+电信业务经营信息年报 Annual report \(年报\) \[2026\]/);
    // The reports still to come in the licence's term are listed too.
    expect(r.stdout).toMatch(/2029-03-31\s+未到期 upcoming\s+电信业务经营信息年报 Annual report \(年报\) \[2029\]/);
    expect(r.stdout).toMatch(/2028-10-17\s+未到期 upcoming\s+申请许可证延续（续期）/);
    const facts = file('facts.json', { servicesOpenedOn: { 'B24-1': '2024-05-01' }, registrationChanges: [{ kind: 'name', changedOn: '2026-03-01' }] });
    const json = JSON.parse(run(['obligations', 'preview', '--service', 'B24-1', '--scope', 'BJ', '--issued', '2024-01-15', '--today', '2026-03-10', '--facts', facts, '--json']).stdout);
    expect(json.items.find((o: { id: string }) => o.id === 'start-operating:B24-1').status).toBe('done');
    expect(json.items.find((o: { id: string }) => o.id === 'registration-change:name:2026-03-01')).toMatchObject({ dueDate: '2026-03-31', provisional: false });
    const bad = run(['obligations', 'preview', '--service', 'B24-1', '--scope', 'BJ', '--issued', '2024-02-30']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^licensedesk: --issued: not a valid YYYY-MM-DD date: 2024-02-30/);
  });

  it("--org applies the organisation's rule overrides", () => {
    expect(run(['migrate']).status).toBe(0);
    const db = new BetterSqlite3(path.join(dir, 'licensedesk.db'));
    const orgId = (db.prepare('select id from organisations').get() as { id: string }).id;
    const insert = db.prepare('insert into org_settings (org_id, key, value, updated_by, updated_at) values (?, ?, ?, null, ?)');
    insert.run(orgId, 'processing.in-province.working-days', '45', '2026-01-01T00:00:00Z');
    insert.run(orgId, 'obligations.start-operating.months', '6', '2026-01-01T00:00:00Z');
    db.close();
    const detail = JSON.parse(run(['catalog', 'show', 'B24-1', '--org', orgId, '--json']).stdout);
    expect(detail.processStages.inProvince.find((s: { key: string }) => s.key === 'receive-licence').duration.practice).toMatchObject({ value: 45, overridden: true });
    expect(run(['catalog', 'show', 'B24-1', '--org', orgId]).stdout).toContain('* 本机构配置的值 set by the organisation (2)');
    const preview = run(['obligations', 'preview', '--service', 'B24-1', '--scope', 'BJ', '--issued', '2026-01-15', '--today', '2026-02-01', '--org', orgId]);
    expect(preview.stdout).toMatch(/2026-07-15\s+未到期 upcoming\s+开通业务/);
    expect(preview.stdout).toContain('obligations.start-operating.months');
    expect(run(['catalog', 'show', 'B24-1', '--org', 'nope']).status).toBe(1);
  });
});
