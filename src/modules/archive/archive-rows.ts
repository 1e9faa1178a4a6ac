import { roles } from '../access/actor.ts';
import { archiveInvalid } from './archive-errors.ts';
import type { ArchiveTable, ArchiveTableName, ColumnKind } from './archive-tables.ts';
import { isRecordId, type IdMap } from './id-map.ts';
import type { StoredRow } from './repository.ts';

// A row as the archive writes it is dialect-neutral JSON: flags are booleans, integers are numbers (PostgreSQL's
// bigint arrives as a number here, SQLite's integer too), dates and instants the ISO text both databases store.

const isNullable = (kind: ColumnKind) => kind.includes('?');
const refTable = (kind: ColumnKind) => (kind.startsWith('ref') ? (kind.slice(kind.indexOf(':') + 1) as ArchiveTableName) : null);
const sha256Shape = /^[0-9a-f]{64}$/;

/** The files an archive accounts for: those it holds and those its manifest lists as missing at the source. */
export interface KnownFiles {
  has(sha256: string): boolean;
}

/** Values a column may hold beyond its type, where the application relies on them. */
const allowedValues: Partial<Record<string, readonly string[]>> = { 'users.role': roles, 'organisations.kind': ['agency', 'company'] };

/** A stored row as the archive writes it; a value that does not fit its column is an internal fault, never written. */
export function toArchiveRow(spec: ArchiveTable, row: StoredRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, kind] of Object.entries(spec.columns)) {
    const value = row[column];
    if (value === null || value === undefined) {
      if (!isNullable(kind)) throw new Error(`${spec.name}.${column} is null in the database`);
      out[column] = null;
    } else if (kind === 'flag') out[column] = Number(value) === 1;
    else if (kind === 'int' || kind === 'int?') {
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new Error(`${spec.name}.${column} is not an integer`);
      out[column] = n;
    } else if (typeof value === 'string') out[column] = value;
    else throw new Error(`${spec.name}.${column} is not text`);
  }
  return out;
}

function checkValue(kind: ColumnKind, value: unknown, files: KnownFiles): string | null {
  if (value === null) return isNullable(kind) ? null : 'null';
  if (kind === 'flag') return typeof value === 'boolean' ? null : 'boolean';
  if (kind === 'int' || kind === 'int?') return Number.isSafeInteger(value) ? null : 'integer';
  if (typeof value !== 'string') return 'text';
  if (kind === 'id' || refTable(kind)) return isRecordId(value) ? null : 'id';
  if (kind.startsWith('sha256')) return sha256Shape.test(value) && files.has(value) ? null : 'file';
  return null;
}

const expected: Record<string, { zh: string; en: string }> = {
  null: { zh: '不能为空', en: 'must not be null' },
  boolean: { zh: '应为 true 或 false', en: 'must be true or false' },
  integer: { zh: '应为整数', en: 'must be an integer' },
  text: { zh: '应为文本', en: 'must be text' },
  id: { zh: '应为 UUID', en: 'must be a UUID' },
  file: { zh: '应为归档中某个文件的 SHA-256', en: "must be the SHA-256 of a file in the archive's files/ (or its missingFiles)" },
};

/** Checks one parsed line against its table: exactly its columns, each of its kind; `files` are the archive's files. */
export function checkArchiveRow(spec: ArchiveTable, value: unknown, input: { where: string; files: KnownFiles }): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw archiveInvalid(input.where, { zh: '应为 JSON 对象', en: 'must be a JSON object' });
  const row = value as Record<string, unknown>;
  const unknown = Object.keys(row).filter((key) => !(key in spec.columns));
  if (unknown.length > 0) throw archiveInvalid(input.where, { zh: `未知字段 ${unknown.join('、')}`, en: `unknown field ${unknown.join(', ')}` });
  for (const [column, kind] of Object.entries(spec.columns)) {
    if (!(column in row)) throw archiveInvalid(input.where, { zh: `缺少字段 ${column}`, en: `field ${column} is missing` });
    const problem = checkValue(kind, row[column], input.files);
    if (problem) throw archiveInvalid(input.where, { zh: `${column} ${expected[problem].zh}`, en: `${column} ${expected[problem].en}` });
    const allowed = allowedValues[`${spec.name}.${column}`];
    if (allowed && !allowed.includes(row[column] as string)) throw archiveInvalid(input.where, { zh: `${column} 应为 ${allowed.join('、')} 之一`, en: `${column} must be one of ${allowed.join(', ')}` });
  }
  return row;
}

/** A checked archive row as the database stores it in the new organisation: ids remapped, flags 0/1, the new org. */
export function toStoredRow(spec: ArchiveTable, row: Record<string, unknown>, input: { ids: IdMap; where: string }): StoredRow {
  const { ids } = input;
  const out: StoredRow = spec.orgColumn === 'orgId' ? { orgId: ids.targetOrgId } : {};
  for (const [column, kind] of Object.entries(spec.columns)) {
    const value = row[column];
    const target = refTable(kind);
    if (value === null) out[column] = null;
    else if (kind === 'flag') out[column] = value === true ? 1 : 0;
    else if (kind === 'id') out[column] = spec.name === 'organisations' ? ids.targetOrgId : ids.of(spec.name, value as string);
    else if (target) {
      const mapped = ids.of(target, value as string);
      if (!mapped) throw archiveInvalid(input.where, { zh: `${column} 指向的 ${target} 记录不在归档中`, en: `${column} names a record of ${target} that is not in the archive` });
      out[column] = mapped;
    } else if (kind === 'soft?') out[column] = ids.any(value as string) ?? value;
    else if (kind === 'mapped' || kind === 'mapped?') out[column] = ids.rewrite(value as string);
    else out[column] = value;
  }
  return out;
}
