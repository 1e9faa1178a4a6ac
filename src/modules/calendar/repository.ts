import type { Db } from '../../platform/db/database.ts';
import type { YearArrangement } from '../../domain/calendar/types.ts';

export interface LoadedYear {
  arrangement: YearArrangement;
  loadedBy: string | null;
  loadedAt: string;
}

export async function listLoadedYears(db: Db): Promise<LoadedYear[]> {
  const rows = await db.selectFrom('calendarYears').selectAll().orderBy('year').execute();
  return rows.map((r) => ({
    arrangement: { year: Number(r.year), source: r.source, papers: JSON.parse(r.papers), days: JSON.parse(r.days) },
    loadedBy: r.loadedBy,
    loadedAt: r.loadedAt,
  }));
}

/** Stores a year's arrangement, replacing any earlier load of the same year. */
export async function saveLoadedYear(db: Db, input: { arrangement: YearArrangement; loadedBy: string | null; loadedAt: string }): Promise<void> {
  const { arrangement: a } = input;
  await db.deleteFrom('calendarYears').where('year', '=', a.year).execute();
  await db
    .insertInto('calendarYears')
    .values({ year: a.year, source: a.source, papers: JSON.stringify(a.papers), days: JSON.stringify(a.days), loadedBy: input.loadedBy, loadedAt: input.loadedAt })
    .execute();
}

export async function deleteLoadedYear(db: Db, year: number): Promise<number> {
  const result = await db.deleteFrom('calendarYears').where('year', '=', year).executeTakeFirst();
  return Number(result.numDeletedRows);
}
