import { useSearchParams } from 'react-router';
import type { ClientStatus } from './use-clients';

export interface ClientFilters {
  q: string;
  province: string;
  status: ClientStatus;
  page: number;
  pageSize: number;
}

const statuses: ClientStatus[] = ['active', 'archived', 'all'];
const defaults: ClientFilters = { q: '', province: '', status: 'active', page: 1, pageSize: 20 };

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** List filters live in the URL, so going back to the list or sharing a link keeps them. */
export function useClientFilters(): [ClientFilters, (change: Partial<ClientFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') as ClientStatus | null;
  const filters: ClientFilters = {
    q: params.get('q') ?? '',
    province: params.get('province') ?? '',
    status: status && statuses.includes(status) ? status : defaults.status,
    page: positive(params.get('page'), defaults.page),
    pageSize: positive(params.get('pageSize'), defaults.pageSize),
  };

  function update(change: Partial<ClientFilters>) {
    // Any filter change starts again from page 1.
    const next = { ...filters, ...change, page: change.page ?? 1 };
    const search = new URLSearchParams();
    for (const key of Object.keys(defaults) as (keyof ClientFilters)[]) {
      if (next[key] !== defaults[key]) search.set(key, String(next[key]));
    }
    setParams(search, { replace: true });
  }

  return [filters, update];
}

export function hasActiveFilters(filters: ClientFilters): boolean {
  return Boolean(filters.q || filters.province || filters.status !== defaults.status);
}
