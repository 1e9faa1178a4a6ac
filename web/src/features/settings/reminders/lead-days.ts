/** The product's default lead times: 90, 30, 14, 7 and 1 days before due. */
export const defaultLeadDays = [90, 30, 14, 7, 1] as const;
export const maxLeadDays = 10;

export type AddLeadDayResult = { days: number[] } | { problem: 'range' | 'duplicate' | 'tooMany' };

/** Adds a lead time (whole days, 1–365), keeping the list distinct and longest first. */
export function addLeadDay(days: readonly number[], value: number | null | undefined): AddLeadDayResult {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 365) return { problem: 'range' };
  if (days.includes(value)) return { problem: 'duplicate' };
  if (days.length >= maxLeadDays) return { problem: 'tooMany' };
  return { days: sortLeadDays([...days, value]) };
}

export function sortLeadDays(days: readonly number[]): number[] {
  return [...days].sort((a, b) => b - a);
}

export function sameLeadDays(a: readonly number[], b: readonly number[]): boolean {
  const x = sortLeadDays(a);
  const y = sortLeadDays(b);
  return x.length === y.length && x.every((d, i) => d === y[i]);
}

/** What a delivery's lead says: `30d` (days before due), `overdue-N` (N whole weeks overdue) or `test:…`. */
export type LeadMeaning = { kind: 'test' } | { kind: 'daysBefore'; days: number } | { kind: 'overdue'; count: number } | { kind: 'other'; text: string };

export function leadMeaning(lead: string): LeadMeaning {
  if (lead.startsWith('test:')) return { kind: 'test' };
  const before = /^(\d+)d$/.exec(lead);
  if (before) return { kind: 'daysBefore', days: Number(before[1]) };
  const overdue = /^overdue-(\d+)$/.exec(lead);
  // overdue-0 is the first overdue reminder, overdue-1 the second (a week later), and so on.
  if (overdue) return { kind: 'overdue', count: Number(overdue[1]) + 1 };
  return { kind: 'other', text: lead };
}
