import type { ArrangementError } from './validate-arrangement.ts';

/**
 * The size limits of one year's arrangement. The API schemas, the holiday-cn file parser and the arrangement check
 * all read them from here, so a typed arrangement, an uploaded file and the command line refuse the same things.
 */
export const arrangementLimits = {
  /** The notice title and number. */
  sourceMaxLength: 300,
  /** Notice URLs. */
  papersMaxItems: 10,
  paperMaxLength: 500,
  /** An arrangement lists at least one day: an empty one would mark the year official with no holidays at all. */
  daysMinItems: 1,
  /** A real notice lists about 40 days; 200 leaves room for any year. */
  daysMaxItems: 200,
  /** A holiday name, e.g. 春节. */
  nameMaxLength: 50,
} as const;

function tooLong(path: string, max: number): ArrangementError {
  return { path, code: 'TOO_LONG', message: { zh: `${path}：不能超过 ${max} 个字符`, en: `${path}: must be at most ${max} characters` } };
}

/** Checks the lengths and counts of an arrangement's fields that have the right types; returns false when `days` is unusable. */
export function checkArrangementLimits(input: { source?: unknown; papers?: unknown; days?: unknown }, errors: ArrangementError[]): boolean {
  const limits = arrangementLimits;
  if (typeof input.source === 'string' && input.source.length > limits.sourceMaxLength) errors.push(tooLong('source', limits.sourceMaxLength));
  if (Array.isArray(input.papers)) {
    if (input.papers.length > limits.papersMaxItems) {
      errors.push({ path: 'papers', code: 'TOO_MANY', message: { zh: `papers：最多 ${limits.papersMaxItems} 个网址`, en: `papers: at most ${limits.papersMaxItems} URLs` } });
    } else {
      input.papers.forEach((p, i) => {
        if (typeof p === 'string' && p.length > limits.paperMaxLength) errors.push(tooLong(`papers[${i}]`, limits.paperMaxLength));
      });
    }
  }
  if (!Array.isArray(input.days)) return true;
  if (input.days.length < limits.daysMinItems) {
    errors.push({ path: 'days', code: 'NO_DAYS', message: { zh: 'days：至少列出一天（放假日或调休上班日）', en: 'days: list at least one day (a holiday or an adjusted working day)' } });
    return false;
  }
  if (input.days.length > limits.daysMaxItems) {
    errors.push({ path: 'days', code: 'TOO_MANY', message: { zh: `days：最多 ${limits.daysMaxItems} 天`, en: `days: at most ${limits.daysMaxItems} days` } });
    return false;
  }
  input.days.forEach((day, i) => {
    const name = typeof day === 'object' && day !== null ? (day as { name?: unknown }).name : undefined;
    if (typeof name === 'string' && name.length > limits.nameMaxLength) errors.push(tooLong(`days[${i}].name`, limits.nameMaxLength));
  });
  return true;
}
