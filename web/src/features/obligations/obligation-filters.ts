// Self-contained (no imports): the unit tests run it under Node, beside the server's lists, which they compare these to.
export type ObligationStatus = 'overdue' | 'due-soon' | 'upcoming' | 'done' | 'not-applicable';
export type ObligationKind = 'start-operating' | 'annual-report' | 'renewal' | 'expiry' | 'registration-change' | 'approval-change' | 'provincial-filing' | 'number-annual-report';

export const obligationStatuses: readonly ObligationStatus[] = ['overdue', 'due-soon', 'upcoming', 'done', 'not-applicable'];

/** Every rule an obligation comes from, in the order the filter offers them: the yearly reports first. */
export const obligationKinds: readonly ObligationKind[] = [
  'annual-report', 'number-annual-report', 'start-operating', 'renewal', 'expiry', 'registration-change', 'approval-change', 'provincial-filing',
];

export interface ObligationFilters {
  status: ObligationStatus | '';
  /** Open obligations due within this many days, overdue ones included; 0 for any time. */
  dueWithinDays: number;
  /** Open obligations due on or after today + this many days (the dashboard's cards); -1 for no such bound. */
  dueAfterDays: number;
  clientId: string;
  licenceId: string;
  kind: ObligationKind | '';
  /** me, none (unassigned), a user's id, or empty for anyone. */
  assignee: string;
  page: number;
  pageSize: number;
}

const defaults: ObligationFilters = { status: '', dueWithinDays: 0, dueAfterDays: -1, clientId: '', licenceId: '', kind: '', assignee: '', page: 1, pageSize: 20 };
const paramNames: Record<keyof ObligationFilters, string> = { status: 'status', dueWithinDays: 'dueWithinDays', dueAfterDays: 'dueAfterDays', clientId: 'clientId', licenceId: 'licenceId', kind: 'kind', assignee: 'assigneeId', page: 'page', pageSize: 'pageSize' };
/** The API's longest due window (ten years). */
const maxDueWithinDays = 3660;

/** The windows offered; a link may ask for another (the dashboard's 14 days). */
export const dueWindows = [7, 30, 90] as const;

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function nonNegative(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

/** The list's filters from its address; anything malformed reads as no filter. */
export function readObligationFilters(params: URLSearchParams): ObligationFilters {
  return {
    status: oneOf(params.get('status'), obligationStatuses),
    dueWithinDays: Math.min(positive(params.get('dueWithinDays'), 0), maxDueWithinDays),
    dueAfterDays: Math.min(nonNegative(params.get('dueAfterDays'), -1), maxDueWithinDays),
    clientId: params.get('clientId') ?? '',
    licenceId: params.get('licenceId') ?? '',
    kind: oneOf(params.get('kind'), obligationKinds),
    assignee: params.get('assigneeId') ?? '',
    page: positive(params.get('page'), defaults.page),
    pageSize: positive(params.get('pageSize'), defaults.pageSize),
  };
}

/** The address of the list with these filters, and the obligation whose details are open (`focus`). */
export function obligationSearch(filters: ObligationFilters, focus: string | null): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of Object.keys(defaults) as (keyof ObligationFilters)[]) {
    if (filters[key] !== defaults[key]) search.set(paramNames[key], String(filters[key]));
  }
  if (focus) search.set('focus', focus);
  return search;
}

export function hasActiveFilters(filters: ObligationFilters): boolean {
  return Boolean(filters.status || filters.dueWithinDays || filters.dueAfterDays >= 0 || filters.clientId || filters.licenceId || filters.kind || filters.assignee);
}

/** What "clear filters" sets: everything but the page size. */
export const clearedFilters: Partial<ObligationFilters> = { status: '', dueWithinDays: 0, dueAfterDays: -1, clientId: '', licenceId: '', kind: '', assignee: '' };

/** A closed status (done, not applicable) has no due window: choosing either drops the other. */
export function isClosedStatus(status: ObligationStatus | ''): boolean {
  return status === 'done' || status === 'not-applicable';
}

/**
 * The period a key names after its rule: `annual-report:2027` → { year: '2027' } for the yearly reports, the change
 * and its date for a change (`registration-change:name:2026-05-01`), otherwise the rest of the key as text
 * (`start-operating:B24-1` → B24-1); nothing for a key without one (`renewal`).
 */
export function periodOf(obligation: { key: string; kind: ObligationKind }): { year: string } | { change: string; on: string } | { text: string } | null {
  const colon = obligation.key.indexOf(':');
  if (colon < 0) return null;
  const period = obligation.key.slice(colon + 1).replace(/#\d+$/, '');
  if (!period) return null;
  if ((obligation.kind === 'annual-report' || obligation.kind === 'number-annual-report') && /^\d{4}$/.test(period)) return { year: period };
  const change = /^([a-z-]+):(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (change && (obligation.kind === 'registration-change' || obligation.kind === 'approval-change')) return { change: change[1], on: change[2] };
  return { text: period.replaceAll(':', ' · ') };
}
