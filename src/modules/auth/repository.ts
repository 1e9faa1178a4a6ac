import type { Db } from '../../platform/db/database.ts';

const actorColumns = ['users.id as userId', 'users.orgId', 'users.role', 'users.clientId', 'users.email', 'users.name', 'users.isActive'] as const;

export async function insertSession(db: Db, session: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string }) {
  await db.insertInto('sessions').values(session).execute();
}

export async function findSessionActor(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([...actorColumns, 'sessions.csrfToken', 'sessions.expiresAt'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string) {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: string) {
  await db.deleteFrom('sessions').where('expiresAt', '<=', now).execute();
}

export async function findTokenActor(db: Db, secretHash: string) {
  return db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
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
