import type { Db } from '../../platform/db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../access/actor.ts';
import { insertAuditEntry } from './repository.ts';

/** What changed: for each field, its value before and after. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Records a state-changing action in the same transaction as the change itself. */
export async function recordAudit(
  db: Db,
  entry: { actor: Pick<Actor, 'userId' | 'orgId'> | { userId: null; orgId: string }; clock: Clock; action: string; entityType: string; entityId: string | null; summary: string; changes?: unknown },
): Promise<void> {
  await insertAuditEntry(db, {
    orgId: entry.actor.orgId,
    actorId: entry.actor.userId || null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary,
    changes: entry.changes,
    at: entry.clock.now(),
  });
}

/** The fields whose value differs between two records, for the audit summary. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of Object.keys(after)) {
    if (after[key] !== undefined && after[key] !== before[key]) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
