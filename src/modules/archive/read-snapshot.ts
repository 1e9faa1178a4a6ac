import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

/**
 * Runs `work` on one consistent snapshot of the database, so an export that reads for minutes never pairs a row with
 * one written after it: a read-only REPEATABLE READ transaction on PostgreSQL; on SQLite a read transaction on a
 * connection of its own (WAL lets the server keep writing meanwhile, where a transaction on the shared connection
 * would hold every other request until the download ends). An in-memory SQLite database has no second connection and
 * is read as it is.
 */
export async function withReadSnapshot<T>(ctx: Pick<AppContext, 'db' | 'database'>, work: (db: Db) => Promise<T>): Promise<T> {
  if (ctx.database.dialect === 'postgres') return ctx.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
  const shared = ctx.database.sqlite;
  if (!shared || shared.memory) return work(ctx.db);
  const connection = new BetterSqlite3(shared.name, { readonly: true, fileMustExist: true });
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }), plugins: [new CamelCasePlugin()] });
  try {
    return await db.transaction().execute(work);
  } finally {
    await db.destroy();
  }
}
