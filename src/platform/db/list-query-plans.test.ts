import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import { testDialects } from '../../../test/support/test-databases.ts';
import { insertTestOrganisation, openMigrated, testClientRow, testUscc } from '../../../test/support/list-fixtures.ts';
import { seededRandom } from '../../../test/support/seeded-random.ts';
import type { DatabaseHandle } from './database.ts';
import { insertClientsBulk } from '../../modules/clients/repository.ts';
import { listClients, type ClientFilter } from '../../modules/clients/list-clients.ts';
import { findAuditEntries, insertAuditEntriesBulk, type AuditFilter } from '../../modules/audit/repository.ts';
import { listUsers } from '../../modules/users/repository.ts';
import { listTokens } from '../../modules/tokens/repository.ts';
import { listApplications } from '../../modules/applications/repository.ts';

const cities = ['北京', '上海', '广州', '深圳', '杭州', '成都', '重庆', '海口'];
const middle = '华信达通恒泰宏兴隆盛鑫源博远腾飞佳和安康瑞祥嘉禾明辉';
const trades = ['科技', '通信', '网络', '咨询', '呼叫服务'];

/** A plan as lines: SQLite's EXPLAIN QUERY PLAN details, or PostgreSQL's EXPLAIN text. */
interface Plan {
  sql: string;
  lines: string[];
}

describe.each(testDialects())('list query plans on $name', (dialect) => {
  let close: () => Promise<void>;
  let handle: DatabaseHandle;
  let orgId: string;
  let captured: CompiledQuery[] = [];
  let capturing = false;
  const clientIds: string[] = [];
  const userId = 'a0000000-0000-4000-8000-000000000001';

  beforeAll(async () => {
    ({ handle, close } = await openMigrated(dialect, { log: (event) => void (capturing && event.level === 'query' && captured.push(event.query)) }));
    orgId = await insertTestOrganisation(handle);
    const random = seededRandom(7);
    const pick = <T>(list: ArrayLike<T>) => list[Math.floor(random() * list.length)];
    // More rows than the count's cap, so the count stops early as it does at 100,000.
    const rows = Array.from({ length: 12_000 }, (_, i) =>
      testClientRow(orgId, { name: `${pick(cities)}${pick(middle)}${pick(middle)}${pick(trades)}有限公司`, uscc: testUscc(i + 1, pick(['110105', '310115', '440300'])), archivedAt: i % 40 === 0 ? '2026-01-01T00:00:00.000Z' : null }),
    );
    await insertClientsBulk(handle.db, rows);
    clientIds.push(...rows.map((r) => r.id));
    const other = await insertTestOrganisation(handle);
    await insertClientsBulk(handle.db, Array.from({ length: 300 }, (_, i) => testClientRow(other, { name: `${pick(cities)}其他机构`, uscc: testUscc(i + 1) })));
    const at = (i: number) => new Date(Date.parse('2025-01-01T00:00:00.000Z') + i * 60_000).toISOString();
    await insertAuditEntriesBulk(
      handle.db,
      Array.from({ length: 12_000 }, (_, i) => ({ orgId, actorId: null, action: i % 3 ? 'client.update' : 'client.create', entityType: 'client', entityId: rows[i % rows.length].id, summary: 's', at: at(i) })),
    );
    await handle.db.insertInto('users').values({ id: userId, orgId, email: 'plan@example.com', name: 'Plan', passwordHash: 'x', role: 'owner', clientId: null, isActive: 1, createdAt: at(0), updatedAt: at(0), lastLoginAt: null }).execute();
    await handle.db.insertInto('apiTokens').values(Array.from({ length: 50 }, (_, i) => ({ id: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, orgId, userId, name: 't', secretHash: `h${i}`, createdAt: at(i), lastUsedAt: null, revokedAt: null }))).execute();
    const appAt = (i: number) => new Date(Date.parse('2025-06-01T00:00:00.000Z') + i * 3_600_000).toISOString();
    const applicationRows = Array.from({ length: 3_000 }, (_, i) => ({
          id: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, orgId, clientId: rows[i % rows.length].id, serviceCode: 'B24-1', scope: 'BJ', state: i % 7 ? 'issued' : 'collecting', heldFrom: null,
          assigneeId: null, contractSignedOn: null, contractFeeYuan: null, submittedOn: null, acceptanceNo: null, acceptedOn: null, issuedOn: null, licenceId: null, correctionItems: '[]',
          business: '{}', targets: '{}', milestones: '{}', dueOn: i % 7 ? null : `2026-0${1 + (i % 9)}-15`, version: 1, createdAt: appAt(i), updatedAt: appAt(i),
        }));
    for (let i = 0; i < applicationRows.length; i += 500) await handle.db.insertInto('applications').values(applicationRows.slice(i, i + 500)).execute();
    // Statistics, and the visibility map that lets PostgreSQL answer from an index alone.
    if (dialect.name === 'postgres') await sql`VACUUM ANALYZE`.execute(handle.db);
  });
  afterAll(() => close?.());

  /** Runs a list and explains every query it ran, with the values it ran with. */
  async function plansOf(run: () => Promise<unknown>): Promise<Plan[]> {
    captured = [];
    capturing = true;
    await run();
    capturing = false;
    const plans: Plan[] = [];
    for (const query of captured) plans.push({ sql: query.sql, lines: await explain(query) });
    return plans;
  }

  async function explain(query: CompiledQuery): Promise<string[]> {
    if (handle.sqlite) return (handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{ detail: string }>).map((r) => r.detail);
    // A few thousand rows can make a sequential scan look cheap to PostgreSQL; with it off, the plan shows the path the
    // indexes give, which is the one it takes at 100,000 rows (ANALYZE has run, so estimates are real).
    return handle.db.connection().execute(async (connection) => {
      await sql`SET enable_seqscan = off`.execute(connection);
      const { rows } = await connection.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]));
      await sql`RESET enable_seqscan`.execute(connection);
      return rows.map((r) => r['QUERY PLAN']);
    });
  }

  const text = (plans: Plan[]) => plans.flatMap((p) => p.lines).join('\n');
  /** No table is read whole: every table access goes through an index (or the FTS5 index). */
  function expectNoFullScan(plans: Plan[]) {
    for (const line of plans.flatMap((p) => p.lines)) {
      if (dialect.name === 'sqlite') expect(line, line).not.toMatch(/^SCAN (clients|client_search|s|audit_log|users|api_tokens)$/);
      else expect(line, line).not.toMatch(/Seq Scan/);
    }
  }
  /** No sort at all: the index gives the order. */
  function expectNoSort(plans: Plan[]) {
    for (const line of plans.flatMap((p) => p.lines)) {
      if (dialect.name === 'sqlite') expect(line, line).not.toMatch(/TEMP B-TREE/);
      else expect(line, line).not.toMatch(/Sort/);
    }
  }
  const clients = (filter: Partial<ClientFilter>) => () => listClients(handle.db, { orgId, clientId: null }, { status: 'active', page: {}, ...filter });
  const audit = (filter: Partial<AuditFilter>) => () => findAuditEntries(handle.db, { orgId, clientId: null }, { page: {}, ...filter });

  it('clients, first page: the exact total is one counter row; the page walks (org_id, name, id) of active clients; no sort, no scan', async () => {
    const plans = await plansOf(clients({}));
    expect(plans).toHaveLength(2);
    expectNoFullScan(plans);
    expectNoSort(plans);
    // The compacted totals by primary key, and the changes not yet folded in from their index.
    expect(plans[0].sql).toMatch(/from "org_counters" .* union all select .* from "org_counter_deltas"/);
    expect(plans[0].lines.join('\n')).toMatch(dialect.name === 'sqlite' ? /SEARCH org_counters USING INDEX sqlite_autoindex_org_counters_1 \(org_id=\? AND name=\?\)/ : /org_counters_pk/);
    expect(plans[0].lines.join('\n')).toMatch(dialect.name === 'sqlite' ? /SEARCH org_counter_deltas USING COVERING INDEX org_counter_deltas_org \(org_id=\? AND name=\?\)/ : /org_counter_deltas_org/);
    // PostgreSQL, knowing nearly every client is active, may walk the page along (org_id, name, id) and skip the few
    // archived ones: as cheap, and still in order.
    expect(plans[1].lines.join('\n')).toMatch(/clients_list_(state|all)/);
  });

  it('clients of one province: a bounded count that reads the index alone', async () => {
    const plans = await plansOf(clients({ province: 'GD' }));
    expectNoFullScan(plans);
    expectNoSort(plans);
    expect(plans[0].lines.join('\n')).toMatch(dialect.name === 'sqlite' ? /COVERING INDEX clients_list_state_province/ : /Index Only Scan using clients_list_state_province/);
  });

  it('clients, a deep page by cursor: one index range starting after the cursor', async () => {
    const deep = await listClients(handle.db, { orgId, clientId: null }, { status: 'active', page: { page: 100, pageSize: 20 } });
    const plans = await plansOf(clients({ page: { cursor: deep.nextCursor! } }));
    expectNoFullScan(plans);
    expectNoSort(plans);
    expect(plans[1].lines.join('\n')).toMatch(dialect.name === 'sqlite' ? /clients_list_state \(org_id=\? AND <expr>=\? AND \(name,id\)>\(\?,\?\)\)/ : /Index Cond: .*ROW\(name, id\) > ROW/);
  });

  it('clients, a page number: the offset is walked in the index alone (no row read), then the page by key', async () => {
    const plans = await plansOf(clients({ page: { page: 40 } }));
    expect(plans).toHaveLength(3);
    expectNoFullScan(plans);
    expectNoSort(plans);
    expect(plans[1].lines.join('\n')).toMatch(dialect.name === 'sqlite' ? /COVERING INDEX clients_list_state/ : /Index Only Scan using clients_list_state/);
  });

  it('clients by province and archived clients have their own index ranges', async () => {
    for (const filter of [{ province: 'GD' }, { status: 'archived' as const }, { status: 'all' as const }]) {
      const plans = await plansOf(clients(filter));
      expectNoFullScan(plans);
      expectNoSort(plans);
    }
  });

  it('search for a two-character Chinese term: matches come from the search index, rows are read by key', async () => {
    // 海口 is 1 in 8 of the 12,000 here: counted exactly up to 10,000.
    const plans = await plansOf(clients({ q: '海口', countCap: 10_000 }));
    expectNoFullScan(plans);
    const all = text(plans);
    if (dialect.name === 'sqlite') {
      // FTS5 finds them; only the matches are sorted.
      expect(all).toContain('VIRTUAL TABLE INDEX');
      expect(all).toMatch(/SEARCH clients USING INDEX sqlite_autoindex_clients_1 \(id=\?\)/);
    } else {
      // One gram: the count and the page are ranges of (org, gram, name, id) in list order, nothing sorted.
      expectNoSort(plans);
      expect(plans.map((p) => p.lines.join('\n')).filter((p) => /client_grams/.test(p))).toHaveLength(2);
      expect(all).toMatch(/Index Only Scan using client_grams_pkey/);
      expect(all).not.toContain('clients_search_vector');
      expect(all).toMatch(/Index Scan using clients_pkey/);
    }
  });

  it('search for a longer term: the phrase of its bigrams from the search index, only the matches sorted', async () => {
    const plans = await plansOf(clients({ q: '海口华', countCap: 10_000 }));
    expectNoFullScan(plans);
    expect(text(plans)).toContain(dialect.name === 'sqlite' ? 'VIRTUAL TABLE INDEX' : 'Bitmap Index Scan on clients_search_vector');
  });

  it('search by credit-code prefix: the code index (PostgreSQL) or its prefix token (SQLite FTS5)', async () => {
    const plans = await plansOf(clients({ q: testUscc(1500).slice(0, 12) }));
    expectNoFullScan(plans);
    expect(text(plans)).toContain(dialect.name === 'sqlite' ? 'VIRTUAL TABLE INDEX' : 'clients_org_uscc');
  });

  it('a search matching more rows than the count reports walks a bounded stretch of the name index, in index order, checking entries', async () => {
    const plans = await plansOf(clients({ q: '有限公', countCap: 100 }));
    expect(plans).toHaveLength(2);
    expectNoFullScan(plans);
    const walk = plans[1];
    expect(walk.sql).toMatch(/limit (\?|\$\d+)\) as "w"/);
    // The stretch is an index range read in order; only its matches (not the stretch) may be put in order again.
    expect(walk.lines.join('\n')).toMatch(dialect.name === 'sqlite' ? /SEARCH clients USING COVERING INDEX clients_list_state \(org_id=\? AND <expr>=\?\)/ : /Index Only Scan using clients_list_state/);
    expect(walk.lines.join('\n')).toMatch(dialect.name === 'sqlite' ? /SEARCH clients USING INDEX sqlite_autoindex_clients_1 \(id=\?\)/ : /Index Scan using clients_pkey/);
  });

  it('audit log: newest first along (org_id, at, id); the count joins nothing', async () => {
    const plans = await plansOf(audit({}));
    expect(plans[0].sql).not.toMatch(/users/);
    expectNoFullScan(plans);
    expectNoSort(plans);
    expect(text(plans)).toContain('audit_org_at_id');
    const page = await findAuditEntries(handle.db, { orgId, clientId: null }, { page: {} });
    const next = await plansOf(audit({ page: { cursor: page.nextCursor! } }));
    expectNoSort(next);
    // SQLite shows the range on `at` only (id is the rowid, which it reads from every index entry anyway).
    expect(text(next)).toMatch(dialect.name === 'sqlite' ? /audit_org_at_id \(org_id=\? AND at<\?\)/ : /ROW\(at, id\) < ROW/);
  });

  it('audit log for one record, one action or one kind of record: in order, from an index', async () => {
    for (const [filter, index] of [
      [{ entityType: 'client', entityId: clientIds[5] }, 'audit_org_entity_at_id'],
      [{ action: 'client.create' }, 'audit_org_action_at_id'],
      [{ entityType: 'client' }, 'audit_org_type_at_id'],
    ] as const) {
      const plans = await plansOf(audit(filter));
      expectNoFullScan(plans);
      expectNoSort(plans);
      // PostgreSQL, knowing every entry here is about a client, may rightly walk (org_id, at, id) instead.
      if (dialect.name === 'sqlite' || filter.entityType !== 'client' || 'entityId' in filter) expect(text(plans)).toContain(index);
    }
  });

  it('applications: the list, the overdue ones and a common search term are each one index range in order, nothing sorted', async () => {
    const scope = { orgId, clientId: null };
    const plain = await plansOf(() => listApplications(handle.db, scope, { page: {} }));
    const overdue = await plansOf(() => listApplications(handle.db, scope, { overdueOn: '2026-06-01', page: {} }));
    // 有限 is in every name: far more companies than are gathered, so the list is walked.
    const walked = await plansOf(() => listApplications(handle.db, scope, { q: '有限', page: {} }));
    for (const plans of [plain, overdue, walked]) {
      expectNoFullScan(plans);
      expectNoSort(plans);
    }
    expect(text(plain)).toContain('applications_list');
    expect(text(overdue)).toContain('applications_due');
    const walk = walked.find((p) => /client_search_text/.test(p.sql))!;
    expect(walk.lines.join('\n')).toContain('applications_list');
    // The walk checks the copy its index entries carry: it never reads a company.
    expect(walk.lines.join('\n')).not.toMatch(/clients/);
  });

  it('users and API tokens: the same mechanism over their own indexes', async () => {
    const users = await plansOf(() => listUsers(handle.db, { orgId, clientId: null }, {}));
    const tokens = await plansOf(() => listTokens(handle.db, { orgId, userId }, {}));
    expect(text(users)).toContain('users_org_list');
    expect(text(tokens)).toContain('api_tokens_owner_list');
    // A user's 50 tokens are few enough that PostgreSQL may sort them after the index lookup; SQLite never sorts.
    if (dialect.name === 'sqlite') for (const plans of [users, tokens]) expectNoSort(plans);
  });
});
