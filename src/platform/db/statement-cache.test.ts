import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { cacheStatements } from './statement-cache.ts';

/** A real in-memory SQLite database that counts how often a statement is prepared. */
function countingDatabase() {
  const sqlite = new BetterSqlite3(':memory:');
  const prepared: string[] = [];
  const source = { close: () => sqlite.close(), prepare: (text: string) => (prepared.push(text), sqlite.prepare(text)) };
  return { source, prepared };
}

describe('prepared statements on SQLite', () => {
  it('prepares a query once however often Kysely runs it, and evicts the least recently used beyond the bound', async () => {
    const { source, prepared } = countingDatabase();
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: cacheStatements(source, { max: 2 }) }) });
    await sql`create table t (n integer)`.execute(db);
    for (let n = 0; n < 20; n++) await db.insertInto('t').values({ n }).execute();
    const count = () => db.selectFrom('t').select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow();
    expect((await count()).c).toBe(20);
    await count();
    const inserts = prepared.filter((text) => text.startsWith('insert'));
    expect(inserts).toHaveLength(1);
    expect(prepared.filter((text) => text.startsWith('select'))).toHaveLength(1);
    // Two other statements push the count out of a cache of two; it is prepared again, and answers the same.
    await db.selectFrom('t').select('n').where('n', '=', 1).execute();
    await db.selectFrom('t').select('n').where('n', '>', 1).execute();
    expect((await count()).c).toBe(20);
    expect(prepared.filter((text) => text.startsWith('select count'))).toHaveLength(2);
    await db.destroy();
  });

  it('never hands out a statement still being iterated: the same SQL then gets a fresh statement', () => {
    const { source, prepared } = countingDatabase();
    const database = cacheStatements(source);
    database.prepare('create table t (n integer)').run([]);
    database.prepare('insert into t values (1), (2), (3)').run([]);
    const text = 'select n from t order by n';
    const iterating = database.prepare(text).iterate([]);
    expect(iterating.next().value).toEqual({ n: 1 });
    expect(database.prepare(text).all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...iterating]).toEqual([{ n: 2 }, { n: 3 }]);
    // Once the iteration ends, the cached statement is reused again.
    database.prepare(text).all([]);
    expect(prepared.filter((t) => t === text)).toHaveLength(2);
    database.close();
  });
});
