/** The 31 characters a USCC may use, in value order 0–30 (GB 32100-2015; no I, O, Z, S, V). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17: 3^(i−1) mod 31 (GB 32100-2015). */
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Computes the check character (position 18) of a USCC from its first 17 characters:
 * 31 − (Σ value×weight mod 31), where 31 becomes 0.
 * Throws RangeError when `first17` is not 17 characters of the USCC alphabet (a programming error, not user input).
 */
export function computeUsccCheck(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`computeUsccCheck needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`computeUsccCheck: '${first17[i]}' at position ${i + 1} is not in the USCC alphabet`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}
