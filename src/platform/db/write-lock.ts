import { sql } from 'kysely';
import type { Db } from './database.ts';
import { dialectOf } from './dialect-of.ts';

/**
 * On SQLite, takes the database's write lock at the start of a transaction that reads and then writes, waiting for it
 * (busy_timeout) instead of failing with SQLITE_BUSY when another process wrote in between: an UPDATE that matches no
 * row still takes the lock. PostgreSQL locks rows, so nothing is needed there.
 */
export async function takeWriteLock(trx: Db): Promise<void> {
  if (dialectOf(trx) === 'sqlite') await sql`UPDATE calendar_revision SET id = id WHERE id = -1`.execute(trx);
}
