import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** The part of a better-sqlite3 statement the cache needs besides what Kysely uses: whether it is mid-iteration. */
type Statement = SqliteStatement & { readonly busy?: boolean };

export interface StatementSource {
  close(): void;
  prepare(sql: string): Statement;
}

/**
 * Wraps a better-sqlite3 database so that Kysely's SQLite driver, which prepares every statement again, reuses
 * prepared statements (a bounded LRU by SQL text). A statement still being iterated (a stream) is never handed out
 * twice: a fresh one is prepared instead. SQLite re-prepares a cached statement itself after a schema change.
 */
export function cacheStatements(database: StatementSource, options: { max?: number } = {}): SqliteDatabase {
  const max = options.max ?? 500;
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql: string) => {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Most recently used last, so the first key is always the one to evict.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
