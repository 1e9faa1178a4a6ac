import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ObligationEventsTable, ObligationsTable } from '../../platform/db/schema.ts';
import { listPage, type ListOrder, type Page, type PageRequest } from '../../platform/db/list-page.ts';
import type { Scope } from '../access/actor.ts';
import { cachedBoard } from './score-cache.ts';
import { withinScope } from '../access/scope.ts';

export type ObligationRecord = Selectable<ObligationsTable>;
export type ObligationRow = ObligationRecord & { licenceNumber: string; clientName: string; assigneeName: string | null; completedByName: string | null };

/** A client user sees only their own company's obligations: the client column is `client_id`. */
const scoped = (db: Db, scope: Scope) => withinScope(db.selectFrom('obligations'), scope, { org: 'obligations.orgId', client: 'obligations.clientId' });

const withNames = (query: ReturnType<typeof scoped>) =>
  query
    .innerJoin('licences', 'licences.id', 'obligations.licenceId')
    .innerJoin('clients', 'clients.id', 'obligations.clientId')
    .leftJoin('users as assignee', 'assignee.id', 'obligations.assigneeId')
    .leftJoin('users as completer', 'completer.id', 'obligations.completedBy')
    .selectAll('obligations')
    .select(['licences.number as licenceNumber', 'clients.name as clientName', 'assignee.name as assigneeName', 'completer.name as completedByName']);

export async function findObligation(db: Db, scope: Scope, id: string): Promise<ObligationRow | undefined> {
  return (await withNames(scoped(db, scope)).where('obligations.id', '=', id).executeTakeFirst()) as ObligationRow | undefined;
}

export async function listLicenceObligations(db: Db, scope: Scope, licenceId: string): Promise<ObligationRow[]> {
  return (await withNames(scoped(db, scope)).where('obligations.licenceId', '=', licenceId).orderBy('obligations.dueOn').orderBy('obligations.id').execute()) as ObligationRow[];
}

export interface ObligationFilter {
  /** Stored states to include (open, done, not-applicable). */
  state?: string;
  /** Due-date range, inclusive. */
  due?: { from?: string; to?: string };
  clientId?: string;
  licenceId?: string;
  /** A user id, or null for "nobody". */
  assigneeId?: string | null;
  kind?: string;
  page: PageRequest;
}

/** Soonest due first; every filter has an index (org_id, <filter column>, due_on, id), migration 0019. */
const listOrder: ListOrder<ObligationRow> = {
  direction: 'asc',
  keys: [
    { ref: 'obligations.dueOn', kind: 'string', read: (row) => row.dueOn },
    { ref: 'obligations.id', kind: 'string', read: (row) => row.id },
  ],
};

export function filtered(db: Db, scope: Scope, filter: Omit<ObligationFilter, 'page'>) {
  let query = scoped(db, scope);
  if (filter.state) query = query.where('obligations.state', '=', filter.state);
  if (filter.due?.from) query = query.where('obligations.dueOn', '>=', filter.due.from);
  if (filter.due?.to) query = query.where('obligations.dueOn', '<=', filter.due.to);
  if (filter.clientId) query = query.where('obligations.clientId', '=', filter.clientId);
  if (filter.licenceId) query = query.where('obligations.licenceId', '=', filter.licenceId);
  if (filter.assigneeId === null) query = query.where('obligations.assigneeId', 'is', null);
  else if (filter.assigneeId) query = query.where('obligations.assigneeId', '=', filter.assigneeId);
  if (filter.kind) query = query.where('obligations.kind', '=', filter.kind);
  return query;
}

export async function listObligations(db: Db, scope: Scope, filter: ObligationFilter): Promise<Page<ObligationRow>> {
  // Organisation-wide, by state, due date and kind alone, the per-day counts give the exact total in a few hundred
  // rows, where counting the matches themselves reads up to 10,000 index entries a page.
  const countable = scope.clientId === null && !filter.clientId && !filter.licenceId && filter.assigneeId === undefined;
  return listPage(db, {
    query: filtered(db, scope, filter),
    select: (q) => withNames(q as ReturnType<typeof scoped>) as any,
    order: listOrder,
    request: filter.page,
    // Kept 10 s like the dashboard's figures (dropped at once by this instance's writes): every open list asks again.
    total: countable ? () => cachedBoard({ orgId: scope.orgId, rest: `total|${filter.state ?? ''}|${filter.due?.from ?? ''}|${filter.due?.to ?? ''}|${filter.kind ?? ''}` }, () => countFromDays(db, scope.orgId, filter)) : undefined,
  }) as Promise<Page<ObligationRow>>;
}

/** How many obligations of the organisation match a state, due range and kind, from `obligation_counts`. */
export async function countFromDays(db: Db, orgId: string, filter: Pick<ObligationFilter, 'state' | 'due' | 'kind'>): Promise<number> {
  let query = db.selectFrom('obligationCounts').where('orgId', '=', orgId);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.due?.from) query = query.where('dueOn', '>=', filter.due.from);
  if (filter.due?.to) query = query.where('dueOn', '<=', filter.due.to);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const row = await query.select((eb) => eb.fn.sum<number>('count').as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The first `limit` obligations of a filter, soonest due first, without a count (the dashboard's lists). */
export async function firstObligations(db: Db, scope: Scope, filter: Omit<ObligationFilter, 'page'>, limit: number): Promise<ObligationRow[]> {
  return (await withNames(filtered(db, scope, filter)).orderBy('obligations.dueOn').orderBy('obligations.id').limit(limit).execute()) as ObligationRow[];
}

/** Counts by stored state and due range, for the dashboard: one aggregate over the (org_id, state, due_on) index. */
export async function countOpenByDue(db: Db, scope: Scope, bounds: { today: string; soon: string }): Promise<{ overdue: number; soon: number; later: number }> {
  const row = await scoped(db, scope)
    .where('obligations.state', '=', 'open')
    .select([
      sql<number>`sum(case when ${sql.ref('obligations.dueOn')} < ${bounds.today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when ${sql.ref('obligations.dueOn')} >= ${bounds.today} and ${sql.ref('obligations.dueOn')} <= ${bounds.soon} then 1 else 0 end)`.as('soon'),
      sql<number>`sum(case when ${sql.ref('obligations.dueOn')} > ${bounds.soon} then 1 else 0 end)`.as('later'),
    ])
    .executeTakeFirst();
  return { overdue: Number(row?.overdue ?? 0), soon: Number(row?.soon ?? 0), later: Number(row?.later ?? 0) };
}

/** Open obligations falling due per month (`YYYY-MM`) from `from` to `to`. */
export async function countOpenByMonth(db: Db, scope: Scope, range: { from: string; to: string }): Promise<Array<{ month: string; kind: string; count: number }>> {
  const month = sql<string>`substr(${sql.ref('obligations.dueOn')}, 1, 7)`;
  const rows = await scoped(db, scope)
    .where('obligations.state', '=', 'open')
    .where('obligations.dueOn', '>=', range.from)
    .where('obligations.dueOn', '<=', range.to)
    .select([month.as('month'), 'obligations.kind', sql<number>`count(*)`.as('count')])
    .groupBy([month, 'obligations.kind'])
    .execute();
  return rows.map((r) => ({ month: r.month, kind: r.kind, count: Number(r.count) }));
}

/**
 * Per client, over obligations due in [from, to] that applied: how many, and how many were done by their due date.
 * The compliance score's inputs; the largest clients first is not implied, the caller sorts.
 */
export async function onTimeByClient(db: Db, scope: Scope, range: { from: string; to: string }): Promise<Array<{ clientId: string; clientName: string; due: number; onTime: number }>> {
  const rows = await scoped(db, scope)
    .innerJoin('clients', 'clients.id', 'obligations.clientId')
    .where('obligations.dueOn', '>=', range.from)
    .where('obligations.dueOn', '<=', range.to)
    .where('obligations.state', '<>', 'not-applicable')
    .select([
      'obligations.clientId',
      'clients.name as clientName',
      sql<number>`count(*)`.as('due'),
      sql<number>`sum(case when ${sql.ref('obligations.state')} = 'done' and ${sql.ref('obligations.doneOn')} <= ${sql.ref('obligations.dueOn')} then 1 else 0 end)`.as('onTime'),
    ])
    .groupBy(['obligations.clientId', 'clients.name'])
    .execute();
  return rows.map((r) => ({ clientId: r.clientId, clientName: r.clientName, due: Number(r.due), onTime: Number(r.onTime) }));
}

/** What a refresh compares against: every stored obligation of these licences. */
export async function listForLicences(db: Db, licenceIds: string[]): Promise<ObligationRecord[]> {
  if (licenceIds.length === 0) return [];
  return db.selectFrom('obligations').selectAll().where('licenceId', 'in', licenceIds).execute();
}

/** The columns of a new obligation row, in order, with their PostgreSQL array types. */
const insertColumns: Array<[keyof ObligationsTable, string, 'text' | 'int']> = [
  ['id', 'id', 'text'], ['orgId', 'org_id', 'text'], ['licenceId', 'licence_id', 'text'], ['clientId', 'client_id', 'text'], ['key', 'key', 'text'],
  ['kind', 'kind', 'text'], ['windowStart', 'window_start', 'text'], ['dueOn', 'due_on', 'text'], ['derivedState', 'derived_state', 'text'],
  ['derivedDoneOn', 'derived_done_on', 'text'], ['state', 'state', 'text'], ['doneOn', 'done_on', 'text'], ['basis', 'basis', 'text'],
  ['provisional', 'provisional', 'int'], ['remindOn', 'remind_on', 'text'], ['version', 'version', 'int'], ['createdAt', 'created_at', 'text'], ['updatedAt', 'updated_at', 'text'],
];

/**
 * Inserts new obligation rows in bulk (a refresh writes a million): on SQLite one prepared statement run per row in the
 * caller's transaction (its one connection), on PostgreSQL one statement per 5,000 rows, the columns sent as arrays
 * and unnested. A query builder's per-value work cost more than the database's own here. Columns not listed start
 * empty (no assignee, completion or evidence).
 */
export async function insertObligations(db: Db, rows: Array<Insertable<ObligationsTable>>, sqlite: { prepare(sql: string): { run(...values: unknown[]): unknown } } | null): Promise<void> {
  if (rows.length === 0) return;
  const names = insertColumns.map(([, column]) => column).join(', ');
  if (sqlite) {
    const statement = sqlite.prepare(`INSERT INTO obligations (${names}) VALUES (${insertColumns.map(() => '?').join(', ')})`);
    for (const row of rows) statement.run(...insertColumns.map(([field]) => (row as Record<string, unknown>)[field] ?? null));
    return;
  }
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const arrays = insertColumns.map(([field, , type]) => sql`${chunk.map((row) => (row as Record<string, unknown>)[field] ?? null)}::${sql.raw(type)}[]`);
    await sql`INSERT INTO obligations (${sql.raw(names)}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(db);
  }
}

export async function insertObligationEvents(db: Db, rows: Array<Insertable<ObligationEventsTable>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('obligationEvents').values(rows.slice(i, i + 1000)).execute();
}

export async function setObligation(db: Db, id: string, changes: Partial<ObligationRecord>): Promise<void> {
  await db.updateTable('obligations').set(changes).where('id', '=', id).execute();
}

/** Applies `changes` only at `version` (within scope), moving it to the next; false when someone changed it first. */
export async function updateObligation(db: Db, scope: Scope, target: { id: string; version: number }, changes: Partial<ObligationRecord>): Promise<boolean> {
  const result = await withinScope(db.updateTable('obligations'), scope, { org: 'orgId', client: 'clientId' })
    .set({ ...changes, version: target.version + 1 })
    .where('id', '=', target.id)
    .where('version', '=', target.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type ObligationEventRow = Selectable<ObligationEventsTable> & { actorName: string | null };

export async function listObligationEvents(db: Db, scope: Scope, obligationId: string): Promise<ObligationEventRow[]> {
  return withinScope(db.selectFrom('obligationEvents'), { ...scope, clientId: null }, { org: 'obligationEvents.orgId', client: null })
    .leftJoin('users', 'users.id', 'obligationEvents.actorId')
    .selectAll('obligationEvents')
    .select('users.name as actorName')
    .where('obligationEvents.obligationId', '=', obligationId)
    .orderBy('obligationEvents.at')
    .orderBy('obligationEvents.id')
    .execute();
}

/** Licences (id, organisation, stamp), a batch at a time by id: what a full refresh walks. */
export async function listLicenceStamps(db: Db, options: { orgId?: string; after: string; limit: number }) {
  let query = db.selectFrom('licences').select(['id', 'orgId', 'obligationsStamp']).where('id', '>', options.after).orderBy('id').limit(options.limit);
  if (options.orgId) query = query.where('orgId', '=', options.orgId);
  return query.execute();
}
