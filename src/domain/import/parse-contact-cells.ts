import { readFilledCellText, reject, toHalfWidth, type CellParse, type CellValue } from './cell-value.ts';
import { checkTextLength } from './parse-text-cell.ts';

// The API's `email` format (ajv-formats, full mode): ASCII local part and domain.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const PHONE = /^[0-9+()\-\s]*$/;

/** An email address as the API accepts it (at most 254 characters); full-width `＠` and letters are converted. */
export function parseEmailCell(cell: CellValue): CellParse<string> {
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  const email = toHalfWidth(read.value).trim();
  if (!EMAIL.test(email)) return reject('bad-email', { zh: `“${read.value}”不是有效的邮箱地址。`, en: `'${read.value}' is not a valid email address.` });
  return checkTextLength(email, 254);
}

/**
 * A phone number: digits, spaces, `+`, `-` and brackets, at most 40 characters (full-width digits and brackets are
 * converted; a number cell such as 13800138000 is written out in full). Extensions and words are refused, as by the API.
 */
export function parsePhoneCell(cell: CellValue): CellParse<string> {
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  const phone = toHalfWidth(read.value).replace(/[—–－]/g, '-').replace(/\s+/g, ' ').trim();
  if (!PHONE.test(phone)) {
    return reject('bad-phone', { zh: `“${read.value}”不是电话号码：只能包含数字、空格、+、-和括号。`, en: `'${read.value}' is not a phone number: use digits, spaces, +, - and brackets only.` });
  }
  return checkTextLength(phone, 40);
}
