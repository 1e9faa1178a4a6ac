import type { LocalizedText } from '../calendar/types.ts';

// The one rule for user-typed text, shared by the API's schemas, uploads' file names, imports and archives. Pure.

export type TextMode = 'line' | 'multiline';

// Zero-width and other format characters that show nothing on their own; trimmed from the ends like spaces.
const invisible = '\\u00AD\\u180E\\u200B-\\u200D\\u2060\\uFEFF';
const edges = new RegExp(`^[\\s${invisible}]+|[\\s${invisible}]+$`, 'g');
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// U+FFFD stands for bytes that were not valid UTF-8 (mojibake); the others are Unicode noncharacters.
const invalidCharacter = /[\uFDD0-\uFDEF\uFFFD-\uFFFF]/;
// Embedding, override, isolate and mark characters: they reorder what a reader sees (Trojan Source, CVE-2021-42574).
const directionControl = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// Other format characters (zero-width space, word joiner, invisible operators, tag characters …) hide text; the
// zero-width joiner and non-joiner (U+200C, U+200D) stay allowed inside text, where emoji and scripts need them.
const hiddenFormat = /(?![\u200C\u200D])\p{Cf}/u;
const controlInLine = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const controlInBlock = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Something a reader can see: a letter, digit, punctuation or symbol that is not one of the blank look-alikes
// (Hangul fillers, the blank Braille pattern).
const visible = /(?![\u115F\u1160\u3164\uFFA0\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

export type TextProblem = 'control' | 'surrogate' | 'direction' | 'hidden' | 'invisible';

export const textProblemMessages: Record<TextProblem, LocalizedText> = {
  control: { zh: '含有不允许的控制字符', en: 'contains a control character that is not allowed' },
  surrogate: { zh: '含有无效的 Unicode 字符（如乱码或孤立代理项）', en: 'contains an invalid Unicode character (garbled text or a lone surrogate)' },
  direction: { zh: '含有文字方向控制字符', en: 'contains a text-direction control character' },
  hidden: { zh: '含有不可见的格式字符（如零宽空格）', en: 'contains an invisible formatting character (such as a zero-width space)' },
  invisible: { zh: '只有不可见字符', en: 'contains only invisible characters' },
};

/** Trims a user string and says what is wrong with it, if anything. Pure, so the CLI and importers can share it. */
export function cleanText(raw: string, mode: TextMode = 'line'): { value: string; problem: TextProblem | null } {
  const value = raw.replace(edges, '');
  if (loneSurrogate.test(raw) || invalidCharacter.test(raw)) return { value, problem: 'surrogate' };
  if ((mode === 'line' ? controlInLine : controlInBlock).test(raw)) return { value, problem: 'control' };
  if (directionControl.test(raw)) return { value, problem: 'direction' };
  if (hiddenFormat.test(value)) return { value, problem: 'hidden' };
  // Whitespace alone trims to '' (then minLength speaks); anything else with nothing visible in it is refused.
  if (/[^\s]/.test(raw) && !visible.test(value)) return { value, problem: 'invisible' };
  return { value, problem: null };
}

