import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/app-context.ts';
import { computeUsccCheck } from '../../src/domain/identifiers/compute-uscc-check.ts';
import { insertClientsBulk, type ClientRow } from '../../src/modules/clients/repository.ts';
import { insertAuditEntriesBulk, type AuditEntryInput } from '../../src/modules/audit/repository.ts';
import { sql } from 'kysely';
import type { ApplicationsTable, Insertable } from '../../src/platform/db/schema.ts';
import { seededRandom } from '../../test/support/seeded-random.ts';

// Words agencies' client names are made of, so two-character searches (星辰, 呼叫) hit realistic shares of rows.
const places = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '重庆', '福州', '资阳'];
const words = ['星辰', '华信', '远航', '云海', '金桥', '博达', '恒通', '宏图', '智联', '东方', '天成', '瑞丰'];
const trades = ['呼叫服务', '信息技术', '客服外包', '网络科技', '数据服务', '通信服务'];
const provinces = ['BJ', 'SH', 'GD', 'ZJ', 'SC', 'HB', 'JS', 'SN', 'CQ', 'FJ'];

/** A valid credit code for seed number n (organisation code part carries n), unique per n. */
export function usccFor(n: number): string {
  const body = `91110105${String(n).padStart(9, '0')}`;
  return body + computeUsccCheck(body);
}

/**
 * An agency at real size, in bulk through the repositories (search columns kept right): `clients` companies and
 * `auditEntries` audit entries in one organisation, then VACUUM ANALYZE as autovacuum would on PostgreSQL.
 */
export async function seedAgencyScale(ctx: AppContext, input: { orgId: string; clients: number; auditEntries: number; applications?: number }) {
  const random = seededRandom(20261129);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const now = ctx.clock.now();
  const batch = 10_000;
  let sampleClientId = '';
  const clientIds: string[] = [];
  for (let start = 0; start < input.clients; start += batch) {
    const rows: ClientRow[] = [];
    for (let n = start; n < Math.min(start + batch, input.clients); n++) {
      const id = randomUUID();
      if (n === Math.floor(input.clients / 2)) sampleClientId = id;
      if (n % 10 !== 0) clientIds.push(id);
      rows.push({
        id, orgId: input.orgId, name: `${pick(places)}${pick(words)}${pick(trades)}有限公司 ${n}`, uscc: usccFor(1_000_000 + n), usccOverride: 0,
        legalRepresentative: '', registeredCapital: 1_000_000 + n, businessScope: '', province: pick(provinces), address: '', contactName: '',
        contactPhone: '', contactEmail: '', foreignShareBp: null, notes: '', archivedAt: n % 10 === 0 ? now : null, version: 1, createdAt: now, updatedAt: now,
      });
    }
    await insertClientsBulk(ctx.db, rows);
  }
  const applications = await seedApplications(ctx, { orgId: input.orgId, clients: clientIds, count: input.applications ?? 0, random });
  const base = Date.parse(now);
  for (let start = 0; start < input.auditEntries; start += batch) {
    const entries: AuditEntryInput[] = [];
    for (let n = start; n < Math.min(start + batch, input.auditEntries); n++) {
      entries.push({ orgId: input.orgId, actorId: null, action: 'client.update', entityType: 'client', entityId: null, summary: JSON.stringify({ zh: `修改客户 ${n}`, en: `Updated client ${n}` }), at: new Date(base - n * 1000).toISOString() });
    }
    await insertAuditEntriesBulk(ctx.db, entries);
  }
  // What the database's own upkeep would have done by now: PostgreSQL's autovacuum vacuums a table after that many
  // inserts (setting the visibility map that index-only scans need) and analyzes it; SQLite needs ANALYZE asked for.
  if (ctx.database.dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(ctx.db);
  else await sql`ANALYZE`.execute(ctx.db);
  return { clients: input.clients, auditEntries: input.auditEntries, applications, sampleClientId, freshUscc: (n: number) => usccFor(5_000_000 + n) };
}

/**
 * Applications as an agency's history looks: most issued long ago, about one in seven still open, and a third of the
 * open ones past their due date. Written in bulk (their due dates as the application module would keep them).
 */
async function seedApplications(ctx: AppContext, input: { orgId: string; clients: string[]; count: number; random: () => number }): Promise<number> {
  const openStates = ['draft', 'collecting', 'drafting', 'submitted', 'correction_requested', 'accepted', 'on_hold'];
  const base = Date.parse(ctx.clock.now());
  const dayOf = (offsetDays: number) => new Date(base + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const rows: Insertable<ApplicationsTable>[] = [];
  const flush = async () => {
    if (rows.length > 0) await ctx.db.insertInto('applications').values(rows.splice(0)).execute();
  };
  for (let n = 0; n < input.count; n++) {
    const isOpen = input.random() < 0.15;
    const at = new Date(base - Math.floor(input.random() * 3 * 365 * 86_400_000)).toISOString();
    const state = isOpen ? openStates[Math.floor(input.random() * openStates.length)] : 'issued';
    rows.push({
      id: randomUUID(), orgId: input.orgId, clientId: input.clients[Math.floor(input.random() * input.clients.length)], serviceCode: 'B24-1', scope: 'BJ', state,
      heldFrom: state === 'on_hold' ? 'collecting' : null, assigneeId: null, contractSignedOn: at.slice(0, 10), contractFeeYuan: 30_000, submittedOn: null,
      acceptanceNo: null, acceptedOn: null, issuedOn: isOpen ? null : at.slice(0, 10), licenceId: null, correctionItems: '[]', business: '{}', targets: '{}', milestones: '{}',
      dueOn: isOpen ? dayOf(input.random() < 1 / 3 ? -1 - Math.floor(input.random() * 60) : 1 + Math.floor(input.random() * 90)) : null, version: 1, createdAt: at, updatedAt: at,
    });
    if (rows.length === 500) await flush();
  }
  await flush();
  return input.count;
}
