import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { describeScope } from '../../domain/catalog/authorities.ts';
import { AppError, invalidFields, notFound, versionConflict, type Bilingual } from '../../platform/errors/app-error.ts';
import { mapPage, type Page } from '../../platform/db/list-page.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findClient } from '../clients/repository.ts';
import { requireService } from '../catalog/require-catalog-input.ts';
import * as repo from './repository.ts';
import { toApplication } from './to-application.ts';
import { refreshDueOn } from './due-dates.ts';
import type { Application, ApplicationCreate, ApplicationEvent, ApplicationListQuery, ApplicationPatch } from './schemas.ts';

export const applicationEntity: Bilingual = { zh: '申请', en: 'Application' };

/** The application as the actor may reach it, or 404 (another organisation's, another company's, or none). */
export async function requireApplication(ctx: AppContext, actor: Actor, id: string): Promise<repo.ApplicationListRow> {
  const row = await repo.findApplication(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound(applicationEntity);
  return row;
}

async function assertAssignable(ctx: AppContext, actor: Actor, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  if (await repo.isAssignableUser(ctx.db, scopeOf(actor), assigneeId)) return;
  throw invalidFields([{ field: 'assigneeId', code: 'ASSIGNEE_INVALID', message: { zh: '负责人须为本机构在职的工作人员、管理员或所有者', en: 'the assignee must be an active staff member, admin or owner of this organisation' } }]);
}

export async function createApplication(ctx: AppContext, actor: Actor, input: ApplicationCreate): Promise<Application> {
  const service = requireService('serviceCode', input.serviceCode);
  const client = await findClient(ctx.db, scopeOf(actor), input.clientId);
  if (!client) throw notFound({ zh: '客户', en: 'Client company' });
  if (client.archivedAt !== null) {
    throw new AppError('UNPROCESSABLE', { zh: `客户「${client.name}」已归档，恢复后才能新建申请`, en: `Client "${client.name}" is archived: restore it before opening an application` }, [
      { field: 'clientId', code: 'CLIENT_ARCHIVED', message: { zh: '客户已归档', en: 'the client company is archived' } },
    ]);
  }
  await assertAssignable(ctx, actor, input.assigneeId);
  const now = ctx.clock.now();
  const row = {
    id: randomUUID(), orgId: actor.orgId, clientId: client.id, serviceCode: service.code, scope: input.scope, state: 'draft', heldFrom: null,
    assigneeId: input.assigneeId ?? null, contractSignedOn: null, contractFeeYuan: null, submittedOn: null, acceptanceNo: null, acceptedOn: null,
    issuedOn: null, licenceId: null, correctionItems: '[]', business: '{}', targets: '{}', milestones: '{}', dueOn: null as string | null, version: 1, createdAt: now, updatedAt: now,
  };
  const scopeText = describeScope(input.scope);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertApplication(trx, row);
    row.dueOn = await refreshDueOn(ctx, trx, scopeOf(actor), row.id);
    await repo.insertApplicationEvent(trx, { id: randomUUID(), orgId: actor.orgId, applicationId: row.id, kind: 'created', fromState: null, toState: 'draft', details: JSON.stringify({ serviceCode: service.code, scope: input.scope }), actorId: actor.userId || null, at: now });
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'application.create', entityType: 'application', entityId: row.id,
      summary: { zh: `为「${client.name}」新建申请：${service.zh}（${service.code}），${scopeText.zh}`, en: `Opened an application for "${client.name}": ${service.en} (${service.code}), ${scopeText.en}` },
    });
  });
  return toApplication({ ...row, clientName: client.name }, actor, ctx.clock.today());
}

export async function getApplication(ctx: AppContext, actor: Actor, id: string): Promise<Application> {
  return toApplication(await requireApplication(ctx, actor, id), actor, ctx.clock.today());
}

export async function listApplications(ctx: AppContext, actor: Actor, query: ApplicationListQuery): Promise<Page<Application>> {
  const { q, serviceCode, state, clientId, assigneeId, overdue, cursor, page, pageSize } = query;
  const today = ctx.clock.today();
  const rows = await repo.listApplications(ctx.db, scopeOf(actor), { q, serviceCode: serviceCode?.trim().toUpperCase(), state, clientId, assigneeId, overdueOn: overdue ? today : undefined, page: { cursor, page, pageSize } });
  return mapPage(rows, (row) => toApplication(row, actor, today));
}

/** Edits the assignee and the business description; the version makes of two racing editors exactly one win. */
export async function updateApplication(ctx: AppContext, actor: Actor, id: string, patch: ApplicationPatch): Promise<Application> {
  const before = await requireApplication(ctx, actor, id);
  if (patch.version !== Number(before.version)) throw versionConflict(applicationEntity, Number(before.version));
  await assertAssignable(ctx, actor, patch.assigneeId);
  const changes: Partial<repo.ApplicationRow> = {};
  const changed: Record<string, unknown> = {};
  if (patch.assigneeId !== undefined && patch.assigneeId !== before.assigneeId) {
    changes.assigneeId = patch.assigneeId;
    changed.assigneeId = { from: before.assigneeId, to: patch.assigneeId };
  }
  for (const field of ['business', 'targets', 'milestones'] as const) {
    if (patch[field] === undefined) continue;
    // Dates set to null are cleared; the rest replace what was there.
    const next = JSON.stringify(Object.fromEntries(Object.entries(patch[field]!).filter(([, value]) => value !== null)));
    if (next !== before[field]) {
      changes[field] = next;
      changed[field] = { from: JSON.parse(before[field]), to: JSON.parse(next) };
    }
  }
  if (Object.keys(changes).length === 0) return toApplication(before, actor, ctx.clock.today());
  const now = ctx.clock.now();
  Object.assign(changes, { version: patch.version + 1, updatedAt: now });
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateApplication(trx, scopeOf(actor), { id, version: patch.version }, changes))) throw versionConflict(applicationEntity, patch.version + 1);
    await repo.insertApplicationEvent(trx, { id: randomUUID(), orgId: actor.orgId, applicationId: id, kind: 'updated', fromState: null, toState: null, details: JSON.stringify(changed), actorId: actor.userId || null, at: now });
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'application.update', entityType: 'application', entityId: id,
      summary: { zh: `修改「${before.clientName}」的申请：${Object.keys(changed).join('、')}`, en: `Updated the application of "${before.clientName}": ${Object.keys(changed).join(', ')}` }, changes: changed,
    });
    changes.dueOn = await refreshDueOn(ctx, trx, scopeOf(actor), id);
  });
  return toApplication({ ...before, ...changes }, actor, ctx.clock.today());
}

export async function listApplicationActivity(ctx: AppContext, actor: Actor, input: { id: string; cursor?: string; page?: number; pageSize?: number }): Promise<Page<ApplicationEvent>> {
  await requireApplication(ctx, actor, input.id);
  const rows = await repo.listApplicationEvents(ctx.db, scopeOf(actor), { applicationId: input.id, page: { cursor: input.cursor, page: input.page, pageSize: input.pageSize } });
  const hideFee = actor.role === 'client';
  return mapPage(rows, (row) => {
    const details = JSON.parse(row.details) as Record<string, unknown>;
    if (hideFee) delete details.contractFeeYuan;
    // A rejection's reason is for the client; notes on moves are the agency's own.
    const note = hideFee && row.kind !== 'review' ? '' : row.note;
    return { id: row.id, kind: row.kind, fromState: row.fromState, toState: row.toState, details, note, actorId: row.actorId, actorName: row.actorName, at: row.at };
  });
}

/** Who applications can be assigned to, for any staff member's picker (listing users is otherwise for admins). */
export async function listAssignees(ctx: AppContext, actor: Actor): Promise<Array<{ id: string; name: string; role: string }>> {
  return repo.listAssignableUsers(ctx.db, scopeOf(actor));
}
