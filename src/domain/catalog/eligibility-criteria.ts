import type { LocalizedText } from '../calendar/types.ts';
import type { LicenceScope } from './authorities.ts';
import type { CatalogSettings } from './catalog-overrides.ts';
import type { OverridableKey } from './overridable-settings.ts';
import { findService, type ServiceCode, type TelecomService } from './services.ts';
import type { Confidence, Source } from './source.ts';
import { guide, NEGATIVE_LIST_2020, ORDER_42, practice, regulation, TELECOM_REGULATIONS } from './sources.ts';

/** Stable keys of eligibility criteria. */
export type CriterionKey =
  | 'registered-capital'
  | 'registration-province'
  | 'business-scope'
  | 'foreign-share'
  | 'not-dishonest'
  | 'staff-count'
  | 'social-insurance'
  | 'premises'
  | 'equipment-evidence'
  | 'trunk-lines';

/** `block`: failing it makes the company ineligible; `warn`: practice or a declaration to confirm. */
export type CriterionLevel = 'block' | 'warn';

/** What a requirement's wording may depend on: the service, and the settings in force for the organisation. */
export interface RequirementContext {
  service: Pick<TelecomService, 'code' | 'zh' | 'en'>;
  settings: CatalogSettings;
}

/** One condition a company should meet before applying. */
export interface EligibilityCriterion {
  key: CriterionKey;
  level: CriterionLevel;
  title: LocalizedText;
  /** Fixed wording, or wording stating the value in force (an overridable threshold). */
  requirement: LocalizedText | ((context: RequirementContext) => LocalizedText);
  /** Service groups it applies to (a sub-item matches its parent), or 'all'. */
  services: 'all' | ServiceCode[];
  /** The setting holding its threshold, when an organisation may change it. */
  settingKey?: OverridableKey;
  source: Source;
  confidence: Confidence;
}

/** Minimum registered capital in yuan (Order 42 Art. 6(4)). */
export const registeredCapitalMinimum = { inProvince: 1_000_000, crossRegional: 10_000_000 } as const;

/** The minimum registered capital for a scope, in yuan. */
export function minimumCapitalFor(scope: LicenceScope): number {
  return scope === 'cross-regional' ? registeredCapitalMinimum.crossRegional : registeredCapitalMinimum.inProvince;
}

/** Eligibility criteria as data; {@link listEligibilityCriteria} picks those for a service. */
export const eligibilityCriteria: readonly EligibilityCriterion[] = [
  { key: 'registered-capital', level: 'block', services: 'all', confidence: 'H',
    title: { zh: '注册资本', en: 'Registered capital' },
    requirement: { zh: '省内经营不少于100万元，跨地区经营不少于1000万元。', en: 'At least ¥1,000,000 in-province; at least ¥10,000,000 cross-regional.' },
    source: regulation(`${ORDER_42}第六条第（四）项`) },
  { key: 'registration-province', level: 'block', services: 'all', confidence: 'M',
    title: { zh: '注册地与发证机关', en: 'Place of registration and issuing authority' },
    requirement: { zh: '省内许可向公司注册地的省通信管理局申请。', en: 'An in-province licence is applied for in the province where the company is registered.' },
    source: practice(`${TELECOM_REGULATIONS}第九条；各省通信管理局办事指南`) },
  { key: 'business-scope', level: 'block', services: 'all', confidence: 'H',
    title: { zh: '经营范围', en: 'Business scope' },
    requirement: { zh: '营业执照经营范围须包含所申请的业务（如“呼叫中心业务”，或规范表述“第二类增值电信业务”）。', en: 'The business scope on the business licence must include the service (e.g. 呼叫中心业务, or the standard wording 第二类增值电信业务).' },
    source: guide('注意事项1') },
  { key: 'foreign-share', level: 'block', services: 'all', confidence: 'H',
    title: { zh: '外资股比', en: 'Foreign shareholding' },
    requirement: ({ service, settings }) => {
      const cap = settings[foreignCapKey(service.code)];
      return cap >= 100
        ? { zh: `${service.zh}不设外资股比上限。`, en: `${service.en} has no foreign-equity cap.` }
        : { zh: `${service.zh}的外资股比不得超过${cap}%。`, en: `Foreign equity in ${service.en} may not exceed ${cap}%.` };
    },
    source: regulation(NEGATIVE_LIST_2020) },
  { key: 'not-dishonest', level: 'block', services: 'all', confidence: 'H',
    title: { zh: '未列入失信名单', en: 'Not on the dishonest list' },
    requirement: { zh: '公司及其主要投资者和主要经营管理人员未被列入电信业务经营失信名单。', en: 'The company, its main investors and main managers are not on the telecom dishonest list (失信名单).' },
    source: regulation(`${ORDER_42}第六条第（六）项`) },
  { key: 'staff-count', level: 'warn', services: 'all', confidence: 'L', settingKey: 'eligibility.staff.minimum',
    title: { zh: '技术及管理人员', en: 'Technical and management staff' },
    requirement: ({ settings }) => {
      const min = settings['eligibility.staff.minimum'];
      return { zh: `建议至少有${min}名技术及管理人员。`, en: `At least ${min} technical and management staff are recommended.` };
    },
    source: practice('咨询机构经验（法规仅要求“有与开展经营活动相适应的资金和专业人员”，第六条第（二）项）') },
  { key: 'social-insurance', level: 'warn', services: 'all', confidence: 'L', settingKey: 'eligibility.social-insurance.minimum',
    title: { zh: '社保缴纳人员', en: 'Staff on company social insurance' },
    requirement: ({ settings }) => {
      const min = settings['eligibility.social-insurance.minimum'];
      return { zh: `建议至少${min}人在本公司缴纳社保（常见要求3–5人）。`, en: `At least ${min} staff on the company’s social insurance are recommended (3–5 is common).` };
    },
    source: practice('咨询机构经验') },
  { key: 'premises', level: 'warn', services: 'all', confidence: 'H',
    title: { zh: '经营场地', en: 'Premises' },
    requirement: { zh: '有必要的场地、设施及技术方案（需提供租赁合同及产权证明）。', en: 'Necessary premises, facilities and a technical plan (lease contract and property certificate).' },
    source: regulation(`${ORDER_42}第六条第（五）项`) },
  { key: 'equipment-evidence', level: 'warn', services: ['B24'], confidence: 'M',
    title: { zh: '呼叫中心系统', en: 'Call-centre system' },
    requirement: { zh: '有呼叫中心系统，以采购合同、发票及设备进网许可证为证。', en: 'A call-centre system, evidenced by the purchase contract, invoices and the equipment’s network-access licence.' },
    source: guide('材料清单第5项') },
  { key: 'trunk-lines', level: 'warn', services: ['B24'], confidence: 'M',
    title: { zh: '中继线', en: 'Trunk lines' },
    requirement: { zh: '已租用中继线（需提供租用合同）。', en: 'Trunk lines leased (lease contract required).' },
    source: guide('材料清单第7项') },
];

function appliesTo(criterion: EligibilityCriterion, service: ServiceCode): boolean {
  if (criterion.services === 'all') return true;
  const parent = findService(service)?.parent;
  return criterion.services.includes(service) || (parent !== null && parent !== undefined && criterion.services.includes(parent));
}

/** A criterion for one service, its requirement worded with the values in force. */
export type ResolvedCriterion = Omit<EligibilityCriterion, 'requirement' | 'settingKey'> & {
  requirement: LocalizedText;
  /** The setting deciding its threshold (the service's own foreign-equity cap for `foreign-share`), or null. */
  settingKey: OverridableKey | null;
};

/** The setting holding a service's foreign-equity cap. */
export function foreignCapKey(service: ServiceCode): OverridableKey {
  return `eligibility.foreign-cap.${service}` as OverridableKey;
}

/**
 * The criteria for a service (the scope decides thresholds, not which criteria apply), each requirement stating the
 * organisation's value where it may be overridden. Throws RangeError for an unknown service.
 */
export function listEligibilityCriteria(options: { service: ServiceCode; settings: CatalogSettings }): ResolvedCriterion[] {
  const service = findService(options.service);
  if (!service) throw new RangeError(`listEligibilityCriteria: unknown service '${options.service}'`);
  const context: RequirementContext = { service, settings: options.settings };
  return eligibilityCriteria.filter((c) => appliesTo(c, service.code)).map(({ requirement, settingKey, ...c }) => ({
    ...c,
    requirement: typeof requirement === 'function' ? requirement(context) : requirement,
    settingKey: settingKey ?? (c.key === 'foreign-share' ? foreignCapKey(service.code) : null),
  }));
}
