import type { CatalogServiceDetail } from '../../modules/catalog/schemas.ts';
import { formatTable } from './format-table.ts';

type Detail = CatalogServiceDetail;
type Stage = Detail['processStages']['inProvince'][number];
type Duration = NonNullable<Stage['duration']['practice']>;
interface SourceLike { ref: string }

const both = (t: { zh: string; en: string }) => `${t.zh}\n${t.en}`;
const ref = (s: unknown) => (s as SourceLike).ref;
const section = (title: string) => `\n== ${title} ==`;
const unitText: Record<string, string> = { 'working-days': '个工作日 working days', 'calendar-days': '日 days', months: '个月 months', people: '人 people', percent: '%' };
const mark = (overridden: boolean) => (overridden ? '*' : '');

function duration(d: Duration | null): string {
  if (!d) return '—';
  const range = d.min !== undefined && d.max !== undefined ? ` (${d.min}–${d.max})` : '';
  return `${d.value}${mark(d.overridden)}${range} ${unitText[d.unit]}\n${d.confidence} · ${ref(d.source)}`;
}

function header(d: Detail): string[] {
  const s = d.service;
  return [
    `${s.code} ${s.zh} ${s.en}`,
    `${s.class === 'B1' ? '第一类' : '第二类'}增值电信业务 class ${s.class}${s.parent ? ` · 上级 parent: ${s.parent}` : ''} · 可信度 confidence ${s.confidence}`,
    s.description.zh,
    s.description.en,
    `来源 Source: ${ref(s.source)}`,
  ];
}

function authorities(d: Detail): string[] {
  const { crossRegional, inProvince } = d.authorities;
  const filing = crossRegional.provincialFiling;
  const cells = inProvince.map((a) => `${a.scope} ${a.abbr} ${a.zh}`);
  const rows: string[][] = [];
  for (let i = 0; i < cells.length; i += 3) rows.push(cells.slice(i, i + 3));
  return [
    section('发证机关 Issuing authorities'),
    `跨地区 Cross-regional: ${crossRegional.authority.zh} ${crossRegional.authority.en}`,
    `  ${filing.title.zh} ${filing.title.en}: ${crossRegional.authority.note?.zh ?? ''}`,
    `  ${crossRegional.authority.note?.en ?? ''}`,
    `  来源 Source: ${ref(filing.source)}`,
    `省内 In-province: ${inProvince.length} 个通信管理局 communications administrations`,
    formatTable({ rows }).split('\n').map((l) => `  ${l}`).join('\n'),
  ];
}

function eligibility(d: Detail): string[] {
  const rows = d.eligibility.map((c) => [
    c.level === 'block' ? '必须 block' : '建议 warn',
    both(c.title),
    both(c.requirement) + (c.setting ? `\n→ ${c.setting.value}${mark(c.setting.overridden)} ${unitText[c.setting.unit] ?? c.setting.unit}` : ''),
    `${c.confidence} · ${ref(c.source)}`,
  ]);
  return [section('申请条件 Eligibility criteria'), formatTable({ head: ['LEVEL', 'CRITERION', 'REQUIREMENT', 'SOURCE'], rows, maxWidths: [undefined, 30, 56, 40] })];
}

function materials(d: Detail): string[] {
  const rows = d.materials.map((m, i) => [
    String(i + 1),
    both(m.title),
    [m.required ? '必需 required' : '可选 optional', m.generated ? '系统生成 generated' : '', m.personalData ? '含个人信息 personal data' : ''].filter(Boolean).join('\n'),
    ref(m.source),
  ]);
  return [section('申请材料 Materials'), formatTable({ head: ['#', 'MATERIAL', 'NOTES', 'SOURCE'], rows, maxWidths: [undefined, 44, undefined, 40] })];
}

function stages(d: Detail): string[] {
  const cross = new Map(d.processStages.crossRegional.map((s) => [s.key, s]));
  const order = new Map(d.processStages.inProvince.filter((s) => !s.parent).map((s) => [s.key, s.order]));
  const rows = d.processStages.inProvince.map((s) => [
    s.parent ? `${order.get(s.parent)}.${s.order}` : String(s.order),
    both(s.title),
    duration(s.duration.regulation),
    duration(s.duration.practice),
    duration(cross.get(s.key)?.duration.practice ?? null),
  ]);
  return [section('办理流程 Process stages'), formatTable({ head: ['STEP', 'STAGE', 'REGULATION 法定', 'PRACTICE 省内', 'PRACTICE 跨地区'], rows, maxWidths: [undefined, 28, 32, 32, 32] })];
}

function obligations(d: Detail): string[] {
  const rows = d.obligationRules.map((r) => [both(r.title), both(r.dueSummary), r.severity, `${r.confidence} · ${ref(r.source)}`]);
  return [section('取证后义务 Obligations after the licence'), formatTable({ head: ['OBLIGATION', 'DUE', 'SEVERITY', 'SOURCE'], rows, maxWidths: [30, 40, undefined, 40] })];
}

function settings(d: Detail): string[] {
  const rows = d.settings.map((s) => [s.key, `${s.value}${mark(s.overridden)}`, String(s.defaultValue), unitText[s.unit] ?? s.unit, `${s.title.zh} ${s.title.en}`]);
  const note = d.overriddenKeys.length ? `* 本机构配置的值 set by the organisation (${d.overriddenKeys.length})` : '未应用机构配置 No organisation overrides applied (--org <id> applies them)';
  return [section('可配置项 Configurable values'), formatTable({ head: ['KEY', 'VALUE', 'DEFAULT', 'UNIT', 'SETTING'], rows }), note];
}

/** The human summary of `catalog show`: the service, then one section per part of its page. */
export function formatCatalogService(d: Detail): string {
  return [...header(d), ...authorities(d), ...eligibility(d), ...materials(d), ...stages(d), ...obligations(d), ...settings(d)].join('\n');
}
