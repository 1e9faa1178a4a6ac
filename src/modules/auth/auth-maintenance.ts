import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { deleteExpiredSessions } from './repository.ts';
import { pruneThrottle } from './throttle-repository.ts';
import { installPeriodicTask } from '../../platform/http/periodic-task.ts';

/** How often expired sessions and stale sign-in throttle rows are swept. */
export const authSweepIntervalMs = 10 * 60_000;

/** Deletes expired sessions and throttle rows idle long enough to have started over. */
export async function sweepAuthState(ctx: AppContext): Promise<{ sessions: number; throttleRows: number }> {
  const now = ctx.clock.now();
  return { sessions: await deleteExpiredSessions(ctx.db, { now }), throttleRows: await pruneThrottle(ctx.db, now) };
}

/** Sweeps on a timer that lives with the app (`installPeriodicTask`). */
export function installAuthMaintenance(app: FastifyInstance, ctx: AppContext): void {
  installPeriodicTask(app, {
    intervalMs: authSweepIntervalMs,
    task: () => sweepAuthState(ctx),
    onError: (err) => ctx.logger.warn({ err }, 'sweeping expired sessions failed'),
  });
}
