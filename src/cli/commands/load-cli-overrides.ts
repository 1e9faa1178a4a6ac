import type { AppContext } from '../../app-context.ts';
import type { CatalogOverrides } from '../../domain/catalog/catalog-overrides.ts';
import { loadRuleOverrides } from '../../modules/settings/load-rule-overrides.ts';
import { resolveOrg, withContext } from '../cli-context.ts';

/** An organisation's rule overrides when `--org` is given (this opens the database); the catalog defaults otherwise. */
export async function withCliOverrides<T>(org: string | undefined, work: (overrides: CatalogOverrides) => T | Promise<T>): Promise<T> {
  if (org === undefined) return work({});
  return withContext(async (ctx) => work(await loadRuleOverrides(ctx.db, await resolveOrg(ctx, org))));
}

/** The organisation's overrides within an open context: `--org`'s, or none. */
export async function overridesFor(ctx: AppContext, org: string | undefined): Promise<CatalogOverrides> {
  return org === undefined ? {} : loadRuleOverrides(ctx.db, await resolveOrg(ctx, org));
}
