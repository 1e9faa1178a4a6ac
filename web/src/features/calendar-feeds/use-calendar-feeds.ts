import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiResult } from '../../app/api';

export type CalendarFeed = ApiResult<'get', '/api/calendar-feeds'>['items'][number];
export type CalendarFeedCreated = ApiResult<'post', '/api/calendar-feeds'>;
export type FeedScope = CalendarFeed['scope'];

const feedsKey = ['calendar-feeds'] as const;

/** The signed-in user's feeds in use; a user holds a handful, so one page of the largest size holds them all. */
export function useCalendarFeeds(enabled: boolean) {
  return useQuery({ queryKey: feedsKey, queryFn: () => unwrap(api.GET('/api/calendar-feeds', { params: { query: { pageSize: 200 } } })), enabled });
}

function useRefreshFeeds() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: feedsKey });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** Creates a feed; the answer carries its address, which is never shown again. */
export function useCreateCalendarFeed() {
  const onSuccess = useRefreshFeeds();
  return useMutation({ mutationFn: (scope: FeedScope) => unwrap(api.POST('/api/calendar-feeds', { body: { scope } })), onSuccess });
}

export function useRevokeCalendarFeed() {
  const onSuccess = useRefreshFeeds();
  return useMutation({ mutationFn: (id: string) => unwrap(api.DELETE('/api/calendar-feeds/{id}', { params: { path: { id } } })), onSuccess });
}
