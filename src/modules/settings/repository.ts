import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { OrgSettingsTable } from '../../platform/db/schema.ts';

export type OrgSettingRow = Selectable<OrgSettingsTable>;

/**
 * An organisation's settings. Not filtered by `withinScope`: these are the organisation's own rules, applied to every
 * member's computations (client users included); who may read or change them is decided by the route's permission.
 */
export async function listOrgSettings(db: Db, orgId: string): Promise<OrgSettingRow[]> {
  return db.selectFrom('orgSettings').selectAll().where('orgId', '=', orgId).orderBy('key').execute();
}

/** Sets one value, replacing any earlier one for the same key. */
export async function upsertOrgSetting(db: Db, row: OrgSettingRow): Promise<void> {
  await db
    .insertInto('orgSettings')
    .values(row)
    .onConflict((oc) => oc.columns(['orgId', 'key']).doUpdateSet({ value: row.value, updatedBy: row.updatedBy, updatedAt: row.updatedAt }))
    .execute();
}

export async function deleteOrgSetting(db: Db, key: { orgId: string; key: string }): Promise<void> {
  await db.deleteFrom('orgSettings').where('orgId', '=', key.orgId).where('key', '=', key.key).execute();
}

/** The version of the organisation's rule settings (bumped by every change). */
export async function findSettingsVersion(db: Db, orgId: string): Promise<number> {
  const row = await db.selectFrom('organisations').select('settingsVersion').where('id', '=', orgId).executeTakeFirst();
  return Number(row?.settingsVersion ?? 1);
}

/** Moves the settings from `version` to the next one; false when they are no longer at `version`. */
export async function bumpSettingsVersion(db: Db, target: { orgId: string; version: number }): Promise<boolean> {
  const result = await db
    .updateTable('organisations')
    .set((eb) => ({ settingsVersion: eb('settingsVersion', '+', 1) }))
    .where('id', '=', target.orgId)
    .where('settingsVersion', '=', target.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
