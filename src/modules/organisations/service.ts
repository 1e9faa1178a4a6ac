import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { AppError, forbidden, notFound, type Bilingual, type FieldIssue } from '../../platform/errors/app-error.ts';
import { generatePassword } from '../../platform/crypto.ts';
import { toDuplicateError } from '../../platform/db/unique-violation.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { insertUser, toUser } from '../users/repository.ts';
import { newUserRow } from '../users/service.ts';
import { revokeOrganisationTokens } from '../tokens/repository.ts';
import { countUsableOperators } from '../operators/repository.ts';
import * as repo from './repository.ts';
import type { AdminOrganisation, OrganisationCreate } from './schemas.ts';

const organisationEntity: Bilingual = { zh: '机构', en: 'Organisation' };

function assertOperator(actor: Actor): void {
  if (!actor.isOperator) throw forbidden();
}

type CountedRow = repo.OrganisationRow & { userCount: unknown; clientCount: unknown };

function toAdminOrganisation(row: CountedRow): AdminOrganisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    isDemo: Number(row.isDemo) === 1,
    isActive: Number(row.isActive) === 1,
    createdAt: row.createdAt,
    userCount: Number(row.userCount ?? 0),
    clientCount: Number(row.clientCount ?? 0),
  };
}

/** Audits an operator's action in the organisation it concerns, and in the operator's own when that is another one. */
async function auditBoth(trx: Db, ctx: AppContext, entry: { actor: Actor; orgId: string; action: string; summary: Bilingual }) {
  const base = { clock: ctx.clock, action: entry.action, entityType: 'organisation', entityId: entry.orgId, summary: entry.summary };
  await recordAudit(trx, { ...base, actor: { userId: entry.actor.userId, orgId: entry.orgId } });
  if (entry.actor.orgId && entry.actor.orgId !== entry.orgId) await recordAudit(trx, { ...base, actor: entry.actor });
}

/** Every organisation of the instance, with user and client counts (operators only). */
export async function listOrganisations(ctx: AppContext, actor: Actor): Promise<AdminOrganisation[]> {
  assertOperator(actor);
  return (await repo.listOrganisationsWithCounts(ctx.db)).map(toAdminOrganisation);
}

async function getOrganisation(ctx: AppContext, id: string): Promise<AdminOrganisation> {
  const [row] = await repo.listOrganisationsWithCounts(ctx.db, { id });
  if (!row) throw notFound(organisationEntity);
  return toAdminOrganisation(row);
}

/**
 * Creates an organisation with its first owner, in one transaction (operators only). With no password given, one is
 * generated and returned once as `initialPassword`; no invitation is sent.
 */
export async function createOrganisation(ctx: AppContext, actor: Actor, input: OrganisationCreate) {
  assertOperator(actor);
  const initialPassword = input.owner.password ? undefined : generatePassword();
  const now = ctx.clock.now();
  const org = { id: randomUUID(), name: input.name.trim(), kind: input.kind, isDemo: 0, isActive: 1, createdAt: now };
  const owner = await newUserRow({ orgId: org.id, email: input.owner.email, name: input.owner.name, role: 'owner', clientId: null, password: input.owner.password ?? initialPassword!, now });
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertOrganisation(trx, org);
      await insertUser(trx, owner);
      await auditBoth(trx, ctx, { actor, orgId: org.id, action: 'organisation.create', summary: { zh: `新建机构「${org.name}」，所有者 ${owner.email}`, en: `Created organisation "${org.name}" with owner ${owner.email}` } });
      await recordAudit(trx, { actor: { userId: actor.userId, orgId: org.id }, clock: ctx.clock, action: 'user.create', entityType: 'user', entityId: owner.id, summary: { zh: `新建用户 ${owner.email}（owner）`, en: `Created user ${owner.email} (owner)` } });
    });
  } catch (error) {
    // A new organisation has no users to clash with; should a constraint still refuse, nothing was written.
    const duplicate = toDuplicateError(error);
    if (!duplicate) throw error;
    const issues = (duplicate.details as FieldIssue[]).map((issue) => ({ ...issue, field: `owner.${issue.field}` }));
    throw new AppError(duplicate.code, duplicate.messages, issues);
  }
  return { organisation: await getOrganisation(ctx, org.id), owner: toUser(owner), initialPassword };
}

/**
 * Deactivates (its users can no longer sign in; nothing is deleted) or reactivates an organisation (operators only).
 * An operator cannot deactivate their own organisation, nor the one holding the last operator who can sign in.
 */
export async function setOrganisationActive(ctx: AppContext, actor: Actor, input: { id: string; active: boolean }): Promise<AdminOrganisation> {
  assertOperator(actor);
  const org = await repo.findOrganisation(ctx.db, input.id);
  if (!org) throw notFound(organisationEntity);
  if (Number(org.isActive) === 1 === input.active) return getOrganisation(ctx, org.id);
  if (!input.active && org.id === actor.orgId) {
    throw new AppError('CONFLICT', { zh: '不能停用自己所在的机构', en: 'You cannot deactivate your own organisation' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!input.active && (await countUsableOperators(trx, { exceptOrgId: org.id })) === 0 && (await countUsableOperators(trx)) > 0) {
      throw new AppError('CONFLICT', { zh: '停用后将没有可以登录的平台运营者', en: 'Deactivating it would leave no operator who can sign in' });
    }
    await repo.setOrganisationActive(trx, org.id, input.active);
    // Sessions and API tokens are credentials, not data: they end here, so reactivating revives none of them.
    const revoked = input.active ? 0 : await revokeOrganisationTokens(trx, { orgId: org.id, at: ctx.clock.now() });
    if (!input.active) await repo.deleteOrganisationSessions(trx, org.id);
    const summary = input.active
      ? { zh: `重新启用机构「${org.name}」`, en: `Reactivated organisation "${org.name}"` }
      : { zh: `停用机构「${org.name}」，其用户无法登录，${revoked} 个 API 令牌已撤销`, en: `Deactivated organisation "${org.name}": its users cannot sign in; ${revoked} API token(s) revoked` };
    await auditBoth(trx, ctx, { actor, orgId: org.id, action: input.active ? 'organisation.reactivate' : 'organisation.deactivate', summary });
  });
  ctx.tokenCache.forgetAll();
  return getOrganisation(ctx, org.id);
}
