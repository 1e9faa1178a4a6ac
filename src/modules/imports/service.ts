import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { guessColumnMapping, listImportFields, listRepeatedFields, listUnmappedRequiredFields, type ColumnMapping, type ImportKind } from '../../domain/import/index.ts';
import { AppError, invalidFields, notFound, versionConflict, type Bilingual } from '../../platform/errors/app-error.ts';
import { receiveUpload } from '../../platform/http/receive-upload.ts';
import { detectSheetFormat, readHead } from '../../platform/sheets/detect-sheet-format.ts';
import { readSheetRows, type CellValue } from '../../platform/sheets/read-sheet-rows.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { isBlobReferenced } from '../applications/materials-repository.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { collectProblems, writeErrorReport } from './files.ts';
import { dataRows, processImport } from './process-import.ts';
import * as repo from './repository.ts';
import type { ImportCheckRequest, ImportJob, ImportRunRequest } from './schemas.ts';

export const importEntity: Bilingual = { zh: '导入任务', en: 'Import' };

const readJson = <T>(text: string | null, fallback: T): T => {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export function toImportJob(row: repo.ImportJobRow): ImportJob {
  const kind = row.kind as ImportKind;
  const mapping = readJson<ColumnMapping>(row.mapping, []);
  return {
    id: row.id, kind, status: row.status as ImportJob['status'], fileName: row.fileName, fileSize: Number(row.fileSize), format: row.format as ImportJob['format'],
    headers: readJson<string[]>(row.headers, []), sample: readJson<CellValue[][]>(row.sample, []), mapping,
    fields: listImportFields(kind).map((f) => ({ key: f.key, label: f.label, required: f.required, hint: f.hint })),
    unmappedRequired: listUnmappedRequiredFields({ kind, mapping: mapping as never }).map((f) => f.key),
    onDuplicate: row.onDuplicate as ImportJob['onDuplicate'], validOnly: Number(row.validOnly) === 1,
    progress: { done: Number(row.progressDone), total: Number(row.progressTotal) },
    report: readJson(row.report, null), result: readJson(row.result, null), failure: readJson(row.failure, null),
    version: Number(row.version), createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

/** A copy of the job's spreadsheet on local disk for as long as `work` runs (the store may be the database). */
async function withLocalFile<T>(ctx: AppContext, sha256: string, work: (file: string) => Promise<T>): Promise<T> {
  const file = await localCopy(ctx, sha256);
  try {
    return await work(file);
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}

async function localCopy(ctx: AppContext, sha256: string): Promise<string> {
  const source = await ctx.blobs.open(ctx.db, sha256);
  if (!source) throw new AppError('NOT_FOUND', { zh: '导入文件已不存在，请重新上传', en: 'The import file is gone; upload it again' });
  await fs.promises.mkdir(ctx.blobs.tempDir, { recursive: true });
  const file = path.join(ctx.blobs.tempDir, `import-${randomUUID()}.part`);
  try {
    await pipeline(source, fs.createWriteStream(file, { flags: 'wx' }));
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    throw error;
  }
  return file;
}

/**
 * The error report: the uploaded sheet with an 错误 Errors column. Its problems are found before the answer starts (so a
 * failure is a clear error, not a cut-off file); the rows then stream out, and the local copy goes when they are done.
 */
export async function openErrorReport(ctx: AppContext, actor: Actor, id: string): Promise<{ fileName: string; mime: string; stream: PassThrough }> {
  const row = await repo.findImportJob(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound(importEntity);
  if (!row.report) throw new AppError('CONFLICT', { zh: '请先检查文件，再下载错误报告', en: 'Check the file first, then download its error report' });
  const file = await localCopy(ctx, row.fileSha256);
  const format = row.format as 'xlsx' | 'csv';
  const mapping = readJson<ColumnMapping>(row.mapping, []);
  let problems: Map<number, string[]>;
  try {
    problems = await collectProblems(ctx, { kind: row.kind as ImportKind, actor, path: file, mapping });
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    throw error;
  }
  const stream = new PassThrough();
  void writeErrorReport({ path: file, format, mapping, headers: readJson<string[]>(row.headers, []), problems, maxRows: ctx.config.importMaxRows, output: stream })
    .catch((error: unknown) => ctx.logger.warn({ err: error, importId: id }, 'error report stopped'))
    .finally(() => void fs.promises.rm(file, { force: true }));
  const base = row.fileName.replace(/\.(xlsx|csv)$/i, '');
  return { fileName: `${base}-错误报告.${format}`, mime: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8', stream };
}

/** The headers, the first rows and the guessed mapping of a spreadsheet; its bad-file errors surface here, at upload. */
export async function inspectSheet(input: { kind: ImportKind; file: string }): Promise<{ format: 'xlsx' | 'csv'; headers: string[]; sample: CellValue[][]; mapping: ColumnMapping }> {
  const format = await detectSheetFormat(await readHead(input.file));
  let headers: string[] = [];
  const sample: CellValue[][] = [];
  let width = 0;
  for await (const row of readSheetRows({ path: input.file })) {
    headers = row.cells.map((c) => (c === null ? '' : String(c).trim()));
    width = headers.length;
    break;
  }
  for await (const row of dataRows({ kind: input.kind, path: input.file })) {
    sample.push(row.cells);
    width = Math.max(width, row.cells.length);
    if (sample.length >= 5) break;
  }
  while (headers.length < width) headers.push('');
  return { format, headers, sample, mapping: guessColumnMapping({ kind: input.kind, headers }) };
}

/** Receives a spreadsheet (XLSX or CSV, within LICENSEDESK_IMPORT_MAX_MB), reads its headers and guesses the mapping. */
export async function createImport(ctx: AppContext, actor: Actor, input: { kind: ImportKind; request: FastifyRequest }): Promise<ImportJob> {
  const upload = await receiveUpload(input.request, { tempDir: ctx.blobs.tempDir, maxBytes: ctx.config.importMaxBytes, accepts: ['xlsx', 'csv'] });
  let kept: { undo(): Promise<void> } | null = null;
  try {
    const sheet = await inspectSheet({ kind: input.kind, file: upload.tempPath });
    const now = ctx.clock.now();
    const row = {
      id: randomUUID(), orgId: actor.orgId, kind: input.kind, status: 'uploaded', fileName: upload.fileName, fileSha256: upload.sha256, fileSize: upload.size, format: sheet.format,
      headers: JSON.stringify(sheet.headers), sample: JSON.stringify(sheet.sample), mapping: JSON.stringify(sheet.mapping), onDuplicate: 'skip', validOnly: 0,
      progressDone: 0, progressTotal: 0, report: null, result: null, failure: null, createdBy: actor.userId || null, version: 1, createdAt: now, updatedAt: now,
    };
    await ctx.db.transaction().execute(async (trx) => {
      kept = await ctx.blobs.keep(trx, upload);
      await repo.insertImportJob(trx, row);
      await recordAudit(trx, {
        actor, clock: ctx.clock, action: 'import.upload', entityType: 'import', entityId: row.id,
        summary: { zh: `上传导入文件：${upload.fileName}`, en: `Uploaded an import file: ${upload.fileName}` }, changes: { kind: input.kind, size: upload.size },
      });
    });
    return toImportJob(row as repo.ImportJobRow);
  } catch (error) {
    await fs.promises.rm(upload.tempPath, { force: true });
    if (kept && !(await isBlobReferenced(ctx.db, upload.sha256))) await (kept as { undo(): Promise<void> }).undo();
    throw error;
  }
}

export async function getImport(ctx: AppContext, actor: Actor, id: string): Promise<ImportJob> {
  const row = await repo.findImportJob(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound(importEntity);
  return toImportJob(row);
}

export async function listImports(ctx: AppContext, actor: Actor): Promise<ImportJob[]> {
  return (await repo.listImportJobs(ctx.db, scopeOf(actor), 20)).map(toImportJob);
}

function checkMapping(kind: ImportKind, mapping: ColumnMapping, width: number): void {
  const keys = new Set(listImportFields(kind).map((f) => f.key as string));
  const issues = mapping.flatMap((key, i) => (key === null || keys.has(key) ? [] : [{ field: `mapping.${i}`, code: 'UNKNOWN_FIELD', message: { zh: `没有「${key}」这个字段`, en: `there is no field '${key}'` } }]));
  if (mapping.length > width) issues.push({ field: 'mapping', code: 'TOO_MANY_COLUMNS', message: { zh: `表格只有 ${width} 列`, en: `the sheet has ${width} columns` } });
  for (const f of listRepeatedFields({ kind, mapping: mapping as never })) issues.push({ field: 'mapping', code: 'FIELD_REPEATED', message: { zh: `「${f.label.zh}」对应了多列`, en: `'${f.label.en}' is mapped to more than one column` } });
  for (const f of listUnmappedRequiredFields({ kind, mapping: mapping as never })) issues.push({ field: 'mapping', code: 'REQUIRED_UNMAPPED', message: { zh: `必填字段「${f.label.zh}」没有对应的列`, en: `the required field '${f.label.en}' has no column` } });
  if (issues.length > 0) throw invalidFields(issues);
}

async function requireJob(ctx: AppContext, actor: Actor, input: { id: string; version: number }): Promise<repo.ImportJobRow> {
  const row = await repo.findImportJob(ctx.db, scopeOf(actor), input.id);
  if (!row) throw notFound(importEntity);
  if (Number(row.version) !== input.version) throw versionConflict(importEntity, Number(row.version));
  return row;
}

const busy = (status: string) => new AppError('CONFLICT', { zh: `导入任务正在进行（${status}），请等它结束`, en: `The import is busy (${status}); wait for it to finish` });

/** Checks every row with the mapping the user confirmed, in the background; the report then shows what an import would do. */
export async function startCheck(ctx: AppContext, actor: Actor, input: { id: string } & ImportCheckRequest): Promise<ImportJob> {
  const row = await requireJob(ctx, actor, input);
  if (row.status === 'checking' || row.status === 'running' || row.status === 'done') throw busy(row.status);
  checkMapping(row.kind as ImportKind, input.mapping as ColumnMapping, readJson<string[]>(row.headers, []).length);
  const changes = { status: 'checking', mapping: JSON.stringify(input.mapping), report: null, result: null, failure: null, progressDone: 0, progressTotal: 0, updatedAt: ctx.clock.now() };
  if (!(await repo.updateImportJob(ctx.db, scopeOf(actor), { id: row.id, version: input.version }, changes))) throw versionConflict(importEntity, input.version + 1);
  enqueue(ctx, actor, row.id, false);
  return getImport(ctx, actor, row.id);
}

/** Imports the checked file in the background: every row in one transaction, or nothing. */
export async function startRun(ctx: AppContext, actor: Actor, input: { id: string } & ImportRunRequest): Promise<ImportJob> {
  const row = await requireJob(ctx, actor, input);
  if (row.status !== 'checked') {
    throw new AppError('CONFLICT', { zh: '请先检查文件（确认列对应后点击“检查”），再导入', en: 'Check the file first (confirm the columns, then Check), then import' });
  }
  const report = readJson<{ invalidRows: number } | null>(row.report, null);
  if (report && report.invalidRows > 0 && !input.validOnly) {
    throw new AppError('UNPROCESSABLE', { zh: `有 ${report.invalidRows} 行无效：请修正后重新上传，或选择“仅导入有效行”`, en: `${report.invalidRows} rows are invalid: fix them and upload again, or choose to import only the valid rows` });
  }
  const changes = { status: 'running', onDuplicate: input.onDuplicate, validOnly: input.validOnly ? 1 : 0, result: null, failure: null, progressDone: 0, progressTotal: 0, updatedAt: ctx.clock.now() };
  if (!(await repo.updateImportJob(ctx.db, scopeOf(actor), { id: row.id, version: input.version }, changes))) throw versionConflict(importEntity, input.version + 1);
  enqueue(ctx, actor, row.id, true);
  return getImport(ctx, actor, row.id);
}

// One import at a time per process: they compete for the same write lock (SQLite) and the same two cores.
let queue: Promise<void> = Promise.resolve();

/** Resolves once every import this process has queued has finished (tests, and a graceful stop). */
export function importsIdle(): Promise<void> {
  return queue;
}

function enqueue(ctx: AppContext, actor: Actor, id: string, write: boolean): void {
  queue = queue.then(() => runJob(ctx, actor, id, write)).catch((error: unknown) => ctx.logger.error({ err: error, importId: id }, 'import job failed unexpectedly'));
}

const failureOf = (error: unknown) =>
  error instanceof AppError && error.status < 500
    ? { code: error.code, message: error.messages }
    : { code: 'INTERNAL', message: { zh: '导入时发生内部错误，未写入任何数据', en: 'An internal error stopped the import; nothing was written' } };

async function runJob(ctx: AppContext, actor: Actor, id: string, write: boolean): Promise<void> {
  const scope = scopeOf(actor);
  const row = await repo.findImportJob(ctx.db, scope, id);
  if (!row) return;
  let last = 0;
  let writing: Promise<void> = Promise.resolve();
  const onProgress = (progress: { done: number; total: number }) => {
    const at = Date.now();
    if (at - last < 500 && progress.done !== progress.total) return;
    last = at;
    // Written beside the import (on SQLite, after its transaction), in order, never holding it up.
    writing = writing.then(() => repo.setImportProgress(ctx.db, scope, id, { progressDone: progress.done, progressTotal: progress.total, updatedAt: ctx.clock.now() })).catch(() => undefined);
  };
  let changes: Partial<repo.ImportJobRow>;
  try {
    const outcome = await withLocalFile(ctx, row.fileSha256, (file) =>
      processImport(ctx, {
        kind: row.kind as ImportKind, actor, path: file, mapping: readJson(row.mapping, []), onDuplicate: row.onDuplicate as 'skip' | 'update', validOnly: Number(row.validOnly) === 1, write, onProgress,
        limits: { maxRows: ctx.config.importMaxRows },
      }),
    );
    const blocked = write && outcome.result === null;
    changes = {
      status: blocked ? 'failed' : write ? 'done' : 'checked', report: JSON.stringify(outcome.report), result: outcome.result ? JSON.stringify(outcome.result) : null,
      failure: blocked ? JSON.stringify({ code: 'UNPROCESSABLE', message: { zh: `有 ${outcome.report.invalidRows} 行无效，未写入任何数据`, en: `${outcome.report.invalidRows} rows are invalid; nothing was written` } }) : null,
    };
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) ctx.logger.error({ err: error, importId: id }, 'import failed');
    changes = { status: 'failed', failure: JSON.stringify(failureOf(error)) };
  }
  await writing;
  const current = await repo.findImportJob(ctx.db, scope, id);
  if (current) await repo.updateImportJob(ctx.db, scope, { id, version: Number(current.version) }, { ...changes, progressDone: Number(current.progressTotal) || Number(current.progressDone), updatedAt: ctx.clock.now() });
}

/** At start: jobs a stopped process left checking or running are failed (their transaction never committed). */
export async function failInterruptedImports(ctx: AppContext): Promise<void> {
  const failure = JSON.stringify({ code: 'INTERRUPTED', message: { zh: '导入因服务重启而中断，未写入任何数据，请重新开始', en: 'The import was interrupted by a restart; nothing was written, start it again' } });
  // On PostgreSQL another instance may be running one: only those whose progress stopped two minutes ago are failed.
  const staleBefore = ctx.database.dialect === 'postgres' ? new Date(Date.parse(ctx.clock.now()) - 120_000).toISOString() : null;
  await repo.failInterruptedJobs(ctx.db, { failure, updatedAt: ctx.clock.now(), staleBefore });
}

