import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { dummyPasswordHash, randomSecret, sha256, verifyPassword } from '../../platform/crypto.ts';
import type { Actor, Role } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import * as repo from './repository.ts';
import { findUserByEmail } from '../users/repository.ts';

export const sessionCookie = 'ld_session';

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', { zh: '邮箱或密码不正确', en: 'Email or password is incorrect' });

function tooManyAttempts(seconds: number): AppError {
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    'TOO_MANY_ATTEMPTS',
    { zh: `登录失败次数过多，请在 ${minutes} 分钟后重试`, en: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}` },
    { retryAfterSeconds: seconds },
  );
}

type ActorRow = { userId: string; orgId: string; role: string; clientId: string | null; email: string; name: string; isActive: number };

function toActor(row: ActorRow, via: Actor['via']): Actor {
  return { userId: row.userId, orgId: row.orgId, role: row.role as Role, clientId: row.clientId, email: row.email, name: row.name, via };
}

/** Signs a user in: throttled per account and per IP, constant work whether or not the account exists. */
export async function login(ctx: AppContext, input: { email: string; password: string; ip: string }) {
  const email = input.email.trim().toLowerCase();
  const keys = { email, ip: input.ip };
  const wait = ctx.throttle.retryAfter(keys);
  if (wait > 0) throw tooManyAttempts(wait);
  const user = await findUserByEmail(ctx.db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || !user.isActive) {
    ctx.throttle.recordFailure(keys);
    const after = ctx.throttle.retryAfter(keys);
    if (after > 0) throw tooManyAttempts(after);
    throw invalidCredentials();
  }
  ctx.throttle.recordSuccess(keys);
  const token = randomSecret(32);
  const now = ctx.clock.now();
  const expiresAt = new Date(Date.parse(now) + ctx.config.sessionHours * 3600_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, { id: sha256(token), userId: user.id, csrfToken: randomSecret(24), createdAt: now, expiresAt });
    await repo.touchLogin(trx, user.id, now);
    await recordAudit(trx, { actor: { userId: user.id, orgId: user.orgId }, clock: ctx.clock, action: 'auth.login', entityType: 'user', entityId: user.id, summary: { zh: `登录：${user.email}`, en: `Signed in: ${user.email}` } });
  });
  return { token, expiresAt, actor: toActor({ ...user, userId: user.id }, 'session') };
}

export async function logout(ctx: AppContext, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(ctx.db, sha256(token));
}

/** Resolves a session cookie to its actor and CSRF token, or null when missing, expired or deactivated. */
export async function resolveSession(ctx: AppContext, token: string) {
  const row = await repo.findSessionActor(ctx.db, sha256(token));
  if (!row || !row.isActive) return null;
  if (row.expiresAt <= ctx.clock.now()) {
    await repo.deleteSession(ctx.db, sha256(token));
    return null;
  }
  return { actor: toActor(row, 'session'), csrfToken: row.csrfToken };
}

/** Resolves an API token (`Authorization: Bearer ldt_…`) to its actor, or null when unknown or revoked. */
export async function resolveApiToken(ctx: AppContext, secret: string): Promise<Actor | null> {
  const row = await repo.findTokenActor(ctx.db, sha256(secret));
  if (!row || row.revokedAt || !row.isActive) return null;
  const now = ctx.clock.now();
  // Record use at most once a minute, so scripts do not write on every call.
  if (!row.lastUsedAt || Date.parse(now) - Date.parse(row.lastUsedAt) > 60_000) await repo.touchToken(ctx.db, row.tokenId, now);
  return toActor(row, 'token');
}
