import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

const actorColumns = ['users.id as userId', 'users.orgId', 'users.role', 'users.clientId', 'users.email', 'users.name', 'users.isActive', 'users.isOperator'] as const;

/** A signed-in identity counts only for an active user of an active organisation (an operator may deactivate one). */
const usable = <Q extends { where: (...args: any[]) => any }>(query: Q): Q => query.where('users.isActive', '=', 1).where('organisations.isActive', '=', 1);

/** Sign-in candidates for an email: active users of active organisations, most recently signed in first. */
export async function findSignInCandidates(db: Db, email: string, limit: number) {
  return usable(db.selectFrom('users').innerJoin('organisations', 'organisations.id', 'users.orgId'))
    .select([...actorColumns, 'users.passwordHash'])
    .where('users.email', '=', email)
    .orderBy(sql`coalesce(${sql.ref('users.lastLoginAt')}, '')`, 'desc')
    .orderBy('users.createdAt', 'desc')
    .orderBy('users.id')
    .limit(limit)
    .execute();
}

export async function insertSession(db: Db, session: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string }) {
  await db.insertInto('sessions').values(session).execute();
}

/** Ends a user's oldest sessions beyond `keep` (the one just created always stays). */
export async function capUserSessions(db: Db, input: { userId: string; newestId: string; keep: number }) {
  const kept = db
    .selectFrom('sessions')
    .select('id')
    .where('userId', '=', input.userId)
    .where('id', '<>', input.newestId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(input.keep - 1);
  await db.deleteFrom('sessions').where('userId', '=', input.userId).where('id', '<>', input.newestId).where('id', 'not in', kept).execute();
}

export async function findSessionActor(db: Db, sessionId: string) {
  return usable(db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.userId').innerJoin('organisations', 'organisations.id', 'users.orgId'))
    .select([...actorColumns, 'sessions.csrfToken', 'sessions.expiresAt'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user; returns how many there were. */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, input: { now: string }): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expiresAt', '<=', input.now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findTokenActor(db: Db, secretHash: string) {
  return usable(db.selectFrom('apiTokens').innerJoin('users', 'users.id', 'apiTokens.userId').innerJoin('organisations', 'organisations.id', 'users.orgId'))
    .select([...actorColumns, 'apiTokens.id as tokenId', 'apiTokens.revokedAt', 'apiTokens.lastUsedAt'])
    .where('apiTokens.secretHash', '=', secretHash)
    .executeTakeFirst();
}

export async function touchToken(db: Db, tokenId: string, at: string) {
  await db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', tokenId).execute();
}

export async function touchLogin(db: Db, userId: string, at: string) {
  await db.updateTable('users').set({ lastLoginAt: at }).where('id', '=', userId).execute();
}
