import { validateOverrides, type CatalogOverrides } from '../../domain/catalog/catalog-overrides.ts';
import type { Db } from '../../platform/db/database.ts';
import { listOrgSettings, type OrgSettingRow } from './repository.ts';

function parseValue(row: OrgSettingRow): unknown {
  try {
    return JSON.parse(row.value);
  } catch {
    return undefined;
  }
}

/**
 * The organisation's rule overrides (Settings → rules). A stored value that is no longer valid (a key removed or bounds
 * narrowed by a later release) is skipped, so the catalog default applies rather than a broken rule.
 */
export async function loadRuleOverrides(db: Db, orgId: string): Promise<CatalogOverrides> {
  const overrides: Record<string, unknown> = {};
  for (const row of await listOrgSettings(db, orgId)) {
    const value = parseValue(row);
    if (validateOverrides({ [row.key]: value }).ok) overrides[row.key] = value;
  }
  return overrides as CatalogOverrides;
}
