import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiResult } from '../../../app/api';
import { reminderSettingsKey } from '../reminders/use-reminder-settings';

export type Webhook = ApiResult<'get', '/api/webhooks'>[number];
export type WebhookPreset = Webhook['preset'];
export type WebhookDelivery = ApiResult<'get', '/api/webhooks/{id}/deliveries'>[number];
export type CreateWebhookBody = ApiBody<'post', '/api/webhooks'>;

export const webhookPresets: WebhookPreset[] = ['generic', 'wecom', 'dingtalk'];

const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  deliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: webhookKeys.list, queryFn: () => unwrap(api.GET('/api/webhooks')) });
}

export function useWebhookDeliveries(id: string | null) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/webhooks/{id}/deliveries', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

/** After any webhook write: the list, each log, the channel count on the reminders tab and the audit log are stale. */
function useRefreshWebhooks() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    void queryClient.invalidateQueries({ queryKey: reminderSettingsKey });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateWebhook() {
  const onSuccess = useRefreshWebhooks();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => unwrap(api.POST('/api/webhooks', { body })),
    meta: { notifyErrors: false },
    onSuccess,
  });
}

/** Pauses or resumes a webhook, with the version the list showed. */
export function useSetWebhookActive() {
  const onSuccess = useRefreshWebhooks();
  return useMutation({
    mutationFn: ({ webhook, isActive }: { webhook: Webhook; isActive: boolean }) =>
      unwrap(api.PATCH('/api/webhooks/{id}', { params: { path: { id: webhook.id } }, body: { isActive, version: webhook.version } })),
    onSuccess,
  });
}

export function useDeleteWebhook() {
  const onSuccess = useRefreshWebhooks();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/webhooks/{id}', { params: { path: { id } } })),
    onSuccess,
  });
}

/** Sends one test message now; the answer is the logged delivery (sent or failed, with the receiver's answer). */
export function useTestWebhook() {
  const onSuccess = useRefreshWebhooks();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/webhooks/{id}/test', { params: { path: { id } } })),
    onSuccess,
  });
}
