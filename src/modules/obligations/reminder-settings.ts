import { defaultReminderPlan, type ReminderPlan } from '../../domain/obligations/reminder-leads.ts';
import type { Db } from '../../platform/db/database.ts';

export type ReminderSettings = ReminderPlan & { version: number };

/** The organisation's reminder lead times; the product's default until it sets its own. */
export async function loadReminderSettings(db: Db, orgId: string): Promise<ReminderSettings> {
  const row = await db.selectFrom('reminderSettings').selectAll().where('orgId', '=', orgId).executeTakeFirst();
  if (!row) return { ...defaultReminderPlan, version: 0 };
  let leadDays = defaultReminderPlan.leadDays;
  try {
    const parsed = JSON.parse(row.leadDays) as unknown;
    if (Array.isArray(parsed) && parsed.every((d) => Number.isInteger(d))) leadDays = parsed as number[];
  } catch {
    // The default applies rather than no reminders at all.
  }
  return { leadDays, overdueWeekly: Number(row.overdueWeekly) === 1, version: Number(row.version) };
}
