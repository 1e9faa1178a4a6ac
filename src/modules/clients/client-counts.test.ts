import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { insertTestOrganisation, openMigrated, testClientRow, testUscc } from '../../../test/support/list-fixtures.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { countClients, insertClient, insertClientsBulk } from './repository.ts';
import { compactOrgCounters } from '../../platform/db/org-counters.ts';

// The organisation counters (migration 0009's triggers and their compaction) must equal a real count after any
// sequence of writes, in whatever way they are made: one at a time, in bulk, archived, restored, deleted, in a
// transaction rolled back, with the pending changes folded in at any point or not.
type Op =
  | { kind: 'insert'; archived: boolean }
  | { kind: 'bulk'; n: number }
  | { kind: 'archive' | 'restore' | 'delete' | 'rename'; pick: number }
  | { kind: 'rolled-back'; n: number }
  | { kind: 'compact' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), archived: fc.boolean() }),
  fc.record({ kind: fc.constant('bulk' as const), n: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constantFrom('archive' as const, 'restore' as const, 'delete' as const, 'rename' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rolled-back' as const), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('compact' as const) }),
);

describe.each(testDialects())('client counters on $name', (dialect) => {
  let handle: DatabaseHandle;
  let close: () => Promise<void>;
  let serial = 0;
  beforeAll(async () => {
    ({ handle, close } = await openMigrated(dialect));
  });
  afterAll(() => close?.());

  const row = (orgId: string, archived = false) => {
    serial += 1;
    return testClientRow(orgId, { name: `计数客户 ${serial}`, uscc: testUscc(serial), archivedAt: archived ? '2026-01-01T00:00:00.000Z' : null });
  };

  async function truth(orgId: string) {
    const rows = await handle.db.selectFrom('clients').select(sql<number>`case when archived_at is null then 0 else 1 end`.as('archived')).where('orgId', '=', orgId).execute();
    return { active: rows.filter((r) => Number(r.archived) === 0).length, archived: rows.filter((r) => Number(r.archived) === 1).length };
  }

  it('equal a real count after any sequence of inserts, bulk inserts, archives, restores, renames, deletes and rollbacks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const orgId = await insertTestOrganisation(handle);
        const neighbour = await insertTestOrganisation(handle);
        await insertClient(handle.db, row(neighbour));
        const ids: string[] = [];
        const pick = (n: number) => ids[n % ids.length];
        for (const step of ops) {
          if (step.kind === 'insert') {
            const r = row(orgId, step.archived);
            await insertClient(handle.db, r);
            ids.push(r.id);
          } else if (step.kind === 'bulk') {
            const rows = Array.from({ length: step.n }, (_, i) => row(orgId, i % 3 === 0));
            await insertClientsBulk(handle.db, rows);
            ids.push(...rows.map((r) => r.id));
          } else if (step.kind === 'rolled-back') {
            await handle.db
              .transaction()
              .execute(async (trx) => {
                await insertClientsBulk(trx, Array.from({ length: step.n }, () => row(orgId)));
                throw new Error('roll back');
              })
              .catch(() => undefined);
          } else if (step.kind === 'compact') {
            await compactOrgCounters(handle.db);
          } else if (ids.length > 0) {
            const id = pick(step.pick);
            if (step.kind === 'delete') {
              await handle.db.deleteFrom('clients').where('id', '=', id).execute();
              ids.splice(ids.indexOf(id), 1);
            } else if (step.kind === 'rename') {
              await handle.db.updateTable('clients').set({ name: `改名 ${serial++}` }).where('id', '=', id).execute();
            } else {
              await handle.db.updateTable('clients').set({ archivedAt: step.kind === 'archive' ? '2026-02-01T00:00:00.000Z' : null }).where('id', '=', id).execute();
            }
          }
        }
        expect(await countClients(handle.db, { orgId, clientId: null })).toEqual(await truth(orgId));
        expect(await countClients(handle.db, { orgId: neighbour, clientId: null })).toEqual({ active: 1, archived: 0 });
      }),
      { numRuns: 25 },
    );
  });

  it('compactions running at once never count a change twice, and leave no change behind', async () => {
    const orgId = await insertTestOrganisation(handle);
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 20; i++) await insertClient(handle.db, row(orgId, i % 4 === 0));
      await Promise.all([compactOrgCounters(handle.db), compactOrgCounters(handle.db), compactOrgCounters(handle.db)]);
      expect(await countClients(handle.db, { orgId, clientId: null })).toEqual(await truth(orgId));
    }
    await compactOrgCounters(handle.db);
    const left = await handle.db.selectFrom('orgCounterDeltas').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
  });

  it('a client user counts only their own company', async () => {
    const orgId = await insertTestOrganisation(handle);
    const mine = row(orgId, true);
    await insertClientsBulk(handle.db, [mine, row(orgId), row(orgId)]);
    expect(await countClients(handle.db, { orgId, clientId: mine.id })).toEqual({ active: 0, archived: 1 });
    expect(await countClients(handle.db, { orgId, clientId: null })).toEqual({ active: 2, archived: 1 });
  });
});
