import { normalizeIdentifier } from './normalize-identifier.ts';

/**
 * Masks a resident ID for lists and logs, hiding the birth date: 18 digits → first 6 + 8 stars + last 4
 * (`110105********002X`); 15 digits → first 6 + 6 stars + last 3. Anything else is fully starred, so a
 * malformed value never leaks.
 */
export function maskResidentId(value: string): string {
  const id = normalizeIdentifier(value);
  if (id.length === 18) return `${id.slice(0, 6)}********${id.slice(14)}`;
  if (id.length === 15) return `${id.slice(0, 6)}******${id.slice(12)}`;
  return '*'.repeat(id.length);
}
