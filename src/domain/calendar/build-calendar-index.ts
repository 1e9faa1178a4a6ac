import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  DAY_COUNT,
  dayIndexOf,
  weekdayOfIndex,
} from './civil-date.ts';
import { translateHolidayName } from './translate-holiday-name.ts';
import type { LocalizedText, YearArrangement } from './types.ts';

/** Day kind codes stored per day; the order matches KIND_NAMES. */
export const KIND_WORKDAY = 0;
export const KIND_WEEKEND = 1;
export const KIND_HOLIDAY = 2;
export const KIND_ADJUSTED_WORKDAY = 3;
export const KIND_NAMES = ['workday', 'weekend', 'holiday', 'adjusted-workday'] as const;

/** Precomputed per-day facts that make every calendar query O(1). */
export interface CalendarIndex {
  /** Day kind code of every day index. */
  kinds: Uint8Array;
  /** Holiday name id of every day index; 0 = none, else an index into nameTable. */
  nameIds: Uint8Array;
  nameTable: Array<LocalizedText | null>;
  /** workingBefore[i] = number of working days with index < i (length DAY_COUNT + 1). */
  workingBefore: Int32Array;
  /** Day indexes of all working days, ascending: the inverse of workingBefore. */
  workingDays: Int32Array;
  /** missingBefore[y] = number of years without arrangement among year offsets < y. */
  missingBefore: Int32Array;
  knownYears: number[];
  arrangements: YearArrangement[];
}

// One arrangement per year, the later one in the list winning, sorted by year.
function latestPerYear(arrangements: YearArrangement[]): YearArrangement[] {
  const byYear = new Map<number, YearArrangement>();
  for (const arrangement of arrangements) byYear.set(arrangement.year, arrangement);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

function weekendsOnly(): Uint8Array {
  const kinds = new Uint8Array(DAY_COUNT);
  for (let i = 0; i < DAY_COUNT; i++) {
    const weekday = weekdayOfIndex(i);
    kinds[i] = weekday === 0 || weekday === 6 ? KIND_WEEKEND : KIND_WORKDAY;
  }
  return kinds;
}

// Applies the listed days year by year, so a later year's notice wins for the dates it lists.
function applyArrangements(arrangements: YearArrangement[], kinds: Uint8Array) {
  const nameIds = new Uint8Array(DAY_COUNT);
  const nameTable: Array<LocalizedText | null> = [null];
  const nameIdByZh = new Map<string, number>();
  for (const arrangement of arrangements) {
    for (const day of arrangement.days) {
      const index = dayIndexOf(day.date);
      let id = nameIdByZh.get(day.name);
      if (id === undefined) {
        id = nameTable.length;
        if (id > 255) throw new Error('Too many distinct holiday names (more than 255)');
        nameTable.push(translateHolidayName(day.name));
        nameIdByZh.set(day.name, id);
      }
      kinds[index] = day.isOffDay ? KIND_HOLIDAY : KIND_ADJUSTED_WORKDAY;
      nameIds[index] = id;
    }
  }
  return { nameIds, nameTable };
}

function countWorkingDays(kinds: Uint8Array) {
  const workingBefore = new Int32Array(DAY_COUNT + 1);
  let count = 0;
  for (let i = 0; i < DAY_COUNT; i++) {
    workingBefore[i] = count;
    const kind = kinds[i];
    if (kind === KIND_WORKDAY || kind === KIND_ADJUSTED_WORKDAY) count++;
  }
  workingBefore[DAY_COUNT] = count;
  const workingDays = new Int32Array(count);
  for (let i = 0, k = 0; i < DAY_COUNT; i++) {
    if (workingBefore[i + 1] !== workingBefore[i]) workingDays[k++] = i;
  }
  return { workingBefore, workingDays };
}

function countMissingYears(knownYears: number[]): Int32Array {
  const known = new Set(knownYears);
  const yearCount = CALENDAR_MAX_YEAR - CALENDAR_MIN_YEAR + 1;
  const missingBefore = new Int32Array(yearCount + 1);
  for (let y = 0; y < yearCount; y++) {
    missingBefore[y + 1] = missingBefore[y] + (known.has(CALENDAR_MIN_YEAR + y) ? 0 : 1);
  }
  return missingBefore;
}

/**
 * Builds the lookup tables of a calendar from year arrangements.
 * @throws CalendarInputError when an arrangement lists a malformed or out-of-range date
 */
export function buildCalendarIndex(input: YearArrangement[]): CalendarIndex {
  const arrangements = latestPerYear(input);
  const kinds = weekendsOnly();
  const { nameIds, nameTable } = applyArrangements(arrangements, kinds);
  const { workingBefore, workingDays } = countWorkingDays(kinds);
  const knownYears = arrangements
    .map((a) => a.year)
    .filter((year) => year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR);
  const missingBefore = countMissingYears(knownYears);
  return { kinds, nameIds, nameTable, workingBefore, workingDays, missingBefore, knownYears, arrangements };
}
