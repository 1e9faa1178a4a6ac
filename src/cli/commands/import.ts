import fs from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { guessColumnMapping, listRepeatedFields, listUnmappedRequiredFields, type ImportKind } from '../../domain/import/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { operatorActor } from '../../modules/access/actor.ts';
import { describeIssue, processImport } from '../../modules/imports/process-import.ts';
import { inspectSheet } from '../../modules/imports/service.ts';
import { describeImport, importArchiveFromFile } from '../../modules/archive/cli.ts';
import { CliExit, resolveOrg, withContext } from '../cli-context.ts';

const write = (text: string) => process.stdout.write(`${text}\n`);

export interface ImportCommandOptions {
  kind?: string;
  org?: string;
  dryRun?: boolean;
  onDuplicate?: string;
  validOnly?: boolean;
  json?: boolean;
}

/** Reasons a file cannot be read at all: exit 2, as the command's help says. */
const unreadable = new Set(['SHEET_UNREADABLE', 'SHEET_EMPTY', 'SHEET_ENCODING', 'SHEET_TOO_LARGE_UNCOMPRESSED', 'SHEET_TOO_MANY_ROWS', 'NOT_FOUND']);

function fail(code: number, message: { zh: string; en: string }): never {
  process.stderr.write(`licensedesk: ${message.en}\n  ${message.zh}\n`);
  throw new CliExit(code);
}

/**
 * `licensedesk import <file> --kind clients|licences`: the same check and the same one-transaction write as the web
 * import, with the columns guessed from the headings. Exits 0 when every row was (or, with --dry-run, would be) written,
 * 1 when any row is invalid (with --valid-only the valid ones are still written), 2 when the file cannot be read.
 */
export async function importFile(file: string, o: ImportCommandOptions): Promise<void> {
  if (o.kind !== 'clients' && o.kind !== 'licences') fail(2, { zh: '--kind 须为 clients 或 licences', en: '--kind must be clients or licences' });
  if (o.onDuplicate !== undefined && o.onDuplicate !== 'skip' && o.onDuplicate !== 'update') fail(2, { zh: '--on-duplicate 须为 update 或 skip', en: '--on-duplicate must be update or skip' });
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) fail(2, { zh: `文件不存在：${file}`, en: `No such file: ${file}` });
  const kind = o.kind as ImportKind;
  await withContext(async (ctx) => {
    const actor = operatorActor(await resolveOrg(ctx, o.org));
    let bar: cliProgress.SingleBar | null = null;
    try {
      const sheet = await inspectSheet({ kind, file });
      const problems = [...listUnmappedRequiredFields({ kind, mapping: sheet.mapping as never }), ...listRepeatedFields({ kind, mapping: sheet.mapping as never })];
      if (problems.length > 0) {
        fail(2, {
          zh: `无法对应表头：${problems.map((f) => f.label.zh).join('、')}（表头为：${sheet.headers.join('、')}）`,
          en: `The headings do not name every required field once: ${problems.map((f) => f.label.en).join(', ')} (headings: ${sheet.headers.join(', ')})`,
        });
      }
      if (!o.json && process.stderr.isTTY) {
        bar = new cliProgress.SingleBar({ format: '{bar} {percentage}% | {value}/{total} rows', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(1, 0);
      }
      const progressBar = bar;
      // Without a terminal (a log, a pipe), progress goes to stderr as a line per tenth of the way.
      let lastTenth = -1;
      const progressLine = !o.json && !bar ? (p: { done: number; total: number }) => {
        const tenth = p.total > 0 ? Math.floor((p.done / p.total) * 10) : -1;
        if (p.total === 0 || tenth === lastTenth) return;
        lastTenth = tenth;
        process.stderr.write(`progress 进度 ${p.done}/${p.total}\n`);
      } : undefined;
      const outcome = await processImport(ctx, {
        kind, actor, path: file, mapping: guessColumnMapping({ kind, headers: sheet.headers }), onDuplicate: (o.onDuplicate ?? 'skip') as 'skip' | 'update', validOnly: o.validOnly === true, write: o.dryRun !== true,
        limits: { maxRows: ctx.config.importMaxRows },
        onProgress: progressBar ? (p) => {
          progressBar.setTotal(Math.max(p.total, p.done, 1));
          progressBar.update(p.done);
        } : progressLine,
      });
      bar?.stop();
      const { report, result } = outcome;
      if (o.json) write(JSON.stringify({ kind, dryRun: o.dryRun === true, report, result }));
      else {
        write(`${report.totalRows} rows: ${report.validRows} valid, ${report.invalidRows} invalid, ${report.duplicateRows} duplicates. 共 ${report.totalRows} 行：有效 ${report.validRows}，无效 ${report.invalidRows}，重复 ${report.duplicateRows}。`);
        for (const issue of report.issues) {
          const line = describeIssue(kind, issue);
          write(`  ${line.zh}  ${line.en}`);
        }
        if (report.invalidRows > report.issues.length) write(`  … (the first ${report.issues.length} problems are listed)`);
        if (result) write(`Written: ${result.created} created, ${result.updated} updated, ${result.skipped} duplicates skipped. 已写入：新建 ${result.created}，更新 ${result.updated}，跳过重复 ${result.skipped}。`);
        else if (o.dryRun) write('Dry run: nothing was written. 试运行：未写入任何数据。');
        else write('Nothing was written: fix the invalid rows, or use --valid-only. 未写入任何数据：请修正无效行，或使用 --valid-only。');
      }
      if (report.invalidRows > 0) throw new CliExit(1);
    } catch (error) {
      bar?.stop();
      if (error instanceof AppError && unreadable.has(error.code)) fail(2, error.messages);
      throw error;
    }
  });
}

/** `licensedesk import --archive <file.zip> --org <new name>`: a whole organisation restored as a new one. */
async function restoreArchive(file: string, o: ImportCommandOptions): Promise<void> {
  if (!o.org || o.org.trim() === '') fail(2, { zh: '请用 --org 给出新组织的名称', en: 'Name the new organisation with --org' });
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) fail(2, { zh: `文件不存在：${file}`, en: `No such file: ${file}` });
  await withContext(async (ctx) => {
    const summary = await importArchiveFromFile(ctx, { file, orgName: o.org!.trim() });
    if (o.json) write(JSON.stringify(summary));
    else for (const line of describeImport(summary)) write(line);
  });
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import clients or licences from an XLSX or CSV file (UTF-8 or GB18030) into an organisation, in one transaction')
    .argument('[file]', 'the spreadsheet')
    .option('--kind <kind>', 'clients or licences')
    .option('--org <id>', 'organisation id (needed when there are several); with --archive, the new organisation’s name')
    .option('--archive <zip>', 'restore a whole-organisation archive (from `export --all`) into a new organisation named by --org')
    .option('--dry-run', 'check every row and report, writing nothing')
    .option('--on-duplicate <choice>', 'a credit code or licence number already there (or earlier in the file): update or skip', 'skip')
    .option('--valid-only', 'write the valid rows even when some are invalid')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExit status: 0 every row written (or would be, with --dry-run); 1 some row invalid; 2 the file cannot be read.')
    .action((file: string | undefined, o: ImportCommandOptions & { archive?: string }) => {
      if (o.archive !== undefined) return restoreArchive(o.archive, o);
      if (file === undefined) fail(2, { zh: '请给出要导入的文件，或用 --archive 恢复归档', en: 'Name the file to import, or restore an archive with --archive' });
      return importFile(file, o);
    });
}
