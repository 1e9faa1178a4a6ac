import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { dummyPasswordHash, randomSecret, sha256, verifyPassword } from '../../platform/crypto.ts';
import type { Actor, Role } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import * as repo from './repository.ts';
import { throttleKeys, throttleRules } from './login-throttle.ts';
import { findNextAttemptAt, forgetAttempts, refundAttempt, reserveAttempt } from './throttle-repository.ts';

export const sessionCookie = 'ld_session';

/**
 * How many accounts (one per organisation) sign-in checks for one email. Every sign-in checks the password exactly this
 * many times, so the answer takes as long whether the email has no account, one, or several.
 */
export const signInAccountsPerEmail = 3;

/** Sessions kept per user; signing in once more ends the oldest. */
export const maxSessionsPerUser = 20;

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

type ActorRow = { userId: string; orgId: string; role: string; clientId: string | null; email: string; name: string; isActive: number; isOperator: number };
type Candidate = ActorRow & { passwordHash: string };

function toActor(row: ActorRow, via: Actor['via']): Actor {
  return { userId: row.userId, orgId: row.orgId, role: row.role as Role, clientId: row.clientId, email: row.email, name: row.name, isOperator: Number(row.isOperator) === 1, via };
}

/** Reserves this attempt for the account at this address before any password work, or refuses with the wait. */
async function reserveOrRefuse(ctx: AppContext, keys: ReturnType<typeof throttleKeys>, now: string): Promise<void> {
  const key = keys.accountAddress;
  if (await reserveAttempt(ctx.db, { key, rule: throttleRules.perAccountAddress, now })) return;
  const nextAt = (await findNextAttemptAt(ctx.db, key)) ?? now;
  throw tooManyAttempts(Math.max(1, Math.ceil((Date.parse(nextAt) - Date.parse(now)) / 1000)));
}

/** The first candidate the password opens; a dummy hash stands in for each missing one, so the work is constant. */
async function findMatching(candidates: Candidate[], password: string): Promise<Candidate | null> {
  let match: Candidate | null = null;
  for (let i = 0; i < signInAccountsPerEmail; i++) {
    const candidate = candidates[i];
    const ok = await verifyPassword(candidate?.passwordHash ?? (await dummyPasswordHash()), password);
    if (ok && candidate && !match) match = candidate;
  }
  return match;
}

/**
 * Signs a user in. The attempt is reserved atomically before the password is hashed (per account and address),
 * password checks are bounded by the hashing queue, and the answer is the same whether or not the email
 * exists. An email held in several organisations signs into the account the password opens (the most recently used).
 */
export async function login(ctx: AppContext, input: { email: string; password: string; ip: string }) {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  const keys = throttleKeys({ email, ip: input.ip });
  await reserveOrRefuse(ctx, keys, now);
  const candidates = await repo.findSignInCandidates(ctx.db, email, signInAccountsPerEmail);
  const user = await ctx.hashing.run(() => findMatching(candidates, input.password)).catch(async (error: unknown) => {
    // Turned away before any password was checked (the server was busy): the attempt was not made, so it is given back.
    if (error instanceof AppError && error.code === 'SERVER_BUSY') await refundAttempt(ctx.db, { key: keys.accountAddress, rule: throttleRules.perAccountAddress, now });
    throw error;
  });
  if (!user) throw invalidCredentials();
  await forgetAttempts(ctx.db, keys.accountAddress);
  return startSession(ctx, user, now);
}

async function startSession(ctx: AppContext, user: Candidate, now: string) {
  const token = randomSecret(32);
  const id = sha256(token);
  const expiresAt = new Date(Date.parse(now) + ctx.config.sessionHours * 3600_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, { id, userId: user.userId, csrfToken: randomSecret(24), createdAt: now, expiresAt });
    await repo.capUserSessions(trx, { userId: user.userId, newestId: id, keep: maxSessionsPerUser });
    await repo.touchLogin(trx, user.userId, now);
    await recordAudit(trx, { actor: { userId: user.userId, orgId: user.orgId }, clock: ctx.clock, action: 'auth.login', entityType: 'user', entityId: user.userId, summary: { zh: `登录：${user.email}`, en: `Signed in: ${user.email}` } });
  });
  // Opportunistic: the timer sweeps too, but every sign-in leaves no expired session behind.
  await repo.deleteExpiredSessions(ctx.db, { now });
  return { token, expiresAt, actor: toActor(user, 'session') };
}

export async function logout(ctx: AppContext, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(ctx.db, sha256(token));
}

/** Resolves a session cookie to its actor and CSRF token, or null when missing, expired, deactivated or in an inactive organisation. */
export async function resolveSession(ctx: AppContext, token: string) {
  const row = await repo.findSessionActor(ctx.db, sha256(token));
  if (!row) return null;
  if (row.expiresAt <= ctx.clock.now()) {
    await repo.deleteSession(ctx.db, sha256(token));
    return null;
  }
  return { actor: toActor(row, 'session'), csrfToken: row.csrfToken };
}

/**
 * Resolves an API token (`Authorization: Bearer ldt_…`) to its actor, or null when unknown, revoked or no longer usable.
 * A resolved token is cached (`token-cache.ts`): changes on this instance forget it at once, other instances within seconds.
 */
export async function resolveApiToken(ctx: AppContext, secret: string): Promise<Actor | null> {
  const secretHash = sha256(secret);
  let entry = ctx.tokenCache.get(secretHash);
  if (!entry) {
    const generation = ctx.tokenCache.generation();
    const row = await repo.findTokenActor(ctx.db, secretHash);
    if (!row || row.revokedAt) return null;
    entry = { actor: toActor(row, 'token'), tokenId: row.tokenId, lastUsedAt: row.lastUsedAt };
    ctx.tokenCache.set(secretHash, entry, generation);
  }
  const now = ctx.clock.now();
  // Record use at most once a minute, so scripts do not write on every call.
  if (!entry.lastUsedAt || Date.parse(now) - Date.parse(entry.lastUsedAt) > 60_000) {
    entry.lastUsedAt = now;
    await repo.touchToken(ctx.db, entry.tokenId, now);
  }
  return { ...entry.actor };
}
