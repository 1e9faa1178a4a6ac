import type { Db } from '../../platform/db/database.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import { scopedClients } from '../clients/repository.ts';

/** The credit codes of these client companies (those in scope), by id: the holder's code beside a licence. */
export async function findClientCodes(db: Db, scope: Scope, clientIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(clientIds)];
  if (ids.length === 0) return new Map();
  const rows = await scopedClients(db, scope).select(['clients.id', 'clients.uscc']).where('clients.id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.uscc]));
}

/** The years whose annual report each of these licences (those in scope) has filed, ascending, by licence id. */
export async function listFiledReportYears(db: Db, scope: Scope, licenceIds: readonly string[]): Promise<Map<string, number[]>> {
  const years = new Map<string, number[]>();
  if (licenceIds.length === 0) return years;
  const rows = await withinScope(db.selectFrom('licenceEvents').innerJoin('licences', 'licences.id', 'licenceEvents.licenceId'), scope, { org: 'licences.orgId', client: 'licences.clientId' })
    .select(['licenceEvents.licenceId', 'licenceEvents.details'])
    .where('licenceEvents.licenceId', 'in', [...new Set(licenceIds)])
    .where('licenceEvents.kind', '=', 'annual-report-filed')
    .execute();
  for (const row of rows) {
    const year = readYear(row.details);
    if (year === null) continue;
    const list = years.get(row.licenceId) ?? [];
    if (!list.includes(year)) list.push(year);
    years.set(row.licenceId, list);
  }
  for (const list of years.values()) list.sort((a, b) => a - b);
  return years;
}

function readYear(details: string): number | null {
  try {
    const year = (JSON.parse(details) as { year?: unknown }).year;
    return Number.isInteger(year) ? (year as number) : null;
  } catch {
    return null;
  }
}

/** The names of these users of the organisation, by id (an application's assignee). */
export async function findUserNames(db: Db, scope: Scope, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await withinScope(db.selectFrom('users'), { ...scope, clientId: null }, { org: 'users.orgId', client: null }).select(['users.id', 'users.name']).where('users.id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
