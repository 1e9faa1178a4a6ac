import type { LocalizedText } from '../calendar/types.ts';
import { cleanText, textProblemMessages } from '../text/clean-text.ts';
import { readFilledCellText, reject, type CellParse, type CellValue } from './cell-value.ts';

/** Options of {@link parseTextCell}: the API's length limit and whether line breaks and tabs are allowed. */
export interface TextCellOptions {
  maxLength: number;
  multiline?: boolean;
}

const codes = { surrogate: 'garbled-text', control: 'control-character', direction: 'direction-control', hidden: 'hidden-character', invisible: 'invisible' } as const;

/** What is wrong with trimmed user text, if anything, by the API's own rule ({@link cleanText}), in its words. */
export function findTextProblem(text: string, options: { multiline?: boolean } = {}): { code: string; text: LocalizedText } | null {
  const { problem } = cleanText(text, options.multiline ? 'multiline' : 'line');
  if (!problem) return null;
  if (problem === 'control' && !options.multiline && /[\t\n\r\u2028\u2029]/.test(text)) {
    return { code: 'line-break', text: { zh: '此列只能填写一行，不能含换行或制表符。', en: 'This column holds one line: no line breaks or tabs.' } };
  }
  const message = textProblemMessages[problem];
  return { code: codes[problem], text: { zh: `${message.zh}。`, en: `${message.en[0].toUpperCase()}${message.en.slice(1)}.` } };
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
