import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDialects } from '../../../test/support/test-databases.ts';
import { insertTestOrganisation, openMigrated, testClientRow, testUscc } from '../../../test/support/list-fixtures.ts';
import { seededRandom } from '../../../test/support/seeded-random.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { ApplicationsTable, Insertable } from '../../platform/db/schema.ts';
import { insertClientsBulk, updateClient } from '../clients/repository.ts';
import { listApplications, type ApplicationFilter } from './repository.ts';

// The applications list searched by client company, every way a page can be found (companies few enough to gather
// their applications; a walk along the list; a walk too short, then gathered), each checked against the same rows
// filtered and sorted here.
describe.each(testDialects())('applications list on $name', (dialect) => {
  let close: () => Promise<void>;
  let handle: DatabaseHandle;
  let orgId: string;
  const today = '2026-06-01';
  const applications: Array<{ id: string; clientName: string; uscc: string; updatedAt: string; dueOn: string | null }> = [];

  beforeAll(async () => {
    ({ handle, close } = await openMigrated(dialect));
    orgId = await insertTestOrganisation(handle);
    const random = seededRandom(11);
    const words = ['星辰', '华信', '远航', '云海'];
    const clients = Array.from({ length: 40 }, (_, i) => testClientRow(orgId, { name: `${['北京', '上海'][i % 2]}${words[i % 4]}科技有限公司${i}`, uscc: testUscc(i + 1, i % 3 ? '110105' : '310115') }));
    await insertClientsBulk(handle.db, clients);
    const rows: Insertable<ApplicationsTable>[] = [];
    for (let n = 0; n < 160; n++) {
      const client = clients[Math.floor(random() * clients.length)];
      // Some share an updated_at, so the id decides the order between them.
      const updatedAt = new Date(Date.parse('2026-01-01T00:00:00.000Z') + Math.floor(random() * 60) * 3_600_000).toISOString();
      const dueOn = random() < 0.3 ? null : `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
      const id = randomUUID();
      rows.push({
        id, orgId, clientId: client.id, serviceCode: 'B24-1', scope: 'BJ', state: dueOn ? 'collecting' : 'issued', heldFrom: null, assigneeId: null, contractSignedOn: null, contractFeeYuan: null,
        submittedOn: null, acceptanceNo: null, acceptedOn: null, issuedOn: null, licenceId: null, correctionItems: '[]', business: '{}', targets: '{}', milestones: '{}', dueOn, version: 1, createdAt: updatedAt, updatedAt,
      });
      applications.push({ id, clientName: client.name, uscc: client.uscc, updatedAt, dueOn });
    }
    await handle.db.insertInto('applications').values(rows).execute();
    // Another organisation's namesake is never found.
    const other = await insertTestOrganisation(handle);
    await insertClientsBulk(handle.db, [testClientRow(other, { name: '北京星辰科技有限公司', uscc: testUscc(1) })]);
  });
  afterAll(() => close?.());

  const scope = () => ({ orgId, clientId: null });
  const expected = (q: string, overdue: boolean) => {
    const matching = applications.filter((a) => (a.clientName.includes(q) || a.uscc.startsWith(q)) && (!overdue || (a.dueOn !== null && a.dueOn < today)));
    const newest = (a: (typeof applications)[0], b: (typeof applications)[0]) => b.updatedAt.localeCompare(a.updatedAt) || (a.id < b.id ? 1 : -1);
    const longestOverdue = (a: (typeof applications)[0], b: (typeof applications)[0]) => a.dueOn!.localeCompare(b.dueOn!) || (a.id < b.id ? -1 : 1);
    return matching.sort(overdue ? longestOverdue : newest).map((a) => a.id);
  };
  const ways: Array<[string, Partial<ApplicationFilter>]> = [
    ['gathered by company', {}],
    ['walked', { gatherCap: 0 }],
    ['walked too briefly, then gathered', { gatherCap: 0, walkBound: 3 }],
  ];

  async function byCursor(filter: Partial<ApplicationFilter>, pageSize: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listApplications(handle.db, scope(), { ...filter, page: { cursor, pageSize } });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  }

  it.each(['星辰', '星', '上海', '9131', '不存在'])('finds the applications of the companies a term matches, in order, every way: %s', async (q) => {
    for (const overdue of [false, true]) {
      const want = expected(q, overdue);
      for (const [way, options] of ways) {
        const filter = { q, overdueOn: overdue ? today : undefined, ...options };
        const first = await listApplications(handle.db, scope(), { ...filter, page: { pageSize: 200 } });
        expect(first.items.map((a) => a.id), `${way}, overdue ${overdue}`).toEqual(want);
        // A walk counts what its first stretch holds: all of them here, but at least as many from a stretch too short.
        if (options.walkBound && want.length > 0) expect(first, `${way}, overdue ${overdue}`).toMatchObject({ totalIsExact: false, total: expect.any(Number) });
        else expect(first, `${way}, overdue ${overdue}`).toMatchObject({ total: want.length, totalIsExact: true });
        expect(first.total).toBeLessThanOrEqual(want.length);
        expect(await byCursor(filter, 7), `${way} by cursor, overdue ${overdue}`).toEqual(want);
        const second = await listApplications(handle.db, scope(), { ...filter, page: { page: 2, pageSize: 5 } });
        expect(second.items.map((a) => a.id), `${way} page 2, overdue ${overdue}`).toEqual(want.slice(5, 10));
      }
    }
  });

  it('a walk that has not reached the end says the total is at least this page and one more', async () => {
    const page = await listApplications(handle.db, scope(), { q: '科技', gatherCap: 0, page: { pageSize: 5 } });
    expect(page).toMatchObject({ total: 6, totalIsExact: false });
    expect(page.items.map((a) => a.id)).toEqual(expected('科技', false).slice(0, 5));
    const third = await listApplications(handle.db, scope(), { q: '科技', gatherCap: 0, page: { page: 3, pageSize: 5 } });
    expect(third).toMatchObject({ total: 16, totalIsExact: false });
  });

  it('refuses a cursor of one order in the other, and counts from a cursor as "at least"', async () => {
    const newest = await listApplications(handle.db, scope(), { page: { pageSize: 5 } });
    await expect(listApplications(handle.db, scope(), { overdueOn: today, page: { cursor: newest.nextCursor! } })).rejects.toMatchObject({ details: [{ field: 'cursor', code: 'CURSOR_INVALID' }] });
    const overdue = await listApplications(handle.db, scope(), { overdueOn: today, page: { pageSize: 5 } });
    await expect(listApplications(handle.db, scope(), { page: { cursor: overdue.nextCursor! } })).rejects.toMatchObject({ details: [{ field: 'cursor', code: 'CURSOR_INVALID' }] });
    // A walked search paged by cursor cannot know how many came before: never an exact total that is wrong.
    const first = await listApplications(handle.db, scope(), { q: '科技', gatherCap: 0, page: { pageSize: 5 } });
    const later = await listApplications(handle.db, scope(), { q: '科技', gatherCap: 0, page: { cursor: first.nextCursor!, page: 1000, pageSize: 5 } });
    expect(later).toMatchObject({ total: 6, totalIsExact: false });
  });

  it('follows a company renamed or given a new credit code, however the page is found', async () => {
    const target = applications[0];
    const row = await handle.db.selectFrom('applications').innerJoin('clients', 'clients.id', 'applications.clientId').select(['clients.id', 'clients.version']).where('applications.id', '=', target.id).executeTakeFirstOrThrow();
    expect(await updateClient(handle.db, scope(), { id: row.id, version: Number(row.version) }, { name: '重庆晨曦数据有限公司', uscc: testUscc(888, '500101'), version: Number(row.version) + 1 })).toBe(true);
    const mine = applications.filter((a) => a.clientName === target.clientName).map((a) => a.id).sort();
    for (const [way, options] of ways) {
      for (const q of ['晨曦', '91500101']) {
        const found = await listApplications(handle.db, scope(), { q, ...options, page: { pageSize: 200 } });
        expect(found.items.map((a) => a.id).sort(), `${way}: ${q}`).toEqual(mine);
      }
    }
  });

  it('lists only the overdue ones, longest overdue first, and a client user only their own company’s', async () => {
    const all = await byCursor({ overdueOn: today }, 9);
    expect(all).toEqual(expected('', true));
    const own = applications.find((a) => a.dueOn !== null && a.dueOn < today)!;
    const ownClient = (await handle.db.selectFrom('applications').select('clientId').where('id', '=', own.id).executeTakeFirstOrThrow()).clientId;
    const page = await listApplications(handle.db, { orgId, clientId: ownClient }, { q: '公司', overdueOn: today, gatherCap: 0, page: { pageSize: 200 } });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((a) => a.clientId === ownClient)).toBe(true);
  });
});
