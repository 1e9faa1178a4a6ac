import type { YearArrangement } from './types.ts';

/**
 * Combines the built-in arrangements with those loaded at run time: a loaded year replaces the
 * built-in one of the same year (and a later loaded entry replaces an earlier one). Sorted by year.
 */
export function mergeArrangements(builtin: YearArrangement[], loaded: YearArrangement[]): YearArrangement[] {
  const byYear = new Map<number, YearArrangement>();
  for (const arrangement of [...builtin, ...loaded]) byYear.set(arrangement.year, arrangement);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
