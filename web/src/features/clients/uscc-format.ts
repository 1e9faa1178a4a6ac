/**
 * Local pre-check of a unified social credit code (统一社会信用代码, GB 32100-2015): length and characters only.
 * The check digit and registration rules are the server's to judge.
 */
const allowedChar = /^[0-9A-HJ-NPQRTUWXY]$/;

/** Letters never used in a credit code, and the digit or letter usually meant. */
export const usccLookalikes: Record<string, string> = { I: '1', O: '0', Z: '2', S: '5', V: 'U' };

export type UsccFormatProblem = { kind: 'length'; count: number } | { kind: 'charset'; chars: string[]; suggestions: string[] };

/** Spaces removed and letters upper-cased, as people often paste codes from PDFs. */
export function normalizeUscc(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, '').toUpperCase();
}

export function findUsccFormatProblem(value: string): UsccFormatProblem | null {
  const chars = [...value];
  const bad = [...new Set(chars.filter((c) => !allowedChar.test(c)))];
  if (bad.length > 0) {
    const suggestions = bad.filter((c) => usccLookalikes[c]).map((c) => `${c}→${usccLookalikes[c]}`);
    return { kind: 'charset', chars: bad, suggestions };
  }
  if (chars.length !== 18) return { kind: 'length', count: chars.length };
  return null;
}
