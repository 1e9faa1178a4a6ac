import { Type, type Static, type TNull, type TSchema, type TUnion } from '@sinclair/typebox';
import { provinceCodes } from '../../domain/geo/provinces.ts';
import { Nullable } from '../../platform/http/schemas.ts';
import { Confidence, ScopeParam, ServiceCodeParam, SourceRef, StringEnum, LocalizedText } from '../catalog/schemas.ts';
import { Text } from '../../platform/http/text.ts';

const headcount = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000, description });
/** An input field that may also be null: not known / not declared. */
const OptionalOrNull = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

const declarationFields = {
  notDishonest: Type.Boolean({ description: 'Not on the telecom dishonest list (失信名单): company, main investors, managers' }),
  staffCount: headcount('Technical and management staff'),
  socialInsuranceStaffCount: headcount('Staff on the company’s social insurance'),
  hasEquipmentEvidence: Type.Boolean({ description: 'Call-centre system purchase contract, invoices, network-access licence' }),
  hasPremises: Type.Boolean({ description: 'Premises lease and property certificate' }),
  hasTrunkLines: Type.Boolean({ description: 'Trunk-line lease contract' }),
};
type DeclarationFields = typeof declarationFields;

export const Declarations = Type.Partial(Type.Object(declarationFields, { additionalProperties: false, description: 'What the company declares; anything left out is reported as unknown, never as a pass' }));

/** Declarations as sent: a field may also be null, the same as leaving it out (not declared). */
const DeclarationsInput = Type.Partial(
  Type.Object(Object.fromEntries(Object.entries(declarationFields).map(([key, schema]) => [key, Nullable(schema)])) as { [K in keyof DeclarationFields]: TUnion<[DeclarationFields[K], TNull]> }, {
    additionalProperties: false,
    description: 'What the company declares; anything left out or null is reported as unknown, never as a pass',
  }),
);

export const CompanyInput = Type.Object(
  {
    registeredCapital: OptionalOrNull(Type.Integer({ minimum: 0, maximum: 10_000_000_000_000, description: '注册资本, integer yuan' })),
    businessScope: OptionalOrNull(Text({ maxLength: 5000, multiline: true, description: '经营范围 as printed on the business licence' })),
    foreignSharePercent: OptionalOrNull(Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.01, description: '外资比例 %, up to 2 decimals' })),
    province: OptionalOrNull(StringEnum(provinceCodes, 'Province of registration (ISO 3166-2:CN code without CN-)')),
    declarations: OptionalOrNull(DeclarationsInput),
  },
  {
    additionalProperties: false,
    description:
      'Without clientId, registeredCapital, businessScope, foreignSharePercent and province are required (not null). With clientId, a given field replaces the client record’s, ' +
      'and null means “unknown / not declared”: the record’s value is ignored and the criteria depending on it are unknown. declarations (or one of its fields) null is the same as leaving it out.',
  },
);
export type CompanyInput = Static<typeof CompanyInput>;

export const EligibilityRequest = Type.Object(
  {
    service: ServiceCodeParam,
    scope: ScopeParam,
    clientId: Type.Optional(Type.String({ format: 'uuid', description: 'Prefill the company from this client company of my organisation' })),
    company: Type.Optional(CompanyInput),
  },
  { additionalProperties: false, title: 'EligibilityRequest' },
);
export interface EligibilityRequest {
  service: string;
  scope: string;
  clientId?: string;
  company?: CompanyInput;
}

const Row = Type.Object({
  key: Type.String(),
  level: Type.Union([Type.Literal('block'), Type.Literal('warn')]),
  result: Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('warn'), Type.Literal('unknown')]),
  title: LocalizedText,
  explanation: LocalizedText,
  source: SourceRef,
  confidence: Confidence,
});

export const EligibilityResult = Type.Object(
  {
    service: Type.String(),
    scope: Type.String(),
    clientId: Nullable(Type.String()),
    company: Type.Object(
      {
        registeredCapital: Nullable(Type.Integer()),
        businessScope: Nullable(Type.String()),
        foreignSharePercent: Nullable(Type.Number()),
        province: Nullable(Type.String()),
        declarations: Declarations,
      },
      { description: 'The facts checked (null: not known, so the criteria depending on it are unknown)' },
    ),
    eligible: Type.Boolean({ description: 'False only when a blocking criterion fails' }),
    hasUnknowns: Type.Boolean(),
    rows: Type.Array(Row),
  },
  { $id: 'EligibilityResult', title: 'EligibilityResult' },
);
export type EligibilityResult = Static<typeof EligibilityResult>;
