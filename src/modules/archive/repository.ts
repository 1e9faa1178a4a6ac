import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { archiveTables, type ArchiveTable } from './archive-tables.ts';

// The archive reads and writes every organisation-owned table by the one description in `archive-tables.ts`, so the
// queries name tables and columns from it; `Kysely<any>` is confined to this file.
const untyped = (db: Db) => db as unknown as Kysely<any>;

export type StoredRow = Record<string, unknown>;

export async function findOrganisation(db: Db, orgId: string) {
  return db.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', '=', orgId).executeTakeFirst();
}

/**
 * One page of a table's rows of an organisation, in cursor order after `after` (null: from the start): an index range
 * per page, so any number of rows is read in bounded memory. A table without a cursor answers its one row, if any.
 */
export async function readRecordPage(db: Db, spec: ArchiveTable, input: { orgId: string; after: unknown; limit: number }): Promise<StoredRow[]> {
  const columns = Object.keys(spec.columns);
  const selected = spec.cursor && !columns.includes(spec.cursor) ? [...columns, spec.cursor] : columns;
  let query = untyped(db).selectFrom(spec.table).select(selected).where(spec.orgColumn, '=', input.orgId);
  if (spec.cursor) {
    if (input.after !== null) query = query.where(spec.cursor, '>', input.after);
    query = query.orderBy(spec.cursor).limit(input.limit);
  }
  return (await query.execute()) as StoredRow[];
}

/** The SHA-256 of every file an organisation's records name (every `sha256` column of the archive), once each, sorted. */
export async function listFileHashes(db: Db, orgId: string): Promise<string[]> {
  const queries = archiveTables.flatMap((spec) =>
    Object.entries(spec.columns)
      .filter(([, kind]) => kind.startsWith('sha256'))
      .map(([column]) => untyped(db).selectFrom(spec.table).select(`${column} as sha256`).where(spec.orgColumn, '=', orgId).where(column, 'is not', null)),
  );
  const union = queries.slice(1).reduce((all, query) => all.union(query), queries[0]);
  const rows = (await union.execute()) as Array<{ sha256: string }>;
  return rows.map((r) => r.sha256).sort();
}

/** Inserts rows of one table in chunks that stay under both databases' bound-parameter limits. */
export async function insertRecords(db: Db, spec: Pick<ArchiveTable, 'table'>, rows: StoredRow[]): Promise<void> {
  if (rows.length === 0) return;
  const perChunk = Math.max(1, Math.floor(10_000 / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += perChunk) await untyped(db).insertInto(spec.table).values(rows.slice(i, i + perChunk)).execute();
}
