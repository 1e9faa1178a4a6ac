import { isBlankCell, type CellValue, type ImportReason } from './cell-value.ts';
import type { FieldParseOptions, ImportField } from './import-field.ts';

/** One problem in a row: the column it is in (null when the field has no column) and the field it concerns. */
export interface ImportRowError<Key extends string = string> {
  column: number | null;
  field: Key;
  reason: ImportReason;
}

/** Reads a row's cells field by field, collecting every problem rather than stopping at the first. */
export interface RowFieldReader<Key extends string> {
  readonly errors: ImportRowError<Key>[];
  /** The field's value; undefined when not given or not valid (a problem is recorded for the latter, and for blanks of required fields). */
  read<Value>(field: ImportField<Key, Value>): Value | undefined;
  /** True when the field's cell was filled in (valid or not). */
  isGiven(key: Key): boolean;
  /** Records a problem found by comparing fields, in the column of `key`. */
  fail(key: Key, reason: ImportReason): void;
}

/**
 * A reader over one row. A field mapped to several columns is read from the leftmost of them (see
 * `listRepeatedFields`); columns mapped to null, and cells beyond the mapping, are ignored.
 */
export function createRowFieldReader<Key extends string>(input: {
  mapping: readonly (string | null)[];
  cells: readonly CellValue[];
  options?: FieldParseOptions;
}): RowFieldReader<Key> {
  const errors: ImportRowError<Key>[] = [];
  const columnOf = (key: Key): number | null => {
    const column = input.mapping.indexOf(key);
    return column < 0 ? null : column;
  };
  const cellOf = (key: Key): CellValue => {
    const column = columnOf(key);
    return column === null ? null : (input.cells[column] ?? null);
  };
  return {
    errors,
    read<Value>(field: ImportField<Key, Value>): Value | undefined {
      const column = columnOf(field.key);
      const cell = cellOf(field.key);
      if (isBlankCell(cell)) {
        if (field.required) {
          const reason = column === null
            ? { code: 'column-missing', zh: `缺少必填列“${field.label.zh}”。`, en: `The required column '${field.label.en}' is missing.` }
            : { code: 'required', zh: '必填，不能为空。', en: 'Required; this cell is empty.' };
          errors.push({ column, field: field.key, reason });
        }
        return undefined;
      }
      const parsed = field.parse(cell, input.options);
      if (parsed.ok) return parsed.value;
      errors.push({ column, field: field.key, reason: parsed.reason });
      return undefined;
    },
    isGiven: (key) => !isBlankCell(cellOf(key)),
    fail: (key, reason) => {
      errors.push({ column: columnOf(key), field: key, reason });
    },
  };
}
