import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { listScopes } from '../../domain/catalog/authorities.ts';
import { listServices } from '../../domain/catalog/services.ts';
import type { LicenceFacts } from '../../domain/obligations/types.ts';
import { Nullable } from '../../platform/http/schemas.ts';
import { Confidence, ScopeParam, ServiceCodeParam, SourceRef, StringEnum, LocalizedText } from '../catalog/schemas.ts';
import { Text } from '../../platform/http/text.ts';

const DateField = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description: `${description} (YYYY-MM-DD, China time)` });
const provinceScopes = listScopes().filter((s) => s !== 'cross-regional');
const ProvinceScope = StringEnum(provinceScopes, 'Province code (one of the 31 with a communications administration)');
const optionalKeys = (keys: readonly string[], value: () => TSchema, description: string) =>
  Type.Optional(Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Optional(value())])), { additionalProperties: false, description }));
const Year = Type.Integer({ minimum: 1950, maximum: 2150 });

export const ObligationsPreviewRequest = Type.Object(
  {
    service: Type.Optional(ServiceCodeParam),
    services: Type.Optional(Type.Array(ServiceCodeParam, { minItems: 1, maxItems: 15, description: 'Licensed services; give service or services (or both)' })),
    scope: ScopeParam,
    issuedOn: DateField('Issue date of the licence'),
    expiresOn: Type.Optional(DateField('Expiry as printed on the licence; default: the same day five years after issue')),
    today: Type.Optional(DateField('The day to compute statuses for; default: today in China')),
    servicesOpenedOn: optionalKeys(listServices().map((s) => s.code), () => DateField('Opened on'), 'Service code → date the service opened'),
    registrationChanges: Type.Optional(Type.Array(Type.Object({
      kind: StringEnum(['name', 'legal-representative', 'registered-capital'], 'What changed at the business registry'),
      changedOn: DateField('Registry change date'),
      filedOn: Type.Optional(DateField('Licence change filed on')),
    }, { additionalProperties: false }), { maxItems: 100 })),
    approvalChanges: Type.Optional(Type.Array(Type.Object({
      kind: StringEnum(['merger-split', 'shareholder', 'transfer', 'coverage'], 'Change needing approval before it is carried out'),
      decidedOn: DateField('Company decision date'),
      filedOn: Type.Optional(DateField('Application filed on')),
    }, { additionalProperties: false }), { maxItems: 100 })),
    annualReportsFiled: Type.Optional(Type.Array(Year, { maxItems: 200, description: 'Years whose annual report was filed (2026 = the Jan–Mar 2026 report)' })),
    numbersHeld: Type.Optional(Type.Array(Type.Object({
      number: Text({ minLength: 1, maxLength: 20, description: '95/96 access number' }),
      since: Type.Optional(DateField('Allocated on; default: the issue date')),
    }, { additionalProperties: false }), { maxItems: 50 })),
    numberReportsFiled: Type.Optional(Type.Array(Year, { maxItems: 200 })),
    provincesOfOperation: Type.Optional(Type.Array(ProvinceScope, { maxItems: 31, description: 'Provinces a cross-regional holder operates in' })),
    provincialFilings: optionalKeys(provinceScopes, () => DateField('Filed on'), 'Province code → date the licence was filed there'),
    renewalFiledOn: Type.Optional(DateField('Renewal applied for on')),
  },
  { additionalProperties: false, title: 'ObligationsPreviewRequest' },
);
/** The preview request: the licence facts, with the service(s) and the day to compute statuses for. */
export interface ObligationsPreviewRequest extends Omit<LicenceFacts, 'services' | 'scope'> {
  service?: string;
  services?: string[];
  scope: string;
  today?: string;
}

export const Obligation = Type.Object(
  {
    id: Type.String({ description: 'Stable, e.g. annual-report:2026' }),
    kind: Type.String(),
    title: LocalizedText,
    windowStart: Type.String(),
    dueDate: Type.String(),
    status: Type.Union([Type.Literal('upcoming'), Type.Literal('due-soon'), Type.Literal('overdue'), Type.Literal('done'), Type.Literal('not-applicable')]),
    basis: LocalizedText,
    consequence: LocalizedText,
    severity: Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
    source: SourceRef,
    confidence: Confidence,
    provisional: Type.Boolean({ description: 'A working-day count touched a year with no official holiday arrangement' }),
    provisionalReason: Nullable(LocalizedText),
  },
  { $id: 'Obligation', title: 'Obligation' },
);

export const ObligationsPreview = Type.Object(
  {
    services: Type.Array(Type.String()),
    scope: Type.String(),
    today: Type.String(),
    issuedOn: Type.String(),
    expiresOn: Type.String(),
    expiresOnAssumed: Type.Boolean({ description: 'True when no expiry was given and five years after issue was used' }),
    provisional: Type.Boolean({ description: 'True when any obligation is provisional' }),
    overriddenKeys: Type.Array(Type.String(), { description: 'The organisation’s rule overrides that went into these dates' }),
    items: Type.Array(Type.Ref('Obligation')),
  },
  { title: 'ObligationsPreview' },
);
export type ObligationsPreview = Static<typeof ObligationsPreview>;
