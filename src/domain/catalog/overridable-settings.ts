import type { LocalizedText } from '../calendar/types.ts';
import { services, type ServiceCode } from './services.ts';
import type { Confidence, Source } from './source.ts';
import { guide, NEGATIVE_LIST_2020, practice, regulation } from './sources.ts';

/** Keys an organisation may override; every other rule is fixed by regulation. */
export type OverridableKey =
  | 'processing.in-province.working-days'
  | 'processing.cross-regional.working-days'
  | 'processing.drafting.working-days'
  | 'obligations.start-operating.months'
  | 'obligations.due-soon.days'
  | 'obligations.renewal.reminder-days'
  | 'eligibility.staff.minimum'
  | 'eligibility.social-insurance.minimum'
  | `eligibility.foreign-cap.${ServiceCode}`;

/** Unit of an overridable value. */
export type SettingUnit = 'working-days' | 'calendar-days' | 'months' | 'people' | 'percent';

/** One overridable value: its default, unit, bounds and why the default is what it is. */
export interface OverridableSetting {
  key: OverridableKey;
  title: LocalizedText;
  unit: SettingUnit;
  defaultValue: number;
  min: number;
  max: number;
  source: Source;
  confidence: Confidence;
}

/** Foreign-equity caps, percent. 100 = no cap (2020 negative list: e-commerce, multi-party, store-and-forward, call centre). */
const foreignCaps: Record<ServiceCode, number> = {
  B11: 50, B12: 50, B13: 50, B14: 50, B21: 100, B22: 100, B23: 100, B24: 100, 'B24-1': 100, 'B24-2': 100,
  B25: 50, 'B25-ICP': 50, 'B25-SP': 50, B26: 50, 'B26-1': 50,
};

const negativeList = regulation(NEGATIVE_LIST_2020, {
  zh: '增值电信业务外资股比不超过50%（电子商务、国内多方通信、存储转发类、呼叫中心除外）。2020年后的清单及2024年起北京、上海、海南、深圳等地的开放试点未核实，请按本机构意见配置。',
  en: 'Foreign equity in VATS is capped at 50% except e-commerce, domestic multi-party communication, store-and-forward and call centres. Later lists and the 2024 pilot openings (Beijing, Shanghai, Hainan, Shenzhen) are unconfirmed; configure per organisation.',
});

const foreignCapSettings: OverridableSetting[] = services.map((s) => ({
  key: `eligibility.foreign-cap.${s.code}` as OverridableKey,
  title: { zh: `外资股比上限：${s.zh}`, en: `Foreign equity cap: ${s.en}` },
  unit: 'percent',
  defaultValue: foreignCaps[s.code],
  min: 0,
  max: 100,
  source: negativeList,
  confidence: s.code === 'B21' ? 'M' : 'H',
}));

/** Every overridable setting with its default, bounds and source. */
export const overridableSettings: readonly OverridableSetting[] = [
  { key: 'processing.in-province.working-days', title: { zh: '省内许可办理时长估计', en: 'Estimated in-province processing time' },
    unit: 'working-days', defaultValue: 60, min: 5, max: 250, confidence: 'M',
    source: guide('办理流程第5步', { zh: '指南一处称约40个工作日，另一处称约60个工作日（约3个月）；从业者常说60–90个工作日。', en: 'The guide says about 40 working days in one place and 60 (about 3 months) in another; practitioners quote 60–90.' }) },
  { key: 'processing.cross-regional.working-days', title: { zh: '跨地区许可办理时长估计', en: 'Estimated cross-regional processing time' },
    unit: 'working-days', defaultValue: 90, min: 5, max: 250, confidence: 'L',
    source: practice('从业者估计（60–90个工作日）；指南称跨地区因省级备案更久', { zh: '无官方数字，取从业者区间上限。', en: 'No official figure; the top of the practitioners’ range.' }) },
  { key: 'processing.drafting.working-days', title: { zh: '撰写并提交申请所需时间', en: 'Time to write and submit the application' },
    unit: 'working-days', defaultValue: 3, min: 1, max: 60, confidence: 'M', source: guide('办理流程第3步（1–3个工作日）') },
  { key: 'obligations.start-operating.months', title: { zh: '取证后开通业务期限', en: 'Deadline to start operating after issue' },
    unit: 'months', defaultValue: 12, min: 1, max: 60, confidence: 'L',
    source: guide('取证后义务', { zh: '指南称取证后1年内开通业务，法规中未核实；法规明确有效期内未开通的业务不予延续。', en: 'The guide says within 1 year of issue; not confirmed in the regulation, which says services never opened are not renewed.' }) },
  { key: 'obligations.due-soon.days', title: { zh: '“即将到期”提醒天数', en: 'Days before a due date that count as “due soon”' },
    unit: 'calendar-days', defaultValue: 30, min: 1, max: 180, confidence: 'H', source: practice('LicenseDesk 产品约定') },
  { key: 'obligations.renewal.reminder-days', title: { zh: '续期提醒提前天数（自到期日倒数）', en: 'Renewal reminder lead, days before expiry' },
    unit: 'calendar-days', defaultValue: 180, min: 91, max: 365, confidence: 'M', source: practice('LicenseDesk 产品约定：到期前180日开始提醒，法定最迟为到期前90日') },
  { key: 'eligibility.staff.minimum', title: { zh: '技术及管理人员人数（建议）', en: 'Technical and management staff (recommended)' },
    unit: 'people', defaultValue: 10, min: 0, max: 10000, confidence: 'L', source: practice('咨询机构经验：10人以上') },
  { key: 'eligibility.social-insurance.minimum', title: { zh: '在本公司缴纳社保的人数（建议）', en: 'Staff on the company’s social insurance (recommended)' },
    unit: 'people', defaultValue: 3, min: 0, max: 10000, confidence: 'L', source: practice('咨询机构经验：3–5人在本公司缴纳社保') },
  ...foreignCapSettings,
];

const byKey = new Map(overridableSettings.map((s) => [s.key as string, s]));

/** The overridable setting for a key; undefined when the key may not be overridden. */
export function findOverridableSetting(key: string): OverridableSetting | undefined {
  return byKey.get(key);
}
