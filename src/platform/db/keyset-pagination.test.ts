import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { testDialects } from '../../../test/support/test-databases.ts';
import { insertTestOrganisation, openMigrated, testClientRow, testUscc } from '../../../test/support/list-fixtures.ts';
import type { DatabaseHandle } from './database.ts';
import { insertClientsBulk } from '../../modules/clients/repository.ts';
import { listClients, type ClientFilter } from '../../modules/clients/list-clients.ts';
import { findAuditEntries, insertAuditEntriesBulk } from '../../modules/audit/repository.ts';

// Few letters, so names repeat and the id must break ties; some match the searches below.
const nameArb = fc.array(fc.constantFrom('北', '京', '公', '司', 'a', 'B', ' '), { minLength: 1, maxLength: 4 }).map((chars) => chars.join('').trim() || '北');

describe.each(testDialects())('keyset pagination on $name', (dialect) => {
  let close: () => Promise<void>;
  let handle: DatabaseHandle;
  let serial = 0;

  beforeAll(async () => {
    ({ handle, close } = await openMigrated(dialect));
  });
  afterAll(() => close?.());

  const newClients = (orgId: string, names: string[]) => names.map((name) => testClientRow(orgId, { name, uscc: testUscc((serial += 1)) }));

  it('client pages by cursor never skip or repeat a row while rows are inserted between pages (list, search gathered or walked)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          initial: fc.array(nameArb, { maxLength: 25 }),
          insertedBetweenPages: fc.array(fc.array(nameArb, { maxLength: 4 }), { maxLength: 12 }),
          pageSize: fc.integer({ min: 1, max: 6 }),
          q: fc.constantFrom(undefined, '北', '京公', 'a'),
          countCap: fc.constantFrom(undefined, 0),
        }),
        async ({ initial, insertedBetweenPages, pageSize, q, countCap }) => {
          const orgId = await insertTestOrganisation(handle);
          const scope = { orgId, clientId: null };
          const before = newClients(orgId, initial);
          await insertClientsBulk(handle.db, before);
          const filter = (cursor?: string): ClientFilter => ({ q, status: 'active', page: { cursor, pageSize }, countCap });
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let step = 0; step < 200; step++) {
            const page = await listClients(handle.db, scope, filter(cursor));
            seen.push(...page.items.map((c) => c.id));
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
            await insertClientsBulk(handle.db, newClients(orgId, insertedBetweenPages[step] ?? []));
          }
          // No row twice; every row that matched from the start, exactly once; all in the list's final order.
          expect(new Set(seen).size).toBe(seen.length);
          const final = (await listClients(handle.db, scope, { q, status: 'active', page: { pageSize: 200 } })).items.map((c) => c.id);
          const matchedBefore = final.filter((id) => before.some((row) => row.id === id));
          expect(matchedBefore.filter((id) => !seen.includes(id))).toEqual([]);
          const positions = seen.map((id) => final.indexOf(id));
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('audit pages (newest first) by cursor cover every entry once, whatever is appended meanwhile', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          // Several entries in the same millisecond: the id breaks the tie.
          initial: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }),
          appended: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 10 }),
          pageSize: fc.integer({ min: 1, max: 7 }),
        }),
        async ({ initial, appended, pageSize }) => {
          const orgId = await insertTestOrganisation(handle);
          const entry = (second: number) => ({ orgId, actorId: null, action: 'test', entityType: 'test', entityId: null, summary: 's', at: `2026-01-01T00:00:0${second}.000Z` });
          await insertAuditEntriesBulk(handle.db, initial.map(entry));
          const seen: number[] = [];
          let cursor: string | undefined;
          for (let step = 0; step < 100; step++) {
            const page = await findAuditEntries(handle.db, { orgId, clientId: null }, { page: { cursor, pageSize } });
            seen.push(...page.items.map((e) => Number(e.id)));
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
            if (appended[step] !== undefined) await insertAuditEntriesBulk(handle.db, [entry(appended[step])]);
          }
          expect(new Set(seen).size).toBe(seen.length);
          const firstIds = (await handle.db.selectFrom('auditLog').select('id').where('orgId', '=', orgId).orderBy('id').limit(initial.length).execute()).map((r) => Number(r.id));
          expect(firstIds.filter((id) => !seen.includes(id))).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });
});
