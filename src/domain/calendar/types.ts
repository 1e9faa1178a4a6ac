/** A calendar date in China time, written `YYYY-MM-DD`. Never a JavaScript Date. */
export type IsoDate = string;

/** What kind of day a date is on the official calendar. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

/** Text in both product languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Why a result is provisional: the years it depends on that have no official arrangement loaded. */
export interface Provisionality {
  /** True when the answer depends on a year with no official arrangement (weekends-only guess). */
  provisional: boolean;
  /** The years without an arrangement that the answer depends on, ascending. Empty when not provisional. */
  provisionalYears: number[];
  /** Human reason, e.g. { zh: '2027年节假日安排尚未发布', en: 'The 2027 holiday arrangement has not been published' }. */
  provisionalReason: LocalizedText | null;
}

export interface DayInfo extends Provisionality {
  date: IsoDate;
  isWorkingDay: boolean;
  kind: DayKind;
  /** The holiday (or the holiday an adjusted workday belongs to), when the day is listed in a notice. */
  holidayName: LocalizedText | null;
}

export interface DateResult extends Provisionality {
  date: IsoDate;
}

export interface CountResult extends Provisionality {
  days: number;
}

/** One day listed in a year's official arrangement. */
export interface ArrangementDay {
  date: IsoDate;
  /** true: statutory holiday (休); false: adjusted working day on a weekend (班). */
  isOffDay: boolean;
  /** Chinese holiday name as in the notice, e.g. 春节. */
  name: string;
}

/** One year's official State Council arrangement. */
export interface YearArrangement {
  year: number;
  /** The notice it comes from, e.g. 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号). */
  source: string;
  /** URLs of the notice(s), when known. */
  papers: string[];
  days: ArrangementDay[];
}

/** The working-day calendar every deadline in LicenseDesk is computed with. */
export interface WorkingCalendar {
  dayInfo(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /** n > 0: n-th working day after; n < 0: n-th before; n = 0: the date if working, else the next working day. */
  addWorkingDays(date: IsoDate, n: number): DateResult;
  /** Working days in the half-open range (from, to]; negative when to < from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): CountResult;
  addCalendarDays(date: IsoDate, n: number): IsoDate;
  /** Years with an official arrangement loaded, ascending. */
  knownYears(): number[];
  /** The arrangements the calendar was built from, one per year, ascending (used to validate a new year). */
  arrangements?(): YearArrangement[];
}
