import type { ArrangementCheck, ArrangementError } from './validate-arrangement.ts';
import type { ArrangementDay } from './types.ts';
import { checkArrangementLimits } from './arrangement-limits.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeError(path: string, zh: string, en: string): ArrangementError {
  return { path, code: 'INVALID_SHAPE', message: { zh: `${path}：${zh}`, en: `${path}: ${en}` } };
}

function parseDay(raw: unknown, path: string, errors: ArrangementError[]): ArrangementDay | null {
  if (!isRecord(raw)) {
    errors.push(shapeError(path, '应为对象 {name, date, isOffDay}', 'expected an object {name, date, isOffDay}'));
    return null;
  }
  const before = errors.length;
  if (typeof raw.name !== 'string') errors.push(shapeError(`${path}.name`, '应为节日名称文本', 'expected the holiday name as a string'));
  if (typeof raw.date !== 'string') errors.push(shapeError(`${path}.date`, '应为 YYYY-MM-DD 日期文本', 'expected a YYYY-MM-DD date string'));
  if (typeof raw.isOffDay !== 'boolean') errors.push(shapeError(`${path}.isOffDay`, '应为 true 或 false', 'expected true or false'));
  if (errors.length > before) return null;
  return { date: raw.date as string, isOffDay: raw.isOffDay as boolean, name: raw.name as string };
}

/**
 * Converts a file of the holiday-cn data set (https://github.com/NateScarlet/holiday-cn, schema.json:
 * `{ year, papers, days: [{ name, date, isOffDay }] }`) into a YearArrangement candidate.
 * Only the shape and the size limits (`arrangementLimits`) are checked here; pass the result to validateArrangement before loading it.
 * The notice title is derived from the year, since the format carries only the notice URLs.
 */
export function parseHolidayCnJson(json: unknown): ArrangementCheck {
  if (!isRecord(json)) return { ok: false, errors: [shapeError('(root)', '应为 JSON 对象', 'expected a JSON object')] };
  const errors: ArrangementError[] = [];
  const { year, papers, days } = json;
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    errors.push({
      path: 'year',
      code: 'INVALID_YEAR',
      message: { zh: `year：应为整数年份，收到 ${JSON.stringify(year)}`, en: `year: expected an integer year, got ${JSON.stringify(year)}` },
    });
  }
  const paperList = Array.isArray(papers) && papers.every((p) => typeof p === 'string') ? (papers as string[]) : null;
  if (!paperList) errors.push(shapeError('papers', '应为网址文本数组', 'expected an array of URL strings'));
  if (!Array.isArray(days)) {
    errors.push(shapeError('days', '应为数组', 'expected an array'));
    return { ok: false, errors };
  }
  // The same limits as a typed arrangement: a file is no way around them.
  if (!checkArrangementLimits({ papers, days }, errors)) return { ok: false, errors };
  const parsed = days.map((raw, i) => parseDay(raw, `days[${i}]`, errors));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    arrangement: {
      year: year as number,
      source: `国务院办公厅关于${year as number}年部分节假日安排的通知`,
      papers: paperList ?? [],
      days: parsed as ArrangementDay[],
    },
  };
}
