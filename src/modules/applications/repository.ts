import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ApplicationEventsTable, ApplicationsTable, LicencesTable } from '../../platform/db/schema.ts';
import { listPage, type ListOrder, type Page, type PageRequest } from '../../platform/db/list-page.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import { clientIdsMatching } from '../clients/list-clients.ts';

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

export interface ApplicationFilter {
  /** The client company's name, credit code or organisation code. */
  q?: string;
  serviceCode?: string;
  state?: string;
  clientId?: string;
  assigneeId?: string;
  page: PageRequest;
}

/** Newest change first; each filter has an index (org_id, filter column, updated_at, id), migration 0010. */
const listOrder: ListOrder<ApplicationListRow> = {
  direction: 'desc',
  keys: [
    { ref: 'applications.updatedAt', kind: 'string', read: (row) => row.updatedAt },
    { ref: 'applications.id', kind: 'string', read: (row) => row.id },
  ],
};

export async function listApplications(db: Db, scope: Scope, filter: ApplicationFilter): Promise<Page<ApplicationListRow>> {
  let query = scopedApplications(db, scope);
  if (filter.state) query = query.where('applications.state', '=', filter.state);
  if (filter.clientId) query = query.where('applications.clientId', '=', filter.clientId);
  if (filter.assigneeId) query = query.where('applications.assigneeId', '=', filter.assigneeId);
  if (filter.serviceCode) query = query.where('applications.serviceCode', '=', filter.serviceCode);
  if (filter.q?.trim()) query = query.where('applications.clientId', 'in', clientIdsMatching(db, scope, filter.q));
  return listPage(db, {
    query,
    select: (q) =>
      q
        .innerJoin('clients', 'clients.id', 'applications.clientId')
        .leftJoin('licences', 'licences.id', 'applications.licenceId')
        .select([...applicationColumns, 'clients.name as clientName', 'licences.number as licenceNumber', 'licences.expiresOn as licenceExpiresOn']),
    order: listOrder,
    request: filter.page,
  });
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
