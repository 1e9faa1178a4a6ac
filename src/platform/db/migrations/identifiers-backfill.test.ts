import { describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/support/test-databases.ts';
import { databaseBeforeMigration } from '../../../../test/support/database-before-migration.ts';

describe.each(testDialects())('migration 0007 on $name: credit codes stored as typed become canonical', (dialect) => {
  const staged = databaseBeforeMigration(dialect, '0006-calendar-revision');

  it('rewrites full-width, spaced and lower-case codes, and keeps a spelling whose canonical code is taken', async () => {
    const now = '2026-01-01T00:00:00.000Z';
    await staged.handle.db.insertInto('organisations').values({ id: 'org-1', name: 'Org', kind: 'agency', isDemo: 0, createdAt: now }).execute();
    const client = (id: string, uscc: string, createdAt = now) => ({ id, orgId: 'org-1', name: id, uscc, createdAt, updatedAt: now });
    await staged.handle.db
      .insertInto('clients')
      .values([
        client('full-width', '９１３１００００６３１５９２８４ＸＱ'),
        client('spaced', '91350100 M000100 Y43\t'),
        client('canonical', '91512081MA62K0260E', '2025-01-01T00:00:00.000Z'),
        client('twin', '91512081ma62k0260e'),
      ] as never)
      .execute();

    await staged.migrateToLatest();
    const rows = await staged.handle.db.selectFrom('clients').select(['id', 'uscc']).orderBy('id').execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.uscc]))).toEqual({
      canonical: '91512081MA62K0260E',
      'full-width': '9131000063159284XQ',
      spaced: '91350100M000100Y43',
      twin: '91512081ma62k0260e',
    });
    const org = await staged.handle.db.selectFrom('organisations').select('settingsVersion').executeTakeFirstOrThrow();
    expect(Number(org.settingsVersion)).toBe(1);
  });
});
