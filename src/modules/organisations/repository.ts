import type { Db } from '../../platform/db/database.ts';

export async function findOrganisation(db: Db, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganisation(db: Db, org: { id: string; name: string; kind: 'agency' | 'company'; isDemo: number; createdAt: string }) {
  await db.insertInto('organisations').values(org).execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
