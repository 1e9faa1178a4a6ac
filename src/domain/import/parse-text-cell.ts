import type { LocalizedText } from '../calendar/types.ts';
import { readFilledCellText, reject, type CellParse, type CellValue } from './cell-value.ts';

/** Options of {@link parseTextCell}: the API's length limit and whether line breaks and tabs are allowed. */
export interface TextCellOptions {
  maxLength: number;
  multiline?: boolean;
}

// The same rules as the API's `cleanText` (src/platform/http/text.ts), which domain code may not import; a test
// checks that both refuse the same text.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const invalidCharacter = /[\uFDD0-\uFDEF\uFFFD-\uFFFF]/;
const directionControl = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const hiddenFormat = /(?![\u200C\u200D])\p{Cf}/u;
const controlInLine = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const controlInBlock = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const visible = /(?![\u115F\u1160\u3164\uFFA0\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/** What is wrong with trimmed user text, if anything, in the words the API uses. */
export function findTextProblem(text: string, options: { multiline?: boolean } = {}): { code: string; text: LocalizedText } | null {
  if (loneSurrogate.test(text) || invalidCharacter.test(text)) {
    return { code: 'garbled-text', text: { zh: '含有无效的 Unicode 字符（如乱码或孤立代理项）。', en: 'Contains an invalid Unicode character (garbled text or a lone surrogate).' } };
  }
  if ((options.multiline ? controlInBlock : controlInLine).test(text)) {
    const lineBreak = !options.multiline && /[\t\n\r\u2028\u2029]/.test(text);
    return lineBreak
      ? { code: 'line-break', text: { zh: '此列只能填写一行，不能含换行或制表符。', en: 'This column holds one line: no line breaks or tabs.' } }
      : { code: 'control-character', text: { zh: '含有不允许的控制字符。', en: 'Contains a control character that is not allowed.' } };
  }
  if (directionControl.test(text)) return { code: 'direction-control', text: { zh: '含有文字方向控制字符。', en: 'Contains a text-direction control character.' } };
  if (hiddenFormat.test(text)) return { code: 'hidden-character', text: { zh: '含有不可见的格式字符（如零宽空格）。', en: 'Contains an invisible formatting character (such as a zero-width space).' } };
  if (!visible.test(text)) return { code: 'invisible', text: { zh: '只有不可见字符。', en: 'Contains only invisible characters.' } };
  return null;
}

/** Length as the API counts it: in characters (code points), not UTF-16 units. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** Refuses text longer than the API accepts. */
export function checkTextLength(text: string, maxLength: number): CellParse<string> {
  const length = textLength(text);
  if (length <= maxLength) return { ok: true, value: text };
  return reject('too-long', { zh: `最多${maxLength}个字符，当前为${length}个。`, en: `At most ${maxLength} characters; this has ${length}.` });
}

/**
 * Free text (names, addresses, notes): trimmed, within the API's length limit, and free of what the API refuses
 * (control characters, direction overrides, invisible-only text; line breaks only where `multiline`).
 */
export function parseTextCell(cell: CellValue, options: TextCellOptions): CellParse<string> {
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  const problem = findTextProblem(read.value, options);
  if (problem) return reject(problem.code, problem.text);
  return checkTextLength(read.value, options.maxLength);
}

/** A parser for free text with fixed options, for a field definition. */
export function textCellParser(options: TextCellOptions): (cell: CellValue) => CellParse<string> {
  return (cell) => parseTextCell(cell, options);
}
