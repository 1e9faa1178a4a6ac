import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { LicenceEventsTable, LicencesTable } from '../../platform/db/schema.ts';
import { listPage, type ListOrder, type Page, type PageRequest } from '../../platform/db/list-page.ts';
import { escapeLike } from '../../platform/db/search-grams.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';

export type LicenceRow = Selectable<LicencesTable> & { clientName: string };

const licenceColumns = [
  'licences.id',
  'licences.orgId',
  'licences.clientId',
  'licences.applicationId',
  'licences.number',
  'licences.serviceCode',
  'licences.scope',
  'licences.services',
  'licences.issuedOn',
  'licences.expiresOn',
  'licences.cancelledOn',
  'licences.notes',
  'licences.obligationsStamp',
  'licences.version',
  'licences.createdAt',
  'licences.updatedAt',
] as const;

/** A client user sees only their own company's licences: the client column is `client_id`. */
const scopedLicences = (db: Db, scope: Scope) => withinScope(db.selectFrom('licences'), scope, { org: 'licences.orgId', client: 'licences.clientId' });

export async function findLicence(db: Db, scope: Scope, id: string): Promise<LicenceRow | undefined> {
  return scopedLicences(db, scope).innerJoin('clients', 'clients.id', 'licences.clientId').select([...licenceColumns, 'clients.name as clientName']).where('licences.id', '=', id).executeTakeFirst();
}

/** The organisation's licence with this number, whoever holds it (numbers are unique per organisation). */
export async function findLicenceIdByNumber(db: Db, scope: Scope, number: string): Promise<string | undefined> {
  const row = await withinScope(db.selectFrom('licences'), { ...scope, clientId: null }, { org: 'licences.orgId', client: null }).select('licences.id').where('licences.number', '=', number).executeTakeFirst();
  return row?.id;
}

export async function insertLicence(db: Db, row: Insertable<LicencesTable>): Promise<void> {
  await db.insertInto('licences').values(row).execute();
}

/** Applies `changes` only if the row still has `version`; false when someone else changed it first. */
export async function updateLicence(db: Db, scope: Scope, target: { id: string; version: number }, changes: Partial<Selectable<LicencesTable>>): Promise<boolean> {
  const result = await withinScope(db.updateTable('licences'), scope, { org: 'orgId', client: 'clientId' }).set(changes).where('id', '=', target.id).where('version', '=', target.version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface LicenceFilter {
  /** The licence number's beginning (normalised). */
  q?: string;
  clientId?: string;
  /** Expiry range and cancellation, as the status filter resolves them on today's date. */
  expires?: { from?: string; to?: string };
  /** Only licences cancelled on or before this date. */
  cancelledBy?: string;
  /** Only licences not cancelled by this date (never, or later). */
  notCancelledBy?: string;
  page: PageRequest;
}

/** Soonest expiry first; each filter has an index (org_id, [client_id,] expires_on, id), migration 0017. */
const listOrder: ListOrder<LicenceRow> = {
  direction: 'asc',
  keys: [
    { ref: 'licences.expiresOn', kind: 'string', read: (row) => row.expiresOn },
    { ref: 'licences.id', kind: 'string', read: (row) => row.id },
  ],
};

export async function listLicences(db: Db, scope: Scope, filter: LicenceFilter): Promise<Page<LicenceRow>> {
  let query = scopedLicences(db, scope);
  if (filter.clientId) query = query.where('licences.clientId', '=', filter.clientId);
  if (filter.expires?.from) query = query.where('licences.expiresOn', '>=', filter.expires.from);
  if (filter.expires?.to) query = query.where('licences.expiresOn', '<=', filter.expires.to);
  if (filter.cancelledBy) query = query.where('licences.cancelledOn', '<=', filter.cancelledBy);
  if (filter.notCancelledBy) {
    const by = filter.notCancelledBy;
    query = query.where((eb) => eb.or([eb('licences.cancelledOn', 'is', null), eb('licences.cancelledOn', '>', by)]));
  }
  // A number prefix: numbers are few per organisation, so the (org_id, number) index's range suffices.
  if (filter.q) query = query.where(sql<boolean>`${sql.ref('licences.number')} like ${`${escapeLike(filter.q)}%`} escape '\\'`);
  return listPage(db, {
    query,
    select: (q) => q.innerJoin('clients', 'clients.id', 'licences.clientId').select([...licenceColumns, 'clients.name as clientName']),
    order: listOrder,
    request: filter.page,
  }) as Promise<Page<LicenceRow>>;
}

export type LicenceEventRow = Selectable<LicenceEventsTable> & { createdByName: string | null };

/** A licence's history in date order (then as entered); the licence's own scope check comes first in the service. */
export async function listLicenceEvents(db: Db, scope: Scope, licenceId: string): Promise<LicenceEventRow[]> {
  return withinScope(db.selectFrom('licenceEvents'), { ...scope, clientId: null }, { org: 'licenceEvents.orgId', client: null })
    .leftJoin('users', 'users.id', 'licenceEvents.createdBy')
    .selectAll('licenceEvents')
    .select('users.name as createdByName')
    .where('licenceEvents.licenceId', '=', licenceId)
    .orderBy('licenceEvents.date')
    .orderBy('licenceEvents.createdAt')
    .orderBy('licenceEvents.id')
    .execute();
}

export async function insertLicenceEvent(db: Db, row: Insertable<LicenceEventsTable>): Promise<void> {
  await db.insertInto('licenceEvents').values(row).execute();
}

export async function deleteLicenceEvent(db: Db, scope: Scope, target: { licenceId: string; id: string }): Promise<boolean> {
  const result = await withinScope(db.deleteFrom('licenceEvents'), { ...scope, clientId: null }, { org: 'orgId', client: null })
    .where('licenceId', '=', target.licenceId)
    .where('id', '=', target.id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Moves a licence to its next version with `changes` (an event's effect, e.g. a renewal's new expiry), whatever version
 * it is at: the UPDATE takes the row's lock, so events on one licence apply one after the other, and an editor holding
 * the version read before gets 409. False when the licence is not in scope.
 */
export async function bumpLicence(db: Db, scope: Scope, id: string, changes: Partial<Selectable<LicencesTable>>): Promise<boolean> {
  const result = await withinScope(db.updateTable('licences'), scope, { org: 'orgId', client: 'clientId' })
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An event's effect on its licence (a renewal's expiry, a cancellation's date), inside the transaction that bumped it. */
export async function setLicenceFields(db: Db, scope: Scope, id: string, changes: Partial<Pick<Selectable<LicencesTable>, 'expiresOn' | 'cancelledOn'>>): Promise<void> {
  await withinScope(db.updateTable('licences'), scope, { org: 'orgId', client: 'clientId' }).set(changes).where('id', '=', id).execute();
}
