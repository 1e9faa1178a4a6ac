import { expandResidentId15 } from './parse-resident-id.ts';
import type { ParseResult } from './types.ts';
import { validateResidentId } from './validate-resident-id.ts';

/**
 * Converts a legacy 15-digit resident ID to 18 digits: inserts the century `19` before the birth date and appends the
 * GB 11643-1999 check character. Rejects input that is not a valid 15-digit number.
 */
export function convertResidentId15To18(value: string): ParseResult<string> {
  const validation = validateResidentId(value);
  if (!validation.valid) return { ok: false, reason: validation.reason };
  if (validation.format !== 15) {
    return { ok: false, reason: { code: 'not-15-digit', zh: '该号码不是15位旧版身份证号码。', en: 'This is not a 15-digit legacy ID number.' } };
  }
  return { ok: true, value: expandResidentId15(validation.normalized), warnings: [] };
}
