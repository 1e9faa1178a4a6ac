import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ApplicationItemsTable, MaterialFilesTable } from '../../platform/db/schema.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';

export type MaterialFileRow = Selectable<MaterialFilesTable> & { uploadedByName: string | null; reviewedByName: string | null };

// Material files are reached through their application, which the caller has already found within the actor's
// scope; the organisation filter still applies to every query here.
const orgScope = (scope: Scope): Scope => ({ ...scope, clientId: null });

/** Every version of every item of an application, by item then version. */
export async function listMaterialFiles(db: Db, scope: Scope, applicationId: string): Promise<MaterialFileRow[]> {
  return withinScope(db.selectFrom('materialFiles'), orgScope(scope), { org: 'materialFiles.orgId', client: null })
    .leftJoin('users as uploader', 'uploader.id', 'materialFiles.uploadedBy')
    .leftJoin('users as reviewer', 'reviewer.id', 'materialFiles.reviewedBy')
    .selectAll('materialFiles')
    .select(['uploader.name as uploadedByName', 'reviewer.name as reviewedByName'])
    .where('materialFiles.applicationId', '=', applicationId)
    .orderBy('materialFiles.itemKey')
    .orderBy('materialFiles.version')
    .execute();
}

/** One version of an item (the latest when `version` is omitted). */
export async function findMaterialFile(db: Db, scope: Scope, target: { applicationId: string; itemKey: string; version?: number }): Promise<Selectable<MaterialFilesTable> | undefined> {
  let query = withinScope(db.selectFrom('materialFiles'), orgScope(scope), { org: 'materialFiles.orgId', client: null })
    .selectAll('materialFiles')
    .where('materialFiles.applicationId', '=', target.applicationId)
    .where('materialFiles.itemKey', '=', target.itemKey);
  query = target.version === undefined ? query.orderBy('materialFiles.version', 'desc').limit(1) : query.where('materialFiles.version', '=', target.version);
  return query.executeTakeFirst();
}

export async function insertMaterialFile(db: Db, row: Insertable<MaterialFilesTable>): Promise<void> {
  await db.insertInto('materialFiles').values(row).execute();
}

/** Records a review of one version; false when that version is no longer the item's latest (a newer upload came in). */
export async function reviewMaterialFile(db: Db, scope: Scope, target: { id: string; applicationId: string; itemKey: string; version: number }, review: Pick<MaterialFilesTable, 'reviewedBy' | 'reviewedAt'> & { review: string; reviewReason: string }): Promise<boolean> {
  const newer = await withinScope(db.selectFrom('materialFiles'), orgScope(scope), { org: 'materialFiles.orgId', client: null })
    .select('materialFiles.id')
    .where('materialFiles.applicationId', '=', target.applicationId)
    .where('materialFiles.itemKey', '=', target.itemKey)
    .where('materialFiles.version', '>', target.version)
    .executeTakeFirst();
  if (newer) return false;
  const result = await withinScope(db.updateTable('materialFiles'), orgScope(scope), { org: 'orgId', client: null }).set(review).where('id', '=', target.id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Whether any stored version (in any organisation) names this content. Identical content is kept once, so a failed
 * upload may take its content back only when nothing else refers to it; the hash says nothing about its owner.
 */
export async function isBlobReferenced(db: Db, sha256: string): Promise<boolean> {
  if ((await db.selectFrom('materialFiles').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined) return true;
  // Evidence of a completed obligation is kept the same way, and so is an import's spreadsheet.
  if ((await db.selectFrom('obligations').select('id').where('evidenceSha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined) return true;
  return (await db.selectFrom('importJobs').select('id').where('fileSha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined;
}

export type CustomItemRow = Selectable<ApplicationItemsTable>;

/** The items users added to an application, in the order they were added. */
export async function listCustomItems(db: Db, scope: Scope, applicationId: string): Promise<CustomItemRow[]> {
  return withinScope(db.selectFrom('applicationItems'), orgScope(scope), { org: 'applicationItems.orgId', client: null })
    .selectAll('applicationItems')
    .where('applicationItems.applicationId', '=', applicationId)
    .orderBy('applicationItems.createdAt')
    .orderBy('applicationItems.key')
    .execute();
}

export async function insertCustomItem(db: Db, row: Insertable<ApplicationItemsTable>): Promise<void> {
  await db.insertInto('applicationItems').values(row).execute();
}

/** Removes a custom item; false when it does not exist. */
export async function deleteCustomItem(db: Db, scope: Scope, target: { applicationId: string; key: string }): Promise<boolean> {
  const query = withinScope(db.deleteFrom('applicationItems'), orgScope(scope), { org: 'orgId', client: null }).where('applicationId', '=', target.applicationId).where('key', '=', target.key);
  return Number((await query.executeTakeFirst()).numDeletedRows) === 1;
}
