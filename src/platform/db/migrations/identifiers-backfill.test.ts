import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely';
import { testDialects, type TestDatabase } from '../../../../test/support/test-databases.ts';
import { openDatabase, type DatabaseHandle } from '../database.ts';
import { migrations } from './index.ts';

describe.each(testDialects())('migration 0007 on $name: credit codes stored as typed become canonical', (dialect) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  const migrator = () => new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });

  beforeAll(async () => {
    database = await dialect.create();
    handle = await openDatabase(database.url);
    const before = await migrator().migrateTo('0006-calendar-revision');
    expect(before.error).toBeUndefined();
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('rewrites full-width, spaced and lower-case codes, and keeps a spelling whose canonical code is taken', async () => {
    const now = '2026-01-01T00:00:00.000Z';
    await handle.db.insertInto('organisations').values({ id: 'org-1', name: 'Org', kind: 'agency', isDemo: 0, createdAt: now }).execute();
    const client = (id: string, uscc: string, createdAt = now) => ({ id, orgId: 'org-1', name: id, uscc, createdAt, updatedAt: now });
    await handle.db
      .insertInto('clients')
      .values([
        client('full-width', '９１３１００００６３１５９２８４ＸＱ'),
        client('spaced', '91350100 M000100 Y43\t'),
        client('canonical', '91512081MA62K0260E', '2025-01-01T00:00:00.000Z'),
        client('twin', '91512081ma62k0260e'),
      ] as never)
      .execute();

    const result = await migrator().migrateToLatest();
    expect(result.error).toBeUndefined();
    const rows = await handle.db.selectFrom('clients').select(['id', 'uscc']).orderBy('id').execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.uscc]))).toEqual({
      canonical: '91512081MA62K0260E',
      'full-width': '9131000063159284XQ',
      spaced: '91350100M000100Y43',
      twin: '91512081ma62k0260e',
    });
    const org = await handle.db.selectFrom('organisations').select('settingsVersion').executeTakeFirstOrThrow();
    expect(Number(org.settingsVersion)).toBe(1);
  });
});
