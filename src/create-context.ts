import { createBlobStore, sweepStaleUploads } from './platform/storage/blob-store.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { repoRoot } from './platform/repo-root.ts';
import type { AppContext } from './app-context.ts';
import type { Config } from './platform/config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { createLogger } from './platform/logger.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { createHashingQueue } from './modules/auth/hashing-queue.ts';
import { createCalendarHolder } from './modules/calendar/calendar-holder.ts';
import { createTokenCache } from './modules/auth/token-cache.ts';
import { createMailer } from './modules/reminders/email.ts';

/** Reads the version once from package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Opens the database, brings the schema up to date and wires the adapters. */
export async function createContext(config: Config, options: { logger?: Logger; clock?: Clock } = {}): Promise<AppContext> {
  const database = await openDatabase(config.databaseUrl, { poolSize: config.dbPoolSize });
  const calendar = createCalendarHolder();
  try {
    await migrateToLatest(database.db);
    await calendar.reload(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const blobs = createBlobStore(config);
  sweepStaleUploads(blobs.tempDir, Date.now());
  return {
    config,
    database,
    db: database.db,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? createLogger(config.logLevel),
    hashing: createHashingQueue(),
    calendar,
    tokenCache: createTokenCache(),
    blobs,
    mailer: createMailer(config),
  };
}
