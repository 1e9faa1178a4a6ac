import type { LocalizedText } from '../calendar/types.ts';

/**
 * One spreadsheet cell as the file reader hands it over: text, a plain number, a logical value or nothing. Excel date
 * cells arrive as `YYYY-MM-DD` text; numbers stay numbers.
 */
export type CellValue = string | number | boolean | null;

/** Why a cell (or a row) was refused: a stable code and text in both languages. */
export interface ImportReason extends LocalizedText {
  code: string;
}

/** What parsing a cell gives: the typed value, or why it cannot be used. */
export type CellParse<T> = { ok: true; value: T } | { ok: false; reason: ImportReason };

/** Builds a refusal. */
export function reject(code: string, text: LocalizedText): { ok: false; reason: ImportReason } {
  return { ok: false, reason: { code, zh: text.zh, en: text.en } };
}

// Spaces and the zero-width characters Excel and web pages leave around values.
const edges = /^[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF]+|[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF]+$/g;

/** Trims spaces (also full-width and zero-width ones) from both ends. */
export function trimCellText(text: string): string {
  return text.replace(edges, '');
}

/** True when the cell says nothing: null, or text that is blank once trimmed. A blank cell means "not given". */
export function isBlankCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && trimCellText(cell) === '');
}

/**
 * The cell as trimmed text: numbers are written out in full (13800138000), a logical value (TRUE/FALSE) is refused
 * because no import field holds one.
 */
export function readCellText(cell: CellValue): CellParse<string> {
  if (typeof cell === 'boolean') {
    return reject('logical-value', { zh: `单元格是逻辑值（${cell ? 'TRUE' : 'FALSE'}），请填写文字或数字。`, en: `The cell holds a logical value (${cell ? 'TRUE' : 'FALSE'}); enter text or a number.` });
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return reject('bad-number', { zh: '单元格中的数字无效。', en: 'The number in the cell is not valid.' });
    return { ok: true, value: String(cell) };
  }
  return { ok: true, value: trimCellText(cell ?? '') };
}

/** Full-width letters, digits and punctuation to ASCII (NFKC), for codes, numbers and dates typed with a Chinese IME. */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** {@link readCellText}, refusing a blank cell (a parser is only asked about cells that say something). */
export function readFilledCellText(cell: CellValue): CellParse<string> {
  const read = readCellText(cell);
  if (read.ok && read.value === '') return reject('empty', { zh: '未填写。', en: 'Not filled in.' });
  return read;
}
