import { Type, type StringOptions } from '@sinclair/typebox';
import type { Bilingual } from '../errors/app-error.ts';

/** The schema keyword that marks a string as user text: trimmed, then checked by `cleanText`. */
export const textKeyword = 'x-text';
/** The schema keyword that marks a string as an identifier, stored in its canonical form (`normalizeIdentifier`). */
export const identifierKeyword = 'x-identifier';

export type TextMode = 'line' | 'multiline';

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

// Zero-width and other format characters that show nothing on their own.
const invisible = '\\u00AD\\u180E\\u200B-\\u200D\\u2060\\uFEFF';
const edges = new RegExp(`^[\\s${invisible}]+|[\\s${invisible}]+$`, 'g');
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Embedding, override and isolate marks: they reorder what a reader sees (Trojan Source, CVE-2021-42574).
const directionControl = /[\u202A-\u202E\u2066-\u2069]/;
const controlInLine = /[\u0000-\u001F\u007F-\u009F]/;
const controlInBlock = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export type TextProblem = 'control' | 'surrogate' | 'direction' | 'invisible';

export const textProblemMessages: Record<TextProblem, Bilingual> = {
  control: { zh: '含有不允许的控制字符', en: 'contains a control character that is not allowed' },
  surrogate: { zh: '含有无效的 Unicode 字符（孤立代理项）', en: 'contains an invalid Unicode character (a lone surrogate)' },
  direction: { zh: '含有文字方向控制字符', en: 'contains a text-direction control character' },
  invisible: { zh: '只有不可见字符', en: 'contains only invisible characters' },
};

/** Trims a user string and says what is wrong with it, if anything. Pure, so the CLI and importers can share it. */
export function cleanText(raw: string, mode: TextMode = 'line'): { value: string; problem: TextProblem | null } {
  const value = raw.replace(edges, '');
  if (loneSurrogate.test(raw)) return { value, problem: 'surrogate' };
  if ((mode === 'line' ? controlInLine : controlInBlock).test(raw)) return { value, problem: 'control' };
  if (directionControl.test(raw)) return { value, problem: 'direction' };
  // Whitespace alone trims to '' (then minLength speaks); zero-width characters alone are refused outright.
  if (value === '' && /[^\s]/.test(raw)) return { value, problem: 'invisible' };
  return { value, problem: null };
}

/**
 * A credit code, ID number or licence number as typed: user text (as `Text`), then brought to its canonical form
 * (NFKC, no spaces, upper case) before any other check, so `９１３１ 0000…` and `91310000…` are the same code.
 */
export function Identifier(options: TextOptions) {
  // Tabs and line breaks are whitespace to strip here (pasted from a PDF), not an error.
  return Type.String({ ...options, [textKeyword]: 'multiline', [identifierKeyword]: true });
}
