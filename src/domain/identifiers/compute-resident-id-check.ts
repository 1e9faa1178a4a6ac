/** Weights for the first 17 digits of an 18-digit resident ID (GB 11643-1999). */
export const RESIDENT_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Check characters for R = Σ mod 11 = 0…10. */
export const RESIDENT_ID_CHECKS = '10X98765432';

/**
 * Computes the check character of an 18-digit resident ID from its first 17 digits.
 * Throws RangeError when `first17` is not 17 digits (a programming error, not user input).
 */
export function computeResidentIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('computeResidentIdCheck needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i];
  return RESIDENT_ID_CHECKS[sum % 11];
}
