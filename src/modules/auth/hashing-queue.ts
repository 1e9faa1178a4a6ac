import { AppError } from '../../platform/errors/app-error.ts';

/**
 * Password checks run at most this many at a time, with a short line behind them; anyone further is told at once to
 * come back. argon2 runs on libuv's thread pool (4 threads), so a flood would otherwise starve file reads and every
 * other request with them.
 */
export const hashingLimits = { maxInFlight: 2, maxWaiting: 8, retryAfterSeconds: 2 } as const;

/** Runs password work under a concurrency bound. */
export interface HashingQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
}

export function serverBusy(retryAfterSeconds: number): AppError {
  return new AppError(
    'SERVER_BUSY',
    { zh: `当前登录请求过多，请在 ${retryAfterSeconds} 秒后重试`, en: `Too many sign-ins at once. Try again in ${retryAfterSeconds} seconds` },
    { retryAfterSeconds },
  );
}

export function createHashingQueue(limits: { maxInFlight: number; maxWaiting: number; retryAfterSeconds: number } = hashingLimits): HashingQueue {
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  // A finished job hands its slot straight to the next in line, so the count never overshoots.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight -= 1;
  };
  return {
    async run(job) {
      if (inFlight < limits.maxInFlight) inFlight += 1;
      else if (waiting.length < limits.maxWaiting) await new Promise<void>((resolve) => waiting.push(resolve));
      else throw serverBusy(limits.retryAfterSeconds);
      try {
        return await job();
      } finally {
        release();
      }
    },
  };
}
