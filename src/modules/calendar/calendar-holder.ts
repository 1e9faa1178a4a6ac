import { builtinArrangements, createCalendar, mergeArrangements } from '../../domain/calendar/index.ts';
import type { WorkingCalendar, YearArrangement } from '../../domain/calendar/types.ts';
import type { Db } from '../../platform/db/database.ts';
import { listLoadedYears, readCalendarRevision } from './repository.ts';

/** The calendar in force: built-in arrangements plus those loaded into the database; swapped whole on change. */
export interface CalendarHolder {
  current(): WorkingCalendar;
  /** The merged arrangements behind the current calendar, for validation of a new load. */
  arrangements(): YearArrangement[];
  /** The database's calendar revision the current calendar was built from. */
  revision(): number;
  reload(db: Db): Promise<void>;
  /** Reloads when the database's revision differs from the one in force (a change by the CLI or another instance). */
  refreshIfChanged(db: Db): Promise<boolean>;
}

export function createCalendarHolder(): CalendarHolder {
  let arrangements = builtinArrangements;
  let calendar = createCalendar(arrangements);
  let revision = -1;
  // Reloads may overlap (a request's own reload and the background check): the one started last wins.
  let started = 0;
  let installed = 0;
  const reload = async (db: Db) => {
    const ticket = ++started;
    // The revision is read before the years: a change committed in between is then seen again on the next check.
    const seen = await readCalendarRevision(db);
    const loaded = await listLoadedYears(db);
    const merged = mergeArrangements(builtinArrangements, loaded.map((l) => l.arrangement));
    const next = createCalendar(merged);
    if (ticket < installed) return;
    installed = ticket;
    arrangements = merged;
    calendar = next;
    revision = seen;
  };
  return {
    current: () => calendar,
    arrangements: () => arrangements,
    revision: () => revision,
    reload,
    refreshIfChanged: async (db) => {
      if ((await readCalendarRevision(db)) === revision) return false;
      await reload(db);
      return true;
    },
  };
}
