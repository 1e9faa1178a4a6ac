import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../../platform/errors/app-error.ts';
import { describeExport, exportArchiveToFile } from '../../modules/archive/cli.ts';
import { exportList } from '../../modules/exports/export-list.ts';
import { exportKinds, type ExportFormat, type ExportKind, type ExportLang } from '../../modules/exports/schemas.ts';
import { resolveOrg, withContext } from '../cli-context.ts';

interface ExportOptions { kind?: string; all?: string; org?: string; format?: ExportFormat; lang: ExportLang; filter: string[] }

/** `--filter status=overdue` as { status: 'overdue' }; the export checks names and values against the list's filters. */
function readFilters(pairs: string[]): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new AppError('BAD_REQUEST', { zh: `--filter 应写作 名称=值，收到 ${pair}`, en: `--filter takes name=value, got "${pair}"` });
    filters[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return filters;
}

/** Writes next to the target first and renames it into place, so a failure leaves no half-written file. */
async function writeAtomically<T>(file: string, write: (partial: string) => Promise<T>): Promise<T> {
  const target = path.resolve(file);
  const partial = `${target}.partial-${process.pid}`;
  try {
    const result = await write(partial);
    await fs.promises.rename(partial, target);
    return result;
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

async function exportKind(kind: ExportKind, file: string, o: ExportOptions): Promise<void> {
  const target = path.resolve(file);
  const format = o.format ?? (path.extname(target).toLowerCase() === '.csv' ? 'csv' : 'xlsx');
  const filters = readFilters(o.filter);
  await withContext(async (ctx) => {
    const orgId = await resolveOrg(ctx, o.org);
    const { rows } = await writeAtomically(target, (partial) => exportList(ctx, { orgId, kind, format, lang: o.lang, filters, output: fs.createWriteStream(partial, { flags: 'wx' }) }));
    process.stdout.write(`Wrote ${target} (${rows} rows). 已导出 ${rows} 行。\n`);
  });
}

async function exportAll(file: string, o: ExportOptions): Promise<void> {
  await withContext(async (ctx) => {
    const orgId = await resolveOrg(ctx, o.org);
    const summary = await exportArchiveToFile(ctx, { orgId, file: path.resolve(file) });
    for (const line of describeExport(summary)) process.stdout.write(`${line}\n`);
  });
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export a list (clients, applications, licences, obligations) to XLSX or CSV with the list’s filters, or with --all the whole organisation as a ZIP archive')
    .argument('[file]', 'where to write the list (.csv gives CSV unless --format says otherwise)')
    .addOption(new Option('--kind <kind>', 'what to export').choices(exportKinds))
    .option('--all <file.zip>', 'every record (JSON), every uploaded file and a manifest of SHA-256 hashes, as one ZIP; restore with `import --archive`')
    .option('--org <id>', 'organisation id (needed when there are several)')
    .addOption(new Option('--format <format>', 'xlsx or csv (default: from the file name, else xlsx)').choices(['xlsx', 'csv']))
    .addOption(new Option('--lang <lang>', 'language of headings and values').choices(['zh-CN', 'en-US']).default('zh-CN'))
    .option('--filter <name=value>', 'a filter of the list, repeatable (e.g. status=overdue, province=GD, dueWithinDays=30)', (value: string, all: string[]) => [...all, value], [])
    .action((file: string | undefined, o: ExportOptions) => {
      if (o.all !== undefined) return exportAll(o.all, o);
      if (!o.kind || !file) throw new AppError('BAD_REQUEST', { zh: '请用 --kind 指定导出内容并给出文件名，或用 --all <文件.zip> 导出全部', en: 'Give --kind and a file, or --all <file.zip> for everything' });
      return exportKind(o.kind as ExportKind, file, o);
    });
}
