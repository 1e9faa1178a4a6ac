import { canonicalLicenceNumber, parseLicenceNumber } from '../identifiers/parse-licence-number.ts';
import { validateUscc } from '../identifiers/validate-uscc.ts';
import { readFilledCellText, reject, type CellParse, type CellValue } from './cell-value.ts';

// Excel keeps 15 significant digits, so a code typed into a number cell has already lost its end.
function storedAsNumber(what: { zh: string; en: string }): CellParse<never> {
  return reject('stored-as-number', {
    zh: `${what.zh}被 Excel 存成了数字，可能已丢失位数；请把该列设为“文本”格式后重新填写。`,
    en: `The ${what.en} was stored by Excel as a number and may have lost digits; format the column as Text and enter it again.`,
  });
}

/** Options of {@link parseUsccCell}. */
export interface UsccCellOptions {
  /** Accept a code whose only fault is its check character (the API's `usccOverride`); off by default. */
  acceptCheckFailure?: boolean;
}

/**
 * A Unified Social Credit Code (统一社会信用代码) in its stored form: spaces, full-width characters and lower case are
 * normalised, then the code is validated (GB 32100-2015) with the identifier module's own reasons.
 */
export function parseUsccCell(cell: CellValue, options: UsccCellOptions = {}): CellParse<string> {
  if (typeof cell === 'number') return storedAsNumber({ zh: '统一社会信用代码', en: 'credit code' });
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  const validation = validateUscc(read.value);
  if (validation.valid || (options.acceptCheckFailure && validation.reason.code === 'bad-check')) return { ok: true, value: validation.normalized };
  if (validation.reason.code === 'bad-check') {
    // An import cannot confirm an override row by row: the way to keep a real code that fails the check is the client page.
    return reject('bad-check', {
      zh: validation.reason.zh.replace(/个别真实代码.*$/, '确属营业执照上的真实代码的，请在客户页面单独新建并确认覆盖。'),
      en: validation.reason.en.replace(/a few real codes.*$/, 'if it really is the code on the licence, create that client on its own page and confirm the override.'),
    });
  }
  return reject(validation.reason.code, validation.reason);
}

/**
 * A licence number (经营许可证编号) in its canonical stored form (`合字沪B1.B2-20240006`): full-width, lower case, dashes
 * and an `ICP证…号` wrapper are normalised; an ICP filing number is refused with the reason it is not a licence.
 */
export function parseLicenceNumberCell(cell: CellValue): CellParse<string> {
  if (typeof cell === 'number') return storedAsNumber({ zh: '许可证编号', en: 'licence number' });
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  const parsed = parseLicenceNumber(read.value);
  if (!parsed.ok) return reject(parsed.reason.code, parsed.reason);
  return { ok: true, value: canonicalLicenceNumber(read.value)! };
}
