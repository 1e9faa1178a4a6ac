import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { listMaterials, type MaterialItem } from '../../domain/catalog/materials.ts';
import { practice } from '../../domain/catalog/sources.ts';
import { describeApplicationState, isApplicationState } from '../../domain/workflow/application-states.ts';
import type { MaterialStatus } from '../../domain/workflow/check-transition.ts';
import { AppError, invalidFields, notFound } from '../../platform/errors/app-error.ts';
import { readUniqueViolation } from '../../platform/db/unique-violation.ts';
import { receiveUpload, type UploadType } from '../../platform/http/receive-upload.ts';
import type { Db } from '../../platform/db/database.ts';
import { scopeOf, type Actor, type Scope } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import * as files from './materials-repository.ts';
import * as repo from './repository.ts';
import { requireApplication } from './service.ts';
import type { CustomItemRequest, MaterialChecklistItem, MaterialReviewRequest } from './materials-schemas.ts';

/** While the checklist is being worked on, files may be uploaded and reviewed; afterwards it is frozen. */
const openStates = new Set(['draft', 'collecting', 'drafting', 'correction_requested']);

export const mimeOf: Record<UploadType, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Custom items take any file type uploads may be. */
const anyFileType: Array<Exclude<UploadType, 'csv'>> = ['pdf', 'jpg', 'png', 'docx', 'xlsx'];
const customSource = practice('本机构为此申请添加的材料', { zh: '由用户添加，不在《电信业务经营许可管理办法》第八条或指南的清单中。', en: 'Added by a user; not on the Order 42 Art. 8 list or the guide’s.' });

/** The application's checklist: the catalogue's items for its service, then the items users added. */
export async function checklistOf(db: Db, scope: Scope, application: Pick<repo.ApplicationRow, 'id' | 'serviceCode'>): Promise<Array<MaterialItem & { custom: boolean }>> {
  const custom = await files.listCustomItems(db, scope, application.id);
  return [
    ...listMaterials(application.serviceCode).map((m) => ({ ...m, custom: false })),
    ...custom.map((c) => ({
      key: c.key, title: { zh: c.title, en: c.title }, hint: { zh: c.hint, en: c.hint }, required: Number(c.required) === 1, generated: false, personalData: false,
      accepts: anyFileType, services: 'all' as const, source: customSource, confidence: 'M' as const, custom: true,
    })),
  ];
}

export async function requireItem(db: Db, scope: Scope, application: Pick<repo.ApplicationRow, 'id' | 'serviceCode'>, key: string): Promise<MaterialItem & { custom: boolean }> {
  const item = (await checklistOf(db, scope, application)).find((m) => m.key === key);
  if (item) return item;
  throw new AppError('NOT_FOUND', { zh: `材料清单中没有“${key}”这一项`, en: `The checklist has no item '${key}'` }, [{ field: 'key', code: 'ITEM_UNKNOWN', message: { zh: '不在材料清单中', en: 'not on the checklist' } }]);
}

function frozen(state: string): AppError {
  const title = isApplicationState(state) ? describeApplicationState(state).title : { zh: state, en: state };
  const message = state === 'on_hold'
    ? { zh: '申请已暂停，恢复后才能修改材料', en: 'The application is on hold: resume it before changing its materials' }
    : { zh: '申请已提交或已结束，材料不能再修改', en: 'The application has been submitted or has ended: its materials can no longer change' };
  return new AppError('CONFLICT', message, [{ field: 'state', code: 'MATERIALS_FROZEN', message: { zh: `当前状态：${title.zh}`, en: `current state: ${title.en}` } }]);
}

export function assertOpen(application: repo.ApplicationListRow) {
  if (!openStates.has(application.state)) throw frozen(application.state);
}

/**
 * Inside a write: takes the application's lock while it is still open for materials (a move to submitted may have
 * landed since the request began) and checks a custom item is still on the checklist.
 */
async function lockOpenChecklist(trx: Db, scope: Scope, application: repo.ApplicationListRow, item: { key: string; custom: boolean }): Promise<void> {
  if (!(await repo.lockApplication(trx, scope, application.id, [...openStates]))) {
    const now = await repo.findApplication(trx, scope, application.id);
    throw frozen(now?.state ?? application.state);
  }
  if (item.custom && !(await files.listCustomItems(trx, scope, application.id)).some((c) => c.key === item.key)) {
    throw new AppError('NOT_FOUND', { zh: '该材料项刚被删除', en: 'This checklist item was just removed' }, [{ field: 'key', code: 'ITEM_UNKNOWN', message: { zh: '不在材料清单中', en: 'not on the checklist' } }]);
  }
}

/** Where each checklist item stands for the guards: its latest version's review, or missing. */
export async function materialStatuses(db: Db, scope: Scope, application: Pick<repo.ApplicationRow, 'id' | 'serviceCode'>): Promise<MaterialStatus[]> {
  const rows = await files.listMaterialFiles(db, scope, application.id);
  const latest = new Map(rows.map((row) => [row.itemKey, row]));
  return (await checklistOf(db, scope, application)).map((m) => ({ key: m.key, title: m.title, required: m.required, generated: m.generated, review: (latest.get(m.key)?.review ?? 'missing') as MaterialStatus['review'] }));
}

/** A personal-data file's name is hidden in lists (it often carries the person's name or ID number). */
const maskName = (name: string) => `••••${name.includes('.') ? name.slice(name.lastIndexOf('.')) : ''}`;

export async function listApplicationMaterials(ctx: AppContext, actor: Actor, id: string): Promise<MaterialChecklistItem[]> {
  const application = await requireApplication(ctx, actor, id);
  const rows = await files.listMaterialFiles(ctx.db, scopeOf(actor), id);
  return (await checklistOf(ctx.db, scopeOf(actor), application)).map((m) => {
    const versions = rows.filter((r) => r.itemKey === m.key).map((r) => ({
      version: Number(r.version), sha256: r.sha256, size: Number(r.size), fileType: r.fileType, fileName: m.personalData ? maskName(r.fileName) : r.fileName,
      source: r.source, uploadedBy: r.uploadedByName, uploadedAt: r.uploadedAt, review: r.review as 'pending' | 'accepted' | 'rejected', reviewReason: r.reviewReason, reviewedBy: r.reviewedByName, reviewedAt: r.reviewedAt,
    }));
    const latest = versions.at(-1);
    return {
      key: m.key, title: m.title, hint: m.hint, required: m.required, generated: m.generated, personalData: m.personalData, accepts: m.accepts, custom: m.custom,
      status: latest?.review ?? 'missing', reviewReason: latest?.reviewReason ?? '', versions,
    };
  });
}

/** A file ready to become an item's next version: an upload, or a document LicenseDesk generated. */
interface NewVersion {
  tempPath: string;
  sha256: string;
  size: number;
  fileName: string;
  fileType: UploadType;
  source: 'upload' | 'generated';
}

/**
 * Keeps a checked file as the item's next version, in one transaction with its activity and audit entries. If the
 * transaction fails, the stored content is taken back (unless a committed row elsewhere names the same content).
 */
export async function storeMaterialVersion(ctx: AppContext, actor: Actor, input: { application: repo.ApplicationListRow; item: MaterialItem & { custom: boolean }; file: NewVersion }): Promise<void> {
  const { application, item, file } = input;
  const scope = scopeOf(actor);
  const now = ctx.clock.now();
  const verb = file.source === 'generated' ? { zh: '生成', en: 'Generated' } : { zh: '上传', en: 'Uploaded' };
  let kept: { undo(): Promise<void> } | null = null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await lockOpenChecklist(trx, scope, application, item);
      const latest = await files.findMaterialFile(trx, scope, { applicationId: application.id, itemKey: item.key });
      const version = latest ? Number(latest.version) + 1 : 1;
      kept = await ctx.blobs.keep(trx, { tempPath: file.tempPath, sha256: file.sha256, size: file.size });
      await files.insertMaterialFile(trx, {
        id: randomUUID(), orgId: actor.orgId, applicationId: application.id, itemKey: item.key, version, sha256: file.sha256, size: file.size,
        fileType: file.fileType, fileName: file.fileName, source: file.source, uploadedBy: actor.userId || null, uploadedAt: now,
      });
      await repo.insertApplicationEvent(trx, { id: randomUUID(), orgId: actor.orgId, applicationId: application.id, kind: file.source === 'generated' ? 'generated' : 'upload', fromState: null, toState: null, details: JSON.stringify({ item: item.key, version, size: file.size, fileType: file.fileType }), actorId: actor.userId || null, at: now });
      await recordAudit(trx, {
        actor, clock: ctx.clock, action: `application.material.${file.source === 'generated' ? 'generate' : 'upload'}`, entityType: 'application', entityId: application.id,
        summary: { zh: `${verb.zh}「${application.clientName}」的材料：${item.title.zh}（第 ${version} 版）`, en: `${verb.en} for "${application.clientName}": ${item.title.en} (version ${version})` },
        changes: { item: item.key, version, sha256: file.sha256, size: file.size },
      });
    });
  } catch (error) {
    await fs.promises.rm(file.tempPath, { force: true });
    if (kept && !(await files.isBlobReferenced(ctx.db, file.sha256))) await (kept as { undo(): Promise<void> }).undo();
    if (readUniqueViolation(error)) {
      throw new AppError('CONFLICT', { zh: '同一项材料刚有另一个文件保存完成，请刷新后重试', en: 'Another file for this item was saved just now: refresh, then try again' }, [{ field: 'file', code: 'UPLOAD_RACE', message: { zh: '请重试', en: 'try again' } }]);
    }
    throw error;
  }
}

/** Stores an upload as the item's next version; the file is streamed and checked first (`receive-upload.ts`). */
export async function uploadMaterial(ctx: AppContext, actor: Actor, input: { id: string; key: string; request: FastifyRequest }): Promise<MaterialChecklistItem> {
  const application = await requireApplication(ctx, actor, input.id);
  const item = await requireItem(ctx.db, scopeOf(actor), application, input.key);
  assertOpen(application);
  const upload = await receiveUpload(input.request, { tempDir: ctx.blobs.tempDir, maxBytes: ctx.config.uploadMaxBytes, accepts: item.accepts });
  await storeMaterialVersion(ctx, actor, { application, item, file: { ...upload, source: 'upload' } });
  return (await listApplicationMaterials(ctx, actor, input.id)).find((m) => m.key === input.key)!;
}

/** One version's content (the latest by default), for download; every download is audited. */
export async function downloadMaterial(ctx: AppContext, actor: Actor, input: { id: string; key: string; version?: number; headOnly?: boolean }): Promise<{ stream: Readable; fileName: string; mime: string; size: number }> {
  const application = await requireApplication(ctx, actor, input.id);
  const item = await requireItem(ctx.db, scopeOf(actor), application, input.key);
  const row = await files.findMaterialFile(ctx.db, scopeOf(actor), { applicationId: input.id, itemKey: input.key, version: input.version });
  if (!row) throw notFound({ zh: '文件', en: 'File' });
  const stream = await ctx.blobs.open(ctx.db, row.sha256);
  if (!stream) throw new AppError('INTERNAL', { zh: '文件内容丢失', en: 'The file content is missing' });
  // A HEAD request learns the size and type, and receives no byte of the file: not a download.
  if (!input.headOnly) await recordAudit(ctx.db, {
    actor, clock: ctx.clock, action: 'application.material.download', entityType: 'application', entityId: input.id,
    summary: { zh: `下载「${application.clientName}」的材料：${item.title.zh}（第 ${row.version} 版）`, en: `Downloaded from "${application.clientName}": ${item.title.en} (version ${row.version})` },
    changes: { item: input.key, version: Number(row.version), personalData: item.personalData },
  });
  return { stream, fileName: row.fileName, mime: mimeOf[row.fileType as UploadType] ?? 'application/octet-stream', size: Number(row.size) };
}

/** Accepts or rejects the item's latest version; a rejection needs a reason, which the client sees. */
export async function reviewMaterial(ctx: AppContext, actor: Actor, input: { id: string; key: string; review: MaterialReviewRequest }): Promise<MaterialChecklistItem> {
  const application = await requireApplication(ctx, actor, input.id);
  const item = await requireItem(ctx.db, scopeOf(actor), application, input.key);
  assertOpen(application);
  const { decision, reason } = input.review;
  if (decision === 'reject' && !reason) throw invalidFields([{ field: 'reason', code: 'REASON_REQUIRED', message: { zh: '退回时请写明原因，客户会看到', en: 'give a reason for the rejection: the client sees it' } }]);
  const scope = scopeOf(actor);
  const latest = await files.findMaterialFile(ctx.db, scope, { applicationId: input.id, itemKey: input.key });
  if (!latest) throw new AppError('CONFLICT', { zh: `「${item.title.zh}」还没有上传文件`, en: `Nothing has been uploaded for '${item.title.en}' yet` }, [{ field: 'key', code: 'NOTHING_TO_REVIEW', message: { zh: '尚未上传', en: 'not uploaded yet' } }]);
  const now = ctx.clock.now();
  const review = decision === 'accept' ? 'accepted' : 'rejected';
  await ctx.db.transaction().execute(async (trx) => {
    await lockOpenChecklist(trx, scope, application, item);
    const done = await files.reviewMaterialFile(trx, scope, { id: latest.id, applicationId: input.id, itemKey: input.key, version: Number(latest.version) }, { review, reviewReason: decision === 'reject' ? reason! : '', reviewedBy: actor.userId || null, reviewedAt: now });
    if (!done) throw new AppError('CONFLICT', { zh: '刚有新版本上传，请查看后再审核', en: 'A newer version was just uploaded: look at it, then review again' }, [{ field: 'key', code: 'NEWER_VERSION', message: { zh: '有更新的版本', en: 'a newer version exists' } }]);
    await repo.insertApplicationEvent(trx, { id: randomUUID(), orgId: actor.orgId, applicationId: input.id, kind: 'review', fromState: null, toState: null, details: JSON.stringify({ item: input.key, version: Number(latest.version), decision: review }), note: decision === 'reject' ? reason! : '', actorId: actor.userId || null, at: now });
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: `application.material.${review === 'accepted' ? 'accept' : 'reject'}`, entityType: 'application', entityId: input.id,
      summary: review === 'accepted'
        ? { zh: `通过「${application.clientName}」的材料：${item.title.zh}（第 ${latest.version} 版）`, en: `Accepted for "${application.clientName}": ${item.title.en} (version ${latest.version})` }
        : { zh: `退回「${application.clientName}」的材料：${item.title.zh}（第 ${latest.version} 版）：${reason}`, en: `Rejected for "${application.clientName}": ${item.title.en} (version ${latest.version}): ${reason}` },
    });
  });
  return (await listApplicationMaterials(ctx, actor, input.id)).find((m) => m.key === input.key)!;
}

/** Adds an item of the user's own to the application's checklist (a landlord's letter, a translation …). */
/** Items of its own an application may carry beyond the catalogue's: generous for real cases, bounded for the page and the package. */
export const customItemLimit = 50;

export async function addCustomItem(ctx: AppContext, actor: Actor, input: { id: string; item: CustomItemRequest }): Promise<MaterialChecklistItem> {
  const application = await requireApplication(ctx, actor, input.id);
  assertOpen(application);
  const key = `custom-${randomUUID().slice(0, 8)}`;
  const now = ctx.clock.now();
  const title = input.item.title;
  await ctx.db.transaction().execute(async (trx) => {
    // Counted under the application's lock, so two adding at once cannot both pass the limit.
    await repo.lockApplication(trx, scopeOf(actor), input.id);
    if ((await files.listCustomItems(trx, scopeOf(actor), input.id)).length >= customItemLimit) {
      throw new AppError('UNPROCESSABLE', { zh: `每个申请最多添加 ${customItemLimit} 个自定义材料项`, en: `An application takes at most ${customItemLimit} items of your own` }, [
        { field: 'title', code: 'TOO_MANY_ITEMS', message: { zh: `已有 ${customItemLimit} 个自定义材料项`, en: `already ${customItemLimit} items of your own` } },
      ]);
    }
    await files.insertCustomItem(trx, { id: randomUUID(), orgId: actor.orgId, applicationId: input.id, key, title, hint: input.item.hint ?? '', required: input.item.required === false ? 0 : 1, createdBy: actor.userId || null, createdAt: now });
    await repo.insertApplicationEvent(trx, { id: randomUUID(), orgId: actor.orgId, applicationId: input.id, kind: 'item-added', fromState: null, toState: null, details: JSON.stringify({ item: key, title }), actorId: actor.userId || null, at: now });
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'application.item.add', entityType: 'application', entityId: input.id, summary: { zh: `为「${application.clientName}」的申请添加材料项：${title}`, en: `Added a checklist item to the application of "${application.clientName}": ${title}` } });
  });
  return (await listApplicationMaterials(ctx, actor, input.id)).find((m) => m.key === key)!;
}

/** Removes an item a user added, while nothing has been uploaded for it (uploaded files keep their history). */
export async function removeCustomItem(ctx: AppContext, actor: Actor, input: { id: string; key: string }): Promise<void> {
  const application = await requireApplication(ctx, actor, input.id);
  const item = await requireItem(ctx.db, scopeOf(actor), application, input.key);
  if (!item.custom) throw new AppError('CONFLICT', { zh: '目录规定的材料不能删除', en: 'Items of the catalogue cannot be removed' }, [{ field: 'key', code: 'ITEM_NOT_CUSTOM', message: { zh: '目录材料', en: 'a catalogue item' } }]);
  assertOpen(application);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockOpenChecklist(trx, scopeOf(actor), application, item);
    if (await files.findMaterialFile(trx, scopeOf(actor), { applicationId: input.id, itemKey: input.key })) {
      throw new AppError('CONFLICT', { zh: `「${item.title.zh}」已有上传的文件，不能删除`, en: `'${item.title.en}' already has uploaded files and cannot be removed` }, [{ field: 'key', code: 'ITEM_HAS_FILES', message: { zh: '已有文件', en: 'has files' } }]);
    }
    if (!(await files.deleteCustomItem(trx, scopeOf(actor), { applicationId: input.id, key: input.key }))) throw notFound({ zh: '材料项', en: 'Checklist item' });
    await repo.insertApplicationEvent(trx, { id: randomUUID(), orgId: actor.orgId, applicationId: input.id, kind: 'item-removed', fromState: null, toState: null, details: JSON.stringify({ item: input.key, title: item.title.zh }), actorId: actor.userId || null, at: now });
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'application.item.remove', entityType: 'application', entityId: input.id, summary: { zh: `删除「${application.clientName}」申请的材料项：${item.title.zh}`, en: `Removed a checklist item from the application of "${application.clientName}": ${item.title.en}` } });
  });
}
