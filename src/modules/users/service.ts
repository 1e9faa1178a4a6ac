import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { AppError, forbidden, notFound, versionConflict, type Bilingual } from '../../platform/errors/app-error.ts';
import { generatePassword, hashPassword } from '../../platform/crypto.ts';
import { scopeOf, type Actor, type Role } from '../access/actor.ts';
import { recordAudit, diffFields } from '../audit/record-audit.ts';
import { findClient } from '../clients/repository.ts';
import { endUserAccess } from '../auth/end-user-access.ts';
import * as repo from './repository.ts';
import { mapPage, type PageRequest } from '../../platform/db/list-page.ts';

const userEntity: Bilingual = { zh: '用户', en: 'User' };

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  clientId?: string | null;
  password?: string;
}

function fieldError(field: string, code: string, message: Bilingual): AppError {
  return new AppError('VALIDATION_FAILED', { zh: `字段 ${field}：${message.zh}`, en: `Field ${field}: ${message.en}` }, [{ field, code, message }]);
}

/** Only an owner may grant or take away ownership. */
function assertMayAssignRole(actor: Pick<Actor, 'role'>, role: Role) {
  if (role === 'owner' && actor.role !== 'owner') throw forbidden();
}

async function resolveClientLink(ctx: AppContext, actor: Actor, role: Role, clientId: string | null | undefined) {
  if (role !== 'client') return null;
  if (!clientId) throw fieldError('clientId', 'REQUIRED_FOR_CLIENT_ROLE', { zh: '客户角色必须关联一个客户企业', en: 'A client user must be linked to a client company' });
  const client = await findClient(ctx.db, scopeOf(actor), clientId);
  if (!client) throw fieldError('clientId', 'NOT_FOUND', { zh: '所选客户企业不存在', en: 'That client company does not exist' });
  return clientId;
}

/** A new, active user row (not an operator, version 1), its password hashed; shared by every path that creates a user. */
export async function newUserRow(input: { orgId: string; email: string; name: string; role: Role; clientId: string | null; password: string; now: string }): Promise<repo.UserRow> {
  return {
    id: randomUUID(),
    orgId: input.orgId,
    email: input.email.trim().toLowerCase(),
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    clientId: input.clientId,
    isActive: 1,
    isOperator: 0,
    version: 1,
    createdAt: input.now,
    updatedAt: input.now,
    lastLoginAt: null,
  };
}

/**
 * Creates a user in the actor's organisation; with no password given, one is generated and returned once. An email is
 * unique within the organisation (the database says so, and the one duplicate mapping answers 409 naming `email`); the
 * same email in another organisation is a separate account, so the answer reveals nothing about other tenants.
 */
export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserInput) {
  assertMayAssignRole(actor, input.role);
  const email = input.email.trim().toLowerCase();
  const clientId = await resolveClientLink(ctx, actor, input.role, input.clientId);
  const initialPassword = input.password ? undefined : generatePassword();
  const now = ctx.clock.now();
  const row = await newUserRow({ orgId: actor.orgId, email, name: input.name, role: input.role, clientId, password: input.password ?? initialPassword!, now });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertUser(trx, row);
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'user.create', entityType: 'user', entityId: row.id, summary: { zh: `新建用户 ${email}（${input.role}）`, en: `Created user ${email} (${input.role})` } });
  });
  return { user: repo.toUser(row), initialPassword };
}

export async function listUsers(ctx: AppContext, actor: Actor, request: PageRequest) {
  return mapPage(await repo.listUsers(ctx.db, scopeOf(actor), request), repo.toUser);
}

/** The audit action of a user change: (re)activation is named, other edits are updates. */
function userAction(changes: Partial<repo.UserRow>): string {
  if (changes.isActive === 0) return 'user.deactivate';
  if (changes.isActive === 1) return 'user.reactivate';
  return 'user.update';
}

export interface UpdateUserInput {
  /** The version the caller read: a stale one is refused with VERSION_CONFLICT and changes nothing. */
  version: number;
  name?: string;
  role?: Role;
  clientId?: string | null;
  isActive?: boolean;
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: UpdateUserInput) {
  const scope = scopeOf(actor);
  const before = await repo.findUser(ctx.db, scope, id);
  if (!before) throw notFound(userEntity);
  if (Number(before.version) !== input.version) throw versionConflict(userEntity, Number(before.version));
  if (input.role) assertMayAssignRole(actor, input.role);
  if (before.role === 'owner' && actor.role !== 'owner') throw forbidden();
  const role = input.role ?? before.role;
  const changes: Partial<repo.UserRow> = {};
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.role !== undefined) changes.role = input.role;
  if (input.isActive !== undefined) changes.isActive = input.isActive ? 1 : 0;
  if (input.role !== undefined || input.clientId !== undefined) changes.clientId = await resolveClientLink(ctx, actor, role, input.clientId ?? before.clientId);
  const losesOwner = before.role === 'owner' && before.isActive === 1 && (changes.role !== undefined && changes.role !== 'owner' || changes.isActive === 0);
  if (losesOwner && (await repo.countActiveOwners(ctx.db, scope)) <= 1) {
    throw new AppError('CONFLICT', { zh: '组织至少需要一位启用的所有者', en: 'The organisation needs at least one active owner' });
  }
  const diff = diffFields(before as unknown as Record<string, unknown>, changes as Record<string, unknown>);
  if (Object.keys(diff).length === 0) return repo.toUser(before);
  changes.updatedAt = ctx.clock.now();
  const endsAccess = (diff.isActive !== undefined && changes.isActive === 0) || diff.role !== undefined;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateUser(trx, { scope, id, changes, expectedVersion: input.version }))) {
      const current = await repo.findUser(trx, scope, id);
      throw versionConflict(userEntity, Number(current?.version ?? before.version));
    }
    await recordAudit(trx, { actor, clock: ctx.clock, action: userAction(changes), entityType: 'user', entityId: id, summary: { zh: `修改用户 ${before.email}：${Object.keys(diff).join('、')}`, en: `Updated user ${before.email}: ${Object.keys(diff).join(', ')}` }, changes: diff });
    if (changes.role === 'client' && before.role !== 'client') {
      // A client user sees one company: what they were assigned or told of as staff is no longer theirs.
      await trx.updateTable('obligations').set({ assigneeId: null }).where('orgId', '=', actor.orgId).where('assigneeId', '=', id).execute();
      await trx.deleteFrom('notifications').where('orgId', '=', actor.orgId).where('userId', '=', id).execute();
    }
    if (endsAccess) {
      const reason = changes.isActive === 0 ? { zh: '停用用户', en: 'User deactivated' } : { zh: '角色变更', en: 'Role changed' };
      await endUserAccess(trx, { actor, clock: ctx.clock, user: before, reason });
    }
  });
  // A cached API token carries the user's role, name and state: none may outlive this change.
  ctx.tokenCache.forgetAll();
  return repo.toUser({ ...before, ...changes, version: Number(before.version) + 1 });
}

/** Sets a new generated password, ends the user's sessions and revokes their API tokens, and returns the password once. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: string) {
  const scope = scopeOf(actor);
  const user = await repo.findUser(ctx.db, scope, id);
  if (!user) throw notFound(userEntity);
  if (user.role === 'owner' && actor.role !== 'owner') throw forbidden();
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, { scope, id, changes: { passwordHash, updatedAt: ctx.clock.now() } });
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'user.reset-password', entityType: 'user', entityId: id, summary: { zh: `重置 ${user.email} 的密码`, en: `Reset password for ${user.email}` } });
    await endUserAccess(trx, { actor, clock: ctx.clock, user, reason: { zh: '重置密码', en: 'Password reset' } });
  });
  ctx.tokenCache.forgetAll();
  return { password };
}
