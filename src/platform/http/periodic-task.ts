import type { FastifyInstance } from 'fastify';

/**
 * Runs `task` every `intervalMs` for as long as the app lives: started when it is ready, stopped when it closes (after
 * the run in progress finishes), never keeping the process up, and never two runs at once. A failed run is reported
 * to `onError` and the next one still happens.
 */
export function installPeriodicTask(app: FastifyInstance, options: { intervalMs: number; task: () => Promise<unknown>; onError: (err: unknown) => void; runAtStart?: boolean }): void {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(options.task).catch(options.onError);
  };
  app.addHook('onReady', async () => {
    if (options.runAtStart) run();
    timer = setInterval(run, options.intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
