import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { YearArrangement } from '../../domain/calendar/types.ts';

/** The PostgreSQL channel on which a committed calendar change is announced (payload: the new revision). */
export const calendarChannel = 'licensedesk_calendar';

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

/** Who loaded each year (null for the command line), with their name and email; users of any organisation. */
export async function listYearLoaders(db: Db) {
  const rows = await db
    .selectFrom('calendarYears')
    .leftJoin('users', 'users.id', 'calendarYears.loadedBy')
    .select(['calendarYears.year', 'calendarYears.loadedAt', 'users.id as userId', 'users.name', 'users.email'])
    .execute();
  return rows.map((r) => ({ year: Number(r.year), loadedAt: r.loadedAt, loadedBy: r.userId ? { id: r.userId, name: r.name ?? '', email: r.email ?? '' } : null }));
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

/** The revision of the loaded years: one indexed row, cheap enough to read every second. */
export async function readCalendarRevision(db: Db): Promise<number> {
  const row = await db.selectFrom('calendarRevision').select('revision').where('id', '=', 1).executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/** Bumps the revision (call inside the transaction that changes the years) and returns the new one. */
export async function bumpCalendarRevision(db: Db, at: string): Promise<number> {
  await db.updateTable('calendarRevision').set((eb) => ({ revision: eb('revision', '+', 1), changedAt: at })).where('id', '=', 1).execute();
  return readCalendarRevision(db);
}

/** Announces a change to listening instances; PostgreSQL delivers it only when the transaction commits. */
export async function notifyCalendarChanged(db: Db, revision: number): Promise<void> {
  await sql`select pg_notify(${calendarChannel}, ${String(revision)})`.execute(db);
}
