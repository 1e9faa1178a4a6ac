import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api';
import { clientKeys } from '../clients/hooks/use-clients';

/**
 * The dashboard's exact counts, in one call. Kept under the clients' key, so every client change (create, archive,
 * restore) that invalidates the clients refreshes them too.
 */
export function useDashboardSummary() {
  return useQuery({
    queryKey: [...clientKeys.all, 'dashboard-summary'] as const,
    queryFn: () => unwrap(api.GET('/api/dashboard')),
  });
}
