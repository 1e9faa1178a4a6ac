import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { insertTestOrganisation, openMigrated, testClientRow, testUscc } from '../../../test/support/list-fixtures.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { insertClientsBulk, updateClient } from './repository.ts';
import { listClients, type ClientFilter } from './list-clients.ts';

// Names a search must tell apart: one- and two-character Chinese terms, full-width letters, and the characters that
// mean something to LIKE (`%`, `_`, `\`) or to FTS5 (`"`, `*`, `NEAR(`, `'`), each beside a decoy without it.
const names = [
  '北京示例呼叫有限公司',
  '上海星辰科技有限公司',
  '深圳北方通信有限公司',
  'ＡＢＣ全角公司',
  '百分之百%公司',
  '百分之百公司',
  '下划_线公司',
  '下划线公司',
  '引号"公司',
  '引号公司',
  '星号*公司',
  '星号公司',
  'NEAR(测试)公司',
  'NEAR测试公司',
  "O'Brien 咨询",
  'OBrien 咨询',
  '反斜杠\\公司',
  '反斜杠公司',
];

/** Credit codes whose organisation codes differ from their fourth digit on; odd rows in Shanghai, even in Beijing. */
const codeOf = (i: number) => testUscc(123_456 * (i + 1) + 7, i % 2 ? '310115' : '110105');

describe.each(testDialects())('client search on $name', (dialect) => {
  let close: () => Promise<void>;
  let handle: DatabaseHandle;
  let orgId: string;
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    ({ handle, close } = await openMigrated(dialect));
    orgId = await insertTestOrganisation(handle);
    const rows = names.map((name, i) => testClientRow(orgId, { name, uscc: codeOf(i) }));
    await insertClientsBulk(handle.db, rows);
    for (const row of rows) idOf.set(row.name, row.id);
    // Another organisation's namesake is never found.
    const other = await insertTestOrganisation(handle);
    await insertClientsBulk(handle.db, [testClientRow(other, { name: '北京示例呼叫有限公司', uscc: codeOf(0) })]);
  });
  afterAll(() => close?.());

  const scope = () => ({ orgId, clientId: null });
  /** Names found, in list order, the way a search would show them: gathered and sorted, or (cap 0) walked. */
  async function search(q: string, options: Partial<ClientFilter> = {}) {
    const page = await listClients(handle.db, scope(), { q, status: 'active', page: { pageSize: 200 }, ...options });
    return page.items.map((c) => c.name);
  }
  /** Gathered and sorted; walked along the name index; and walked too briefly to fill a page, then gathered. */
  const both = async (q: string) => {
    const [gathered, walked, fellBack] = [await search(q), await search(q, { countCap: 0 }), await search(q, { countCap: 0, walkBound: 2 })];
    expect(walked, `walked search for ${q}`).toEqual(gathered);
    expect(fellBack, `search for ${q} after a walk too short`).toEqual(gathered);
    return gathered;
  };
  const sorted = (list: string[]) => [...list].sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));

  it.each([
    ['京', ['北京示例呼叫有限公司']],
    ['北', ['北京示例呼叫有限公司', '深圳北方通信有限公司']],
    ['北方', ['深圳北方通信有限公司']],
    ['呼叫', ['北京示例呼叫有限公司']],
    ['星辰科技', ['上海星辰科技有限公司']],
    ['abc', ['ＡＢＣ全角公司']],
    ['ＡＢ', ['ＡＢＣ全角公司']],
  ])('finds one- and two-character terms (and longer) in names: %s', async (q, expected) => {
    expect(sorted(await both(q))).toEqual(sorted(expected));
  });

  it('finds a credit code by prefix (any case, full-width too) and by its organisation code (characters 9–17)', async () => {
    const code = codeOf(0);
    const first = names[0];
    expect(await both(code)).toEqual([first]);
    expect(await both(code.slice(0, 14).toLowerCase())).toEqual([first]);
    expect(await both(code.slice(8, 17))).toEqual([first]);
    expect(await both(code.slice(8, 14))).toEqual([first]);
    const fullWidth = [...code.slice(0, 14)].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');
    expect(await both(fullWidth)).toEqual([first]);
    // A region prefix finds every code of the region.
    const shanghai = names.filter((_, i) => i % 2 === 1);
    expect(sorted(await both('91310115'))).toEqual(sorted(shanghai));
    // The code's middle is not a prefix of either part: nothing.
    expect(await both(code.slice(3, 12))).toEqual([]);
  });

  it.each([
    ['%', ['百分之百%公司']],
    ['_', ['下划_线公司']],
    ['"', ['引号"公司']],
    ['*', ['星号*公司']],
    ['NEAR(', ['NEAR(测试)公司']],
    ["'", ["O'Brien 咨询"]],
    ['\\', ['反斜杠\\公司']],
    ['%公司', ['百分之百%公司']],
    ['"*', []],
    ['a" OR "b', []],
    ["') OR 1=1 --", []],
    ['NEAR(a b)', []],
    ['公司" NOT "北京', []],
  ])('searches %j literally: only names holding it, never an error', async (q, expected) => {
    expect(await both(q)).toEqual(expected);
  });

  it('keeps search data in step with edits: a rename, a new code, archiving', async () => {
    const id = idOf.get('上海星辰科技有限公司')!;
    expect(await updateClient(handle.db, scope(), { id, version: 1 }, { name: '杭州晨曦数据有限公司', uscc: testUscc(777, '330106'), version: 2 })).toBe(true);
    expect(await both('星辰')).toEqual([]);
    expect(await both('晨曦')).toEqual(['杭州晨曦数据有限公司']);
    expect(await both('91330106')).toEqual(['杭州晨曦数据有限公司']);
    expect(await updateClient(handle.db, scope(), { id, version: 2 }, { archivedAt: '2026-02-01T00:00:00.000Z', version: 3 })).toBe(true);
    expect(await both('晨曦')).toEqual([]);
    expect(await search('晨曦', { status: 'archived' })).toEqual(['杭州晨曦数据有限公司']);
    expect(await search('晨曦', { status: 'archived', countCap: 0 })).toEqual(['杭州晨曦数据有限公司']);
    expect(await search('晨曦', { status: 'all' })).toEqual(['杭州晨曦数据有限公司']);
  });

  it('pages a dense search by page number and by cursor alike, however the page is found', async () => {
    const all = await search('公司');
    for (const options of [{}, { countCap: 0 }, { countCap: 0, walkBound: 3 }]) {
      const byNumber: string[] = [];
      for (let page = 1; byNumber.length < all.length; page++) {
        const found = await listClients(handle.db, scope(), { q: '公司', status: 'active', page: { page, pageSize: 3 }, ...options });
        expect(found.items.length, `page ${page} with ${JSON.stringify(options)}`).toBeGreaterThan(0);
        byNumber.push(...found.items.map((c) => c.name));
      }
      expect(byNumber, JSON.stringify(options)).toEqual(all);
      const byCursor: string[] = [];
      let cursor: string | undefined;
      do {
        const found = await listClients(handle.db, scope(), { q: '公司', status: 'active', page: { cursor, pageSize: 4 }, ...options });
        byCursor.push(...found.items.map((c) => c.name));
        cursor = found.nextCursor ?? undefined;
      } while (cursor);
      expect(byCursor, JSON.stringify(options)).toEqual(all);
    }
  });

  it('counts exactly up to the cap, then says "at least"', async () => {
    const all = await search('公司');
    expect(all.length).toBeGreaterThan(3);
    const exact = await listClients(handle.db, scope(), { q: '公司', status: 'active', page: { pageSize: 2 } });
    expect(exact).toMatchObject({ total: all.length, totalIsExact: true });
    const capped = await listClients(handle.db, scope(), { q: '公司', status: 'active', page: { pageSize: 2 }, countCap: 3 });
    expect(capped).toMatchObject({ total: 3, totalIsExact: false });
    expect(capped.items.map((c) => c.name)).toEqual(exact.items.map((c) => c.name));
  });

  it('a client user finds only their own company', async () => {
    const own = idOf.get('北京示例呼叫有限公司')!;
    const page = await listClients(handle.db, { orgId, clientId: own }, { q: '公司', status: 'all', page: {} });
    expect(page.items.map((c) => c.id)).toEqual([own]);
    expect(page.total).toBe(1);
  });
});
