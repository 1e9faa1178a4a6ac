import { describe, expect, it } from 'vitest';
import { checkEligibility } from './check-eligibility.ts';
import type { CompanyProfile } from './eligibility-types.ts';

const company = (over: Partial<CompanyProfile> = {}): CompanyProfile => ({
  registeredCapital: 1_000_000,
  businessScope: '许可项目：第二类增值电信业务。一般项目：技术服务。',
  foreignSharePercent: 0,
  province: 'BJ',
  declarations: { notDishonest: true, staffCount: 12, socialInsuranceStaffCount: 3, hasEquipmentEvidence: true, hasPremises: true, hasTrunkLines: true },
  ...over,
});

const row = (result: ReturnType<typeof checkEligibility>, key: string) => result.rows.find((r) => r.key === key)!;

describe('checkEligibility: registered capital', () => {
  it.each([
    [999_999, 'BJ', 'fail'], [1_000_000, 'BJ', 'pass'],
    [9_999_999, 'cross-regional', 'fail'], [10_000_000, 'cross-regional', 'pass'],
  ])('¥%i for %s → %s', (capital, scope, expected) => {
    const result = checkEligibility(company({ registeredCapital: capital }), { service: 'B24-1', scope });
    expect(row(result, 'registered-capital').result).toBe(expected);
    expect(result.eligible).toBe(expected === 'pass');
  });

  it('explains with the actual figures', () => {
    const result = checkEligibility(company({ registeredCapital: 800_000 }), { service: 'B24-1', scope: 'cross-regional' });
    expect(row(result, 'registered-capital').explanation.zh).toBe('注册资本 ¥800,000 低于跨地区要求的 ¥10,000,000。');
    expect(row(result, 'registered-capital')).toMatchObject({ level: 'block', confidence: 'H', source: { ref: expect.stringContaining('第六条') } });
  });
});

describe('checkEligibility: business scope', () => {
  it('passes on the service keyword', () => {
    const result = checkEligibility(company({ businessScope: '呼叫中心业务；软件开发' }), { service: 'B24-1', scope: 'BJ' });
    expect(row(result, 'business-scope').result).toBe('pass');
  });

  it('passes on the standard class wording', () => {
    expect(row(checkEligibility(company(), { service: 'B24-1', scope: 'BJ' }), 'business-scope').result).toBe('pass');
  });

  it('fails when the keyword appears only as an exclusion', () => {
    const result = checkEligibility(company({ businessScope: '增值电信业务（不含呼叫中心业务）' }), { service: 'B24-1', scope: 'BJ' });
    expect(row(result, 'business-scope').result).not.toBe('pass');
  });

  it('warns on bare 增值电信业务 and fails without any telecom wording', () => {
    expect(row(checkEligibility(company({ businessScope: '增值电信业务' }), { service: 'B24-1', scope: 'BJ' }), 'business-scope').result).toBe('warn');
    const none = checkEligibility(company({ businessScope: '软件开发；技术咨询' }), { service: 'B24-1', scope: 'BJ' });
    expect(row(none, 'business-scope').result).toBe('fail');
    expect(none.eligible).toBe(false);
  });

  it('does not accept class-2 wording for a class-1 service', () => {
    expect(row(checkEligibility(company(), { service: 'B11', scope: 'BJ' }), 'business-scope').result).toBe('fail');
  });
});

describe('checkEligibility: foreign share', () => {
  it('has no cap for call centres', () => {
    const result = checkEligibility(company({ foreignSharePercent: 100 }), { service: 'B24-1', scope: 'BJ' });
    expect(row(result, 'foreign-share').result).toBe('pass');
  });

  it.each([[50, 'pass'], [51, 'fail']])('caps ICP at 50 percent: share %i → %s', (share, expected) => {
    const result = checkEligibility(company({ foreignSharePercent: share, businessScope: '互联网信息服务' }), { service: 'B25-ICP', scope: 'BJ' });
    expect(row(result, 'foreign-share').result).toBe(expected);
  });

  it('follows an organisation’s cap override', () => {
    const result = checkEligibility(company({ foreignSharePercent: 70, businessScope: '互联网信息服务' }),
      { service: 'B25-ICP', scope: 'BJ', overrides: { 'eligibility.foreign-cap.B25-ICP': 100 } });
    expect(row(result, 'foreign-share').result).toBe('pass');
  });
});

describe('checkEligibility: declarations and practice', () => {
  it('reports missing declarations as unknown, never pass, and stays eligible', () => {
    const result = checkEligibility(company({ declarations: undefined }), { service: 'B24-1', scope: 'BJ' });
    for (const key of ['not-dishonest', 'staff-count', 'social-insurance', 'premises', 'equipment-evidence', 'trunk-lines']) {
      expect(row(result, key).result, key).toBe('unknown');
    }
    expect(result).toMatchObject({ eligible: true, hasUnknowns: true });
  });

  it('warns, not blocks, on too few staff, with the figures', () => {
    const result = checkEligibility(company({ declarations: { notDishonest: true, staffCount: 9, socialInsuranceStaffCount: 2 } }), { service: 'B24-1', scope: 'BJ' });
    expect(row(result, 'staff-count')).toMatchObject({ result: 'warn', level: 'warn' });
    expect(row(result, 'staff-count').explanation.zh).toContain('9 人');
    expect(row(result, 'social-insurance').result).toBe('warn');
    expect(result.eligible).toBe(true);
  });

  it('blocks a company declared on the dishonest list', () => {
    expect(checkEligibility(company({ declarations: { notDishonest: false } }), { service: 'B24-1', scope: 'BJ' }).eligible).toBe(false);
  });

  it('asks for call-centre equipment and trunk lines only for call centres', () => {
    const keys = checkEligibility(company({ businessScope: '互联网信息服务' }), { service: 'B25-ICP', scope: 'BJ' }).rows.map((r) => r.key);
    expect(keys).not.toContain('trunk-lines');
    expect(keys).not.toContain('equipment-evidence');
  });

  it('blocks an in-province application outside the province of registration', () => {
    const result = checkEligibility(company({ province: 'SH' }), { service: 'B24-1', scope: 'BJ' });
    expect(row(result, 'registration-province').result).toBe('fail');
    expect(row(checkEligibility(company({ province: 'SH', registeredCapital: 10_000_000 }), { service: 'B24-1', scope: 'cross-regional' }), 'registration-province').result).toBe('pass');
  });

  it('refuses an unknown service or scope', () => {
    expect(() => checkEligibility(company(), { service: 'B99', scope: 'BJ' })).toThrow(RangeError);
    expect(() => checkEligibility(company(), { service: 'B24-1', scope: 'HK' })).toThrow(RangeError);
  });
});
