import type { ArchiveTableName } from './archive-tables.ts';

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const wholeUuid = new RegExp(`^${uuidPattern.source}$`);

/** Whether a value has the shape of the ids LicenseDesk makes (lower-case UUIDs). */
export const isRecordId = (value: unknown): value is string => typeof value === 'string' && wholeUuid.test(value);

/**
 * Every id of an archive and the id its record gets at restore. Ids are collected first (references may point forward,
 * e.g. an application to the licence it issued), then assigned table by table in the order of the old ids, so rows
 * that sort by (time, id) keep their order (ids are sequential UUIDs: `sequential-id.ts`).
 */
export interface IdMap {
  readonly targetOrgId: string;
  /** Records a table's id; false when the archive already holds it (in this table or another). */
  add(table: ArchiveTableName, oldId: string): boolean;
  /** Gives every collected id its new one, `next()` called in ascending order of the old ids of each table. */
  assign(next: () => string): void;
  /** The new id of a record of `table`, or undefined when the archive has no such record. */
  of(table: ArchiveTableName, oldId: string): string | undefined;
  /** The new id of any record of the archive (the organisation too), or undefined. */
  any(oldId: string): string | undefined;
  /** Text with every id of the archive's records in it replaced by the new one (JSON details, audit changes). */
  rewrite(text: string): string;
}

export function createIdMap(input: { sourceOrgId: string; targetOrgId: string }): IdMap {
  const tables = new Map<ArchiveTableName, Map<string, string>>();
  const any = (oldId: string): string | undefined => {
    if (oldId === input.sourceOrgId) return input.targetOrgId;
    for (const ids of tables.values()) {
      const found = ids.get(oldId);
      if (found) return found;
    }
    return undefined;
  };
  return {
    targetOrgId: input.targetOrgId,
    add(table, oldId) {
      if (oldId === input.sourceOrgId || [...tables.values()].some((ids) => ids.has(oldId))) return false;
      let ids = tables.get(table);
      if (!ids) tables.set(table, (ids = new Map()));
      ids.set(oldId, '');
      return true;
    },
    assign(next) {
      for (const ids of tables.values()) for (const oldId of [...ids.keys()].sort()) ids.set(oldId, next());
    },
    of: (table, oldId) => tables.get(table)?.get(oldId) || undefined,
    any,
    rewrite: (text) => text.replace(uuidPattern, (id) => any(id) ?? id),
  };
}
