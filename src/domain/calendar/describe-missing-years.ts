import type { LocalizedText } from './types.ts';

// Collapses consecutive years so a long gap reads 1950—2003 rather than fifty numbers.
function yearRuns(years: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const year of years) {
    const last = runs[runs.length - 1];
    if (last && last[1] === year - 1) last[1] = year;
    else runs.push([year, year]);
  }
  return runs;
}

function listZh(years: number[]): string {
  return yearRuns(years)
    .flatMap(([a, b]) => (b - a >= 2 ? [`${a}—${b}`] : b > a ? [`${a}`, `${b}`] : [`${a}`]))
    .join('、');
}

function listEn(years: number[]): string {
  const items = yearRuns(years).flatMap(([a, b]) =>
    b - a >= 2 ? [`${a}–${b}`] : b > a ? [`${a}`, `${b}`] : [`${a}`],
  );
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Why a result is provisional, in both languages.
 * Years before the first loaded year have no official data; later ones are not published yet.
 * @param years the years without an arrangement, ascending and non-empty
 * @param firstKnownYear the earliest year with an arrangement, or null when none is loaded
 */
export function describeMissingYears(years: number[], firstKnownYear: number | null): LocalizedText {
  const noData = years.filter((y) => firstKnownYear === null || y < firstKnownYear);
  const unpublished = years.filter((y) => firstKnownYear !== null && y >= firstKnownYear);
  const zh: string[] = [];
  const en: string[] = [];
  if (noData.length > 0) {
    zh.push(`${listZh(noData)}年无官方节假日安排数据`);
    en.push(`The official calendar has no holiday data for ${listEn(noData)}`);
  }
  if (unpublished.length > 0) {
    zh.push(`${listZh(unpublished)}年节假日安排尚未发布`);
    en.push(
      unpublished.length === 1
        ? `The ${unpublished[0]} holiday arrangement has not been published yet`
        : `The ${listEn(unpublished)} holiday arrangements have not been published yet`,
    );
  }
  const lowerAfterFirst = en.map((part, i) => (i === 0 ? part : part[0].toLowerCase() + part.slice(1)));
  return { zh: zh.join('；'), en: lowerAfterFirst.join('; ') };
}
