import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ApiTokensTable } from '../../platform/db/schema.ts';
import { listPage, type ListOrder, type Page, type PageRequest } from '../../platform/db/list-page.ts';

export type TokenRow = Selectable<ApiTokensTable>;

export const toToken = (row: TokenRow) => ({ id: row.id, name: row.name, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt });

/** Tokens are personal: a user sees and revokes only their own. */
const own = (db: Db, owner: { orgId: string; userId: string }) =>
  db.selectFrom('apiTokens').where('apiTokens.orgId', '=', owner.orgId).where('apiTokens.userId', '=', owner.userId);

/** Newest first, by (created_at, id) descending: the index (user_id, created_at, id) gives this order. */
const tokenOrder: ListOrder<TokenRow> = {
  direction: 'desc',
  keys: [
    { ref: 'apiTokens.createdAt', kind: 'string', read: (row) => row.createdAt },
    { ref: 'apiTokens.id', kind: 'string', read: (row) => row.id },
  ],
};

export async function listTokens(db: Db, owner: { orgId: string; userId: string }, request: PageRequest): Promise<Page<TokenRow>> {
  return listPage(db, { query: own(db, owner), select: (q) => q.selectAll('apiTokens'), order: tokenOrder, request });
}

export async function findToken(db: Db, owner: { orgId: string; userId: string }, id: string) {
  return own(db, owner).selectAll().where('apiTokens.id', '=', id).executeTakeFirst();
}

export async function insertToken(db: Db, row: TokenRow) {
  await db.insertInto('apiTokens').values(row).execute();
}

export async function revokeToken(db: Db, id: string, at: string) {
  await db.updateTable('apiTokens').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).execute();
}

/** Revokes every live token of a user; returns how many. */
export async function revokeUserTokens(db: Db, input: { userId: string; at: string }): Promise<number> {
  const result = await db.updateTable('apiTokens').set({ revokedAt: input.at }).where('userId', '=', input.userId).where('revokedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes every live token of an organisation (it was deactivated: reactivating it must not revive them); returns how many. */
export async function revokeOrganisationTokens(db: Db, input: { orgId: string; at: string }): Promise<number> {
  const result = await db.updateTable('apiTokens').set({ revokedAt: input.at }).where('orgId', '=', input.orgId).where('revokedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
