import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { withinScope } from '../access/scope.ts';
import type { Scope } from '../access/actor.ts';
import { listPage, type ListOrder, type Page, type PageRequest } from '../../platform/db/list-page.ts';

export interface AuditEntryInput {
  orgId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  changes?: unknown;
  at: string;
}

/** Appends one entry; the audit log has no update or delete. */
export async function insertAuditEntry(db: Db, entry: AuditEntryInput): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({ ...entry, changes: entry.changes === undefined ? null : JSON.stringify(entry.changes) })
    .execute();
}

// 500 rows × 8 columns stays under both databases' bound-parameter limits.
const bulkChunk = 500;

/** Appends many entries at once (imports, benchmarks); in one transaction unless `db` already is one. */
export async function insertAuditEntriesBulk(db: Db, entries: AuditEntryInput[]): Promise<void> {
  const insert = async (trx: Db) => {
    for (let i = 0; i < entries.length; i += bulkChunk) {
      const chunk = entries.slice(i, i + bulkChunk).map((entry) => ({ ...entry, changes: entry.changes === undefined ? null : JSON.stringify(entry.changes) }));
      await trx.insertInto('auditLog').values(chunk).execute();
    }
  };
  if (db.isTransaction) await insert(db);
  else await db.transaction().execute(insert);
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  page: PageRequest;
}

export interface AuditRow {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  changes: string | null;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
}

/** Newest first: (at, id) descending, an index range of (org_id, at, id) or, for one record, (org_id, entity_id, at, id). */
const auditOrder: ListOrder<AuditRow> = {
  direction: 'desc',
  keys: [
    { ref: 'auditLog.at', kind: 'string', read: (row) => row.at },
    { ref: 'auditLog.id', kind: 'number', read: (row) => Number(row.id) },
  ],
};

/** The audit log, a page at a time; the count reads the log alone, and only the page's rows are joined to their actor. */
export async function findAuditEntries(db: Db, scope: Scope, filter: AuditFilter): Promise<Page<AuditRow>> {
  let base = withinScope(db.selectFrom('auditLog'), scope, { org: 'auditLog.orgId', client: null });
  // Each filter has its (org_id, column, at, id) index; the most selective one given drives (a record's id, then an
  // action, then a kind of record) and the others are written so no index can take them (`col || ''`), as SQLite
  // keeps no statistics to choose by.
  const drives = filter.entityId ? 'entityId' : filter.action ? 'action' : 'entityType';
  const column = (name: 'entityId' | 'action' | 'entityType') => (name === drives ? sql.ref(`auditLog.${name}`) : sql<string>`${sql.ref(`auditLog.${name}`)} || ''`);
  for (const name of ['entityId', 'action', 'entityType'] as const) {
    const value = filter[name];
    if (value) base = base.where(column(name), '=', value);
  }
  return listPage(db, {
    query: base,
    order: auditOrder,
    request: filter.page,
    select: (q) =>
      q
        .leftJoin('users', 'users.id', 'auditLog.actorId')
        .select(['auditLog.id', 'auditLog.at', 'auditLog.action', 'auditLog.entityType', 'auditLog.entityId', 'auditLog.summary', 'auditLog.changes', 'auditLog.actorId', 'users.email as actorEmail', 'users.name as actorName']),
  });
}
