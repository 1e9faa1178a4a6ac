import { readFilledCellText, reject, toHalfWidth, type CellParse, type CellValue } from './cell-value.ts';

const PERCENT = /^(\d+)(?:\.(\d+))?%?$/;

function inRange(value: number, text: string): CellParse<number> {
  if (value > 100) return reject('percent-range', { zh: `比例“${text}”应在0–100之间。`, en: `The share '${text}' must be between 0 and 100.` });
  return { ok: true, value };
}

const tooPrecise = (text: string) =>
  reject('percent-decimals', { zh: `比例“${text}”最多保留两位小数。`, en: `The share '${text}' has more than two decimals.` });

/**
 * A percentage from 0 to 100 with at most two decimals, for 外资比例: 49, `49`, `49%`, `49.5 %`, full-width `４９％`.
 * Every number is read as percent points, with or without a % sign, so 0.49 means 0.49 %, not 49 %: an Excel cell
 * formatted as a percentage should reach this parser as its displayed text (`49%`).
 */
export function parsePercentCell(cell: CellValue): CellParse<number> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return reject('bad-percent', { zh: '比例无效。', en: 'The share is not a valid number.' });
    if (cell < 0) return reject('percent-range', { zh: `比例“${cell}”不能为负数。`, en: `The share '${cell}' cannot be negative.` });
    const hundredths = Math.round(cell * 100);
    if (Math.abs(cell * 100 - hundredths) > 1e-6) return tooPrecise(String(cell));
    return inRange(hundredths / 100, String(cell));
  }
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  const text = toHalfWidth(read.value).replace(/\s+/g, '');
  const m = PERCENT.exec(text);
  if (!m) {
    const negative = /^-\d/.test(text);
    return reject(negative ? 'percent-range' : 'bad-percent', {
      zh: negative ? `比例“${read.value}”不能为负数。` : `“${read.value}”不是比例，例如 49、49%、49.5%。`,
      en: negative ? `The share '${read.value}' cannot be negative.` : `'${read.value}' is not a percentage; examples: 49, 49%, 49.5%.`,
    });
  }
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return tooPrecise(read.value);
  return inRange(Number(fraction ? `${m[1]}.${fraction}` : m[1]), read.value);
}
