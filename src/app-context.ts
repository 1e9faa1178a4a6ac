import type { Logger } from 'pino';
import type { Config } from './platform/config.ts';
import type { Clock } from './platform/clock.ts';
import type { DatabaseHandle, Db } from './platform/db/database.ts';
import type { HashingQueue } from './modules/auth/hashing-queue.ts';
import type { CalendarHolder } from './modules/calendar/calendar-holder.ts';
import type { TokenCache } from './modules/auth/token-cache.ts';
import type { BlobStore } from './platform/storage/blob-store.ts';
import type { Mailer } from './modules/reminders/email.ts';

/** Everything a use case may reach outside itself: the adapters, passed in, never imported as globals. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Bounds concurrent password checks at sign-in (per process: it guards this process's CPU and thread pool). */
  hashing: HashingQueue;
  /** The official working-day calendar in force (built-in years plus loaded ones). */
  calendar: CalendarHolder;
  /** Resolved API tokens of this instance; every change that narrows access calls `forgetAll()` after its commit. */
  tokenCache: TokenCache;
  /** Uploaded files, addressed by SHA-256 (disk or database, by configuration). */
  blobs: BlobStore;
  /** Reminder mail over LICENSEDESK_SMTP_URL (not configured: no mail is queued). */
  mailer: Mailer;
}
