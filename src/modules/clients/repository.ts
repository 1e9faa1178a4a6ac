import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ClientsTable } from '../../platform/db/schema.ts';
import { toSearchColumns } from '../../platform/db/search-grams.ts';
import { compactOrgCounters } from '../../platform/db/org-counters.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import type { Client } from './schemas.ts';

/** A stored client company, without its derived search columns (the repository keeps those). */
export type ClientRow = Omit<Selectable<ClientsTable>, 'searchText' | 'searchGrams'>;

/** Every column of a ClientRow, so lists never read the search columns. */
export const clientColumns = [
  'clients.id',
  'clients.orgId',
  'clients.name',
  'clients.uscc',
  'clients.usccOverride',
  'clients.legalRepresentative',
  'clients.registeredCapital',
  'clients.businessScope',
  'clients.province',
  'clients.address',
  'clients.contactName',
  'clients.contactPhone',
  'clients.contactEmail',
  'clients.foreignShareBp',
  'clients.notes',
  'clients.archivedAt',
  'clients.version',
  'clients.createdAt',
  'clients.updatedAt',
] as const;

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

/**
 * Whether a client is archived, written exactly as the list indexes (org_id, (CASE … END), …) name it (migration
 * 0008), so both databases use them for the active and the archived lists alike.
 */
export const isArchived = (archived: boolean) => sql<boolean>`(case when ${sql.ref('clients.archivedAt')} is null then 0 else 1 end) = ${sql.raw(archived ? '1' : '0')}`;

export const scopedClients = (db: Db, scope: Scope) => withinScope(db.selectFrom('clients'), scope, { org: 'clients.orgId', client: 'clients.id' });

export async function findClient(db: Db, scope: Scope, id: string): Promise<ClientRow | undefined> {
  return scopedClients(db, scope).select(clientColumns).where('clients.id', '=', id).executeTakeFirst();
}

export async function findClientByUscc(db: Db, scope: Scope, uscc: string): Promise<ClientRow | undefined> {
  return scopedClients(db, { ...scope, clientId: null }).select(clientColumns).where('clients.uscc', '=', uscc).executeTakeFirst();
}

const withSearchColumns = (row: ClientRow) => ({ ...row, ...toSearchColumns(row.name) });

export async function insertClient(db: Db, row: ClientRow): Promise<void> {
  await db.insertInto('clients').values(withSearchColumns(row)).execute();
}

// 500 rows × 21 columns stays under both databases' bound-parameter limits.
const bulkChunk = 500;

/**
 * Inserts many client companies at once (imports, benchmarks), search columns included; in one transaction unless
 * `db` already is one. Rows are trusted: no check, no audit.
 */
export async function insertClientsBulk(db: Db, rows: ClientRow[]): Promise<void> {
  const insert = async (trx: Db) => {
    for (let i = 0; i < rows.length; i += bulkChunk) await trx.insertInto('clients').values(rows.slice(i, i + bulkChunk).map(withSearchColumns)).execute();
    // A row's worth of counter changes each: folded in at once, so the next count reads no backlog.
    await compactOrgCounters(trx);
  };
  if (db.isTransaction) await insert(db);
  else await db.transaction().execute(insert);
}

/** Applies `changes` only if the row still has `version`; false when someone else changed it first. */
export async function updateClient(db: Db, scope: Scope, target: { id: string; version: number }, changes: Partial<ClientRow>): Promise<boolean> {
  const result = await withinScope(db.updateTable('clients'), scope, { org: 'orgId', client: 'id' })
    .set(changes.name === undefined ? changes : { ...changes, ...toSearchColumns(changes.name) })
    .where('id', '=', target.id)
    .where('version', '=', target.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many client companies the scope holds, active and archived, exactly. */
export interface ClientCounts {
  active: number;
  archived: number;
}

/**
 * Exact counts at any size: for an organisation, its two compacted counters plus the few changes not yet folded into
 * them (migration 0009, `org-counters.ts`), read from their indexes; for a client user, their one company.
 */
export async function countClients(db: Db, scope: Scope): Promise<ClientCounts> {
  if (scope.clientId === null) {
    const names = ['clients.active', 'clients.archived'];
    const totals = withinScope(db.selectFrom('orgCounters'), scope, { org: 'orgCounters.orgId', client: null })
      .select(['orgCounters.name as name', 'orgCounters.value as value'])
      .where('orgCounters.name', 'in', names);
    const pending = withinScope(db.selectFrom('orgCounterDeltas'), scope, { org: 'orgCounterDeltas.orgId', client: null })
      .select(['orgCounterDeltas.name as name', 'orgCounterDeltas.delta as value'])
      .where('orgCounterDeltas.name', 'in', names);
    const rows = await totals.unionAll(pending).execute();
    const value = (name: string) => rows.reduce((sum, row) => sum + (row.name === name ? Number(row.value) : 0), 0);
    return { active: value('clients.active'), archived: value('clients.archived') };
  }
  const rows = await scopedClients(db, scope).select(sql<number>`case when ${sql.ref('clients.archivedAt')} is null then 0 else 1 end`.as('archived')).execute();
  return { active: rows.filter((row) => Number(row.archived) === 0).length, archived: rows.filter((row) => Number(row.archived) === 1).length };
}
