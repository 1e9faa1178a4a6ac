import { sql, type Insertable, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ApplicationEventsTable, ApplicationsTable, LicencesTable } from '../../platform/db/schema.ts';
import { applyPosition, finishPage, listPage, resolvePosition, type ListOrder, type Page, type PageRequest } from '../../platform/db/list-page.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import { clientIdsMatching, clientRowMatches } from '../clients/list-clients.ts';

export type ApplicationRow = Selectable<ApplicationsTable>;
/** An application with its client company's name and, once issued, its licence's number and expiry. */
export type ApplicationListRow = ApplicationRow & { clientName: string; licenceNumber?: string | null; licenceExpiresOn?: string | null };
export type ApplicationEventRow = Selectable<ApplicationEventsTable> & { actorName: string | null };

const applicationColumns = [
  'applications.id',
  'applications.orgId',
  'applications.clientId',
  'applications.serviceCode',
  'applications.scope',
  'applications.state',
  'applications.heldFrom',
  'applications.assigneeId',
  'applications.contractSignedOn',
  'applications.contractFeeYuan',
  'applications.submittedOn',
  'applications.acceptanceNo',
  'applications.acceptedOn',
  'applications.issuedOn',
  'applications.licenceId',
  'applications.correctionItems',
  'applications.business',
  'applications.targets',
  'applications.milestones',
  'applications.dueOn',
  'applications.version',
  'applications.createdAt',
  'applications.updatedAt',
] as const;

/** A client user sees only their own company's applications: the client column is `client_id`. */
const scopedApplications = (db: Db, scope: Scope) => withinScope(db.selectFrom('applications'), scope, { org: 'applications.orgId', client: 'applications.clientId' });

export async function findApplication(db: Db, scope: Scope, id: string): Promise<ApplicationListRow | undefined> {
  return scopedApplications(db, scope)
    .innerJoin('clients', 'clients.id', 'applications.clientId')
    .leftJoin('licences', 'licences.id', 'applications.licenceId')
    .select([...applicationColumns, 'clients.name as clientName', 'licences.number as licenceNumber', 'licences.expiresOn as licenceExpiresOn'])
    .where('applications.id', '=', id)
    .executeTakeFirst();
}

export async function insertApplication(db: Db, row: Insertable<ApplicationsTable>): Promise<void> {
  await db.insertInto('applications').values(row).execute();
}

/** Applies `changes` only if the row still has `version`; false when someone else changed it first. */
export async function updateApplication(db: Db, scope: Scope, target: { id: string; version: number }, changes: Partial<ApplicationRow>): Promise<boolean> {
  const result = await withinScope(db.updateTable('applications'), scope, { org: 'orgId', client: 'clientId' })
    .set(changes)
    .where('id', '=', target.id)
    .where('version', '=', target.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets the stored due date, which is derived: no new version, no change to `updated_at`. */
export async function setDueOn(db: Db, scope: Scope, id: string, dueOn: string | null): Promise<void> {
  await withinScope(db.updateTable('applications'), scope, { org: 'orgId', client: 'clientId' }).set({ dueOn }).where('id', '=', id).execute();
}

/** Applications still open, or still carrying a due date, after `after` in id order: the due-date refresh's batches. */
export async function listOpenApplications(db: Db, options: { orgId?: string; after: string; limit: number }): Promise<ApplicationRow[]> {
  let query = db
    .selectFrom('applications')
    .select(applicationColumns)
    .where('applications.id', '>', options.after)
    .where((eb) => eb.or([eb('applications.state', 'not in', ['issued', 'rejected', 'withdrawn']), eb('applications.dueOn', 'is not', null)]));
  if (options.orgId) query = query.where('applications.orgId', '=', options.orgId);
  return query.orderBy('applications.id').limit(options.limit).execute();
}

export interface ApplicationFilter {
  /** The client company's name, credit code or organisation code. */
  q?: string;
  serviceCode?: string;
  state?: string;
  clientId?: string;
  assigneeId?: string;
  /** Only those past their due date (`due_on` before this date, today in China): overdue stages or targets. */
  overdueOn?: string;
  page: PageRequest;
  /** Tests lower these to take every way a search can go: how many matching companies are gathered, how far a walk goes. */
  gatherCap?: number;
  walkBound?: number;
}

/** Newest change first; each filter has an index (org_id, filter column, updated_at, id), migrations 0010 and 0015. */
const listOrder: ListOrder<Keyed> = {
  name: 'newest',
  direction: 'desc',
  keys: [
    { ref: 'applications.updatedAt', kind: 'string', read: (row) => row.updatedAt },
    { ref: 'applications.id', kind: 'string', read: (row) => row.id },
  ],
};
/** Overdue ones longest overdue first: a range of `applications_due` (org_id, due_on, id) in its own order. */
const dueOrder: ListOrder<Keyed> = {
  name: 'due',
  direction: 'asc',
  keys: [
    { ref: 'applications.dueOn', kind: 'string', read: (row) => row.dueOn ?? '' },
    { ref: 'applications.id', kind: 'string', read: (row) => row.id },
  ],
};
type Keyed = { id: string; updatedAt: string; dueOn: string | null };
type AnySelect = SelectQueryBuilder<any, any, any>;

/**
 * A search matching at most this many client companies gathers their applications by client (an index probe each);
 * beyond it, the term is common enough that walking the list in order finds a page soon.
 */
const gatherCap = 200;
/** How many list entries a walk checks before it gives up and gathers instead. */
const walkBound = 5_000;

const withDetails = (q: AnySelect) =>
  q
    .innerJoin('clients', 'clients.id', 'applications.clientId')
    .leftJoin('licences', 'licences.id', 'applications.licenceId')
    .select([...applicationColumns, 'clients.name as clientName', 'licences.number as licenceNumber', 'licences.expiresOn as licenceExpiresOn']);

/**
 * Applications a page at a time (`list-page.ts`): newest change first, or, for the overdue ones, longest overdue
 * first. A search of the client company (name, credit code, organisation code) first counts the companies it matches
 * (from their search indexes, up to `gatherCap`). Few: their applications are gathered by client id. Many: the list is
 * walked in its order for a bounded stretch, checking each entry's company; the total then counts the matches in the
 * first stretch ("N+" when the list goes on).
 */
export async function listApplications(db: Db, scope: Scope, filter: ApplicationFilter): Promise<Page<ApplicationListRow>> {
  let query: AnySelect = scopedApplications(db, scope);
  if (filter.state) query = query.where('applications.state', '=', filter.state);
  if (filter.clientId) query = query.where('applications.clientId', '=', filter.clientId);
  if (filter.assigneeId) query = query.where('applications.assigneeId', '=', filter.assigneeId);
  if (filter.serviceCode) query = query.where('applications.serviceCode', '=', filter.serviceCode);
  if (filter.overdueOn) query = query.where('applications.dueOn', '<', filter.overdueOn);
  const order = filter.overdueOn ? dueOrder : listOrder;
  const term = filter.q?.trim();
  if (term) {
    const matching = clientIdsMatching(db, scope, term);
    const cap = filter.gatherCap ?? gatherCap;
    const ids = (await matching.limit(cap + 1).execute()).map((row) => row.id as string);
    if (ids.length > cap) return walkSearch(db, { query, order, term, matching, request: filter.page, walkBound: filter.walkBound ?? walkBound });
    query = ids.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('applications.clientId', 'in', ids);
  }
  return listPage(db, { query, select: withDetails, order, request: filter.page }) as Promise<Page<ApplicationListRow>>;
}

/**
 * A common search term: one range of the list's index in list order, bounded at `walkBound` entries from where the page
 * starts, whose entries carry their company's search text and credit code (migration 0016), checked entry by entry
 * and stopping once a page is found. No row is read and nothing is sorted. A page the range does not fill, while the
 * list goes on, is gathered by company after all. Counting every match would mean checking the whole list, so the
 * total is what is known ("at least" the rows so far and one more), exact once the walk reaches the end of the list.
 */
async function walkSearch(db: Db, input: { query: AnySelect; order: ListOrder<Keyed>; term: string; matching: AnySelect; request: PageRequest; walkBound: number }): Promise<Page<ApplicationListRow>> {
  const { query, order, term } = input;
  const position = resolvePosition(input.request, order);
  const keyColumns = ['applications.id', 'applications.updatedAt', 'applications.dueOn'] as const;
  // Where the walk stops: the key of the walkBound-th entry from where it starts (read from the index alone); none when
  // the list ends first.
  const boundRow = (await applyPosition(query.select(order.keys.map((key, i) => sql.ref(key.ref).as(`k${i}`))), order, { after: position.after, offset: input.walkBound - 1, page: 1, pageSize: 0 }).executeTakeFirst()) as Record<string, string> | undefined;
  const bound = boundRow ? { after: order.keys.map((_, i) => boundRow[`k${i}`]) } : null;
  let walk = query.where(clientRowMatches(term, { searchText: 'applications.clientSearchText', uscc: 'applications.clientUscc' }));
  if (bound?.after) {
    const columns = sql.join(order.keys.map((k) => sql.ref(k.ref)));
    walk = walk.where(sql<boolean>`(${columns}) ${sql.raw(order.direction === 'asc' ? '<=' : '>=')} (${sql.join(bound.after.map((v) => sql.val(v)))})`);
  }
  let keys = (await applyPosition(walk.select([...keyColumns]), order, position).execute()) as Keyed[];
  const filled = keys.length > position.pageSize;
  if (!filled && bound) {
    // The bound came before a full page: this page's keys, gathered by the matching companies.
    keys = (await applyPosition(query.where('applications.clientId', 'in', input.matching).select([...keyColumns]), order, position).execute()) as Keyed[];
  }
  const { rows, nextCursor } = finishPage(keys, order, position);
  const byId = new Map(
    rows.length === 0 ? [] : ((await withDetails(db.selectFrom('applications')).where('applications.id', 'in', rows.map((r) => r.id)).execute()) as ApplicationListRow[]).map((row) => [row.id, row]),
  );
  const items = rows.map((r) => byId.get(r.id)).filter((row): row is ApplicationListRow => row !== undefined);
  // What is known: the rows before this page (counted only when the page was asked for by number; a cursor does not
  // say how many came before it), this page, and one more if another page follows. Exact only when the walk began at
  // the start of the list and reached its end.
  const before = position.after ? 0 : position.offset;
  const exact = !filled && !bound && !position.after;
  return { items, total: before + rows.length + (nextCursor ? 1 : 0), totalIsExact: exact, page: position.page, pageSize: position.pageSize, nextCursor };
}

export async function insertApplicationEvent(db: Db, row: Insertable<ApplicationEventsTable>): Promise<void> {
  await db.insertInto('applicationEvents').values(row).execute();
}

const eventOrder: ListOrder<ApplicationEventRow> = {
  direction: 'desc',
  keys: [
    { ref: 'applicationEvents.at', kind: 'string', read: (row) => row.at },
    { ref: 'applicationEvents.id', kind: 'string', read: (row) => row.id },
  ],
};

/** An application's activity, newest first (the application itself is checked against the scope by the caller). */
export async function listApplicationEvents(db: Db, scope: Scope, input: { applicationId: string; page: PageRequest }): Promise<Page<ApplicationEventRow>> {
  const query = withinScope(db.selectFrom('applicationEvents'), { ...scope, clientId: null }, { org: 'applicationEvents.orgId', client: null }).where('applicationEvents.applicationId', '=', input.applicationId);
  return listPage(db, {
    query,
    select: (q) => q.leftJoin('users', 'users.id', 'applicationEvents.actorId').selectAll('applicationEvents').select('users.name as actorName'),
    order: eventOrder,
    request: input.page,
  });
}

export async function insertLicence(db: Db, row: Insertable<LicencesTable>): Promise<void> {
  await db.insertInto('licences').values(row).execute();
}

export async function findLicenceByNumber(db: Db, scope: Scope, number: string): Promise<Selectable<LicencesTable> | undefined> {
  return withinScope(db.selectFrom('licences'), { ...scope, clientId: null }, { org: 'licences.orgId', client: null }).selectAll().where('licences.number', '=', number).executeTakeFirst();
}

/** Whether a user of the organisation can be put in charge of applications (an active staff member, admin or owner). */
export async function isAssignableUser(db: Db, scope: Scope, userId: string): Promise<boolean> {
  const row = await withinScope(db.selectFrom('users'), { ...scope, clientId: null }, { org: 'users.orgId', client: null })
    .select('users.id')
    .where('users.id', '=', userId)
    .where('users.isActive', '=', 1)
    .where('users.role', '!=', 'client')
    .executeTakeFirst();
  return row !== undefined;
}

/** The moves an application has made, oldest first (the timeline reads when it entered each state). */
export async function listTransitions(db: Db, scope: Scope, applicationId: string): Promise<Array<{ toState: string | null; details: string; at: string }>> {
  return withinScope(db.selectFrom('applicationEvents'), { ...scope, clientId: null }, { org: 'applicationEvents.orgId', client: null })
    .select(['applicationEvents.toState', 'applicationEvents.details', 'applicationEvents.at'])
    .where('applicationEvents.applicationId', '=', applicationId)
    .where('applicationEvents.kind', '=', 'transition')
    .orderBy('applicationEvents.at')
    .orderBy('applicationEvents.id')
    .execute();
}

/** The organisation's active staff, admins and owners: who an application can be assigned to. */
export async function listAssignableUsers(db: Db, scope: Scope): Promise<Array<{ id: string; name: string; role: string }>> {
  return withinScope(db.selectFrom('users'), { ...scope, clientId: null }, { org: 'users.orgId', client: null })
    .select(['users.id', 'users.name', 'users.role'])
    .where('users.isActive', '=', 1)
    .where('users.role', '!=', 'client')
    .orderBy('users.name')
    .orderBy('users.id')
    .limit(500)
    .execute();
}

/**
 * Takes the application's row lock for the rest of the transaction (PostgreSQL; SQLite runs one writer at a time), so
 * uploads, reviews and moves of one application happen one after another. With `states`, only while the application
 * is in one of them; false otherwise.
 */
export async function lockApplication(db: Db, scope: Scope, id: string, states?: readonly string[]): Promise<boolean> {
  let query = withinScope(db.updateTable('applications'), scope, { org: 'orgId', client: 'clientId' })
    .set((eb) => ({ updatedAt: eb.ref('updatedAt') }))
    .where('id', '=', id);
  if (states) query = query.where('state', 'in', states);
  return Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
}
