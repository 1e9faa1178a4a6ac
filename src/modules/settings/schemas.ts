import { Type, type Static } from '@sinclair/typebox';
import { overridableSettings } from '../../domain/catalog/overridable-settings.ts';
import { Nullable } from '../../platform/http/schemas.ts';
import { Confidence, SourceRef, StringEnum, LocalizedText } from '../catalog/schemas.ts';

export const RuleSetting = Type.Object(
  {
    key: Type.String(),
    title: LocalizedText,
    unit: StringEnum(['working-days', 'calendar-days', 'months', 'people', 'percent'], 'Unit of the value'),
    defaultValue: Type.Integer(),
    min: Type.Integer(),
    max: Type.Integer(),
    source: SourceRef,
    confidence: Confidence,
    value: Nullable(Type.Integer({ description: 'The organisation’s value; null when the default applies' })),
  },
  { $id: 'RuleSetting', title: 'RuleSetting' },
);
export type RuleSetting = Static<typeof RuleSetting>;

const overrideFields = Object.fromEntries(
  overridableSettings.map((s) => [
    s.key,
    Type.Optional(Type.Union([Type.Number(), Type.Null()], { description: `${s.title.zh} ${s.title.en} (${s.unit}, ${s.min}–${s.max}, default ${s.defaultValue}); null resets to the default` })),
  ]),
);

export const RuleOverridesUpdate = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The settings version this change is based on (from GET); a stale one answers 409 VERSION_CONFLICT' }),
    overrides: Type.Object(overrideFields, { additionalProperties: false, description: 'Keys to change: a whole number sets the value, null resets it to the default; keys left out stay as they are' }),
  },
  { additionalProperties: false, title: 'RuleOverridesUpdate' },
);
export interface RuleOverridesUpdate {
  version: number;
  overrides: Record<string, number | null | undefined>;
}
