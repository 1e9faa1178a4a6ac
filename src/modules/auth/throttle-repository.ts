import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { delayAfter, delaySteps, throttleRules, type ThrottleRule } from './login-throttle.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Reserves one attempt for a key in a single atomic statement (INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING,
 * the same on SQLite and PostgreSQL): it counts the attempt and sets when the next may come, unless the key must still
 * wait, in which case nothing changes and no row comes back. Parallel attempts therefore cannot all slip through.
 */
export async function reserveAttempt(db: Db, input: { key: string; rule: ThrottleRule; now: string }): Promise<boolean> {
  const nowMs = Date.parse(input.now);
  const idleSince = iso(nowMs - throttleRules.idleResetMs);
  const counted: RawBuilder<number> = sql`(case when ${sql.ref('loginThrottle.lastAt')} <= ${idleSince} then 1 else ${sql.ref('loginThrottle.attempts')} + 1 end)`;
  const whens = delaySteps(input.rule).map((s) => sql`when ${counted} >= ${s.fromAttempts} then ${iso(nowMs + s.delayMs)}`);
  const nextAt: RawBuilder<string> = sql`(case ${sql.join(whens, sql` `)} else ${input.now} end)`;
  const row = await db
    .insertInto('loginThrottle')
    .values({ key: input.key, attempts: 1, nextAt: iso(nowMs + delayAfter(input.rule, 1)), lastAt: input.now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ attempts: counted, nextAt, lastAt: input.now }).where('loginThrottle.nextAt', '<=', input.now))
    .returning('attempts')
    .executeTakeFirst();
  return row !== undefined;
}

/** When a waiting key may try again. */
export async function findNextAttemptAt(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('loginThrottle').select('nextAt').where('key', '=', key).executeTakeFirst();
  return row?.nextAt ?? null;
}

export async function forgetAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('loginThrottle').where('key', '=', key).execute();
}

/** Gives one reserved attempt back (a successful sign-in), lifting the wait when the key is back within its free ones. */
export async function refundAttempt(db: Db, input: { key: string; rule: ThrottleRule; now: string }): Promise<void> {
  await db
    .updateTable('loginThrottle')
    .set((eb) => ({
      attempts: eb('attempts', '-', 1),
      nextAt: sql<string>`(case when ${sql.ref('attempts')} <= ${input.rule.freeAttempts} then ${input.now} else ${sql.ref('nextAt')} end)`,
    }))
    .where('key', '=', input.key)
    .where('attempts', '>', 0)
    .execute();
}

/** Deletes throttle rows with no attempt for the idle-reset period: they would start from zero anyway. */
export async function pruneThrottle(db: Db, now: string): Promise<number> {
  const result = await db
    .deleteFrom('loginThrottle')
    .where('lastAt', '<=', iso(Date.parse(now) - throttleRules.idleResetMs))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
