import type { Db } from '../../platform/db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../access/actor.ts';
import type { Bilingual } from '../../platform/errors/app-error.ts';
import { insertAuditEntry } from './repository.ts';

/** What changed: for each field, its value before and after. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Records a state-changing action in the same transaction as the change itself. */
export async function recordAudit(
  db: Db,
  entry: { actor: Pick<Actor, 'userId' | 'orgId'> | { userId: null; orgId: string }; clock: Clock; action: string; entityType: string; entityId: string | null; summary: Bilingual | string; changes?: unknown },
): Promise<void> {
  await insertAuditEntry(db, {
    orgId: entry.actor.orgId,
    actorId: entry.actor.userId || null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    // Stored in both languages; readers pick the request's language (plain text means the same in both).
    summary: typeof entry.summary === 'string' ? entry.summary : JSON.stringify(entry.summary),
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

/** Reads a stored summary in the wanted language; plain-text summaries are returned as they are. */
export function readSummary(stored: string, lang: 'zh' | 'en'): string {
  if (!stored.startsWith('{')) return stored;
  try {
    const parsed = JSON.parse(stored) as Partial<Bilingual>;
    return (lang === 'en' ? parsed.en : parsed.zh) ?? stored;
  } catch {
    return stored;
  }
}
