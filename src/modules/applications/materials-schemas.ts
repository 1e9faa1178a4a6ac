import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schemas.ts';
import { Text } from '../../platform/http/text.ts';
import { LocalizedText } from '../catalog/schemas.ts';

const Localized = LocalizedText;
const Review = Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('rejected')]);

export const MaterialVersion = Type.Object(
  {
    version: Type.Integer(),
    sha256: Type.String(),
    size: Type.Integer({ description: 'Bytes' }),
    fileType: Type.String({ description: 'As read from the content: pdf, jpg, png, docx, xlsx' }),
    fileName: Type.String({ description: 'Masked (••••.pdf) for items holding personal data' }),
    source: Type.String({ description: 'upload, or generated' }),
    uploadedBy: Nullable(Type.String()),
    uploadedAt: Type.String(),
    review: Review,
    reviewReason: Type.String(),
    reviewedBy: Nullable(Type.String()),
    reviewedAt: Nullable(Type.String()),
  },
  { title: 'MaterialVersion' },
);

export const MaterialChecklistItem = Type.Object(
  {
    key: Type.String(),
    title: Localized,
    hint: Localized,
    required: Type.Boolean(),
    generated: Type.Boolean({ description: 'LicenseDesk drafts it (step 3); it is reviewed like an upload' }),
    personalData: Type.Boolean({ description: 'Holds personal data (ID cards): names masked in lists, every download audited' }),
    custom: Type.Boolean({ description: 'Added by a user to this application (removable while it has no files)' }),
    accepts: Type.Array(Type.String()),
    status: Type.Union([Type.Literal('missing'), Review], { description: "The latest version's review, or missing" }),
    reviewReason: Type.String({ description: 'Why the latest version was rejected' }),
    versions: Type.Array(MaterialVersion),
  },
  { $id: 'MaterialChecklistItem', title: 'MaterialChecklistItem' },
);
export type MaterialChecklistItem = Static<typeof MaterialChecklistItem>;

export const MaterialReviewRequest = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('reject')]),
    reason: Type.Optional(Text({ minLength: 1, maxLength: 1000, multiline: true, description: 'Required to reject: the client sees it' })),
  },
  { additionalProperties: false, title: 'MaterialReviewRequest' },
);
export type MaterialReviewRequest = Static<typeof MaterialReviewRequest>;

export const MaterialParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Application id' }),
  key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$', description: 'Checklist item key, e.g. business-licence' }),
});

export const MaterialFileQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: 'An earlier version; the latest by default' })),
});

export const CustomItemRequest = Type.Object(
  {
    title: Text({ minLength: 1, maxLength: 100, description: '材料名称 What the item is' }),
    hint: Type.Optional(Text({ maxLength: 500, description: 'What a good file looks like' })),
    required: Type.Optional(Type.Boolean({ default: true, description: 'Whether moving on waits for it to be accepted' })),
  },
  { additionalProperties: false, title: 'CustomItemRequest' },
);
export type CustomItemRequest = Static<typeof CustomItemRequest>;
