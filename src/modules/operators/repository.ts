import type { Db } from '../../platform/db/database.ts';

/** Users with this sign-in email, in any organisation (an email may be unique per organisation only). */
export async function findUsersByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.orgId')
    .select(['users.id', 'users.orgId', 'users.email', 'users.name', 'users.role', 'users.isActive', 'users.isOperator', 'organisations.name as orgName'])
    .where('users.email', '=', email)
    .orderBy('users.createdAt')
    .execute();
}

export async function setOperatorFlag(db: Db, userId: string, isOperator: boolean, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ isOperator: isOperator ? 1 : 0, updatedAt: at, version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

/** Operators who can sign in (active, in an active organisation), leaving out one user or one organisation. */
export async function countUsableOperators(db: Db, options: { exceptUserId?: string; exceptOrgId?: string } = {}): Promise<number> {
  let query = db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.orgId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('users.isOperator', '=', 1)
    .where('users.isActive', '=', 1)
    .where('organisations.isActive', '=', 1);
  if (options.exceptUserId) query = query.where('users.id', '<>', options.exceptUserId);
  if (options.exceptOrgId) query = query.where('users.orgId', '<>', options.exceptOrgId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listOperators(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.orgId')
    .select(['users.id', 'users.email', 'users.name', 'users.isActive', 'users.orgId', 'organisations.name as orgName', 'organisations.isActive as orgIsActive'])
    .where('users.isOperator', '=', 1)
    .orderBy('users.createdAt')
    .execute();
}
