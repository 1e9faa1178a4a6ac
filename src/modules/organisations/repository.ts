import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { OrganisationsTable } from '../../platform/db/schema.ts';
import { isArchived } from '../clients/repository.ts';

export type OrganisationRow = Selectable<OrganisationsTable>;

export async function findOrganisation(db: Db, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganisation(db: Db, org: { id: string; name: string; kind: 'agency' | 'company'; isDemo: number; isActive?: number; createdAt: string }) {
  await db.insertInto('organisations').values(org).execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every organisation's id: instance-wide changes (the official calendar) are audited in each. */
export async function listOrganisationIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('organisations').select('id').orderBy('createdAt').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Every organisation with how many users and (not archived) client companies it has; instance-wide, for operators. */
export async function listOrganisationsWithCounts(db: Db, options: { id?: string } = {}) {
  let query = db
    .selectFrom('organisations as o')
    .selectAll('o')
    .select((eb) => [
      eb.selectFrom('users').select((u) => u.fn.countAll<number>().as('n')).whereRef('users.orgId', '=', 'o.id').as('userCount'),
      eb.selectFrom('clients').select((c) => c.fn.countAll<number>().as('n')).whereRef('clients.orgId', '=', 'o.id').where(isArchived(false)).as('clientCount'),
    ])
    .orderBy('o.createdAt')
    .orderBy('o.id');
  if (options.id) query = query.where('o.id', '=', options.id);
  return query.execute();
}

export async function setOrganisationActive(db: Db, id: string, isActive: boolean): Promise<void> {
  await db.updateTable('organisations').set({ isActive: isActive ? 1 : 0 }).where('id', '=', id).execute();
}

/** Ends every session of an organisation's users (on deactivation: nobody stays signed in). */
export async function deleteOrganisationSessions(db: Db, orgId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', 'in', db.selectFrom('users').select('id').where('orgId', '=', orgId)).execute();
}
