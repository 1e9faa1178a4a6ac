import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../platform/config.ts';
import type { Clock } from '../platform/clock.ts';
import { createContext, packageVersion } from '../create-context.ts';
import { createLogger } from '../platform/logger.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { bootstrapIfEmpty } from '../modules/organisations/bootstrap.ts';
import { announceBootstrap } from '../modules/organisations/announce-bootstrap.ts';

/** Thrown to end the CLI with an exit status after output was already written. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Opens the configured database for a command (quiet logs), runs `work`, and always closes it. */
export async function withContext<T>(work: (ctx: AppContext) => Promise<T>, options: { clock?: Clock } = {}): Promise<T> {
  const config = loadConfig(process.env, packageVersion());
  const ctx = await createContext(config, { logger: createLogger('warn'), clock: options.clock });
  try {
    // A first start that just works from any command: an empty database gets its owner (and demo) here too.
    // On stderr, so a command's own output (e.g. a batch) stays clean.
    announceBootstrap(await bootstrapIfEmpty(ctx), `http://${config.host}:${config.port}`, process.stderr);
    return await work(ctx);
  } finally {
    ctx.mailer.close();
    await ctx.database.close();
  }
}

/** The organisation a command acts for: the given one, or the only one there is. */
export async function resolveOrg(ctx: AppContext, orgId: string | undefined): Promise<string> {
  const orgs = await ctx.db.selectFrom('organisations').select(['id', 'name']).execute();
  if (orgId) {
    if (!orgs.some((o) => o.id === orgId)) throw new AppError('NOT_FOUND', { zh: `组织 ${orgId} 不存在`, en: `No organisation ${orgId}` });
    return orgId;
  }
  if (orgs.length === 1) return orgs[0].id;
  if (orgs.length === 0) throw new AppError('NOT_FOUND', { zh: '尚无组织：请先运行 serve 完成首次启动', en: 'No organisation yet: run `licensedesk serve` once first' });
  throw new AppError('BAD_REQUEST', { zh: '存在多个组织，请用 --org 指定', en: `Several organisations exist; choose one with --org (${orgs.map((o) => `${o.id} ${o.name}`).join('; ')})` });
}
