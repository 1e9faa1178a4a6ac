import type { Clock } from '../../src/platform/clock.ts';
import { fixedClock } from '../../src/platform/clock.ts';

/** A clock a test moves by hand: time passes only when the test says so. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(start = '2030-01-15T02:00:00.000Z'): ManualClock {
  let nowMs = Date.parse(start);
  return {
    now: () => new Date(nowMs).toISOString(),
    today: () => fixedClock(new Date(nowMs).toISOString()).today(),
    advance: (ms) => {
      nowMs += ms;
    },
  };
}
