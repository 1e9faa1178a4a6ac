import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { describeImportError, findImportField, listImportFields, normalizeHeader, validateImportRow, type ColumnMapping, type ImportKind } from '../../domain/import/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { readSheetRows, type CellValue, type SheetReadLimits, type SheetRow } from '../../platform/sheets/read-sheet-rows.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { clientWriter } from './client-writer.ts';
import type { KindWriter, Known } from './kind-writer.ts';
import { licenceWriter } from './licence-writer.ts';
import type { ImportReport, ImportResult, OnDuplicate } from './schemas.ts';

/** What an import reads and how it treats what it finds. */
export interface ImportOptions {
  kind: ImportKind;
  actor: Actor;
  /** The spreadsheet, on local disk. */
  path: string;
  mapping: ColumnMapping;
  onDuplicate: OnDuplicate;
  validOnly: boolean;
  /** False: check only (a dry run), nothing is written. */
  write: boolean;
  limits?: Partial<SheetReadLimits>;
  /** Rows gone through so far, and the total when known (0 while reading). */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Every problem, row by row (the error report). */
  onIssue?: (issue: { row: number; message: { zh: string; en: string } }) => void;
}

export interface ImportOutcome {
  report: ImportReport;
  /** What was written; null when nothing was (a check, or invalid rows without `validOnly`). */
  result: ImportResult | null;
}

const listedAtMost = 500;
const batchSize = 500;

const writers: Record<ImportKind, KindWriter<any>> = { clients: clientWriter, licences: licenceWriter };

/** The template's second row names each column's field (hidden in the XLSX); a file that keeps it skips it. */
function isFieldKeyRow(kind: ImportKind, cells: readonly CellValue[]): boolean {
  const keys = new Set(listImportFields(kind).map((f) => normalizeHeader(f.key)));
  const filled = cells.filter((c) => c !== null && String(c).trim() !== '');
  return filled.length >= 2 && filled.every((c) => keys.has(normalizeHeader(String(c))));
}

/** Text an export neutralised against formula injection ('=…, '+…) reads back as written. */
const neutralised = /^'[=+\-@\t\r]/;
const restoreCell = (cell: CellValue): CellValue => (typeof cell === 'string' && neutralised.test(cell) ? cell.slice(1) : cell);

/** The data rows of the file: the header row and a template's field-key row left out, neutralised text restored. */
export async function* dataRows(options: { kind: ImportKind; path: string; limits?: Partial<SheetReadLimits> }): AsyncGenerator<SheetRow> {
  let seen = 0;
  for await (const row of readSheetRows({ path: options.path, limits: options.limits })) {
    seen += 1;
    if (seen === 1) continue;
    if (seen === 2 && isFieldKeyRow(options.kind, row.cells)) continue;
    yield { rowNumber: row.rowNumber, cells: row.cells.map(restoreCell) };
  }
}

function headerOf(kind: ImportKind, mapping: ColumnMapping, column: number | null, field: string): string {
  const label = findImportField({ kind, key: (column !== null ? mapping[column] : null) ?? field })?.label;
  return label ? label.zh : field;
}

/**
 * Reads every row of an import file and checks it (the cells, then the database: duplicates, a licence's holder), and
 * with `write` writes it, all in one transaction: every row, or with `validOnly` the valid ones; while any row is invalid
 * and `validOnly` is off, nothing. Duplicates (in the organisation, or earlier in the file) are skipped or update the
 * record. Two passes over the streamed file: the first checks and decides each row (remembering only row numbers and
 * keys, so memory stays flat), the second, in the transaction, reads the rows again and writes what was decided; the
 * transaction (and on SQLite the write lock) lasts only that long.
 */
export async function processImport(ctx: AppContext, options: ImportOptions): Promise<ImportOutcome> {
  const writer = writers[options.kind];
  const scope = { ...scopeOf(options.actor), clientId: null };
  const today = ctx.clock.today();
  const report: ImportReport = { totalRows: 0, validRows: 0, invalidRows: 0, duplicateRows: 0, issues: [], duplicates: [] };
  const known = new Map<string, Known & { row: number | null }>();
  // What the second pass does with each row: insert it (as the id its key was given), or update its key's record.
  const insertRows = new Set<number>();
  const updateRows = new Set<number>();
  let skipped = 0;

  const addIssue = (row: number, issue: { column: number | null; field: string; message: { zh: string; en: string } }) => {
    if (report.issues.length < listedAtMost) report.issues.push({ row, ...issue });
    if (options.onIssue) {
      const name = headerOf(options.kind, options.mapping, issue.column, issue.field);
      options.onIssue({ row, message: { zh: `「${name}」${issue.message.zh}`, en: `"${name}": ${issue.message.en}` } });
    }
  };

  const classify = async (batch: Array<{ row: number; value: unknown }>) => {
    if (batch.length === 0) return;
    let valid = batch;
    if (writer.resolve) {
      const problems = await writer.resolve(ctx.db, { scope, values: batch.map((b) => b.value), today });
      valid = batch.filter((b, i) => {
        if (problems[i].length === 0) return true;
        report.invalidRows += 1;
        const fieldColumn = (field: string) => options.mapping.indexOf(field as never);
        for (const p of problems[i]) addIssue(b.row, { column: fieldColumn(p.field) >= 0 ? fieldColumn(p.field) : null, field: p.field, message: p.message });
        return false;
      });
    }
    const unknownKeys = [...new Set(valid.map((b) => writer.keyOf(b.value)).filter((k) => !known.has(k)))];
    if (unknownKeys.length > 0) for (const [key, k] of await writer.findExisting(ctx.db, scope, unknownKeys)) known.set(key, { ...k, row: null });
    for (const b of valid) {
      report.validRows += 1;
      const key = writer.keyOf(b.value);
      const before = known.get(key);
      if (!before) {
        known.set(key, { id: randomUUID(), version: 1, row: b.row });
        insertRows.add(b.row);
        continue;
      }
      report.duplicateRows += 1;
      if (report.duplicates.length < listedAtMost) report.duplicates.push({ row: b.row, key, existing: before.row === null, firstRow: before.row });
      if (options.onDuplicate === 'update') updateRows.add(b.row);
      else skipped += 1;
    }
  };

  const validRows = async function* (onRow?: (row: number) => void) {
    for await (const row of dataRows(options)) {
      onRow?.(row.rowNumber);
      const checked = validateImportRow({ kind: options.kind, mapping: options.mapping as never, cells: row.cells, today });
      yield { row: row.rowNumber, checked };
    }
  };

  let batch: Array<{ row: number; value: unknown }> = [];
  for await (const { row, checked } of validRows()) {
    report.totalRows += 1;
    if (checked.ok) batch.push({ row, value: checked.value });
    else {
      report.invalidRows += 1;
      for (const e of checked.errors) addIssue(row, { column: e.column, field: e.field, message: { zh: e.reason.zh, en: e.reason.en } });
    }
    if (batch.length >= batchSize) {
      await classify(batch);
      batch = [];
      options.onProgress?.({ done: report.totalRows, total: 0 });
    }
  }
  await classify(batch);
  if (!options.write || (report.invalidRows > 0 && !options.validOnly)) return { report, result: null };

  const total = report.totalRows * 2;
  options.onProgress?.({ done: report.totalRows, total });
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    let done = report.totalRows;
    let inserts: Array<{ id: string; value: unknown }> = [];
    let touched: string[] = [];
    const flush = async () => {
      if (inserts.length > 0) {
        if (writer.resolve) await writer.resolve(trx, { scope, values: inserts.map((r) => r.value), today });
        await writer.insert(trx, { ctx, scope, now, rows: inserts });
        touched.push(...inserts.map((r) => r.id));
        inserts = [];
      }
      if (touched.length > 0) await writer.afterBatch?.(trx, { ctx, ids: touched });
      touched = [];
      options.onProgress?.({ done, total });
    };
    for await (const { row, checked } of validRows()) {
      done += 1;
      if (!checked.ok || (!insertRows.has(row) && !updateRows.has(row))) continue;
      const key = writer.keyOf(checked.value);
      const target = known.get(key)!;
      if (insertRows.has(row)) inserts.push({ id: target.id, value: checked.value });
      else {
        // The record an update meets may be one this import is about to insert: write those first.
        await flush();
        if (writer.resolve) await writer.resolve(trx, { scope, values: [checked.value], today });
        if (!(await writer.update(trx, { ctx, scope, now, target, value: checked.value }))) {
          throw new AppError('CONFLICT', { zh: `第 ${row} 行对应的记录在导入期间被他人修改，未写入任何数据，请重新导入`, en: `The record of row ${row} changed while the import ran; nothing was written, run the import again` });
        }
        target.version += 1;
        touched.push(target.id);
      }
      if (inserts.length >= batchSize || touched.length >= batchSize) await flush();
    }
    await flush();
    const entity = options.kind === 'clients' ? { zh: '客户', en: 'clients' } : { zh: '许可证', en: 'licences' };
    await recordAudit(trx, {
      actor: options.actor, clock: ctx.clock, action: `import.${options.kind}`, entityType: 'import', entityId: null,
      summary: {
        zh: `导入${entity.zh}：新建 ${insertRows.size}，更新 ${updateRows.size}，跳过重复 ${skipped}${options.validOnly ? `，跳过无效 ${report.invalidRows}` : ''}`,
        en: `Imported ${entity.en}: ${insertRows.size} created, ${updateRows.size} updated, ${skipped} duplicates skipped${options.validOnly ? `, ${report.invalidRows} invalid rows left out` : ''}`,
      },
    });
    options.onProgress?.({ done: total, total });
  });
  return { report, result: { created: insertRows.size, updated: updateRows.size, skipped, invalidSkipped: options.validOnly ? report.invalidRows : 0 } };
}

/** One line per problem for the CLI and the error report, naming the row and the column. */
export function describeIssue(kind: ImportKind, issue: ImportReport['issues'][number]) {
  return describeImportError({ kind, rowNumber: issue.row, error: { column: issue.column, field: issue.field as never, reason: { code: '', ...issue.message } } });
}
