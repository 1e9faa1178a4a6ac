import type { AppContext } from '../../app-context.ts';
import { listenToPostgres } from '../../platform/db/pg-listener.ts';
import { calendarChannel } from './repository.ts';

/** How often SQLite instances look at the calendar revision (one indexed row). */
export const sqliteCheckMs = 1000;
/** How often PostgreSQL instances look anyway, in case a notification was lost. */
export const postgresSafetyPollMs = 30_000;

export interface CalendarSync {
  stop(): Promise<void>;
}

/**
 * Keeps this instance's calendar in step with the database when the CLI or another instance changes it, at no cost
 * per request: on PostgreSQL by LISTEN/NOTIFY (plus a slow safety poll), on SQLite by a revision check each second.
 */
export function startCalendarSync(ctx: AppContext): CalendarSync {
  let checking = false;
  // A notification that arrives during a check may postdate what that check read: check once more afterwards.
  let again = false;
  let stopped = false;
  const check = async (): Promise<void> => {
    if (stopped) return;
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    try {
      if (await ctx.calendar.refreshIfChanged(ctx.db)) ctx.logger.info({ revision: ctx.calendar.revision() }, 'calendar changed elsewhere; reloaded');
    } catch (error) {
      if (!stopped) ctx.logger.warn({ err: error }, 'calendar revision check failed');
    } finally {
      checking = false;
    }
    if (again) {
      again = false;
      await check();
    }
  };
  const isPostgres = ctx.database.dialect === 'postgres';
  const timer = setInterval(() => void check(), isPostgres ? postgresSafetyPollMs : sqliteCheckMs);
  timer.unref();
  const listener = isPostgres
    ? listenToPostgres({ url: ctx.config.databaseUrl, channel: calendarChannel, logger: ctx.logger, onNotify: () => void check(), onConnect: () => void check() })
    : null;
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await listener?.close();
    },
  };
}
