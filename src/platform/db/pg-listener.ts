import pg from 'pg';
import type { Logger } from 'pino';

export interface PgListenerOptions {
  url: string;
  /** A plain identifier (letters, digits, underscores). */
  channel: string;
  onNotify(payload: string | undefined): void;
  /** Called after every (re)connection: notifications sent while disconnected are lost, so check for missed changes. */
  onConnect(): void;
  logger: Logger;
  /** First wait before reconnecting; doubles up to 30 s. */
  retryMs?: number;
}

export interface PgListener {
  close(): Promise<void>;
}

/** Name the listening connection carries in pg_stat_activity. */
export const listenerApplicationName = 'licensedesk-listener';

/** A dedicated PostgreSQL connection that LISTENs on one channel and reconnects whenever it drops. */
export function listenToPostgres(options: PgListenerOptions): PgListener {
  if (!/^\w+$/.test(options.channel)) throw new Error(`Invalid channel name ${options.channel}`);
  const firstRetry = options.retryMs ?? 500;
  let client: pg.Client | null = null;
  let closed = false;
  let retry = firstRetry;
  let timer: NodeJS.Timeout | null = null;

  const scheduleReconnect = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retry);
    timer.unref();
    retry = Math.min(retry * 2, 30_000);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: options.url, application_name: listenerApplicationName });
    client = next;
    let dropped = false;
    const drop = (error?: Error) => {
      if (dropped) return;
      dropped = true;
      if (!closed) options.logger.warn({ err: error }, 'calendar listener disconnected; reconnecting');
      next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on('error', drop);
    next.on('end', () => drop());
    next.on('notification', (message) => {
      if (message.channel === options.channel) options.onNotify(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${options.channel}`);
    } catch (error) {
      drop(error as Error);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    retry = firstRetry;
    options.onConnect();
  };

  void connect();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await client?.end().catch(() => undefined);
    },
  };
}
