import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiResult } from '../../app/api';

type NotificationList = ApiResult<'get', '/api/notifications'>;
export type AppNotification = NotificationList['items'][number];

export const notificationKeys = { all: ['notifications'] as const, latest: ['notifications', 'latest'] as const };

/** How many the bell lists; older ones live on the obligations page. */
const latestCount = 10;

/** The bell's list and unread count: polled every minute, and again when the window regains focus. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { pageSize: latestCount } } })),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    // A failed poll shows in the bell's own panel, not as a pop-up every minute.
    meta: { notifyErrors: false },
  });
}

/** Marks some notifications (or all) read; the bell shows it at once, then reloads. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'post', '/api/notifications/read'>) => unwrap(api.POST('/api/notifications/read', { body })),
    onSuccess: ({ unread }, body) => {
      const readAt = new Date().toISOString();
      queryClient.setQueryData<NotificationList>(notificationKeys.latest, (list) =>
        list && { ...list, unread, items: list.items.map((n) => (n.readAt === null && (body.all || body.ids?.includes(n.id)) ? { ...n, readAt } : n)) },
      );
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
