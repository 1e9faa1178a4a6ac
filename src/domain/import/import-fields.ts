import { clientImportFields, type ClientFieldKey } from './client-import-fields.ts';
import type { ImportField } from './import-field.ts';
import { licenceImportFields, type LicenceFieldKey } from './licence-import-fields.ts';

export { clientImportFields, type ClientFieldKey } from './client-import-fields.ts';
export { licenceImportFields, type LicenceFieldKey } from './licence-import-fields.ts';
export type { FieldParseOptions, ImportField } from './import-field.ts';

/** What a spreadsheet imports: client companies, or licences of existing clients. */
export type ImportKind = 'clients' | 'licences';

/** Every import kind. */
export const importKinds: readonly ImportKind[] = ['clients', 'licences'];

/** The field keys of an import kind. */
export type ImportFieldKey<K extends ImportKind = ImportKind> = K extends 'clients' ? ClientFieldKey : LicenceFieldKey;

const fieldLists: { [K in ImportKind]: readonly ImportField<ImportFieldKey<K>>[] } = {
  clients: Object.values(clientImportFields),
  licences: Object.values(licenceImportFields),
};

/** The fields of an import kind in template order: the template's columns, left to right. */
export function listImportFields<K extends ImportKind>(kind: K): readonly ImportField<ImportFieldKey<K>>[] {
  return fieldLists[kind];
}

/** One field of an import kind; undefined for a key the kind does not have. */
export function findImportField<K extends ImportKind>(options: { kind: K; key: string }): ImportField<ImportFieldKey<K>> | undefined {
  return listImportFields(options.kind).find((f) => f.key === options.key);
}
