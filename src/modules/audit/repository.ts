import type { Db } from '../../platform/db/database.ts';
import { withinScope } from '../access/scope.ts';
import type { Scope } from '../access/actor.ts';

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

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  page: number;
  pageSize: number;
}

export async function findAuditEntries(db: Db, scope: Scope, filter: AuditFilter) {
  let base = withinScope(db.selectFrom('auditLog').leftJoin('users', 'users.id', 'auditLog.actorId'), scope, { org: 'auditLog.orgId', client: null });
  if (filter.entityType) base = base.where('auditLog.entityType', '=', filter.entityType);
  if (filter.entityId) base = base.where('auditLog.entityId', '=', filter.entityId);
  if (filter.action) base = base.where('auditLog.action', '=', filter.action);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'auditLog.id',
      'auditLog.at',
      'auditLog.action',
      'auditLog.entityType',
      'auditLog.entityId',
      'auditLog.summary',
      'auditLog.changes',
      'auditLog.actorId',
      'users.email as actorEmail',
      'users.name as actorName',
    ])
    .orderBy('auditLog.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows, total: Number(total) };
}
