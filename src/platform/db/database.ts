import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type LogConfig } from 'kysely';
import type { Database } from './schema.ts';
import { AppError } from '../errors/app-error.ts';
import { cacheStatements } from './statement-cache.ts';
import { defaultDbPoolSize } from '../config.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** The SQLite connection, for online backups; null on PostgreSQL. */
  sqlite: BetterSqlite3.Database | null;
  close(): Promise<void>;
}

// int8 (bigint, count(*)) arrives as a string from pg; every such value here fits a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

function unreachable(url: string, cause: unknown): AppError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const safe = url.replace(/:[^:@/]*@/, ':***@');
  const message = `Cannot connect to the database ${safe}: ${reason}`;
  return new AppError('CONFIG_INVALID', { zh: `无法连接数据库 ${safe}：${reason}`, en: message });
}

/** Options for opening a database; `log` (Kysely's) lets tests see every query that runs, e.g. to EXPLAIN it. */
export interface OpenOptions {
  log?: LogConfig;
  /** PostgreSQL connections kept open at most (the configuration's `dbPoolSize`). */
  poolSize?: number;
}

function openSqlite(url: string, options: OpenOptions): DatabaseHandle {
  const file = url.replace(/^sqlite:/, '');
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MiB of page cache instead of 2: list indexes and the search index of 100,000 rows stay in memory.
    sqlite.pragma('cache_size = -65536');
    const database = cacheStatements(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), plugins: [new CamelCasePlugin()], log: options.log });
    return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  } catch (cause) {
    throw unreachable(url, cause);
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? defaultDbPoolSize(), connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead of crashing
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw unreachable(url, cause);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()], log: options.log });
  return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
}

/** Opens the database named by a `sqlite:` or `postgres://` URL, failing with a one-line reason. */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<DatabaseHandle> {
  return url.startsWith('sqlite:') ? openSqlite(url, options) : openPostgres(url, options);
}
