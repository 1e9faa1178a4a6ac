import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../platform/errors/app-error.ts';
import { loadConfig } from '../../platform/config.ts';
import { packageVersion } from '../../create-context.ts';
import { openDatabase } from '../../platform/db/database.ts';

/** Writes a consistent SQLite snapshot with the online backup API; safe while the server runs. */
export async function backupSqlite(options: { databaseUrl: string; target: string }): Promise<{ bytes: number }> {
  if (!options.databaseUrl.startsWith('sqlite:')) {
    throw new AppError('BAD_REQUEST', { zh: 'backup 仅用于 SQLite；PostgreSQL 请使用 pg_dump', en: 'backup is for the SQLite database; for PostgreSQL use pg_dump' });
  }
  const source = options.databaseUrl.replace(/^sqlite:/, '');
  if (!fs.existsSync(source)) throw new AppError('NOT_FOUND', { zh: `数据库文件不存在：${source}`, en: `No database file at ${source}` });
  const target = path.resolve(options.target);
  if (fs.existsSync(target)) throw new AppError('CONFLICT', { zh: `目标文件已存在：${target}`, en: `${target} already exists; choose a new file name` });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const handle = await openDatabase(options.databaseUrl);
  try {
    await handle.sqlite!.backup(partial);
    fs.renameSync(partial, target); // the finished file appears whole or not at all
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await handle.close();
  }
  return { bytes: fs.statSync(target).size };
}

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('Write a consistent snapshot of the SQLite database to <file> (works while the server runs)')
    .argument('<file>', 'the new backup file')
    .action(async (file: string) => {
      const config = loadConfig(process.env, packageVersion());
      const { bytes } = await backupSqlite({ databaseUrl: config.databaseUrl, target: file });
      process.stdout.write(`Backup written to ${path.resolve(file)} (${bytes} bytes)\n`);
    });
}
