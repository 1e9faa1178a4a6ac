import { afterAll, beforeAll, expect } from 'vitest';
import { Migrator } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { migrations } from '../../src/platform/db/migrations/index.ts';
import type { TestDatabase, TestDialect } from './test-databases.ts';

/** A fresh database of `dialect` migrated up to `lastApplied`, for tests of the migrations after it. */
export interface StagedDatabase {
  /** The open database (set in beforeAll). */
  readonly handle: DatabaseHandle;
  /** Runs every migration after `lastApplied`; fails the test if one does. */
  migrateToLatest(): Promise<void>;
}

/** Registers a suite's hooks: create and migrate the database before all tests, drop it after. */
export function databaseBeforeMigration(dialect: TestDialect, lastApplied: string): StagedDatabase {
  let database: TestDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  const migrator = () => new Migrator({ db: handle!.db, provider: { getMigrations: async () => migrations } });
  beforeAll(async () => {
    database = await dialect.create();
    handle = await openDatabase(database.url);
    expect((await migrator().migrateTo(lastApplied)).error).toBeUndefined();
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });
  return {
    get handle() {
      return handle!;
    },
    async migrateToLatest() {
      expect((await migrator().migrateToLatest()).error).toBeUndefined();
    },
  };
}
