import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schemas.ts';
import { LocalizedText } from '../catalog/schemas.ts';

export const ImportKind = Type.Union([Type.Literal('clients'), Type.Literal('licences')], { description: 'clients (客户) or licences (许可证)' });
export type ImportKind = Static<typeof ImportKind>;

export const ImportStatus = Type.Union(
  ['uploaded', 'checking', 'checked', 'running', 'done', 'failed'].map((s) => Type.Literal(s)),
  { description: 'uploaded (mapping to confirm) → checking → checked (the report is ready) → running → done; failed from any step' },
);

export const OnDuplicate = Type.Union([Type.Literal('skip'), Type.Literal('update')], {
  description: 'A row whose credit code (clients) or licence number (licences) is already in the organisation, or earlier in the file: skip it, or update the record with the row’s non-empty cells',
});
export type OnDuplicate = Static<typeof OnDuplicate>;

const Cell = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const ImportIssue = Type.Object({
  row: Type.Integer({ description: 'The spreadsheet row (1 is the header row)' }),
  column: Nullable(Type.Integer({ description: 'Column index from 0; null when the field has no column' })),
  field: Type.String(),
  message: LocalizedText,
});

export const ImportDuplicate = Type.Object({
  row: Type.Integer(),
  key: Type.String({ description: 'The credit code or licence number' }),
  existing: Type.Boolean({ description: 'Already in the organisation' }),
  firstRow: Nullable(Type.Integer({ description: 'The earlier row of this file with the same key' })),
});

export const ImportReport = Type.Object(
  {
    totalRows: Type.Integer(),
    validRows: Type.Integer(),
    invalidRows: Type.Integer(),
    duplicateRows: Type.Integer(),
    issues: Type.Array(ImportIssue, { description: 'The first 500 problems; the error report lists every one' }),
    duplicates: Type.Array(ImportDuplicate, { description: 'The first 500 duplicates' }),
  },
  { title: 'ImportReport' },
);
export type ImportReport = Static<typeof ImportReport>;

export const ImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer({ description: 'Duplicates skipped' }),
  invalidSkipped: Type.Integer({ description: 'Invalid rows left out (only the valid rows were imported)' }),
});
export type ImportResult = Static<typeof ImportResult>;

export const ImportFieldInfo = Type.Object({ key: Type.String(), label: LocalizedText, required: Type.Boolean(), hint: LocalizedText });

export const ImportJob = Type.Object(
  {
    id: Type.String(),
    kind: ImportKind,
    status: ImportStatus,
    fileName: Type.String(),
    fileSize: Type.Integer(),
    format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]),
    headers: Type.Array(Type.String()),
    sample: Type.Array(Type.Array(Cell), { description: 'The first data rows, as read' }),
    mapping: Type.Array(Nullable(Type.String()), { description: 'The field each column goes to, by column index (null: ignored)' }),
    fields: Type.Array(ImportFieldInfo, { description: 'Every field this kind takes' }),
    unmappedRequired: Type.Array(Type.String(), { description: 'Required fields no column is mapped to' }),
    onDuplicate: OnDuplicate,
    validOnly: Type.Boolean(),
    progress: Type.Object({ done: Type.Integer(), total: Type.Integer({ description: 'Rows to go through; 0 while unknown' }) }),
    report: Nullable(ImportReport),
    result: Nullable(ImportResult),
    failure: Nullable(Type.Object({ code: Type.String(), message: LocalizedText })),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'ImportJob', title: 'ImportJob' },
);
export type ImportJob = Static<typeof ImportJob>;

export const ImportCreateQuery = Type.Object({ kind: ImportKind });

export const ImportCheckRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    mapping: Type.Array(Nullable(Type.String({ maxLength: 40, pattern: '^[A-Za-z]+$', description: 'A field key, e.g. uscc' })), { maxItems: 200, description: 'The field of each column by index, as the user confirmed it; null ignores a column' }),
  },
  { additionalProperties: false, title: 'ImportCheckRequest' },
);
export type ImportCheckRequest = Static<typeof ImportCheckRequest>;

export const ImportRunRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    onDuplicate: OnDuplicate,
    validOnly: Type.Boolean({ description: 'Import the valid rows and leave the invalid ones out; otherwise nothing is written while any row is invalid' }),
  },
  { additionalProperties: false, title: 'ImportRunRequest' },
);
export type ImportRunRequest = Static<typeof ImportRunRequest>;

export const TemplateParams = Type.Object({ kind: ImportKind });
export const TemplateQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' })),
});
