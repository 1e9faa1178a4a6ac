import { describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/support/test-databases.ts';
import { databaseBeforeMigration } from '../../../../test/support/database-before-migration.ts';
import { countClients } from '../../../modules/clients/repository.ts';

describe.each(testDialects())('migration 0009 on $name: counters start from the clients already stored', (dialect) => {
  const staged = databaseBeforeMigration(dialect, '0008-list-indexes');

  it('counts each organisation’s active and archived clients, then keeps counting', async () => {
    const now = '2026-01-01T00:00:00.000Z';
    const db = staged.handle.db;
    for (const id of ['org-1', 'org-2', 'org-empty']) await db.insertInto('organisations').values({ id, name: id, kind: 'agency', isDemo: 0, createdAt: now }).execute();
    const client = (id: string, orgId: string, uscc: string, archivedAt: string | null = null) => ({ id, orgId, name: id, uscc, archivedAt, createdAt: now, updatedAt: now });
    await db
      .insertInto('clients')
      .values([client('a', 'org-1', '91350100M000100Y43'), client('b', 'org-1', '91512081MA62K0260E'), client('c', 'org-1', '9131000063159284XQ', now), client('d', 'org-2', '91350100M000100Y43', now)] as never)
      .execute();

    await staged.migrateToLatest();
    expect(await countClients(db, { orgId: 'org-1', clientId: null })).toEqual({ active: 2, archived: 1 });
    expect(await countClients(db, { orgId: 'org-2', clientId: null })).toEqual({ active: 0, archived: 1 });
    expect(await countClients(db, { orgId: 'org-empty', clientId: null })).toEqual({ active: 0, archived: 0 });
    await db.updateTable('clients').set({ archivedAt: null }).where('id', '=', 'd').execute();
    await db.deleteFrom('clients').where('id', '=', 'a').execute();
    expect(await countClients(db, { orgId: 'org-1', clientId: null })).toEqual({ active: 1, archived: 1 });
    expect(await countClients(db, { orgId: 'org-2', clientId: null })).toEqual({ active: 1, archived: 0 });
  });
});
