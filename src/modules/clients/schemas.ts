import { Type, type Static } from '@sinclair/typebox';
import { provinceCodes } from '../../domain/geo/provinces.ts';
import { Nullable, PageQuery } from '../../platform/http/schemas.ts';
import { Identifier, Text } from '../../platform/http/text.ts';

const text = (maxLength: number, description: string) => Text({ maxLength, description });
const block = (maxLength: number, description: string) => Text({ maxLength, description, multiline: true });

export const ProvinceCode = Type.Union(
  provinceCodes.map((c) => Type.Literal(c)),
  { description: 'ISO 3166-2:CN code without the CN- prefix (BJ, SH, GD, …)' },
);

/** Every editable field of a client company, as the API names them. */
const editable = {
  name: Text({ minLength: 1, maxLength: 200, description: '企业名称 Company name' }),
  uscc: Identifier({ minLength: 1, maxLength: 40, description: '统一社会信用代码 (GB 32100), 18 characters; spaces, full-width characters and lower case are normalised' }),
  legalRepresentative: text(100, '法定代表人'),
  registeredCapital: Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000_000_000, description: '注册资本, integer yuan' })),
  businessScope: block(5000, '经营范围'),
  province: Nullable(ProvinceCode),
  address: block(500, '地址'),
  contactName: text(100, '联系人'),
  contactPhone: Text({ maxLength: 40, pattern: '^[0-9+()\\-\\s]*$', description: '联系电话' }),
  contactEmail: Type.Union([Type.Literal(''), Text({ format: 'email', maxLength: 254 })], { description: '联系邮箱' }),
  foreignSharePercent: Nullable(Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.01, description: '外资比例 %, up to 2 decimals' })),
  notes: block(5000, '备注'),
};

const usccOverride = Type.Optional(
  Type.Boolean({ description: 'Save even though the credit code fails the GB 32100 check; the override is audited' }),
);

export const ClientCreate = Type.Object(
  {
    name: editable.name,
    uscc: editable.uscc,
    legalRepresentative: Type.Optional(editable.legalRepresentative),
    registeredCapital: Type.Optional(editable.registeredCapital),
    businessScope: Type.Optional(editable.businessScope),
    province: Type.Optional(editable.province),
    address: Type.Optional(editable.address),
    contactName: Type.Optional(editable.contactName),
    contactPhone: Type.Optional(editable.contactPhone),
    contactEmail: Type.Optional(editable.contactEmail),
    foreignSharePercent: Type.Optional(editable.foreignSharePercent),
    notes: Type.Optional(editable.notes),
    usccOverride,
  },
  { additionalProperties: false, title: 'ClientCreate' },
);
export type ClientCreate = Static<typeof ClientCreate>;

/** The version the caller read, and any subset of the create fields. */
export const ClientPatch = Type.Composite(
  [Type.Object({ version: Type.Integer({ minimum: 1, description: 'The version this change is based on (from GET); a stale one answers 409 VERSION_CONFLICT' }) }), Type.Partial(ClientCreate)],
  { additionalProperties: false, minProperties: 2, title: 'ClientPatch' },
);
export type ClientPatch = Static<typeof ClientPatch>;

export const Client = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    uscc: Type.String(),
    usccOverride: Type.Boolean({ description: 'True when saved despite failing the GB 32100 check' }),
    legalRepresentative: Type.String(),
    registeredCapital: Nullable(Type.Integer()),
    businessScope: Type.String(),
    province: Nullable(Type.String()),
    address: Type.String(),
    contactName: Type.String(),
    contactPhone: Type.String(),
    contactEmail: Type.String(),
    foreignSharePercent: Nullable(Type.Number()),
    notes: Type.String(),
    archivedAt: Nullable(Type.String()),
    version: Type.Integer({ description: 'Bumped by every change; send it back with a PATCH' }),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Client', title: 'Client' },
);
export type Client = Static<typeof Client>;

export const ClientListQuery = Type.Object({
  q: Type.Optional(Text({ maxLength: 200, description: 'Search: names containing the text (one Chinese character is enough; case and full-width insensitive), or credit codes / organisation codes (characters 9–17) starting with it' })),
  province: Type.Optional(ProvinceCode),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived'), Type.Literal('all')], { default: 'active' })),
  ...PageQuery,
});
export type ClientListQuery = Static<typeof ClientListQuery>;
