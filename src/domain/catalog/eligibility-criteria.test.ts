import { describe, expect, it } from 'vitest';
import { resolveSettings } from './catalog-overrides.ts';
import { listEligibilityCriteria } from './eligibility-criteria.ts';

const requirementOf = (criteria: ReturnType<typeof listEligibilityCriteria>, key: string) => criteria.find((c) => c.key === key)!.requirement;

describe('listEligibilityCriteria: requirements state the values in force', () => {
  it('states the catalogue defaults when nothing is overridden', () => {
    const criteria = listEligibilityCriteria({ service: 'B25-ICP', settings: resolveSettings() });
    expect(requirementOf(criteria, 'staff-count').zh).toBe('建议至少有10名技术及管理人员。');
    expect(requirementOf(criteria, 'social-insurance').zh).toContain('建议至少3人在本公司缴纳社保');
    expect(requirementOf(criteria, 'foreign-share')).toEqual({ zh: '信息服务业务（仅限互联网信息服务）的外资股比不得超过50%。', en: expect.stringContaining('may not exceed 50%') });
  });

  it('states an organisation’s thresholds and cap, not the defaults', () => {
    const settings = resolveSettings({ 'eligibility.staff.minimum': 15, 'eligibility.social-insurance.minimum': 5, 'eligibility.foreign-cap.B25-ICP': 100, 'eligibility.foreign-cap.B24-1': 49 });
    const icp = listEligibilityCriteria({ service: 'B25-ICP', settings });
    expect(requirementOf(icp, 'staff-count')).toEqual({ zh: '建议至少有15名技术及管理人员。', en: 'At least 15 technical and management staff are recommended.' });
    expect(requirementOf(icp, 'social-insurance').zh).toContain('建议至少5人');
    expect(requirementOf(icp, 'social-insurance').en).toContain('At least 5 staff');
    expect(requirementOf(icp, 'foreign-share').zh).toBe('信息服务业务（仅限互联网信息服务）不设外资股比上限。');
    const callCentre = listEligibilityCriteria({ service: 'B24-1', settings });
    expect(requirementOf(callCentre, 'foreign-share').zh).toBe('国内呼叫中心业务的外资股比不得超过49%。');
    expect(callCentre.find((c) => c.key === 'foreign-share')!.settingKey).toBe('eligibility.foreign-cap.B24-1');
  });

  it('keeps the fixed registered-capital wording and has no setting for it', () => {
    const criterion = listEligibilityCriteria({ service: 'B24-1', settings: resolveSettings({ 'eligibility.staff.minimum': 15 }) }).find((c) => c.key === 'registered-capital')!;
    expect(criterion.requirement.zh).toBe('省内经营不少于100万元，跨地区经营不少于1000万元。');
    expect(criterion.settingKey).toBeNull();
  });
});
