import { Type, type StringOptions } from '@sinclair/typebox';

/** The schema keyword that marks a string as user text: trimmed, then checked by `cleanText`. */
export const textKeyword = 'x-text';
/** The schema keyword that marks a string as an identifier, stored in its canonical form (`normalizeIdentifier`). */
export const identifierKeyword = 'x-identifier';

export interface TextOptions extends StringOptions {
  maxLength: number;
  /** Allows line breaks and tabs (notes, business scope); other fields are one line. */
  multiline?: boolean;
}

/**
 * The one schema for a user-typed string. Every request field holding free text uses it, so each is trimmed and
 * refuses control characters, lone surrogates, direction overrides and text made only of invisible characters.
 * minLength and maxLength apply to the trimmed value.
 */
export function Text(options: TextOptions) {
  const { multiline, ...rest } = options;
  return Type.String({ ...rest, [textKeyword]: multiline ? 'multiline' : 'line' });
}

export { cleanText, textProblemMessages, type TextMode, type TextProblem } from '../../domain/text/clean-text.ts';

/**
 * A credit code, ID number or licence number as typed: user text (as `Text`), then brought to its canonical form
 * (NFKC, no spaces, upper case) before any other check, so `９１３１ 0000…` and `91310000…` are the same code.
 */
export function Identifier(options: TextOptions) {
  // Tabs and line breaks are whitespace to strip here (pasted from a PDF), not an error.
  return Type.String({ ...options, [textKeyword]: 'multiline', [identifierKeyword]: true });
}
