import { builtinArrangements, createCalendar, mergeArrangements } from '../../domain/calendar/index.ts';
import type { WorkingCalendar, YearArrangement } from '../../domain/calendar/types.ts';
import type { Db } from '../../platform/db/database.ts';
import { listLoadedYears } from './repository.ts';

/** The calendar in force: built-in arrangements plus those loaded into the database; swapped whole on change. */
export interface CalendarHolder {
  current(): WorkingCalendar;
  /** The merged arrangements behind the current calendar, for validation of a new load. */
  arrangements(): YearArrangement[];
  reload(db: Db): Promise<void>;
}

export function createCalendarHolder(): CalendarHolder {
  let arrangements = builtinArrangements;
  let calendar = createCalendar(arrangements);
  return {
    current: () => calendar,
    arrangements: () => arrangements,
    reload: async (db) => {
      const loaded = await listLoadedYears(db);
      const merged = mergeArrangements(builtinArrangements, loaded.map((l) => l.arrangement));
      const next = createCalendar(merged);
      arrangements = merged;
      calendar = next;
    },
  };
}
