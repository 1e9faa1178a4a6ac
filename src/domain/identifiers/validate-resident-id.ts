import type { IsoDate } from '../calendar/types.ts';
import { formatIsoDate, isRealDate, type CivilDate } from '../dates/civil-date.ts';
import { computeResidentIdCheck } from './compute-resident-id-check.ts';
import { normalizeIdentifier } from './normalize-identifier.ts';
import type { IdentifierReason } from './types.ts';

/** Reason codes for a rejected resident ID number. */
export type ResidentIdReasonCode = 'empty' | 'length' | 'illegal-character' | 'bad-birth-date' | 'future-birth-date' | 'bad-check';

/** Result of validating a resident ID; `format` tells an 18-digit number from a legacy 15-digit one. */
export type ResidentIdValidation =
  | { valid: true; normalized: string; format: 18 | 15; birthDate: IsoDate }
  | { valid: false; normalized: string; reason: IdentifierReason<ResidentIdReasonCode>; expectedCheck?: string };

/** Options for {@link validateResidentId}. */
export interface ValidateResidentIdOptions {
  /** When given, a birth date after today is rejected. */
  today?: IsoDate;
}

function firstIllegal(id: string): IdentifierReason<'illegal-character'> | undefined {
  for (let i = 0; i < id.length; i += 1) {
    const isCheckPosition = id.length === 18 && i === 17;
    if (/\d/.test(id[i]) || (isCheckPosition && id[i] === 'X')) continue;
    const allowed = isCheckPosition ? '数字或 X' : '数字';
    return {
      code: 'illegal-character',
      zh: `第${i + 1}位的字符“${id[i]}”无效，此处只能是${allowed}。`,
      en: `Character '${id[i]}' at position ${i + 1} is not allowed; only ${isCheckPosition ? 'a digit or X' : 'digits'} may appear there.`,
    };
  }
  return undefined;
}

function birthDateOf(id: string): CivilDate {
  const digits = id.length === 18 ? id.slice(6, 14) : `19${id.slice(6, 12)}`;
  return { year: Number(digits.slice(0, 4)), month: Number(digits.slice(4, 6)), day: Number(digits.slice(6, 8)) };
}

/**
 * Validates a resident ID number (居民身份证号码, GB 11643-1999): 18 digits with a check character, or a legacy
 * 15-digit number (births 19xx, no check character). Input is trimmed and a lowercase `x` is accepted.
 * The birth date must be a real date (year 1800 or later).
 */
export function validateResidentId(value: string, options: ValidateResidentIdOptions = {}): ResidentIdValidation {
  const normalized = normalizeIdentifier(value);
  const fail = (reason: IdentifierReason<ResidentIdReasonCode>, expectedCheck?: string): ResidentIdValidation =>
    ({ valid: false, normalized, reason, ...(expectedCheck ? { expectedCheck } : {}) });
  if (normalized === '') return fail({ code: 'empty', zh: '请输入身份证号码。', en: 'Enter the ID number.' });
  if (normalized.length !== 18 && normalized.length !== 15) {
    return fail({ code: 'length', zh: `身份证号码应为18位（或旧版15位），当前为${normalized.length}位。`, en: `An ID number has 18 characters (or 15 for the old format); this one has ${normalized.length}.` });
  }
  const illegal = firstIllegal(normalized);
  if (illegal) return fail(illegal);
  const birth = birthDateOf(normalized);
  const birthDate = formatIsoDate(birth);
  if (birth.year < 1800 || !isRealDate(birth)) {
    return fail({ code: 'bad-birth-date', zh: `出生日期“${birthDate}”不是有效日期。`, en: `The birth date '${birthDate}' is not a real date.` });
  }
  if (options.today && birthDate > options.today) {
    return fail({ code: 'future-birth-date', zh: `出生日期 ${birthDate} 晚于今天。`, en: `The birth date ${birthDate} is in the future.` });
  }
  if (normalized.length === 18) {
    const expected = computeResidentIdCheck(normalized.slice(0, 17));
    if (normalized[17] !== expected) {
      return fail({
        code: 'bad-check',
        zh: `校验码（第18位）为“${normalized[17]}”，按 GB 11643-1999 计算应为“${expected}”，请核对号码。`,
        en: `The check character (position 18) is '${normalized[17]}' but GB 11643-1999 gives '${expected}'; please recheck the number.`,
      }, expected);
    }
  }
  return { valid: true, normalized, format: normalized.length === 18 ? 18 : 15, birthDate };
}
