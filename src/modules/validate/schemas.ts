import { Type, type TSchema } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schemas.ts';
import { ScopeParam, SourceRef, LocalizedText } from '../catalog/schemas.ts';
import { Text } from '../../platform/http/text.ts';

const Reason = Type.Object({ code: Type.String({ description: 'Stable reason code, e.g. bad-check' }), zh: Type.String(), en: Type.String() });
const Named = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });

/** The answer of every validator: always 200 for a well-formed request. */
function ValidationResult<T extends TSchema>(title: string, parsed: T) {
  return Type.Object(
    {
      valid: Type.Boolean(),
      normalized: Type.String({ description: 'The input as checked: trimmed, full-width and lowercase converted' }),
      reason: Type.Optional(Reason),
      parsed: Type.Optional(parsed),
    },
    { title },
  );
}

export const UsccResult = ValidationResult(
  'UsccValidation',
  Type.Object(
    {
      department: Type.Union([Named, Type.Null()], { description: 'Position 1 (登记管理部门); null when not a valid department' }),
      category: Type.Union([Named, Type.Null()], { description: 'Position 2 (机构类别); null when not a category of that department' }),
      regionCode: Nullable(Type.String({ description: 'Positions 3–8; null when not six digits' })),
      province: Type.Union([Named, Type.Null()], { description: 'Province of the region code; null for national-level (10xxxx) or unknown prefixes' }),
      organisationCode: Nullable(Type.String({ description: 'Positions 9–17; null when not readable' })),
      checkCharacter: Nullable(Type.String({ description: 'Position 18; null when the code is invalid' })),
    },
    {
      description:
        'The parts of the code. A valid code has every part except possibly province; an invalid one still gets the parts its positions allow (left out when none), beside reason',
    },
  ),
);

export const IdCardResult = ValidationResult(
  'IdCardValidation',
  Type.Object(
    {
      format: Type.Union([Type.Literal(18), Type.Literal(15)]),
      maskedId18: Type.String({ description: 'The 18-digit form, masked (a 15-digit number is converted first)' }),
      regionCode: Type.String(),
      province: Nullable(Named),
      sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
    },
    { description: 'Personal data: the full number and the birth date are never returned' },
  ),
);

export const LicenceNoResult = ValidationResult(
  'LicenceNumberValidation',
  Type.Object({
    foreignInvested: Type.Boolean({ description: '合字: foreign-invested telecom enterprise' }),
    issuer: Type.String({ description: 'MIIT, or the issuing province code' }),
    issuerName: LocalizedText,
    categories: Type.Array(Type.String()),
    year: Type.Integer(),
    serial: Type.Integer(),
  }),
);

export const AccessNumberResult = ValidationResult(
  'AccessNumberValidation',
  Type.Object({ prefix: Type.Union([Type.Literal('95'), Type.Literal('96')]), allocator: LocalizedText, source: SourceRef }),
);

export const ValueQuery = Type.Object({ value: Text({ maxLength: 100, description: 'The value to check' }) });
export const AccessNumberQuery = Type.Object({ value: Text({ maxLength: 100, description: 'The 95/96 access number' }), scope: ScopeParam });
