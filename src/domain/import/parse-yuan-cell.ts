import { readFilledCellText, reject, toHalfWidth, type CellParse, type CellValue } from './cell-value.ts';

/** The largest registered capital the API accepts, in yuan (10 trillion). */
export const MAX_YUAN = 10_000_000_000_000;

const UNIT_EXPONENT: Record<string, number> = { '': 0, 千: 3, 万: 4, 亿: 8 };
const CURRENCY = '(?:¥|RMB|CNY|人民币)?';
const AMOUNT = new RegExp(`^${CURRENCY}(-)?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(千|万|亿)?(?:元|圆)?${CURRENCY}$`, 'i');
const FOREIGN = /美元|美金|港元|港币|欧元|日元|英镑|USD|HKD|EUR|JPY|GBP|US\$|\$/i;

function wholeYuan(value: number, text: string): CellParse<number> {
  if (value < 0) return reject('negative', { zh: `金额“${text}”不能为负数。`, en: `The amount '${text}' cannot be negative.` });
  if (!Number.isInteger(value)) return reject('not-whole-yuan', { zh: `金额“${text}”不是整数元。`, en: `The amount '${text}' is not a whole number of yuan.` });
  if (value > MAX_YUAN) return reject('too-large', { zh: `金额“${text}”超出上限（10万亿元）。`, en: `The amount '${text}' is over the limit (10 trillion yuan).` });
  return { ok: true, value };
}

/** Shifts the decimal point by `exponent` places in decimal text, so 1.5亿 is exactly 150000000 (no float error). */
function scale(whole: string, fraction: string, exponent: number): { value: number; exact: boolean } {
  const digits = whole + fraction.padEnd(exponent, '0');
  const point = whole.length + exponent;
  const rest = digits.slice(point);
  return { value: Number(digits.slice(0, point)), exact: /^0*$/.test(rest) };
}

/**
 * An amount of RMB in whole yuan: 1000000, `1,000,000`, full-width `１，０００，０００`, `100万`, `100万元`, `1.5亿`,
 * `500万人民币`, `¥1,000,000`, `人民币500万元`. Negative, fractional-yuan and foreign-currency amounts are refused.
 */
export function parseYuanCell(cell: CellValue): CellParse<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? wholeYuan(cell, String(cell)) : reject('bad-amount', { zh: '金额无效。', en: 'The amount is not valid.' });
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  const text = toHalfWidth(read.value).replace(/\s+/g, '');
  if (FOREIGN.test(text)) {
    return reject('foreign-currency', { zh: `“${read.value}”不是人民币金额；请折算为人民币元后填写。`, en: `'${read.value}' is not in RMB; convert it to yuan first.` });
  }
  const m = AMOUNT.exec(text);
  if (!m) {
    return reject('bad-amount', { zh: `“${read.value}”不是金额，例如 1000000、1,000,000、100万、1.5亿。`, en: `'${read.value}' is not an amount; examples: 1000000, 1,000,000, 100万, 1.5亿.` });
  }
  const [, minus, whole, fraction = '', unit = ''] = m;
  const { value, exact } = scale(whole.replace(/,/g, ''), fraction, UNIT_EXPONENT[unit]);
  if (minus) return wholeYuan(-1, read.value);
  if (!exact) return reject('not-whole-yuan', { zh: `金额“${read.value}”不是整数元。`, en: `The amount '${read.value}' is not a whole number of yuan.` });
  return wholeYuan(value, read.value);
}
