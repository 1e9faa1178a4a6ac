import type { IdentifierReason } from './types.ts';

/**
 * The canonical form of a credit code, ID number or licence number: NFKC (full-width `９１` → `91`), every space,
 * tab and zero-width character removed, letters upper-cased. Users paste codes from PDFs and phones, so any of
 * those spellings is accepted, and only the canonical form is stored or compared.
 */
export function normalizeIdentifier(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '')
    .toUpperCase();
}

/** A warning telling the user their input was normalized (e.g. lowercase → uppercase), or none when it was not. */
export function normalizationWarnings(input: string, normalized: string): IdentifierReason[] {
  if (input === normalized) return [];
  return [{ code: 'normalized', zh: `已将输入规范为“${normalized}”（去除空格、全角转半角、字母转大写）。`, en: `Input normalized to '${normalized}' (spaces removed, full-width and lowercase converted).` }];
}
