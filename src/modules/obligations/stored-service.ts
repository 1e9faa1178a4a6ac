import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { LocalizedText } from '../../domain/calendar/types.ts';
import { resolveSettings } from '../../domain/catalog/catalog-overrides.ts';
import { findObligationRule, type ObligationKind } from '../../domain/catalog/obligation-rules.ts';
import { addDays, daysBetween } from '../../domain/dates/civil-date.ts';
import { lateGuidance, storedStatus } from '../../domain/obligations/stored-obligations.ts';
import type { Db } from '../../platform/db/database.ts';
import { sequentialId } from '../../platform/db/sequential-id.ts';
import { mapPage, type Page } from '../../platform/db/list-page.ts';
import { AppError, notFound, versionConflict, type Bilingual } from '../../platform/errors/app-error.ts';
import { receiveUpload, type UploadType } from '../../platform/http/receive-upload.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { isBlobReferenced } from '../applications/materials-repository.ts';
import { mimeOf } from '../applications/materials-service.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordLicenceEvent } from '../licences/events-service.ts';
import { loadRuleOverrides } from '../settings/load-rule-overrides.ts';
import { CountDeltas } from './counts.ts';
import * as repo from './repository.ts';
import { forgetScores } from './score-cache.ts';
import type { AssignRequest, BulkRequest, CompleteRequest, ObligationBrief, ObligationListQuery, StoredObligation } from './schemas.ts';

export const obligationEntity: Bilingual = { zh: '合规事项', en: 'Obligation' };

export interface View {
  today: string;
  dueSoonDays: number;
  /** Client users do not see the agency's notes on a completion. */
  isClient: boolean;
}

export async function viewOf(ctx: AppContext, actor: Actor): Promise<View> {
  const settings = resolveSettings(await loadRuleOverrides(ctx.db, actor.orgId));
  return { today: ctx.clock.today(), dueSoonDays: settings['obligations.due-soon.days'], isClient: actor.role === 'client' };
}

function readText(text: string): LocalizedText {
  try {
    return JSON.parse(text) as LocalizedText;
  } catch {
    return { zh: text, en: text };
  }
}

/** The API shape: the rule's title, consequence and source, the status on today, and who did what. */
export function toStored(row: repo.ObligationRow, view: View): StoredObligation {
  const rule = findObligationRule(row.kind as ObligationKind);
  const status = storedStatus({ state: row.state, dueOn: row.dueOn, today: view.today, dueSoonDays: view.dueSoonDays });
  return {
    id: row.id,
    key: row.key,
    kind: row.kind as StoredObligation['kind'],
    title: rule.title,
    licenceId: row.licenceId,
    licenceNumber: row.licenceNumber,
    clientId: row.clientId,
    clientName: row.clientName,
    windowStart: row.windowStart,
    dueOn: row.dueOn,
    daysLeft: daysBetween(view.today, row.dueOn),
    status,
    doneOn: row.state === 'done' ? row.doneOn : null,
    doneBy: row.state !== 'done' ? null : row.derivedState === 'done' ? 'facts' : 'user',
    basis: readText(row.basis),
    lateNote: lateGuidance({ kind: row.kind, dueOn: row.dueOn, today: view.today, state: row.state }),
    consequence: rule.consequence,
    severity: rule.severity,
    source: rule.source,
    confidence: rule.confidence,
    provisional: Number(row.provisional) === 1,
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    completion: row.completedAt
      ? {
          note: view.isClient ? '' : row.completionNote,
          at: row.completedAt,
          by: row.completedBy && !view.isClient ? { id: row.completedBy, name: row.completedByName ?? '' } : null,
          evidence: row.evidenceSha256 ? { fileName: row.evidenceName ?? '', fileType: row.evidenceType ?? '', size: Number(row.evidenceSize ?? 0) } : null,
        }
      : null,
    version: Number(row.version),
  };
}

/** The brief form (the dashboard's lists): what a row shows, without the texts the details add. */
export function toBrief(row: repo.ObligationRow, view: View): ObligationBrief {
  const full = toStored(row, view);
  return {
    id: full.id, key: full.key, kind: full.kind, title: full.title, licenceId: full.licenceId, licenceNumber: full.licenceNumber, clientId: full.clientId, clientName: full.clientName,
    windowStart: full.windowStart, dueOn: full.dueOn, daysLeft: full.daysLeft, status: full.status, doneOn: full.doneOn, doneBy: full.doneBy, provisional: full.provisional, assignee: full.assignee, version: full.version,
  };
}

/** The list filter's status and due-within resolved to a stored state and a due range on today's date. */
export function filterOf(query: Pick<ObligationListQuery, 'status' | 'dueWithinDays' | 'dueAfterDays'>, view: View): Pick<repo.ObligationFilter, 'state' | 'due'> {
  const { today } = view;
  const soon = addDays(today, view.dueSoonDays);
  let state: string | undefined;
  const due: { from?: string; to?: string } = {};
  const narrowTo = (to: string) => (due.to = due.to === undefined || to < due.to ? to : due.to);
  switch (query.status) {
    case 'overdue':
      state = 'open';
      narrowTo(addDays(today, -1));
      break;
    case 'due-soon':
      state = 'open';
      due.from = today;
      narrowTo(soon);
      break;
    case 'upcoming':
      state = 'open';
      due.from = addDays(soon, 1);
      break;
    case 'done':
    case 'not-applicable':
      state = query.status;
      break;
  }
  if (query.dueWithinDays !== undefined || query.dueAfterDays !== undefined) {
    // A due window concerns open obligations only: with a closed status nothing matches.
    if (state && state !== 'open') return { state, due: { from: '9999-12-31', to: '0000-01-01' } };
    state = 'open';
    if (query.dueWithinDays !== undefined) narrowTo(addDays(today, query.dueWithinDays));
    if (query.dueAfterDays !== undefined) {
      const from = addDays(today, query.dueAfterDays);
      if (due.from === undefined || from > due.from) due.from = from;
    }
  }
  return { state, due };
}

/** Every obligation across the portfolio, soonest due first, through the one list mechanism. */
export async function listStoredObligations(ctx: AppContext, actor: Actor, query: ObligationListQuery): Promise<Page<StoredObligation>> {
  const view = await viewOf(ctx, actor);
  const assigneeId = query.assigneeId === 'none' ? null : query.assigneeId === 'me' ? actor.userId : query.assigneeId;
  const page = await repo.listObligations(ctx.db, scopeOf(actor), {
    ...filterOf(query, view),
    clientId: query.clientId,
    licenceId: query.licenceId,
    assigneeId,
    kind: query.kind,
    page: { cursor: query.cursor, page: query.page, pageSize: query.pageSize },
  });
  return mapPage(page, (row) => toStored(row, view));
}

export async function requireObligation(ctx: AppContext, db: Db, actor: Actor, id: string): Promise<repo.ObligationRow> {
  const row = await repo.findObligation(db, scopeOf(actor), id);
  if (!row) throw notFound(obligationEntity);
  return row;
}

const historyKinds = new Set(['completed', 'reopened', 'assigned', 'evidence', 'due-moved', 'became-done', 'became-open', 'became-not-applicable', 'basis-vanished']);

export async function getObligation(ctx: AppContext, actor: Actor, id: string) {
  const row = await requireObligation(ctx, ctx.db, actor, id);
  const view = await viewOf(ctx, actor);
  const history = (await repo.listObligationEvents(ctx.db, scopeOf(actor), id))
    .filter((e) => historyKinds.has(e.kind))
    .map((e) => {
      const details = JSON.parse(e.details) as Record<string, unknown>;
      if (view.isClient) delete details.note;
      return { id: e.id, kind: e.kind, details, actorName: view.isClient ? null : e.actorName, at: e.at };
    });
  return { obligation: toStored(row, view), history };
}

/** A licence's stored obligations, soonest due first. */
export async function licenceStoredObligations(ctx: AppContext, actor: Actor, licenceId: string): Promise<StoredObligation[]> {
  const view = await viewOf(ctx, actor);
  return (await repo.listLicenceObligations(ctx.db, scopeOf(actor), licenceId)).map((row) => toStored(row, view));
}

function checkVersion(row: repo.ObligationRow, version: number | undefined): void {
  if (version !== undefined && version !== Number(row.version)) throw versionConflict(obligationEntity, Number(row.version));
}

const conflict = (code: string, zh: string, en: string) => new AppError('CONFLICT', { zh, en }, [{ field: 'id', code, message: { zh, en } }]);

/** The licence event that records a yearly report or an opening, where completing the obligation is that fact. */
function factOf(row: repo.ObligationRow, date: string) {
  const [, period] = row.key.split(':');
  if (row.kind === 'annual-report') return { kind: 'annual-report-filed' as const, date, year: Number(period) };
  if (row.kind === 'number-annual-report') return { kind: 'number-report-filed' as const, date, year: Number(period) };
  if (row.kind === 'start-operating') return { kind: 'service-opened' as const, date, serviceCode: period };
  return null;
}

async function writeCompletion(ctx: AppContext, trx: Db, actor: Actor, row: repo.ObligationRow, input: { note: string; doneOn: string; viaFacts: boolean }): Promise<void> {
  const now = ctx.clock.now();
  const current = (await repo.findObligation(trx, scopeOf(actor), row.id))!;
  // Done by recording a fact of the licence, the completion lasts as long as that event: removing it opens the
  // obligation again (note and evidence going with it). Done here otherwise, the completion is the obligation's own.
  const changes: Partial<repo.ObligationRecord> = { completedAt: now, completedBy: actor.userId || null, completedVia: input.viaFacts ? 'facts' : 'user', completionNote: input.note, updatedAt: now };
  if (!input.viaFacts) Object.assign(changes, { state: 'done', doneOn: input.doneOn, remindOn: null });
  if (!(await repo.updateObligation(trx, scopeOf(actor), { id: row.id, version: Number(current.version) }, changes))) throw versionConflict(obligationEntity, Number(current.version) + 1);
  if (!input.viaFacts) {
    const counts = new CountDeltas();
    counts.changed(current, { ...current, state: 'done' });
    await counts.apply(trx);
  }
  forgetScores(actor.orgId);
  await repo.insertObligationEvents(trx, [{ id: sequentialId(), orgId: actor.orgId, obligationId: row.id, kind: 'completed', details: JSON.stringify({ note: input.note, doneOn: input.doneOn, viaFacts: input.viaFacts }), actorId: actor.userId || null, at: now }]);
  await recordAudit(trx, {
    actor, clock: ctx.clock, action: 'obligation.complete', entityType: 'obligation', entityId: row.id,
    summary: { zh: `完成合规事项：${row.licenceNumber} ${findObligationRule(row.kind as ObligationKind).title.zh}（${row.key}）`, en: `Completed ${row.licenceNumber} ${findObligationRule(row.kind as ObligationKind).title.en} (${row.key})` },
    changes: { key: row.key, doneOn: input.doneOn },
  });
}

/**
 * Marks an obligation done, with a note. A yearly report or a service opening is a fact of the licence: completing it
 * records that event in the licence's history (dated `filedOn`, today by default), so the rules agree; anything else is
 * recorded as completed by the user. Either way the completion survives every later refresh.
 */
export async function completeObligation(ctx: AppContext, actor: Actor, id: string, input: CompleteRequest): Promise<StoredObligation> {
  const row = await requireObligation(ctx, ctx.db, actor, id);
  checkVersion(row, input.version);
  if (row.state === 'done') throw conflict('ALREADY_DONE', `已于 ${row.doneOn ?? ''} 完成`, `already done on ${row.doneOn ?? ''}`);
  if (row.state === 'not-applicable') throw conflict('NOT_APPLICABLE', '此项不适用，无需完成', 'it does not apply, so there is nothing to complete');
  const today = ctx.clock.today();
  const doneOn = input.filedOn ?? today;
  if (doneOn > today) throw new AppError('VALIDATION_FAILED', { zh: '完成日期不能晚于今天', en: 'The completion date cannot be after today' }, [{ field: 'filedOn', code: 'IN_FUTURE', message: { zh: `不能晚于 ${today}`, en: `not after ${today}` } }]);
  const note = input.note ?? '';
  const fact = factOf(row, doneOn);
  if (fact) {
    try {
      await recordLicenceEvent(ctx, actor, row.licenceId, { ...fact, note }, { alsoInTransaction: (trx) => writeCompletion(ctx, trx, actor, row, { note, doneOn, viaFacts: true }) });
    } catch (error) {
      // The event's checks speak of its own fields; here the date is the request's filedOn.
      if (error instanceof AppError && Array.isArray(error.details)) {
        throw new AppError(error.code, error.messages, (error.details as Array<{ field: string }>).map((d) => ({ ...d, field: d.field === 'date' || d.field === 'year' ? 'filedOn' : d.field })));
      }
      throw error;
    }
  } else {
    await ctx.db.transaction().execute((trx) => writeCompletion(ctx, trx, actor, row, { note, doneOn, viaFacts: false }));
  }
  return toStored(await requireObligation(ctx, ctx.db, actor, id), await viewOf(ctx, actor));
}

/** Opens again what a user completed by mistake; what the licence's history shows done is undone there, not here. */
export async function reopenObligation(ctx: AppContext, actor: Actor, id: string, input: { version?: number }): Promise<StoredObligation> {
  const row = await requireObligation(ctx, ctx.db, actor, id);
  checkVersion(row, input.version);
  if (row.derivedState === 'done') {
    throw conflict('DONE_BY_FACTS', '许可证历史记录显示已完成：请在许可证页面删除相应事件', 'The licence’s history shows it done: remove that event on the licence page instead');
  }
  if (row.state !== 'done') throw conflict('NOT_DONE', '此项尚未完成', 'it is not done');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const state = row.derivedState;
    const changes: Partial<repo.ObligationRecord> = {
      completedAt: null, completedBy: null, completedVia: null, completionNote: '', evidenceSha256: null, evidenceName: null, evidenceType: null, evidenceSize: null,
      state, doneOn: null, remindOn: state === 'open' ? ctx.clock.today() : null, updatedAt: now,
    };
    if (!(await repo.updateObligation(trx, scopeOf(actor), { id, version: Number(row.version) }, changes))) throw versionConflict(obligationEntity, Number(row.version) + 1);
    const counts = new CountDeltas();
    counts.changed(row, { ...row, state });
    await counts.apply(trx);
    forgetScores(actor.orgId);
    await repo.insertObligationEvents(trx, [{ id: sequentialId(), orgId: actor.orgId, obligationId: id, kind: 'reopened', details: JSON.stringify({ was: row.doneOn }), actorId: actor.userId || null, at: now }]);
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'obligation.reopen', entityType: 'obligation', entityId: id,
      summary: { zh: `重新打开合规事项：${row.licenceNumber}（${row.key}）`, en: `Reopened ${row.licenceNumber} (${row.key})` },
    });
  });
  return toStored(await requireObligation(ctx, ctx.db, actor, id), await viewOf(ctx, actor));
}

async function requireAssignee(db: Db, actor: Actor, assigneeId: string): Promise<{ id: string; name: string }> {
  const user = await db.selectFrom('users').select(['id', 'name', 'role', 'isActive']).where('orgId', '=', actor.orgId).where('id', '=', assigneeId).executeTakeFirst();
  if (!user || Number(user.isActive) !== 1 || user.role === 'client') {
    throw new AppError('VALIDATION_FAILED', { zh: '负责人须为本机构在职的员工', en: 'The assignee must be an active staff member of this organisation' }, [{ field: 'assigneeId', code: 'ASSIGNEE_INVALID', message: { zh: '不是本机构在职员工', en: 'not an active staff member here' } }]);
  }
  return { id: user.id, name: user.name };
}

async function writeAssignee(ctx: AppContext, trx: Db, actor: Actor, row: repo.ObligationRow, assignee: { id: string; name: string } | null): Promise<boolean> {
  if ((row.assigneeId ?? null) === (assignee?.id ?? null)) return false;
  const now = ctx.clock.now();
  if (!(await repo.updateObligation(trx, scopeOf(actor), { id: row.id, version: Number(row.version) }, { assigneeId: assignee?.id ?? null, updatedAt: now }))) throw versionConflict(obligationEntity, Number(row.version) + 1);
  forgetScores(actor.orgId);
  await repo.insertObligationEvents(trx, [{ id: sequentialId(), orgId: actor.orgId, obligationId: row.id, kind: 'assigned', details: JSON.stringify({ from: row.assigneeName, to: assignee?.name ?? null }), actorId: actor.userId || null, at: now }]);
  await recordAudit(trx, {
    actor, clock: ctx.clock, action: 'obligation.assign', entityType: 'obligation', entityId: row.id,
    summary: { zh: `合规事项 ${row.licenceNumber}（${row.key}）负责人：${assignee?.name ?? '无'}`, en: `${row.licenceNumber} (${row.key}) assigned to ${assignee?.name ?? 'nobody'}` },
  });
  return true;
}

export async function assignObligation(ctx: AppContext, actor: Actor, id: string, input: AssignRequest): Promise<StoredObligation> {
  const row = await requireObligation(ctx, ctx.db, actor, id);
  checkVersion(row, input.version);
  const assignee = input.assigneeId ? await requireAssignee(ctx.db, actor, input.assigneeId) : null;
  await ctx.db.transaction().execute((trx) => writeAssignee(ctx, trx, actor, row, assignee));
  return toStored(await requireObligation(ctx, ctx.db, actor, id), await viewOf(ctx, actor));
}

/** Assigns or completes many at once; each succeeds or fails on its own, and the failures are named. */
export async function bulkObligations(ctx: AppContext, actor: Actor, input: BulkRequest): Promise<{ changed: number; failed: Array<{ id: string; code: string; message: LocalizedText }> }> {
  const failed: Array<{ id: string; code: string; message: LocalizedText }> = [];
  let changed = 0;
  let assignee: { id: string; name: string } | null = null;
  if (input.action === 'assign') {
    if (input.assigneeId === undefined) throw new AppError('VALIDATION_FAILED', { zh: '请选择负责人', en: 'Choose an assignee' }, [{ field: 'assigneeId', code: 'REQUIRED', message: { zh: '必填（null 表示取消指派）', en: 'required (null to unassign)' } }]);
    assignee = input.assigneeId ? await requireAssignee(ctx.db, actor, input.assigneeId) : null;
  }
  for (const id of input.ids) {
    try {
      if (input.action === 'assign') {
        const row = await requireObligation(ctx, ctx.db, actor, id);
        if (await ctx.db.transaction().execute((trx) => writeAssignee(ctx, trx, actor, row, assignee))) changed++;
      } else {
        await completeObligation(ctx, actor, id, { note: input.note, filedOn: input.filedOn });
        changed++;
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const first = Array.isArray(error.details) ? (error.details[0] as { code?: string; message?: LocalizedText } | undefined) : undefined;
      failed.push({ id, code: first?.code ?? error.code, message: first?.message ?? error.messages });
    }
  }
  return { changed, failed };
}

const evidenceTypes: readonly UploadType[] = ['pdf', 'jpg', 'png', 'docx', 'xlsx'];

/** Attaches a file as the completion's evidence (a receipt, a screenshot), replacing any before; kept like materials. */
export async function uploadEvidence(ctx: AppContext, actor: Actor, input: { id: string; request: FastifyRequest }): Promise<StoredObligation> {
  await requireObligation(ctx, ctx.db, actor, input.id);
  // The body is checked first (and streamed to a temporary file), so a bad upload is named the same whatever the state.
  const upload = await receiveUpload(input.request, { tempDir: ctx.blobs.tempDir, maxBytes: ctx.config.uploadMaxBytes, accepts: evidenceTypes });
  let kept: { undo(): Promise<void> } | null = null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const current = await requireObligation(ctx, trx, actor, input.id);
      if (current.state !== 'done') throw conflict('NOT_COMPLETED', '请先标记完成，再上传凭证', 'Complete it first, then attach the evidence');
      kept = await ctx.blobs.keep(trx, upload);
      const now = ctx.clock.now();
      if (!(await repo.updateObligation(trx, scopeOf(actor), { id: current.id, version: Number(current.version) }, { evidenceSha256: upload.sha256, evidenceName: upload.fileName, evidenceType: upload.fileType, evidenceSize: upload.size, updatedAt: now }))) {
        throw versionConflict(obligationEntity, Number(current.version) + 1);
      }
      await repo.insertObligationEvents(trx, [{ id: sequentialId(), orgId: actor.orgId, obligationId: current.id, kind: 'evidence', details: JSON.stringify({ fileName: upload.fileName, size: upload.size }), actorId: actor.userId || null, at: now }]);
      await recordAudit(trx, {
        actor, clock: ctx.clock, action: 'obligation.evidence', entityType: 'obligation', entityId: current.id,
        summary: { zh: `上传合规凭证：${current.licenceNumber}（${current.key}）${upload.fileName}`, en: `Attached evidence to ${current.licenceNumber} (${current.key}): ${upload.fileName}` },
        changes: { sha256: upload.sha256, size: upload.size },
      });
    });
  } catch (error) {
    await fs.promises.rm(upload.tempPath, { force: true });
    if (kept && !(await isBlobReferenced(ctx.db, upload.sha256))) await (kept as { undo(): Promise<void> }).undo();
    throw error;
  }
  return toStored(await requireObligation(ctx, ctx.db, actor, input.id), await viewOf(ctx, actor));
}

export async function downloadEvidence(ctx: AppContext, actor: Actor, id: string): Promise<{ stream: Readable; fileName: string; mime: string; size: number }> {
  const row = await requireObligation(ctx, ctx.db, actor, id);
  if (!row.evidenceSha256) throw notFound({ zh: '凭证文件', en: 'Evidence file' });
  const stream = await ctx.blobs.open(ctx.db, row.evidenceSha256);
  if (!stream) throw new AppError('INTERNAL', { zh: '文件内容丢失', en: 'The file content is missing' });
  return { stream, fileName: row.evidenceName ?? 'evidence', mime: mimeOf[row.evidenceType as UploadType] ?? 'application/octet-stream', size: Number(row.evidenceSize ?? 0) };
}

