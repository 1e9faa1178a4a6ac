/** The clock adapter: the only place that reads the time, so rules and tests can fix "now". */
export interface Clock {
  /** The current instant as an ISO timestamp. */
  now(): string;
  /** Today's calendar date in China time (Asia/Shanghai), `YYYY-MM-DD`. */
  today(): string;
}

const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => chinaDate.format(new Date()),
};

/** A clock that stands still, for tests. */
export function fixedClock(instant: string): Clock {
  return { now: () => instant, today: () => chinaDate.format(new Date(instant)) };
}

/** The calendar date in China time (Asia/Shanghai) of an ISO instant, `YYYY-MM-DD`. */
export function chinaDateOf(instant: string): string {
  return chinaDate.format(new Date(instant));
}
