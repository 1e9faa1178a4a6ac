import type { IsoDate } from '../calendar/types.ts';
import { isIsoDate } from '../dates/civil-date.ts';
import type { CellValue } from './cell-value.ts';
import type { ImportFieldKey, ImportKind } from './import-fields.ts';
import type { ImportRowError } from './read-row-fields.ts';
import { validateClientRow, type ClientImport } from './validate-client-row.ts';
import { validateLicenceRow, type LicenceImport } from './validate-licence-row.ts';

export type { ClientImport } from './validate-client-row.ts';
export type { LicenceImport } from './validate-licence-row.ts';
export type { ImportRowError } from './read-row-fields.ts';

/** The value one row of an import kind gives. */
export type ImportValue<K extends ImportKind> = K extends 'clients' ? ClientImport : LicenceImport;

/** The typed value of a row, or every problem in it. */
export type ImportRowResult<K extends ImportKind> =
  | { ok: true; value: ImportValue<K> }
  | { ok: false; errors: ImportRowError<ImportFieldKey<K>>[] };

/** Input of {@link validateImportRow}. */
export interface ImportRowInput<K extends ImportKind> {
  kind: K;
  /** The field of each column, by column index (from `guessColumnMapping`, as confirmed by the user). */
  mapping: readonly (ImportFieldKey<K> | null)[];
  /** The row's raw cells, by column index. */
  cells: readonly CellValue[];
  /** Today in China time, for "not in the future" rules. */
  today: IsoDate;
  /** Accept credit codes whose only fault is the check character (clients get `usccOverride: true`); off by default. */
  acceptUsccCheckFailure?: boolean;
}

/**
 * Reads one spreadsheet row into a client or licence, checking each cell and then the rules between cells (a licence
 * expires after it is issued, is not issued after `today`, its scope and services fit its number, its annual-report
 * years lie in its term). Every problem is reported, each with its column, sorted by column (missing columns first).
 * Throws RangeError when `today` is not a `YYYY-MM-DD` date (a programming error).
 */
export function validateImportRow<K extends ImportKind>(input: ImportRowInput<K>): ImportRowResult<K> {
  if (!isIsoDate(input.today)) throw new RangeError(`validateImportRow: today must be YYYY-MM-DD, got '${input.today}'`);
  const result = input.kind === 'clients' ? validateClientRow(input) : validateLicenceRow(input);
  if (result.ok) return result as ImportRowResult<K>;
  const errors = [...result.errors].sort((a, b) => (a.column ?? -1) - (b.column ?? -1));
  return { ok: false, errors } as ImportRowResult<K>;
}
