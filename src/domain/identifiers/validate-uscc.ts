import { computeUsccCheck, USCC_ALPHABET } from './compute-uscc-check.ts';
import { normalizeIdentifier } from './normalize-identifier.ts';
import type { IdentifierReason } from './types.ts';
import { findUsccDepartment } from './uscc-departments.ts';

/** Reason codes for a rejected USCC. */
export type UsccReasonCode =
  | 'empty'
  | 'length'
  | 'illegal-character'
  | 'bad-department'
  | 'bad-category'
  | 'bad-region-code'
  | 'bad-check';

/** Result of validating a USCC. `normalized` is the trimmed, upper-cased code that was checked. */
export type UsccValidation =
  | { valid: true; normalized: string }
  | { valid: false; normalized: string; reason: IdentifierReason<UsccReasonCode>; expectedCheck?: string };

const confusable: Record<string, string> = { I: '1', O: '0', Z: '2', S: '5', V: 'U' };

function illegalCharacter(ch: string, position: number): IdentifierReason<'illegal-character'> {
  const hint = confusable[ch];
  return {
    code: 'illegal-character',
    zh: `第${position}位的字符“${ch}”不在统一社会信用代码字符集中（不使用 I、O、Z、S、V）${hint ? `，是否应为“${hint}”？` : '。'}`,
    en: `Character '${ch}' at position ${position} is not allowed in a USCC (I, O, Z, S and V are never used)${hint ? `; did you mean '${hint}'?` : '.'}`,
  };
}

function badCheck(actual: string, expected: string): IdentifierReason<'bad-check'> {
  return {
    code: 'bad-check',
    zh: `校验码（第18位）为“${actual}”，按 GB 32100-2015 计算应为“${expected}”。请核对营业执照上的代码；个别真实代码校验不通过，可由管理员确认后覆盖。`,
    en: `The check character (position 18) is '${actual}' but GB 32100-2015 gives '${expected}'. Compare with the business licence; a few real codes fail the check and an admin may override with confirmation.`,
  };
}

function structureReason(code: string): IdentifierReason<UsccReasonCode> | undefined {
  const department = findUsccDepartment(code[0]);
  if (!department) {
    return { code: 'bad-department', zh: `第1位登记管理部门代码“${code[0]}”无效。`, en: `'${code[0]}' (position 1) is not a registering-department code.` };
  }
  if (!department.categories.some((c) => c.code === code[1])) {
    const allowed = department.categories.map((c) => c.code).join('、');
    return {
      code: 'bad-category',
      zh: `第2位机构类别代码“${code[1]}”不属于登记管理部门“${department.zh}”（允许：${allowed}）。`,
      en: `'${code[1]}' (position 2) is not a category of department '${department.en}' (allowed: ${allowed.replace(/、/g, ', ')}).`,
    };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { code: 'bad-region-code', zh: '第3–8位行政区划码应为6位数字。', en: 'Positions 3–8 (region code) must be six digits.' };
  }
  return undefined;
}

/**
 * Validates a Unified Social Credit Code (统一社会信用代码, GB 32100-2015).
 * Input is normalized first (trimmed, spaces removed, full-width and lowercase converted), so `91350100m000100y43` is valid.
 * Checks, in order: length, alphabet, registering department and category, region code, check character.
 */
export function validateUscc(value: string): UsccValidation {
  const normalized = normalizeIdentifier(value);
  const fail = (reason: IdentifierReason<UsccReasonCode>, expectedCheck?: string): UsccValidation =>
    ({ valid: false, normalized, reason, ...(expectedCheck ? { expectedCheck } : {}) });
  if (normalized === '') return fail({ code: 'empty', zh: '请输入统一社会信用代码。', en: 'Enter the Unified Social Credit Code.' });
  if (normalized.length !== 18) {
    return fail({ code: 'length', zh: `统一社会信用代码应为18位，当前为${normalized.length}位。`, en: `A USCC has 18 characters; this one has ${normalized.length}.` });
  }
  for (let i = 0; i < 17; i += 1) {
    if (!USCC_ALPHABET.includes(normalized[i])) return fail(illegalCharacter(normalized[i], i + 1));
  }
  const structural = structureReason(normalized);
  if (structural) return fail(structural);
  const expected = computeUsccCheck(normalized.slice(0, 17));
  if (normalized[17] !== expected) return fail(badCheck(normalized[17], expected), expected);
  return { valid: true, normalized };
}
