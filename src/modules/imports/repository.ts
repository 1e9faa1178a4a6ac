import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ImportJobsTable } from '../../platform/db/schema.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';

export type ImportJobRow = Selectable<ImportJobsTable>;

// Import jobs are organisation-wide: a client user's scope reaches none (withinScope's client column is null).
const scoped = (db: Db, scope: Scope) => withinScope(db.selectFrom('importJobs'), scope, { org: 'importJobs.orgId', client: null });

export async function insertImportJob(db: Db, row: Insertable<ImportJobsTable>): Promise<void> {
  await db.insertInto('importJobs').values(row).execute();
}

export async function findImportJob(db: Db, scope: Scope, id: string): Promise<ImportJobRow | undefined> {
  return scoped(db, scope).selectAll().where('importJobs.id', '=', id).executeTakeFirst();
}

/** The organisation's latest imports, newest first. */
export async function listImportJobs(db: Db, scope: Scope, limit: number): Promise<ImportJobRow[]> {
  return scoped(db, scope).selectAll().orderBy('importJobs.createdAt', 'desc').orderBy('importJobs.id', 'desc').limit(limit).execute();
}

/** Applies `changes` when the job still has `version` (and bumps it); false when someone else moved it first. */
export async function updateImportJob(db: Db, scope: Scope, target: { id: string; version: number }, changes: Partial<ImportJobRow>): Promise<boolean> {
  const result = await withinScope(db.updateTable('importJobs'), scope, { org: 'orgId', client: null })
    .set({ ...changes, version: target.version + 1 })
    .where('id', '=', target.id)
    .where('version', '=', target.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Progress only: written by the job that owns the row, never bumping its version (the page polls it). */
export async function setImportProgress(db: Db, scope: Scope, id: string, progress: { progressDone: number; progressTotal: number; updatedAt: string }): Promise<void> {
  await withinScope(db.updateTable('importJobs'), scope, { org: 'orgId', client: null }).set(progress).where('id', '=', id).execute();
}

/**
 * Jobs left checking or running by a process that stopped (nothing of theirs was written: one transaction): all of
 * them, or with `staleBefore` only those whose progress stopped before it (another instance may be running the rest).
 */
export async function failInterruptedJobs(db: Db, failure: { failure: string; updatedAt: string; staleBefore: string | null }): Promise<number> {
  let query = db
    .updateTable('importJobs')
    .set((eb) => ({ status: 'failed', failure: failure.failure, updatedAt: failure.updatedAt, version: eb('version', '+', 1) }))
    .where('status', 'in', ['checking', 'running']);
  if (failure.staleBefore) query = query.where('updatedAt', '<', failure.staleBefore);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
