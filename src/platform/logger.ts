import pino, { type Logger } from 'pino';

/** Creates the application logger; secrets in headers are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    // A calendar feed's URL is its credential: its token never reaches the log.
    serializers: {
      req: (req: { method?: string; url?: string; hostname?: string; remoteAddress?: string; remotePort?: number; id?: string }) => ({
        method: req.method, url: typeof req.url === 'string' ? redactFeedUrl(req.url) : req.url, host: req.hostname, remoteAddress: req.remoteAddress, remotePort: req.remotePort,
      }),
    },
  });
}

/** `/api/calendar-feeds/<token>.ics` → `/api/calendar-feeds/***.ics`. */
function redactFeedUrl(url: string): string {
  return url.replace(/(\/api\/calendar-feeds\/)[^/?#]+\.ics/, '$1***.ics');
}
