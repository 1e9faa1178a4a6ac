import type { LocalizedText } from '../calendar/types.ts';
import type { CellParse, CellValue } from './cell-value.ts';

/** Options a field parser may need from the import as a whole. */
export interface FieldParseOptions {
  /** Accept a credit code whose only fault is its check character (saved with the API's `usccOverride`). */
  acceptUsccCheckFailure?: boolean;
}

/** One column an import understands: how it is named, guessed, shown in the template, and read. */
export interface ImportField<Key extends string = string, Value = unknown> {
  key: Key;
  /** The template header (Chinese first) and the name used in error messages. */
  label: LocalizedText;
  /** Other header spellings, Chinese and English, used to guess the column mapping. */
  aliases: readonly string[];
  required: boolean;
  /** The value in the template's example row. */
  example: string;
  /** What to enter, for the template's notes. */
  hint: LocalizedText;
  /** Reads a cell that is not blank (blank cells mean "not given" and never reach the parser). */
  parse: (cell: CellValue, options?: FieldParseOptions) => CellParse<Value>;
}
