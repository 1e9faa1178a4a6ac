import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { listScopes } from '../../domain/catalog/authorities.ts';
import { listServices } from '../../domain/catalog/services.ts';
import { Nullable } from '../../platform/http/schemas.ts';

/** LocalizedText in both product languages. */
export const LocalizedText = Type.Object({ zh: Type.String(), en: Type.String() });

export const Source = Type.Object(
  {
    kind: Type.Union([Type.Literal('regulation'), Type.Literal('notice'), Type.Literal('guide'), Type.Literal('practice')], { description: 'regulation, official notice, the agency guide, or common practice' }),
    ref: Type.String({ description: 'Official title and article, e.g. 电信业务经营许可管理办法（工业和信息化部令第42号）第六条' }),
    url: Type.Optional(Type.String()),
    note: Type.Optional(LocalizedText),
  },
  { $id: 'Source', title: 'Source' },
);
export const SourceRef = Type.Ref('Source');

export const Confidence = Type.Union([Type.Literal('H'), Type.Literal('M'), Type.Literal('L')], { description: 'How sure the catalog is: H high, M medium, L low (low ones are configurable)' });

/** A string restricted to a list, written as a JSON-schema enum so a bad value is refused with the list of allowed ones. */
export function StringEnum<T extends string>(values: readonly T[], description: string) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], description });
}

export const ServiceCodeParam = StringEnum(listServices().map((s) => s.code), 'Service code from the 2015 catalogue, e.g. B24-1 (国内呼叫中心业务)');
export const ScopeParam = StringEnum(listScopes(), 'Licence scope: cross-regional (跨地区, MIIT) or a province code (省内, e.g. BJ)');

/** Shared component schemas, added once however many modules use them. */
export function addSharedSchemas(app: FastifyInstance): void {
  if (!app.getSchema('Source')) app.addSchema(Source);
}

/** An overridable value as it applies to the caller's organisation. */
export const EffectiveSetting = Type.Object({
  key: Type.String(),
  title: LocalizedText,
  unit: Type.String({ description: 'working-days, calendar-days, months, people or percent' }),
  defaultValue: Type.Integer(),
  value: Type.Integer({ description: 'The value in force for the organisation' }),
  overridden: Type.Boolean({ description: 'True when the organisation has set its own value' }),
});
export type EffectiveSetting = Static<typeof EffectiveSetting>;

const summaryFields = {
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  class: Type.Union([Type.Literal('B1'), Type.Literal('B2')], { description: 'B1 第一类 / B2 第二类增值电信业务' }),
  parent: Nullable(Type.String()),
  description: LocalizedText,
};

export const CatalogServiceSummary = Type.Object(summaryFields, { $id: 'CatalogServiceSummary', title: 'CatalogServiceSummary' });
export type CatalogServiceSummary = Static<typeof CatalogServiceSummary>;

export const Authority = Type.Object({
  scope: Type.String(),
  level: Type.Union([Type.Literal('national'), Type.Literal('provincial')]),
  zh: Type.String(),
  en: Type.String(),
  abbr: Nullable(Type.String({ description: 'One-character abbreviation on licence numbers (京, 沪…); null for MIIT' })),
  note: Nullable(LocalizedText),
  source: SourceRef,
});

const Criterion = Type.Object({
  key: Type.String(),
  level: Type.Union([Type.Literal('block'), Type.Literal('warn')], { description: 'block: failing it makes the company ineligible' }),
  title: LocalizedText,
  requirement: Type.Object(LocalizedText.properties, { description: 'What is required, stating the value in force for the organisation where it may be overridden (see setting)' }),
  setting: Nullable(EffectiveSetting),
  source: SourceRef,
  confidence: Confidence,
});

const Material = Type.Object({
  key: Type.String(),
  title: LocalizedText,
  hint: LocalizedText,
  required: Type.Boolean(),
  generated: Type.Boolean({ description: 'LicenseDesk drafts it from the application data' }),
  personalData: Type.Boolean({ description: 'Holds personal data: masked in lists, every access logged' }),
  accepts: Type.Array(Type.String()),
  source: SourceRef,
  confidence: Confidence,
});

const Duration = Type.Object({
  unit: Type.Union([Type.Literal('working-days'), Type.Literal('calendar-days')]),
  value: Type.Integer({ description: 'The figure to plan with (the organisation’s when overridden)' }),
  min: Type.Optional(Type.Integer()),
  max: Type.Optional(Type.Integer()),
  defaultValue: Type.Integer(),
  configurableKey: Nullable(Type.String()),
  overridden: Type.Boolean(),
  source: SourceRef,
  confidence: Confidence,
});

const Stage = Type.Object({
  key: Type.String(),
  order: Type.Integer(),
  parent: Nullable(Type.String()),
  title: LocalizedText,
  description: LocalizedText,
  duration: Type.Object({ regulation: Nullable(Duration), practice: Nullable(Duration) }, { description: 'The regulation’s figure and the practical estimate, side by side' }),
  source: SourceRef,
});

const Offset = Type.Object({
  unit: Type.Union([Type.Literal('calendar-days'), Type.Literal('working-days'), Type.Literal('months')]),
  value: Type.Integer(),
  defaultValue: Type.Integer(),
  settingKey: Nullable(Type.String()),
  overridden: Type.Boolean(),
});
export type Offset = Static<typeof Offset>;

const dueVariant = <T extends Record<string, TSchema>>(type: string, fields: T) => Type.Object({ type: Type.Literal(type), ...fields });
const DueRule = Type.Union([
  dueVariant('after-event', { event: Type.Union([Type.Literal('issue'), Type.Literal('registration-change'), Type.Literal('approval-decision')]), offset: Offset }),
  dueVariant('before-expiry', { offset: Offset, windowOpens: Offset }),
  dueVariant('on-expiry', { validity: Offset }),
  dueVariant('yearly', { windowStart: Type.String({ description: 'MM-DD' }), due: Type.String({ description: 'MM-DD' }), catchUpUntil: Nullable(Type.String()) }),
  dueVariant('before-operating-in-province', { fallback: Offset }),
]);

const Rule = Type.Object({
  kind: Type.String(),
  title: LocalizedText,
  trigger: LocalizedText,
  due: DueRule,
  dueSummary: LocalizedText,
  severity: Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
  consequence: LocalizedText,
  source: SourceRef,
  consequenceSource: Nullable(SourceRef),
  confidence: Confidence,
});

export const CatalogServiceDetail = Type.Object(
  {
    service: Type.Object({ ...summaryFields, scopeKeywords: Type.Array(Type.String(), { description: 'Words the business scope (经营范围) should contain' }), source: SourceRef, confidence: Confidence }),
    authorities: Type.Object({
      inProvince: Type.Array(Authority, { description: 'Every province’s communications administration (通信管理局)' }),
      crossRegional: Type.Object({
        authority: Authority,
        provincialFiling: Type.Object({ title: LocalizedText, trigger: LocalizedText, consequence: LocalizedText, source: SourceRef, confidence: Confidence }, { description: 'A cross-regional holder files with each province where it operates' }),
      }),
    }),
    eligibility: Type.Array(Criterion),
    materials: Type.Array(Material),
    processStages: Type.Object({ inProvince: Type.Array(Stage), crossRegional: Type.Array(Stage) }),
    obligationRules: Type.Array(Rule),
    settings: Type.Array(EffectiveSetting, { description: 'Every configurable value this page uses, with the organisation’s value' }),
    overriddenKeys: Type.Array(Type.String(), { description: 'Keys the organisation has set; their values replace the catalog defaults on this page' }),
  },
  { $id: 'CatalogServiceDetail', title: 'CatalogServiceDetail' },
);
export type CatalogServiceDetail = Static<typeof CatalogServiceDetail>;

export const CatalogScope = Type.Object(
  {
    scope: Type.String(),
    kind: Type.Union([Type.Literal('cross-regional'), Type.Literal('in-province')]),
    label: LocalizedText,
    authority: Authority,
  },
  { $id: 'CatalogScope', title: 'CatalogScope' },
);
export type CatalogScope = Static<typeof CatalogScope>;
