import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import type { Db } from './database.ts';
import { dialectOf } from './dialect-of.ts';
import { installPeriodicTask } from '../http/periodic-task.ts';

/**
 * Folds the pending counter deltas (appended by triggers, migration 0009) into the organisations' totals, so a read
 * adds only the few deltas since. Safe with several instances at once: on PostgreSQL one statement deletes the
 * deltas it folds (a row another compaction already took is not returned twice); SQLite runs one writer at a time.
 * Answers how many deltas it folded.
 */
export async function compactOrgCounters(db: Db): Promise<number> {
  if (dialectOf(db) === 'postgres') {
    const result = await sql<{ n: number }>`
      WITH folded AS (DELETE FROM org_counter_deltas RETURNING org_id, name, delta),
      totals AS (INSERT INTO org_counters (org_id, name, value)
        SELECT org_id, name, sum(delta) FROM folded GROUP BY org_id, name
        ON CONFLICT (org_id, name) DO UPDATE SET value = org_counters.value + excluded.value)
      SELECT count(*)::int AS n FROM folded`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  }
  const fold = async (trx: Db) => {
    const last = await trx.selectFrom('orgCounterDeltas').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    if (last?.id == null) return 0;
    await sql`
      INSERT INTO org_counters (org_id, name, value)
      SELECT org_id, name, sum(delta) FROM org_counter_deltas WHERE id <= ${last.id} GROUP BY org_id, name
      ON CONFLICT (org_id, name) DO UPDATE SET value = value + excluded.value`.execute(trx);
    const deleted = await trx.deleteFrom('orgCounterDeltas').where('id', '<=', last.id).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  };
  return db.isTransaction ? fold(db) : db.transaction().execute(fold);
}

/** How often pending counter deltas are folded in: a read then adds at most a few seconds' worth of changes. */
export const counterCompactionIntervalMs = 2_000;

/** Compacts on a timer that lives with the app (`installPeriodicTask`). */
export function installCounterCompaction(app: FastifyInstance, ctx: Pick<AppContext, 'db' | 'logger'>): void {
  installPeriodicTask(app, {
    intervalMs: counterCompactionIntervalMs,
    task: () => compactOrgCounters(ctx.db),
    onError: (err) => ctx.logger.warn({ err }, 'compacting organisation counters failed'),
  });
}
