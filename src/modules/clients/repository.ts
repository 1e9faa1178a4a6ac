import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ClientsTable } from '../../platform/db/schema.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import type { Client } from './schemas.ts';
import { normalizeIdentifier } from '../../domain/identifiers/normalize-identifier.ts';

export type ClientRow = Selectable<ClientsTable>;

/** Converts a stored row to the API shape: flags to booleans, basis points to a percentage. */
export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    uscc: row.uscc,
    usccOverride: Number(row.usccOverride) === 1,
    legalRepresentative: row.legalRepresentative,
    registeredCapital: row.registeredCapital === null ? null : Number(row.registeredCapital),
    businessScope: row.businessScope,
    province: row.province,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    foreignSharePercent: row.foreignShareBp === null ? null : Number(row.foreignShareBp) / 100,
    notes: row.notes,
    archivedAt: row.archivedAt,
    version: Number(row.version),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const scoped = (db: Db, scope: Scope) => withinScope(db.selectFrom('clients'), scope, { org: 'clients.orgId', client: 'clients.id' });

export async function findClient(db: Db, scope: Scope, id: string): Promise<ClientRow | undefined> {
  return scoped(db, scope).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findClientByUscc(db: Db, scope: Scope, uscc: string): Promise<ClientRow | undefined> {
  return scoped(db, { ...scope, clientId: null }).selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

export interface ClientFilter {
  q?: string;
  province?: string;
  status: 'active' | 'archived' | 'all';
  page: number;
  pageSize: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listClients(db: Db, scope: Scope, filter: ClientFilter) {
  let q = scoped(db, scope);
  if (filter.status === 'active') q = q.where('archivedAt', 'is', null);
  if (filter.status === 'archived') q = q.where('archivedAt', 'is not', null);
  if (filter.province) q = q.where('province', '=', filter.province);
  const term = filter.q?.trim();
  if (term) {
    const like = `%${escapeLike(term)}%`;
    const upper = `%${escapeLike(normalizeIdentifier(term))}%`;
    // Case-insensitive on both databases, with an explicit escape so % and _ are searched literally.
    q = q.where(sql<boolean>`(lower(name) like lower(${like}) escape '\\' or uscc like ${upper} escape '\\')`);
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export async function insertClient(db: Db, row: ClientRow): Promise<void> {
  await db.insertInto('clients').values(row).execute();
}

/** Applies `changes` only if the row still has `version`; false when someone else changed it first. */
export async function updateClient(db: Db, scope: Scope, target: { id: string; version: number }, changes: Partial<ClientRow>): Promise<boolean> {
  const result = await withinScope(db.updateTable('clients'), scope, { org: 'orgId', client: 'id' })
    .set(changes)
    .where('id', '=', target.id)
    .where('version', '=', target.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
