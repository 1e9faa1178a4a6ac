import type { ApiQuery } from '../../../app/api';

export type ObligationListQuery = ApiQuery<'get', '/api/obligations'>;

/** Query keys of the stored obligations; a licence's own list lives under the licences' keys. */
export const obligationKeys = {
  all: ['obligations'] as const,
  list: (query: ObligationListQuery) => ['obligations', 'list', query] as const,
  detail: (id: string) => ['obligations', 'detail', id] as const,
};
