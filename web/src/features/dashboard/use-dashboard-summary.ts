import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiResult } from '../../app/api';
import { clientKeys } from '../clients/hooks/use-clients';

export type DashboardSummary = ApiResult<'get', '/api/dashboard'>;

/**
 * Kept under the clients' key, so every client change (create, archive, restore) that invalidates the clients
 * refreshes it too; obligation and licence writes invalidate it by this key.
 */
export const dashboardSummaryKey = [...clientKeys.all, 'dashboard-summary'] as const;

/** The dashboard's figures, in one call: counts, the next 30 days, the year ahead, scores and the report season. */
export function useDashboardSummary() {
  return useQuery({
    queryKey: dashboardSummaryKey,
    queryFn: () => unwrap(api.GET('/api/dashboard')),
  });
}
