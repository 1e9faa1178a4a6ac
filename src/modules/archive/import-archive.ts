import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { compactOrgCounters } from '../../platform/db/org-counters.ts';
import { toSearchColumns } from '../../platform/db/search-grams.ts';
import { sequentialId } from '../../platform/db/sequential-id.ts';
import { takeWriteLock } from '../../platform/db/write-lock.ts';
import { invalidFields } from '../../platform/errors/app-error.ts';
import { cleanText, textProblemMessages } from '../../platform/http/text.ts';
import type { PendingBlob } from '../../platform/storage/blob-store.ts';
import { isBlobReferenced } from '../applications/materials-repository.ts';
import { refreshOpenDueDates } from '../applications/due-dates.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { CountDeltas, type Counted } from '../obligations/counts.ts';
import { refreshAllObligations } from '../obligations/refresh.ts';
import { archiveInvalid } from './archive-errors.ts';
import type { ArchiveManifest } from './archive-manifest.ts';
import { toStoredRow, type KnownFiles } from './archive-rows.ts';
import { archiveTableNames, archiveTables, recordsPath, type ArchiveTable, type ArchiveTableName } from './archive-tables.ts';
import type { ArchiveCounts } from './export-archive.ts';
import { createIdMap, type IdMap } from './id-map.ts';
import { openArchive, type ArchiveLimits, type OpenedArchive } from './open-archive.ts';
import * as repo from './repository.ts';
import { knownFiles, readArchiveRows, stageFiles, verifyArchive } from './verify-archive.ts';

/**
 * What a restored user's password hash is: no hash leaves the source, and this one opens nothing (argon2 cannot read
 * it), so a restored account signs in only after a password is set for it (`user reset-password`, Settings → Users).
 */
export const restoredPasswordHash = '!restored-from-archive:no-password';

export interface ImportSummary {
  orgId: string;
  orgName: string;
  counts: ArchiveCounts;
  /** Active owners of the restored organisation: the first to give a password (`licensedesk user reset-password <email> --org <orgId>`). */
  owners: string[];
  source: Pick<ArchiveManifest, 'appVersion' | 'sourceDialect' | 'exportedAt'> & { orgName: string };
  /** Obligation rows the refresh changed because this instance's rules or calendar differ from the source's. */
  obligationsRefreshed: number;
  /** Files the records name that the source no longer had: named as before, without content. */
  missingFiles: number;
}

/** Rows inserted per statement batch while a table streams in. */
const batchRows = 500;

function checkOrgName(raw: string): string {
  const { value, problem } = cleanText(raw);
  if (problem) throw invalidFields([{ field: 'orgName', code: 'TEXT_INVALID', message: textProblemMessages[problem] }]);
  if (value.length < 1 || value.length > 200) throw invalidFields([{ field: 'orgName', code: 'LENGTH', message: { zh: '机构名称应为 1–200 个字符', en: 'the organisation name must be 1–200 characters' } }]);
  return value;
}

/** Columns the archive does not carry, filled for the new organisation (see the decisions in `archive-tables.ts`). */
function completeRow(table: ArchiveTableName, row: repo.StoredRow, orgName: string): repo.StoredRow {
  switch (table) {
    case 'organisations':
      return { ...row, name: orgName, isActive: 1 };
    case 'clients':
      return { ...row, ...toSearchColumns(row.name as string) };
    case 'users':
      return { ...row, passwordHash: restoredPasswordHash, isOperator: 0, lastLoginAt: null };
    case 'webhooks':
      return { ...row, secret: '', isActive: 0 };
    default:
      return row;
  }
}

interface RestoreState {
  archive: OpenedArchive;
  files: KnownFiles;
  ids: IdMap;
  orgName: string;
  obligationCounts: CountDeltas;
  counts: ArchiveCounts;
  owners: string[];
}

async function insertBatch(ctx: AppContext, trx: Db, spec: ArchiveTable, rows: repo.StoredRow[]): Promise<void> {
  try {
    await repo.insertRecords(trx, spec, rows);
  } catch (error) {
    ctx.logger.warn({ err: error, table: spec.name }, 'an archive row was refused by the database');
    throw archiveInvalid(recordsPath(spec.name), { zh: '记录之间不一致（重复，或引用了不存在的记录）', en: 'its records do not fit together (a duplicate, or a reference to a record that does not exist)' });
  }
}

async function restoreTable(ctx: AppContext, trx: Db, spec: ArchiveTable, state: RestoreState): Promise<void> {
  let batch: repo.StoredRow[] = [];
  for await (const { row, where } of readArchiveRows(state.archive, spec, state.files)) {
    const stored = completeRow(spec.name, toStoredRow(spec, row, { ids: state.ids, where }), state.orgName);
    if (spec.name === 'obligations') state.obligationCounts.inserted(stored as unknown as Counted);
    if (spec.name === 'users' && stored.role === 'owner' && stored.isActive === 1) state.owners.push(stored.email as string);
    state.counts[spec.name] += 1;
    batch.push(stored);
    if (batch.length >= batchRows) {
      await insertBatch(ctx, trx, spec, batch);
      batch = [];
    }
  }
  await insertBatch(ctx, trx, spec, batch);
}

/** Rebuilds what is derived from the restored rows, then brings obligations and due dates in step with this instance. */
async function rebuildDerived(ctx: AppContext, trx: Db, state: RestoreState): Promise<number> {
  await state.obligationCounts.apply(trx);
  // The clients' triggers filled the search tables and appended counter deltas; fold them in.
  await compactOrgCounters(trx);
  const refreshed = await refreshAllObligations(ctx, trx, { orgId: state.ids.targetOrgId });
  await refreshOpenDueDates(ctx, trx, { orgId: state.ids.targetOrgId });
  return refreshed;
}

async function restore(ctx: AppContext, state: RestoreState, staged: PendingBlob[]): Promise<ImportSummary> {
  const { manifest } = state.archive;
  const orgId = state.ids.targetOrgId;
  const kept: Array<{ sha256: string; undo(): Promise<void> }> = [];
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await takeWriteLock(trx);
      // Files first: a row that fails after them undoes them too (the `database` store's in this transaction).
      for (const blob of staged) kept.push({ sha256: blob.sha256, ...(await ctx.blobs.keep(trx, blob)) });
      for (const spec of archiveTables) await restoreTable(ctx, trx, spec, state);
      state.counts.files = staged.length;
      const obligationsRefreshed = await rebuildDerived(ctx, trx, state);
      await recordAudit(trx, {
        actor: { userId: null, orgId }, clock: ctx.clock, action: 'organisation.archive.import', entityType: 'organisation', entityId: orgId,
        summary: { zh: `从归档恢复机构「${state.orgName}」（源机构「${manifest.organisation.name}」，导出于 ${manifest.exportedAt}）`, en: `Restored "${state.orgName}" from an archive of "${manifest.organisation.name}" exported at ${manifest.exportedAt}` },
        changes: { counts: state.counts, source: { appVersion: manifest.appVersion, sourceDialect: manifest.sourceDialect, exportedAt: manifest.exportedAt } },
      });
      return {
        orgId, orgName: state.orgName, counts: state.counts, owners: state.owners, obligationsRefreshed, missingFiles: manifest.missingFiles.length,
        source: { orgName: manifest.organisation.name, appVersion: manifest.appVersion, sourceDialect: manifest.sourceDialect, exportedAt: manifest.exportedAt },
      };
    });
  } catch (error) {
    // Nothing of a failed restore stays: the rows rolled back, and each file it added (unless another row now names it).
    for (const blob of kept) if (!(await isBlobReferenced(ctx.db, blob.sha256))) await blob.undo();
    throw error;
  }
}

/**
 * Restores an archive (`exportArchive`) as a NEW organisation named `orgName`, beside whatever the database holds (the
 * source organisation included): every id is replaced by a new one, consistently in every reference. The archive is
 * verified whole first (each entry's SHA-256 and size against the manifest, every record's shape, the limits), then
 * every row is written in one transaction, with the files kept through the blob store and undone if it fails.
 *
 * Restored users keep their emails (an email is unique within an organisation, and the same address in another one is
 * a separate account, so nothing collides) and roles, but have no password and no sign-in history.
 */
export async function importArchive(ctx: AppContext, input: { input: string; orgName: string; limits?: ArchiveLimits }): Promise<ImportSummary> {
  const orgName = checkOrgName(input.orgName);
  const archive = await openArchive(input.input, input.limits);
  const staged: PendingBlob[] = [];
  try {
    const ids = createIdMap({ sourceOrgId: archive.manifest.organisation.id, targetOrgId: randomUUID() });
    await verifyArchive(archive, ids);
    ids.assign(sequentialId);
    await stageFiles(archive, { tempDir: ctx.blobs.tempDir, staged });
    const counts = Object.fromEntries([...archiveTableNames, 'files'].map((name) => [name, 0])) as ArchiveCounts;
    return await restore(ctx, { archive, files: knownFiles(archive), ids, orgName, obligationCounts: new CountDeltas(), counts, owners: [] }, staged);
  } finally {
    archive.close();
    // Kept files were moved into the store; what is left here is a copy nobody needs.
    await Promise.all(staged.map((blob) => fs.promises.rm(blob.tempPath, { force: true })));
  }
}
