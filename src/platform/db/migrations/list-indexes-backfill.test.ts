import { describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/support/test-databases.ts';
import { databaseBeforeMigration } from '../../../../test/support/database-before-migration.ts';
import { listClients } from '../../../modules/clients/list-clients.ts';

describe.each(testDialects())('migration 0008 on $name: clients stored before it are searchable after it', (dialect) => {
  const staged = databaseBeforeMigration(dialect, '0007-identifiers-and-settings-version');

  it('backfills the search columns and the search index (active and archived)', async () => {
    const now = '2026-01-01T00:00:00.000Z';
    await staged.handle.db.insertInto('organisations').values({ id: 'org-1', name: 'Org', kind: 'agency', isDemo: 0, createdAt: now }).execute();
    const client = (id: string, name: string, uscc: string, archivedAt: string | null = null) => ({ id, orgId: 'org-1', name, uscc, archivedAt, createdAt: now, updatedAt: now });
    await staged.handle.db
      .insertInto('clients')
      .values([client('a', '福州示例呼叫服务有限公司', '91350100M000100Y43'), client('b', '成都ＸＹ通信有限公司', '91512081MA62K0260E'), client('c', '福州旧客户有限公司', '9131000063159284XQ', now)] as never)
      .execute();

    await staged.migrateToLatest();
    const scope = { orgId: 'org-1', clientId: null };
    const names = async (q: string, status: 'active' | 'archived' | 'all' = 'active') => (await listClients(staged.handle.db, scope, { q, status, page: {} })).items.map((c) => c.name);
    expect(await names('福')).toEqual(['福州示例呼叫服务有限公司']);
    expect(await names('通信')).toEqual(['成都ＸＹ通信有限公司']);
    expect(await names('xy')).toEqual(['成都ＸＹ通信有限公司']);
    expect(await names('9151')).toEqual(['成都ＸＹ通信有限公司']);
    expect(await names('福州', 'archived')).toEqual(['福州旧客户有限公司']);
    expect((await names('福州', 'all')).sort()).toEqual(['福州旧客户有限公司', '福州示例呼叫服务有限公司'].sort());
    const list = await listClients(staged.handle.db, scope, { status: 'all', page: {} });
    expect(list).toMatchObject({ total: 3, totalIsExact: true, nextCursor: null });
  });
});
