import type { IsoDate } from '../calendar/types.ts';
import { daysBetween } from '../dates/civil-date.ts';
import type { ObligationStatus } from './types.ts';

/**
 * Status of an obligation today: `done` when the facts show it done; `overdue` when past due; `due-soon` when due
 * within `dueSoonDays` (today counts as 0); otherwise `upcoming`.
 */
export function obligationStatus(options: { dueDate: IsoDate; today: IsoDate; isDone: boolean; dueSoonDays: number }): ObligationStatus {
  if (options.isDone) return 'done';
  const daysLeft = daysBetween(options.today, options.dueDate);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= options.dueSoonDays ? 'due-soon' : 'upcoming';
}
