import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { AppError, notFound, versionConflict, type Bilingual } from '../../platform/errors/app-error.ts';
import { validateUscc } from '../../domain/identifiers/validate-uscc.ts';
import { normalizeIdentifier } from '../../domain/identifiers/normalize-identifier.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { recordAudit, diffFields } from '../audit/record-audit.ts';
import * as repo from './repository.ts';
import { listClients as listClientRows } from './list-clients.ts';
import { mapPage, type Page } from '../../platform/db/list-page.ts';
import type { ClientCreate, ClientListQuery, ClientPatch, Client } from './schemas.ts';

const clientEntity: Bilingual = { zh: '客户', en: 'Client company' };
const usccAlphabet = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/;

/** Checks a credit code: malformed codes are refused outright; a failed check digit may be overridden. */
function checkUscc(raw: string, override: boolean | undefined): { uscc: string; overridden: boolean; reason: Bilingual | null } {
  const uscc = normalizeIdentifier(raw);
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
      { zh: `统一社会信用代码未通过 GB 32100 校验：${sentence(reason.zh, '。')}如确认无误，可勾选"仍然保存"`, en: `The credit code fails the GB 32100 check: ${sentence(reason.en, '.')} If you are sure it is right, tick the override.` },
      [{ field: 'uscc', code: 'USCC_CHECK_FAILED', message: reason }],
    );
  }
  return { uscc, overridden: true, reason };
}

/** One credit code per organisation. The holder is named only to a caller who may see it (never to a client user). */
async function assertUniqueUscc(ctx: AppContext, actor: Actor, uscc: string, exceptId?: string) {
  const existing = await repo.findClientByUscc(ctx.db, scopeOf(actor), uscc);
  if (!existing || existing.id === exceptId) return;
  const visible = scopeOf(actor).clientId === null;
  const holder = visible ? { zh: `已被「${existing.name}」使用`, en: `already used by "${existing.name}"` } : { zh: '已被本机构的其他客户使用', en: 'already used by another client of this organisation' };
  throw new AppError(
    'CLIENT_DUPLICATE_USCC',
    visible ? { zh: `已有客户使用该信用代码：${existing.name}`, en: `Another client already has this credit code: ${existing.name}` } : { zh: '该信用代码已被其他客户使用', en: 'Another client already has this credit code' },
    [{ field: 'uscc', code: 'CLIENT_DUPLICATE_USCC', message: holder }],
  );
}

/** What a client-company user may change on their own record; the rest feeds the licence and is kept by staff. */
/** A reason as one sentence: its own full stop kept, one added when it has none (never two). */
const sentence = (text: string, stop: string) => (/[。.！!？?]$/.test(text) ? text : text + stop);

export const clientUserEditableFields = ['address', 'contactName', 'contactPhone', 'contactEmail'] as const;

function assertClientUserMayEdit(actor: Actor, patch: ClientPatch) {
  if (actor.role !== 'client') return;
  const refused = Object.keys(patch).filter((field) => field !== 'version' && !(clientUserEditableFields as readonly string[]).includes(field));
  if (refused.length === 0) return;
  const message: Bilingual = { zh: '此项由代办机构工作人员维护，如需修改请联系对方', en: 'kept by the agency’s staff: ask them to change it' };
  throw new AppError(
    'FORBIDDEN',
    { zh: `您只能修改联系方式和地址；${refused.join('、')} 由代办机构维护`, en: `You can change contact details and the address only; ${refused.join(', ')} are kept by the agency` },
    refused.map((field) => ({ field, code: 'FIELD_NOT_EDITABLE', message })),
  );
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

export async function listClients(ctx: AppContext, actor: Actor, query: ClientListQuery): Promise<Page<Client>> {
  const { q, province, status, cursor, page, pageSize } = query;
  return mapPage(await listClientRows(ctx.db, scopeOf(actor), { q, province, status: status ?? 'active', page: { cursor, page, pageSize } }), repo.toClient);
}

export async function updateClient(ctx: AppContext, actor: Actor, id: string, patch: ClientPatch): Promise<Client> {
  const scope = scopeOf(actor);
  const before = await repo.findClient(ctx.db, scope, id);
  if (!before) throw notFound(clientEntity);
  assertClientUserMayEdit(actor, patch);
  const { usccOverride, foreignSharePercent, version, ...fields } = patch;
  if (version !== Number(before.version)) throw versionConflict(clientEntity, Number(before.version));
  const changes: Partial<repo.ClientRow> = { ...fields };
  let overridden: ReturnType<typeof checkUscc> | null = null;
  if (fields.uscc !== undefined && normalizeIdentifier(fields.uscc) !== before.uscc) {
    overridden = checkUscc(fields.uscc, usccOverride);
    changes.uscc = overridden.uscc;
    changes.usccOverride = overridden.overridden ? 1 : 0;
    await assertUniqueUscc(ctx, actor, overridden.uscc, id);
  } else delete changes.uscc;
  if (foreignSharePercent !== undefined) changes.foreignShareBp = toBp(foreignSharePercent);
  const diff = diffFields(before as unknown as Record<string, unknown>, changes as Record<string, unknown>);
  if (Object.keys(diff).length === 0) return repo.toClient(before);
  changes.updatedAt = ctx.clock.now();
  changes.version = version + 1;
  await ctx.db.transaction().execute(async (trx) => {
    // The version is compared in the UPDATE itself, so of two racing writers exactly one wins.
    if (!(await repo.updateClient(trx, scope, { id, version }, changes))) throw versionConflict(clientEntity, version + 1);
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
  const changes = { archivedAt: input.archived ? now : null, updatedAt: now, version: Number(before.version) + 1 };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateClient(trx, scope, { id: input.id, version: Number(before.version) }, changes))) throw versionConflict(clientEntity, Number(before.version) + 1);
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
