import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiQuery, type ApiResult } from '../../app/api';

export type AuditQuery = ApiQuery<'get', '/api/audit'>;
export type AuditEntry = ApiResult<'get', '/api/audit'>['items'][number];

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
