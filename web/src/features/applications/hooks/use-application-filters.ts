import { useSearchParams } from 'react-router';
import { applicationStates } from '../application-flow';
import type { ApplicationState } from './use-applications';

export type ApplicationsView = 'table' | 'board';

export interface ApplicationFilters {
  /** Searches the client company: name (one Chinese character is enough), credit code or organisation code. */
  q: string;
  /** A catalogue service, e.g. B24-1; empty for all. */
  serviceCode: string;
  state: ApplicationState | '';
  clientId: string;
  /** Only the applications the signed-in user is in charge of. */
  mine: boolean;
  /** Only those past their due date: a stage or a planned date overdue. */
  overdue: boolean;
  view: ApplicationsView;
  page: number;
  pageSize: number;
}

const defaults: ApplicationFilters = { q: '', serviceCode: '', state: '', clientId: '', mine: false, overdue: false, view: 'table', page: 1, pageSize: 20 };

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function readState(value: string | null): ApplicationState | '' {
  return value && (applicationStates as readonly string[]).includes(value) ? (value as ApplicationState) : '';
}

/** List filters and the view live in the URL, so going back to the list or sharing a link keeps them. */
export function useApplicationFilters(): [ApplicationFilters, (change: Partial<ApplicationFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: ApplicationFilters = {
    q: params.get('q') ?? '',
    serviceCode: params.get('serviceCode') ?? '',
    state: readState(params.get('state')),
    clientId: params.get('clientId') ?? '',
    mine: params.get('mine') === 'true',
    overdue: params.get('overdue') === 'true',
    view: params.get('view') === 'board' ? 'board' : 'table',
    page: positive(params.get('page'), defaults.page),
    pageSize: positive(params.get('pageSize'), defaults.pageSize),
  };

  function update(change: Partial<ApplicationFilters>) {
    // Any filter change starts again from page 1.
    const next = { ...filters, ...change, page: change.page ?? 1 };
    const search = new URLSearchParams();
    for (const key of Object.keys(defaults) as (keyof ApplicationFilters)[]) {
      if (next[key] !== defaults[key]) search.set(key, String(next[key]));
    }
    setParams(search, { replace: true });
  }

  return [filters, update];
}

export function hasActiveFilters(filters: ApplicationFilters): boolean {
  return Boolean(filters.q || filters.serviceCode || filters.state || filters.clientId || filters.mine || filters.overdue);
}

/** What "clear filters" sets: everything but the view and the page size. */
export const clearedFilters: Partial<ApplicationFilters> = { q: '', serviceCode: '', state: '', clientId: '', mine: false, overdue: false };
