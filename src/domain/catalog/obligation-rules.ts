import type { LocalizedText } from '../calendar/types.ts';
import type { OverridableKey } from './overridable-settings.ts';
import type { Confidence, Source } from './source.ts';
import { ANNUAL_REPORT_NOTICE, CIVIL_CODE, guide, NUMBER_MEASURES, ORDER_42, regulation, TELECOM_REGULATIONS } from './sources.ts';

/** Kinds of post-issue obligations. */
export type ObligationKind =
  | 'start-operating'
  | 'annual-report'
  | 'renewal'
  | 'expiry'
  | 'registration-change'
  | 'approval-change'
  | 'provincial-filing'
  | 'number-annual-report';

/** How much it hurts to miss it. */
export type Severity = 'high' | 'medium' | 'low';

/** A span counted from an event. `calendar-days` follow 民法典 Art. 201: the event day itself is not counted. */
export interface Offset {
  unit: 'calendar-days' | 'working-days' | 'months';
  value: number;
  /** The setting that replaces `value` when an organisation overrides it. */
  settingKey?: OverridableKey;
  /**
   * A period counted forward whose last day is a rest day (a weekend or a statutory holiday on the official calendar)
   * ends on the next working day instead (民法典第二百零三条). Only the official calendar knows, so a due date with
   * this flag moves when a year's arrangement is loaded.
   */
  lastDayRolls?: boolean;
}

/** When an obligation falls due. */
export type DueRule =
  | { type: 'after-event'; event: 'issue' | 'registration-change' | 'approval-decision'; offset: Offset }
  | { type: 'before-expiry'; offset: Offset; windowOpens: Offset }
  | { type: 'on-expiry'; validity: Offset }
  | { type: 'yearly'; windowStart: string; due: string; catchUpUntil?: string }
  | { type: 'before-operating-in-province'; fallback: Offset };

/** One post-issue obligation as data. */
export interface ObligationRule {
  kind: ObligationKind;
  title: LocalizedText;
  trigger: LocalizedText;
  due: DueRule;
  severity: Severity;
  consequence: LocalizedText;
  source: Source;
  confidence: Confidence;
  /** Where the consequence comes from, when that differs from the rule's own source. */
  consequenceSource?: Source;
}

const art27 = regulation(`${ORDER_42}第二十七条`, { zh: '条号据公开转述，内容为高可信度。', en: 'Article number from public restatements; the content is high-confidence.' });
/** 30 calendar days from the day after the event (民法典第二百零一条), ending on a working day (第二百零三条). */
const thirtyDays: Offset = { unit: 'calendar-days', value: 30, lastDayRolls: true };
const startMonths: Offset = { unit: 'months', value: 12, settingKey: 'obligations.start-operating.months' };

/** Post-issue obligation rules (brief §6). “30日”“90日” are calendar days. */
export const obligationRules: readonly ObligationRule[] = [
  { kind: 'start-operating', severity: 'high', confidence: 'L',
    title: { zh: '开通业务', en: 'Start operating' },
    trigger: { zh: '许可证颁发', en: 'Licence issued' },
    due: { type: 'after-event', event: 'issue', offset: startMonths },
    consequence: { zh: '有效期内未开通的业务，有效期届满不予延续。', en: 'Services never opened during the licence’s validity are not renewed.' },
    source: guide('取证后义务：1年内开通业务', { zh: '法规中未核实，期限可按机构配置。', en: 'Not confirmed in the regulation; the period is configurable.' }),
    consequenceSource: art27 },
  { kind: 'annual-report', severity: 'high', confidence: 'H',
    title: { zh: '电信业务经营信息年报', en: 'Annual report (年报)' },
    trigger: { zh: '上一年12月31日持有有效许可证', en: 'Licence held on 31 December of the previous year' },
    due: { type: 'yearly', windowStart: '01-01', due: '03-31', catchUpUntil: '04-30' },
    consequence: { zh: '逾期未报将被列入电信业务经营不良名单。', en: 'A missed report puts the company on the telecom bad list (不良名单).' },
    source: regulation(`${ORDER_42}第三十五条、第三十八条`, { zh: `每年第一季度报送；4月为限期补报，5月1日系统关闭（${ANNUAL_REPORT_NOTICE}及各省年度通知）。`, en: 'Filed in the first quarter; April is the catch-up period and the system closes on 1 May (MIIT notice 2017-321 and provincial notices).' }) },
  { kind: 'renewal', severity: 'high', confidence: 'H',
    title: { zh: '申请许可证延续（续期）', en: 'Apply to renew the licence' },
    trigger: { zh: '许可证有效期届满', en: 'Licence expiry approaching' },
    due: { type: 'before-expiry', offset: { unit: 'calendar-days', value: 90 }, windowOpens: { unit: 'calendar-days', value: 180, settingKey: 'obligations.renewal.reminder-days' } },
    consequence: { zh: '未在到期前90日提出延续申请的，有效期届满不予延续；未开通的业务不予延续。', en: 'Without an application at least 90 days before expiry the licence is not renewed; unopened services are never renewed.' },
    source: art27 },
  { kind: 'expiry', severity: 'high', confidence: 'H',
    title: { zh: '许可证到期', en: 'Licence expires' },
    trigger: { zh: '颁发满5年', en: 'Five years after issue' },
    due: { type: 'on-expiry', validity: { unit: 'months', value: 60 } },
    consequence: { zh: '到期后继续经营属于无证经营，将依《电信条例》受到处罚。', en: 'Operating after expiry is operating without a licence, punishable under the Telecommunications Regulations.' },
    source: regulation(ORDER_42, { zh: '增值电信业务经营许可证有效期5年。未填写到期日时按“颁发日加5年的同月同日”计算，请以证书载明的有效期为准。', en: 'A VATS licence is valid for 5 years. Without a printed expiry date LicenseDesk uses the same day five years after issue; the date on the certificate prevails.' }),
    consequenceSource: regulation(TELECOM_REGULATIONS) },
  { kind: 'registration-change', severity: 'medium', confidence: 'H',
    title: { zh: '登记事项变更备案', en: 'File a registration change' },
    trigger: { zh: '公司名称、法定代表人或注册资本完成工商变更登记', en: 'Company name, legal representative or registered capital changed at the business registry' },
    due: { type: 'after-event', event: 'registration-change', offset: thirtyDays },
    consequence: { zh: '未按期办理许可证变更的，由电信管理机构责令改正，并可能处以警告和罚款。', en: 'Late filing may bring an order to correct, a warning and a fine.' },
    source: regulation(`${ORDER_42}第二十九条`, { zh: `自完成工商变更登记之日起30日内；期间自次日起算（${CIVIL_CODE}第二百零一条），最后一日为休息日或法定节假日的，顺延至其后第一个工作日（第二百零三条）。`, en: 'Within 30 days of the registration change, counted from the next day (Civil Code Art. 201); a last day on a weekend or holiday moves to the next working day (Art. 203).' }) },
  { kind: 'approval-change', severity: 'high', confidence: 'M',
    title: { zh: '申请变更审批（经批准后方可实施）', en: 'Apply for approval of a change (carry it out only after approval)' },
    trigger: { zh: '公司作出合并或分立、股东变化、业务经营权转移或业务覆盖范围变化的决定', en: 'Decision on a merger or split, a shareholder change, a transfer of operation or a change of coverage' },
    due: { type: 'after-event', event: 'approval-decision', offset: thirtyDays },
    consequence: { zh: '未经批准擅自实施的，按《电信条例》处罚，并可能影响许可证效力。', en: 'Carrying it out without approval is punishable under the Telecommunications Regulations and may put the licence at risk.' },
    source: regulation(`${ORDER_42}第二十八条`, { zh: `自公司作出决定之日起30日内提出申请，经批准后方可实施；最后一日为休息日或法定节假日的，顺延至其后第一个工作日（${CIVIL_CODE}第二百零三条）。`, en: 'Apply within 30 days of the decision and carry it out only after approval; a last day on a weekend or holiday moves to the next working day (Civil Code Art. 203).' }) },
  { kind: 'provincial-filing', severity: 'medium', confidence: 'M',
    title: { zh: '跨地区许可省级备案', en: 'Provincial filing of a cross-regional licence' },
    trigger: { zh: '在某省开展业务', en: 'Operating in a province' },
    due: { type: 'before-operating-in-province', fallback: startMonths },
    consequence: { zh: '未备案即在该省经营，可能被当地通信管理局责令改正。', en: 'Operating in a province without filing may bring an order to correct from its communications administration.' },
    source: regulation(ORDER_42, { zh: '跨地区经营者须向各经营所在省通信管理局备案（高可信度）；法规未给出天数，提醒日取开通业务期限。', en: 'Cross-regional holders file with each province of operation (high confidence); no day count is given, so the reminder uses the start-operating deadline.' }) },
  { kind: 'number-annual-report', severity: 'medium', confidence: 'M',
    title: { zh: '码号资源使用年报', en: 'Number-resource annual report' },
    trigger: { zh: '上一年12月31日持有95/96码号', en: '95/96 numbers held on 31 December of the previous year' },
    due: { type: 'yearly', windowStart: '01-01', due: '03-31' },
    consequence: { zh: '未按时报送的，码号分配机构可责令改正，并可能影响码号的继续使用。', en: 'The allocating authority may order correction and the numbers may be put at risk.' },
    source: regulation(NUMBER_MEASURES, { zh: '码号使用者每年3月31日前报送上一年度码号使用情况。', en: 'Number holders report last year’s number use by 31 March.' }) },
];

/** The rule for a kind. */
export function findObligationRule(kind: ObligationKind): ObligationRule {
  return obligationRules.find((r) => r.kind === kind)!;
}

