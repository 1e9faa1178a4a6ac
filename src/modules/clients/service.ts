import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { AppError, notFound, type Bilingual } from '../../platform/errors/app-error.ts';
import { validateUscc } from '../../domain/identifiers/validate-uscc.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { recordAudit, diffFields } from '../audit/record-audit.ts';
import * as repo from './repository.ts';
import type { ClientCreate, ClientListQuery, ClientPatch, Client } from './schemas.ts';

const clientEntity: Bilingual = { zh: '客户', en: 'Client company' };
const usccAlphabet = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/;

/** Checks a credit code: malformed codes are refused outright; a failed check digit may be overridden. */
function checkUscc(raw: string, override: boolean | undefined): { uscc: string; overridden: boolean; reason: Bilingual | null } {
  const uscc = raw.trim().toUpperCase();
  const result = validateUscc(uscc);
  if (result.valid) return { uscc, overridden: false, reason: null };
  const reason = { zh: result.reason.zh, en: result.reason.en };
  if (!usccAlphabet.test(uscc)) {
    throw new AppError('VALIDATION_FAILED', { zh: `统一社会信用代码无效：${reason.zh}`, en: `Invalid credit code: ${reason.en}` }, [
      { field: 'uscc', code: 'USCC_MALFORMED', message: reason },
    ]);
  }
  if (!override) {
    throw new AppError(
      'USCC_CHECK_FAILED',
      { zh: `统一社会信用代码未通过 GB 32100 校验：${reason.zh}。如确认无误，可勾选"仍然保存"`, en: `The credit code fails the GB 32100 check: ${reason.en}. If you are sure it is right, tick the override.` },
      [{ field: 'uscc', code: 'USCC_CHECK_FAILED', message: reason }],
    );
  }
  return { uscc, overridden: true, reason };
}

async function assertUniqueUscc(ctx: AppContext, actor: Actor, uscc: string, exceptId?: string) {
  const existing = await repo.findClientByUscc(ctx.db, scopeOf(actor), uscc);
  if (existing && existing.id !== exceptId) {
    throw new AppError('CLIENT_DUPLICATE_USCC', { zh: `已有客户使用该信用代码：${existing.name}`, en: `Another client already has this credit code: ${existing.name}` }, [
      { field: 'uscc', code: 'CLIENT_DUPLICATE_USCC', message: { zh: `已被「${existing.name}」使用`, en: `already used by "${existing.name}"` } },
    ]);
  }
}

const toBp = (percent: number | null | undefined) => (percent === null || percent === undefined ? percent : Math.round(percent * 100));

export async function createClient(ctx: AppContext, actor: Actor, input: ClientCreate): Promise<Client> {
  const checked = checkUscc(input.uscc, input.usccOverride);
  await assertUniqueUscc(ctx, actor, checked.uscc);
  const now = ctx.clock.now();
  const row: repo.ClientRow = {
    id: randomUUID(),
    orgId: actor.orgId,
    name: input.name.trim(),
    uscc: checked.uscc,
    usccOverride: checked.overridden ? 1 : 0,
    legalRepresentative: input.legalRepresentative ?? '',
    registeredCapital: input.registeredCapital ?? null,
    businessScope: input.businessScope ?? '',
    province: input.province ?? null,
    address: input.address ?? '',
    contactName: input.contactName ?? '',
    contactPhone: input.contactPhone ?? '',
    contactEmail: input.contactEmail ?? '',
    foreignShareBp: toBp(input.foreignSharePercent) ?? null,
    notes: input.notes ?? '',
    archivedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertClient(trx, row);
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'client.create', entityType: 'client', entityId: row.id, summary: { zh: `新建客户：${row.name}（${row.uscc}）`, en: `Created client: ${row.name} (${row.uscc})` } });
    if (checked.overridden) await auditOverride(trx, { ctx, actor, row, reason: checked.reason });
  });
  return repo.toClient(row);
}

function auditOverride(db: AppContext['db'], o: { ctx: AppContext; actor: Actor; row: Pick<repo.ClientRow, 'id' | 'uscc' | 'name'>; reason: Bilingual | null }) {
  return recordAudit(db, {
    actor: o.actor,
    clock: o.ctx.clock,
    action: 'client.uscc-override',
    entityType: 'client',
    entityId: o.row.id,
    summary: { zh: `信用代码 ${o.row.uscc} 未通过校验，经用户确认保存：${o.reason?.zh ?? ''}`, en: `Credit code ${o.row.uscc} saved despite failing the check: ${o.reason?.en ?? ''}` },
    changes: { uscc: o.row.uscc, reason: o.reason },
  });
}

export async function getClient(ctx: AppContext, actor: Actor, id: string): Promise<Client> {
  const row = await repo.findClient(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound(clientEntity);
  return repo.toClient(row);
}

export async function listClients(ctx: AppContext, actor: Actor, query: ClientListQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { rows, total } = await repo.listClients(ctx.db, scopeOf(actor), { q: query.q, province: query.province, status: query.status ?? 'active', page, pageSize });
  return { items: rows.map(repo.toClient), total, page, pageSize };
}

export async function updateClient(ctx: AppContext, actor: Actor, id: string, patch: ClientPatch): Promise<Client> {
  const scope = scopeOf(actor);
  const before = await repo.findClient(ctx.db, scope, id);
  if (!before) throw notFound(clientEntity);
  const { usccOverride, foreignSharePercent, ...fields } = patch;
  const changes: Partial<repo.ClientRow> = { ...fields };
  if (fields.name !== undefined) changes.name = fields.name.trim();
  let overridden: ReturnType<typeof checkUscc> | null = null;
  if (fields.uscc !== undefined && fields.uscc.trim().toUpperCase() !== before.uscc) {
    overridden = checkUscc(fields.uscc, usccOverride);
    changes.uscc = overridden.uscc;
    changes.usccOverride = overridden.overridden ? 1 : 0;
    await assertUniqueUscc(ctx, actor, overridden.uscc, id);
  } else delete changes.uscc;
  if (foreignSharePercent !== undefined) changes.foreignShareBp = toBp(foreignSharePercent);
  const diff = diffFields(before as unknown as Record<string, unknown>, changes as Record<string, unknown>);
  if (Object.keys(diff).length === 0) return repo.toClient(before);
  changes.updatedAt = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateClient(trx, scope, id, changes);
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'client.update', entityType: 'client', entityId: id, summary: { zh: `修改客户 ${before.name}：${Object.keys(diff).join('、')}`, en: `Updated client ${before.name}: ${Object.keys(diff).join(', ')}` }, changes: diff });
    if (overridden?.overridden) await auditOverride(trx, { ctx, actor, row: { id, uscc: overridden.uscc, name: before.name }, reason: overridden.reason });
  });
  return repo.toClient({ ...before, ...changes });
}

/** Archives or restores a client company; archived ones leave the default list but keep their history. */
export async function setClientArchived(ctx: AppContext, actor: Actor, input: { id: string; archived: boolean }): Promise<Client> {
  const scope = scopeOf(actor);
  const before = await repo.findClient(ctx.db, scope, input.id);
  if (!before) throw notFound(clientEntity);
  if ((before.archivedAt !== null) === input.archived) return repo.toClient(before);
  const now = ctx.clock.now();
  const changes = { archivedAt: input.archived ? now : null, updatedAt: now };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateClient(trx, scope, input.id, changes);
    await recordAudit(trx, {
      actor,
      clock: ctx.clock,
      action: input.archived ? 'client.archive' : 'client.restore',
      entityType: 'client',
      entityId: input.id,
      summary: input.archived ? { zh: `归档客户：${before.name}`, en: `Archived client: ${before.name}` } : { zh: `恢复客户：${before.name}`, en: `Restored client: ${before.name}` },
    });
  });
  return repo.toClient({ ...before, ...changes });
}
