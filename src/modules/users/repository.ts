import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { UsersTable } from '../../platform/db/schema.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';

export type UserRow = Selectable<UsersTable>;

export function toUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    clientId: row.clientId,
    isActive: Number(row.isActive) === 1,
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
  };
}

const scoped = (db: Db, scope: Scope) => withinScope(db.selectFrom('users'), scope, { org: 'orgId', client: null });

export async function listUsers(db: Db, scope: Scope) {
  return scoped(db, scope).selectAll().orderBy('createdAt').orderBy('email').execute();
}

export async function findUser(db: Db, scope: Scope, id: string) {
  return scoped(db, scope).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, row: UserRow) {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, scope: Scope, id: string, changes: Partial<UserRow>) {
  await withinScope(db.updateTable('users'), scope, { org: 'orgId', client: null }).set(changes).where('id', '=', id).execute();
}

export async function countActiveOwners(db: Db, scope: Scope): Promise<number> {
  const row = await scoped(db, scope).where('role', '=', 'owner').where('isActive', '=', 1).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Finds a user by email across organisations: emails are unique, and sign-in comes before any organisation is known. */
export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}
