import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiResult } from '../../../app/api';

export type UsccCheck = ApiResult<'get', '/api/validate/uscc'>;

/** The server's reading of a credit code: valid or why not, and what its parts mean (department, category, province). */
export function useUsccCheck(value: string | null | undefined) {
  return useQuery({
    queryKey: ['validate', 'uscc', value ?? ''],
    queryFn: () => unwrap(api.GET('/api/validate/uscc', { params: { query: { value: value ?? '' } } })),
    enabled: Boolean(value),
    staleTime: Infinity,
    meta: { notifyErrors: false },
  });
}
