import { describe, expect, it } from 'vitest';
import { findAuthority, isLicenceScope, listScopes } from './authorities.ts';
import { listMaterials } from './materials.ts';
import { listProcessStages } from './process-stages.ts';
import { findService, listServices } from './services.ts';

describe('services', () => {
  it('lists the 2015 catalogue with the call-centre, information-service and DNS sub-items', () => {
    expect(listServices().map((s) => s.code)).toEqual(['B11', 'B12', 'B13', 'B14', 'B21', 'B22', 'B23', 'B24', 'B24-1', 'B24-2',
      'B25', 'B25-ICP', 'B25-SP', 'B26', 'B26-1']);
  });

  it('classes B1x as class 1 and B2x as class 2', () => {
    for (const s of listServices()) expect(s.class).toBe(s.code.startsWith('B1') ? 'B1' : 'B2');
  });

  it('finds a sub-item case-insensitively, with its parent', () => {
    expect(findService('b24-1')).toMatchObject({ code: 'B24-1', zh: '国内呼叫中心业务', parent: 'B24' });
    expect(findService('B25-icp')).toMatchObject({ zh: '信息服务业务（仅限互联网信息服务）', parent: 'B25' });
    expect(findService('B27')).toBeUndefined();
  });
});

describe('authorities', () => {
  it('names the provincial communications administration', () => {
    expect(findAuthority('BJ')).toMatchObject({ zh: '北京市通信管理局', en: 'Beijing Communications Administration', abbr: '京', level: 'provincial' });
    expect(findAuthority('NM')?.zh).toBe('内蒙古自治区通信管理局');
  });

  it('names MIIT for cross-regional, noting the provincial filings', () => {
    const miit = findAuthority('cross-regional');
    expect(miit).toMatchObject({ zh: '中华人民共和国工业和信息化部', abbr: null, level: 'national' });
    expect(miit?.note?.zh).toContain('备案');
  });

  it('accepts only cross-regional and the 31 mainland provinces', () => {
    expect(listScopes()).toHaveLength(32);
    expect(isLicenceScope('HK')).toBe(false);
    expect(isLicenceScope('XX')).toBe(false);
    expect(findAuthority('TW')).toBeUndefined();
  });
});

describe('materials', () => {
  it('merges the guide’s nine call-centre items with the Art. 8 general list', () => {
    const keys = listMaterials('B24-1').map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['company-basic-info', 'business-licence', 'shareholder-ids', 'key-managers',
      'equipment-contract', 'premises-lease', 'trunk-line-contract', 'business-description', 'client-agreements',
      'application-letter', 'company-profile', 'articles-and-shareholding', 'business-and-technical-plan',
      'service-quality-measures', 'network-security-measures', 'reputation-proof', 'commitment-letter', 'prior-consent']));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('generates exactly the application letter, the business description and the commitment letter', () => {
    expect(listMaterials('B24-1').filter((m) => m.generated).map((m) => m.key).sort())
      .toEqual(['application-letter', 'business-description', 'commitment-letter']);
  });

  it('leaves the call-centre items out of other services', () => {
    const keys = listMaterials('B25-ICP').map((m) => m.key);
    expect(keys).toContain('commitment-letter');
    expect(keys).not.toContain('trunk-line-contract');
  });

  it('marks ID scans as personal data', () => {
    expect(listMaterials('B24-1').find((m) => m.key === 'shareholder-ids')?.personalData).toBe(true);
  });
});

describe('process stages', () => {
  it('has the guide’s five steps in order, with the regulation’s sub-steps under review', () => {
    const stages = listProcessStages({ scope: 'BJ' });
    expect(stages.filter((s) => s.parent === null).map((s) => s.key))
      .toEqual(['sign-agency-contract', 'prepare-materials', 'write-and-submit', 'acceptance-and-review', 'receive-licence']);
    expect(stages.filter((s) => s.parent === 'acceptance-and-review').map((s) => s.key)).toEqual(['correction-notice', 'review-decision']);
  });

  it('holds the regulation’s figures in their own units', () => {
    const stages = listProcessStages({ scope: 'BJ' });
    expect(stages.find((s) => s.key === 'correction-notice')?.duration.regulation).toMatchObject({ unit: 'working-days', value: 5 });
    expect(stages.find((s) => s.key === 'review-decision')?.duration.regulation).toMatchObject({ unit: 'calendar-days', value: 60 });
  });

  it('uses the organisation’s estimate for the total, by scope', () => {
    const total = (scope: string, overrides = {}) => listProcessStages({ scope, overrides }).find((s) => s.key === 'receive-licence')?.duration.practice;
    expect(total('BJ')).toMatchObject({ unit: 'working-days', value: 60, configurableKey: 'processing.in-province.working-days' });
    expect(total('cross-regional')).toMatchObject({ value: 90, configurableKey: 'processing.cross-regional.working-days' });
    expect(total('BJ', { 'processing.in-province.working-days': 45 })?.value).toBe(45);
  });
});
