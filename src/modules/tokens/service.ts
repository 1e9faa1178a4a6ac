import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { randomSecret, sha256 } from '../../platform/crypto.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import * as repo from './repository.ts';
import { mapPage, type PageRequest } from '../../platform/db/list-page.ts';

const tokenEntity = { zh: 'API 令牌', en: 'API token' };

/** Creates a personal API token; the secret is returned once and stored only as its hash. */
export async function createToken(ctx: AppContext, actor: Actor, input: { name: string }) {
  const secret = randomSecret(32, 'ldt_');
  const row: repo.TokenRow = {
    id: randomUUID(),
    orgId: actor.orgId,
    userId: actor.userId,
    name: input.name.trim(),
    secretHash: sha256(secret),
    createdAt: ctx.clock.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertToken(trx, row);
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'token.create', entityType: 'api-token', entityId: row.id, summary: { zh: `创建 API 令牌「${row.name}」`, en: `Created API token "${row.name}"` } });
  });
  return { token: repo.toToken(row), secret };
}

export async function listTokens(ctx: AppContext, actor: Actor, request: PageRequest) {
  return mapPage(await repo.listTokens(ctx.db, actor, request), repo.toToken);
}

export async function revokeToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const token = await repo.findToken(ctx.db, actor, id);
  if (!token) throw notFound(tokenEntity);
  if (token.revokedAt) return;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.revokeToken(trx, id, ctx.clock.now());
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'token.revoke', entityType: 'api-token', entityId: id, summary: { zh: `撤销 API 令牌「${token.name}」`, en: `Revoked API token "${token.name}"` } });
  });
  ctx.tokenCache.forgetAll();
}
