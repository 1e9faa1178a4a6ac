import { PostgresAdapter, type Kysely } from 'kysely';

/** Which database a Kysely instance (or a transaction of it) talks to, for the few queries that differ. */
export function dialectOf(db: Kysely<any>): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
