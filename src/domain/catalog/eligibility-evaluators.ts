import type { LocalizedText } from '../calendar/types.ts';
import { findProvince } from '../geo/provinces.ts';
import { describeScope, type LicenceScope } from './authorities.ts';
import { matchBusinessScope } from './business-scope-match.ts';
import type { CatalogSettings } from './catalog-overrides.ts';
import { foreignCapKey, minimumCapitalFor, type CriterionKey } from './eligibility-criteria.ts';
import type { CompanyProfile, CriterionResult } from './eligibility-types.ts';
import { formatYuan } from './format-yuan.ts';
import type { TelecomService } from './services.ts';

/** Everything an evaluator may look at. */
export interface EvaluationContext {
  company: CompanyProfile;
  service: TelecomService;
  scope: LicenceScope;
  settings: CatalogSettings;
}

/** The verdict of one criterion. */
export interface Verdict {
  result: CriterionResult;
  explanation: LocalizedText;
}

const unknown = (what: LocalizedText): Verdict => ({
  result: 'unknown',
  explanation: { zh: `尚未声明${what.zh}，无法判断。`, en: `${what.en} has not been declared, so this cannot be decided.` },
});

function capital({ company, scope }: EvaluationContext): Verdict {
  const min = minimumCapitalFor(scope);
  const label = scope === 'cross-regional' ? { zh: '跨地区', en: 'cross-regional' } : { zh: '省内', en: 'in-province' };
  const have = formatYuan(company.registeredCapital);
  if (company.registeredCapital >= min) {
    return { result: 'pass', explanation: { zh: `注册资本 ${have} 不低于${label.zh}要求的 ${formatYuan(min)}。`, en: `Registered capital ${have} meets the ${label.en} minimum of ${formatYuan(min)}.` } };
  }
  return { result: 'fail', explanation: { zh: `注册资本 ${have} 低于${label.zh}要求的 ${formatYuan(min)}。`, en: `Registered capital ${have} is below the ${label.en} minimum of ${formatYuan(min)}.` } };
}

function registrationProvince({ company, scope }: EvaluationContext): Verdict {
  if (scope === 'cross-regional') {
    return { result: 'pass', explanation: { zh: '跨地区许可由工业和信息化部审批，不受注册地限制。', en: 'A cross-regional licence is issued by MIIT wherever the company is registered.' } };
  }
  const registered = findProvince(company.province);
  const target = describeScope(scope);
  if (company.province === scope) {
    return { result: 'pass', explanation: { zh: `公司注册于${registered?.zh ?? company.province}，与申请范围一致。`, en: `The company is registered in ${registered?.en ?? company.province}, matching the scope.` } };
  }
  return { result: 'fail', explanation: {
    zh: `公司注册于${registered?.zh ?? company.province}，不能申请${target.zh}许可；请改为向注册地申请或申请跨地区许可。`,
    en: `The company is registered in ${registered?.en ?? company.province}, so it cannot apply for an ${target.en} licence; apply in its own province or cross-regionally.`,
  } };
}

function foreignShare({ company, service, settings }: EvaluationContext): Verdict {
  const share = company.foreignSharePercent;
  if (!Number.isFinite(share) || share < 0 || share > 100) {
    return { result: 'unknown', explanation: { zh: `外资股比“${share}”无效，应为0–100。`, en: `Foreign share '${share}' is invalid; it must be 0–100.` } };
  }
  const cap = settings[foreignCapKey(service.code)];
  if (cap >= 100) {
    return { result: 'pass', explanation: { zh: `${service.zh}不设外资股比上限（外资股比 ${share}%）。`, en: `${service.en} has no foreign-equity cap (foreign share ${share}%).` } };
  }
  if (share <= cap) {
    return { result: 'pass', explanation: { zh: `外资股比 ${share}% 未超过上限 ${cap}%。`, en: `Foreign share ${share}% is within the ${cap}% cap.` } };
  }
  return { result: 'fail', explanation: { zh: `外资股比 ${share}% 超过${service.zh}的上限 ${cap}%。`, en: `Foreign share ${share}% exceeds the ${cap}% cap for ${service.en}.` } };
}

function notDishonest({ company }: EvaluationContext): Verdict {
  const declared = company.declarations?.notDishonest;
  if (declared === undefined) return unknown({ zh: '是否列入失信名单', en: 'Dishonest-list status' });
  return declared
    ? { result: 'pass', explanation: { zh: '已声明公司、主要投资者及主要经营管理人员未列入失信名单。', en: 'Declared: the company, main investors and managers are not on the dishonest list.' } }
    : { result: 'fail', explanation: { zh: '已声明列入失信名单，不能申请。', en: 'Declared as listed on the dishonest list; the company cannot apply.' } };
}

function atLeast(count: number | undefined, { min, what }: { min: number; what: LocalizedText }): Verdict {
  if (count === undefined) return unknown(what);
  if (count >= min) return { result: 'pass', explanation: { zh: `${what.zh} ${count} 人，达到建议的 ${min} 人。`, en: `${what.en}: ${count}, meeting the recommended ${min}.` } };
  return { result: 'warn', explanation: { zh: `${what.zh} ${count} 人，少于建议的 ${min} 人（惯例，非法定要求）。`, en: `${what.en}: ${count}, fewer than the recommended ${min} (practice, not law).` } };
}

function declared(value: boolean | undefined, what: LocalizedText): Verdict {
  if (value === undefined) return unknown(what);
  return value
    ? { result: 'pass', explanation: { zh: `已声明具备${what.zh}。`, en: `${what.en}: declared available.` } }
    : { result: 'warn', explanation: { zh: `尚不具备${what.zh}，审查或现场核查时可能不通过。`, en: `${what.en}: not yet available; review or the on-site inspection may fail.` } };
}

/** Evaluators per criterion; each returns figures in its explanation. */
export const evaluators: Record<CriterionKey, (ctx: EvaluationContext) => Verdict> = {
  'registered-capital': capital,
  'registration-province': registrationProvince,
  'business-scope': ({ company, service }) => matchBusinessScope(company.businessScope, service),
  'foreign-share': foreignShare,
  'not-dishonest': notDishonest,
  'staff-count': ({ company, settings }) => atLeast(company.declarations?.staffCount,
    { min: settings['eligibility.staff.minimum'], what: { zh: '技术及管理人员', en: 'Technical and management staff' } }),
  'social-insurance': ({ company, settings }) => atLeast(company.declarations?.socialInsuranceStaffCount,
    { min: settings['eligibility.social-insurance.minimum'], what: { zh: '在本公司缴纳社保人员', en: 'Staff on company social insurance' } }),
  premises: ({ company }) => declared(company.declarations?.hasPremises, { zh: '经营场地（租赁合同及产权证明）', en: 'Premises (lease and property certificate)' }),
  'equipment-evidence': ({ company }) => declared(company.declarations?.hasEquipmentEvidence,
    { zh: '呼叫中心系统采购凭证', en: 'Call-centre system purchase evidence' }),
  'trunk-lines': ({ company }) => declared(company.declarations?.hasTrunkLines, { zh: '中继线租用合同', en: 'Trunk-line lease' }),
};
