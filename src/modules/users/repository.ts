import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { UsersTable } from '../../platform/db/schema.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import { listPage, type ListOrder, type Page, type PageRequest } from '../../platform/db/list-page.ts';

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
    version: Number(row.version),
  };
}

const scoped = (db: Db, scope: Scope) => withinScope(db.selectFrom('users'), scope, { org: 'orgId', client: null });

/** Oldest first, by (created_at, email, id): the index (org_id, created_at, email, id) gives this order. */
const userOrder: ListOrder<UserRow> = {
  direction: 'asc',
  keys: [
    { ref: 'users.createdAt', kind: 'string', read: (row) => row.createdAt },
    { ref: 'users.email', kind: 'string', read: (row) => row.email },
    { ref: 'users.id', kind: 'string', read: (row) => row.id },
  ],
};

export async function listUsers(db: Db, scope: Scope, request: PageRequest): Promise<Page<UserRow>> {
  return listPage(db, { query: scoped(db, scope), select: (q) => q.selectAll('users'), order: userOrder, request });
}

export async function findUser(db: Db, scope: Scope, id: string) {
  return scoped(db, scope).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, row: UserRow) {
  await db.insertInto('users').values(row).execute();
}

/**
 * Applies changes and bumps the version. With `expectedVersion`, the compare is in the UPDATE's WHERE, so of two racing
 * writers that read the same version only one can win; returns whether a row was changed.
 */
export async function updateUser(db: Db, input: { scope: Scope; id: string; changes: Partial<UserRow>; expectedVersion?: number }): Promise<boolean> {
  let query = withinScope(db.updateTable('users'), input.scope, { org: 'orgId', client: null })
    .set((eb) => ({ ...input.changes, version: eb('version', '+', 1) }))
    .where('id', '=', input.id);
  if (input.expectedVersion !== undefined) query = query.where('version', '=', input.expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countActiveOwners(db: Db, scope: Scope): Promise<number> {
  const row = await scoped(db, scope).where('role', '=', 'owner').where('isActive', '=', 1).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Users with this email in any organisation (emails are unique per organisation only), oldest first. */
export async function findUsersByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).orderBy('createdAt').orderBy('id').execute();
}
