import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { exportArchive, type ArchiveCounts, type ArchiveSummary } from './export-archive.ts';
import { importArchive, type ImportSummary } from './import-archive.ts';
import type { ArchiveLimits } from './open-archive.ts';

/**
 * `licensedesk export --all <file.zip> [--org <id>]`: the organisation's archive, written next to its target as
 * `<file>.partial-<pid>` and renamed into place, so a failure leaves no file that looks whole. An existing file is
 * never overwritten. Audited in the organisation's log as the command line.
 */
export async function exportArchiveToFile(ctx: AppContext, options: { file: string; orgId: string }): Promise<ArchiveSummary & { file: string; bytes: number }> {
  const target = path.resolve(options.file);
  if (fs.existsSync(target)) throw new AppError('CONFLICT', { zh: `目标文件已存在：${target}`, en: `${target} already exists; choose a new file name` });
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  let handle: fs.promises.FileHandle | null = null;
  try {
    // Opened before anything else, so a file that cannot be created fails here, not as a stray stream error later.
    handle = await fs.promises.open(partial, 'wx');
    const summary = await exportArchive(ctx, { orgId: options.orgId, output: handle.createWriteStream() });
    await fs.promises.rename(partial, target);
    return { ...summary, file: target, bytes: (await fs.promises.stat(target)).size };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

/** `licensedesk import --archive <file.zip> --org <new name>`: restores the archive as a new organisation. */
export async function importArchiveFromFile(ctx: AppContext, options: { file: string; orgName: string; limits?: ArchiveLimits }): Promise<ImportSummary> {
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { zh: `文件不存在：${file}`, en: `No file at ${file}` });
  return importArchive(ctx, { input: file, orgName: options.orgName, limits: options.limits });
}

const countLine = (counts: ArchiveCounts) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');

/** What the export command prints. */
export function describeExport(summary: ArchiveSummary & { file: string; bytes: number }): string[] {
  const lines = [`Wrote ${summary.file} (${summary.bytes} bytes): all data of "${summary.organisation}". 已导出机构全部数据。`, `  ${countLine(summary.counts)}`];
  if (summary.missingFiles > 0) lines.push(`  ${summary.missingFiles} files the records name were missing from the blob store: listed in manifest.json (missingFiles), without content.`);
  return lines;
}

/** What the import command prints, with how the restored owners get a password. */
export function describeImport(summary: ImportSummary): string[] {
  const lines = [
    `Restored "${summary.orgName}" as organisation ${summary.orgId} from "${summary.source.orgName}" (exported ${summary.source.exportedAt}, ${summary.source.sourceDialect}, version ${summary.source.appVersion}). 已从归档恢复机构。`,
    `  ${countLine(summary.counts)}`,
  ];
  if (summary.missingFiles > 0) lines.push(`  ${summary.missingFiles} files were already missing at the source: their records name them, without content.`);
  if (summary.obligationsRefreshed > 0) lines.push(`  ${summary.obligationsRefreshed} obligations follow this instance's rules or calendar now (recorded in their history).`);
  lines.push('Restored users have no password yet (none leaves the source). 恢复的用户尚无密码。 Give one to an owner:');
  for (const email of summary.owners) lines.push(`  licensedesk user reset-password ${email} --org ${summary.orgId}`);
  lines.push('Webhooks were restored paused and without their secrets: turn them on again (or recreate them) in Settings.');
  return lines;
}
