import type { ApiQuery } from '../../app/api';
import type { Language } from '../../app/i18n';

/** A list's query without its paging: an export holds every matching row, not one page. */
type Unpaged<Q> = Omit<Q, 'page' | 'pageSize' | 'cursor'>;

/** Each export takes the filters of its list, unchanged. */
export interface ExportFilters {
  clients: Unpaged<ApiQuery<'get', '/api/clients'>>;
  applications: Unpaged<ApiQuery<'get', '/api/applications'>>;
  licences: Unpaged<ApiQuery<'get', '/api/licences'>>;
  obligations: Unpaged<ApiQuery<'get', '/api/obligations'>>;
}

export type ExportKind = keyof ExportFilters;
export type ExportFormat = 'xlsx' | 'csv';

/**
 * The download address of a list as a spreadsheet: a plain same-origin GET, so the session cookie goes with it and the
 * server names the file. Filters left empty are left out, as the list's own request does.
 */
export function exportUrl<K extends ExportKind>(kind: K, options: { format: ExportFormat; lang: Language; filters: ExportFilters[K] }): string {
  const search = new URLSearchParams({ format: options.format, lang: options.lang });
  for (const [key, value] of Object.entries(options.filters as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  return `/api/exports/${kind}?${search.toString()}`;
}
