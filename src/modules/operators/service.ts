import type { AppContext } from '../../app-context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import * as repo from './repository.ts';

/** Names one user by email, and by organisation when the email exists in several. */
export interface OperatorTarget {
  email: string;
  orgId?: string;
}

async function findTarget(ctx: AppContext, target: OperatorTarget) {
  const email = target.email.trim().toLowerCase();
  const users = (await repo.findUsersByEmail(ctx.db, email)).filter((u) => !target.orgId || u.orgId === target.orgId);
  if (users.length === 0) throw notFound({ zh: `用户 ${email}`, en: `User ${email}` });
  if (users.length > 1) {
    const choices = users.map((u) => `${u.orgId} ${u.orgName}`).join('; ');
    throw new AppError('BAD_REQUEST', { zh: `多个组织都有用户 ${email}，请用 --org 指定：${choices}`, en: `Several organisations have a user ${email}; choose one with --org (${choices})` });
  }
  return users[0];
}

/** Makes a user an instance operator (the command line only); audited in the user's organisation. */
export async function grantOperator(ctx: AppContext, target: OperatorTarget) {
  const user = await findTarget(ctx, target);
  if (user.isOperator === 1) return { ...user, changed: false };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setOperatorFlag(trx, user.id, true, ctx.clock.now());
    await recordAudit(trx, { actor: { userId: null, orgId: user.orgId }, clock: ctx.clock, action: 'user.operator-grant', entityType: 'user', entityId: user.id, summary: { zh: `设为平台运营者：${user.email}`, en: `Made ${user.email} an instance operator` } });
  });
  ctx.tokenCache.forgetAll();
  return { ...user, changed: true };
}

/** Takes the operator flag away; refused when no other operator could still sign in. */
export async function revokeOperator(ctx: AppContext, target: OperatorTarget) {
  const user = await findTarget(ctx, target);
  if (user.isOperator !== 1) return { ...user, changed: false };
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.countUsableOperators(trx, { exceptUserId: user.id })) === 0) {
      throw new AppError('CONFLICT', { zh: `${user.email} 是最后一位平台运营者，不能撤销`, en: `${user.email} is the last operator who can sign in: grant another one first` });
    }
    await repo.setOperatorFlag(trx, user.id, false, ctx.clock.now());
    await recordAudit(trx, { actor: { userId: null, orgId: user.orgId }, clock: ctx.clock, action: 'user.operator-revoke', entityType: 'user', entityId: user.id, summary: { zh: `撤销平台运营者：${user.email}`, en: `Revoked instance operator ${user.email}` } });
  });
  ctx.tokenCache.forgetAll();
  return { ...user, changed: true };
}

export async function listOperators(ctx: AppContext) {
  return repo.listOperators(ctx.db);
}
