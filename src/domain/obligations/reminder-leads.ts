import type { IsoDate } from '../calendar/types.ts';
import { addDays, daysBetween } from '../dates/civil-date.ts';

/**
 * When an organisation is reminded of an obligation: a number of days before it falls due (each once), then on the
 * first day overdue and, when `overdueWeekly`, every seven days after that until it is done.
 */
export interface ReminderPlan {
  /** Days before due, each 1–365, distinct. */
  leadDays: number[];
  overdueWeekly: boolean;
}

/** The product's default: 90, 30, 14, 7 and 1 days before due, then overdue, weekly. */
export const defaultReminderPlan: ReminderPlan = { leadDays: [90, 30, 14, 7, 1], overdueWeekly: true };

/** A lead time's label: `90d` (days before due) or `overdue-0`, `overdue-1`, … (whole weeks after due). */
export const leadLabel = (days: number) => `${days}d`;
export const overdueLabel = (weeks: number) => `overdue-${weeks}`;

const descending = (plan: ReminderPlan) => [...new Set(plan.leadDays)].sort((a, b) => b - a);

/** The first day the sweep looks at an obligation: its earliest lead time (or the first day overdue). */
export function firstReminderOn(dueOn: IsoDate, plan: ReminderPlan): IsoDate {
  const leads = descending(plan);
  return leads.length > 0 ? addDays(dueOn, -leads[0]) : addDays(dueOn, 1);
}

/** What a sweep on `today` does for an open obligation due on `dueOn`. */
export interface ReminderStep {
  /** The one lead time to send now (the latest passed); null when none has passed yet. */
  send: string | null;
  /** Earlier lead times that passed unsent (the server was down, the obligation is new): recorded as skipped. */
  skip: string[];
  /** The next day a lead time passes; null when there is none (overdue, not repeated). */
  nextOn: IsoDate | null;
}

/**
 * Only the latest lead time that has passed is sent, so a sweep after an outage, or for an obligation created late,
 * sends one reminder, not four. Pure; lead days are read as whole calendar days before the due date, today counting 0.
 */
export function reminderStep(dueOn: IsoDate, today: IsoDate, plan: ReminderPlan): ReminderStep {
  const leads = descending(plan);
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft >= 0) {
    const passed = leads.filter((l) => daysLeft <= l);
    const later = leads.filter((l) => l < daysLeft);
    if (passed.length === 0) return { send: null, skip: [], nextOn: later.length > 0 ? addDays(dueOn, -later[0]) : addDays(dueOn, 1) };
    const latest = passed[passed.length - 1];
    const next = leads.find((l) => l < latest);
    return { send: leadLabel(latest), skip: passed.slice(0, -1).map(leadLabel), nextOn: next !== undefined ? addDays(dueOn, -next) : addDays(dueOn, 1) };
  }
  const weeks = plan.overdueWeekly ? Math.floor((-daysLeft - 1) / 7) : 0;
  // The lead times before due and the first overdue notice are recorded as skipped; earlier weekly repeats are not
  // (a licence overdue for two years would otherwise leave a hundred rows behind).
  const skip = [...leads.map(leadLabel), ...(weeks > 0 ? [overdueLabel(0)] : [])];
  return { send: overdueLabel(weeks), skip, nextOn: plan.overdueWeekly ? addDays(dueOn, 1 + 7 * (weeks + 1)) : null };
}

/** Problems with a plan, by field, in both languages; empty when it is sound. */
export function checkReminderPlan(plan: ReminderPlan): Array<{ field: string; zh: string; en: string }> {
  const problems: Array<{ field: string; zh: string; en: string }> = [];
  plan.leadDays.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > 365) problems.push({ field: `leadDays.${i}`, zh: '提前天数须为 1–365 的整数', en: 'must be a whole number of days, 1–365' });
  });
  if (new Set(plan.leadDays).size !== plan.leadDays.length) problems.push({ field: 'leadDays', zh: '提前天数不能重复', en: 'each lead time is listed once' });
  return problems;
}
