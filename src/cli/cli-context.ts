import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../platform/config.ts';
import { createContext, packageVersion } from '../create-context.ts';
import { createLogger } from '../platform/logger.ts';

/** Thrown to end the CLI with an exit status after output was already written. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Opens the configured database for a command (quiet logs), runs `work`, and always closes it. */
export async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, packageVersion());
  const ctx = await createContext(config, { logger: createLogger('warn') });
  try {
    return await work(ctx);
  } finally {
    await ctx.database.close();
  }
}
