import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiResult } from '../../../app/api';

export type ReminderSettings = ApiResult<'get', '/api/settings/reminders'>;
export type ReminderSettingsUpdate = ApiBody<'put', '/api/settings/reminders'>;

export const reminderSettingsKey = ['settings', 'reminders'] as const;

export function useReminderSettings() {
  return useQuery({ queryKey: reminderSettingsKey, queryFn: () => unwrap(api.GET('/api/settings/reminders')) });
}

/** Saves the lead times with the version read; a stale version answers 409 and nothing is saved. */
export function useUpdateReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReminderSettingsUpdate) => unwrap(api.PUT('/api/settings/reminders', { body })),
    meta: { notifyErrors: false },
    onSuccess: (data) => {
      queryClient.setQueryData(reminderSettingsKey, data);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
