import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiResult } from '../../../app/api';
import { applicationKeys } from './use-applications';

export type ApplicationEvent = ApiResult<'get', '/api/applications/{id}/activity'>['items'][number];

const pageSize = 30;

/** The activity feed, newest first; older events load by cursor. */
export function useApplicationActivity(id: string) {
  return useInfiniteQuery({
    queryKey: applicationKeys.activity(id),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/applications/{id}/activity', { params: { path: { id }, query: pageParam ? { cursor: pageParam, pageSize } : { pageSize } } })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(id),
  });
}
