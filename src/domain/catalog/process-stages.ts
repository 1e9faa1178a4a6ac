import type { LocalizedText } from '../calendar/types.ts';
import type { LicenceScope } from './authorities.ts';
import { resolveSettings, type CatalogOverrides } from './catalog-overrides.ts';
import type { OverridableKey } from './overridable-settings.ts';
import type { Confidence, Source } from './source.ts';
import { guide, ORDER_42, regulation } from './sources.ts';

/** A span of time; `value` is the figure to plan with, `min`/`max` the range when a source gives one. */
export interface Duration {
  unit: 'working-days' | 'calendar-days';
  value: number;
  min?: number;
  max?: number;
}

/** A duration as stated by one source. */
export interface SourcedDuration extends Duration {
  source: Source;
  confidence: Confidence;
  /** Set when an organisation may override `value`. */
  configurableKey?: OverridableKey;
}

/** A step of the application, from the agency contract to the licence. */
export interface ProcessStage {
  key: string;
  /** Position among the guide's five steps, or within its parent for a regulatory sub-step. */
  order: number;
  /** For regulatory sub-steps, the stage they belong to. */
  parent: string | null;
  title: LocalizedText;
  description: LocalizedText;
  /** The regulation's figure and the practical estimate, side by side when both exist. */
  duration: { regulation?: SourcedDuration; practice?: SourcedDuration };
  source: Source;
}

const step = (n: number): Source => guide(`办理流程第${n}步`);

function totalEstimate(scope: LicenceScope, value: number): SourcedDuration {
  const crossRegional = scope === 'cross-regional';
  return crossRegional
    ? { unit: 'working-days', value, min: 60, max: 90, confidence: 'L', configurableKey: 'processing.cross-regional.working-days',
      source: guide('办理流程第5步', { zh: '指南称跨地区因需在各省备案耗时更久，未给出天数；60–90个工作日为从业者说法。', en: 'The guide says cross-regional takes longer (provincial filings) without a figure; 60–90 working days is practitioners’ estimate.' }) }
    : { unit: 'working-days', value, min: 40, max: 90, confidence: 'M', configurableKey: 'processing.in-province.working-days',
      source: guide('办理流程第5步', { zh: '指南一处称约40个工作日，另一处称约60个工作日（约3个月）；从业者常说60–90个工作日。', en: 'The guide says about 40 working days in one place and 60 (about 3 months) in another; practitioners quote 60–90.' }) };
}

/**
 * The guide's five steps plus the regulation's sub-steps, with the organisation's estimates applied.
 * Regulation figures (5 working days; 60 calendar days) are fixed; practical estimates are configurable.
 */
export function listProcessStages(options: { scope: LicenceScope; overrides?: CatalogOverrides }): ProcessStage[] {
  const settings = resolveSettings(options.overrides);
  const totalKey = options.scope === 'cross-regional' ? 'processing.cross-regional.working-days' : 'processing.in-province.working-days';
  return [
    { key: 'sign-agency-contract', order: 1, parent: null, source: step(1), duration: {},
      title: { zh: '签订代办合同', en: 'Sign the agency contract' },
      description: { zh: '先约定服务内容、费用和双方责任。', en: 'Agree the scope, fees and responsibilities first.' } },
    { key: 'prepare-materials', order: 2, parent: null, source: step(2), duration: {},
      title: { zh: '准备材料', en: 'Prepare materials' },
      description: { zh: '代办机构按材料清单指导客户准备。', en: 'The agency guides the client through the checklist.' } },
    { key: 'write-and-submit', order: 3, parent: null, source: step(3),
      duration: { practice: { unit: 'working-days', value: settings['processing.drafting.working-days'], min: 1, max: 3, source: step(3), confidence: 'M', configurableKey: 'processing.drafting.working-days' } },
      title: { zh: '撰写并提交申请', en: 'Write and submit the application' },
      description: { zh: '撰写申请材料并在线提交，约1–3个工作日。', en: 'Draft the application and submit it online, about 1–3 working days.' } },
    { key: 'acceptance-and-review', order: 4, parent: null, source: step(4), duration: {},
      title: { zh: '受理与审查', en: 'Acceptance and review' },
      description: { zh: '预审过的材料很少被退回；可能有专家评审和现场核查。', en: 'Pre-checked materials rarely bounce; expert review and an on-site check may follow.' } },
    { key: 'correction-notice', order: 1, parent: 'acceptance-and-review', source: regulation(`${ORDER_42}第十一条`),
      duration: { regulation: { unit: 'working-days', value: 5, max: 5, source: regulation(`${ORDER_42}第十一条`), confidence: 'H' } },
      title: { zh: '一次性补正告知', en: 'One consolidated correction notice' },
      description: { zh: '材料不齐全或不符合法定形式的，发证机关应当场或在5个工作日内一次告知需补正的全部内容。', en: 'If materials are incomplete, the authority must list every correction at once, on the spot or within 5 working days.' } },
    { key: 'review-decision', order: 2, parent: 'acceptance-and-review', source: regulation(`${ORDER_42}第十一条`),
      duration: { regulation: { unit: 'calendar-days', value: 60, max: 60, source: regulation(`${ORDER_42}第十一条`, { zh: '“60日”为自然日，自受理之日起算。', en: '“60日” counts calendar days from acceptance.' }), confidence: 'H' } },
      title: { zh: '审查决定', en: 'Decision' },
      description: { zh: '自受理之日起60日内作出批准或不予批准的决定。', en: 'A decision within 60 days of acceptance.' } },
    { key: 'receive-licence', order: 5, parent: null, source: step(5),
      duration: { practice: totalEstimate(options.scope, settings[totalKey]) },
      title: { zh: '领取许可证', en: 'Receive the licence' },
      description: { zh: '全程约60个工作日；自2025年10月起工业和信息化部发放带核验二维码的电子许可证。', en: 'About 60 working days in all; since October 2025 MIIT issues electronic licences with a verification QR code.' } },
  ];
}
