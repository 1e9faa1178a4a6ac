import type { IdentifierReason } from './types.ts';

/**
 * Normalizes identifier input: trims, removes inner spaces, converts full-width ASCII (e.g. `９１`) to half-width
 * and upper-cases letters. Users paste codes from PDFs and phones, so lowercase or full-width input is accepted.
 */
export function normalizeIdentifier(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/** A warning telling the user their input was normalized (e.g. lowercase → uppercase), or none when it was not. */
export function normalizationWarnings(input: string, normalized: string): IdentifierReason[] {
  if (input === normalized) return [];
  return [{ code: 'normalized', zh: `已将输入规范为“${normalized}”（去除空格、全角转半角、字母转大写）。`, en: `Input normalized to '${normalized}' (spaces removed, full-width and lowercase converted).` }];
}
