import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiResult } from '../../../app/api';
import { catalogKeys } from '../../catalog/hooks/use-catalog';

export type RuleSetting = ApiResult<'get', '/api/settings/rules'>['items'][number];

const rulesKey = ['settings', 'rules'] as const;

export function useRuleSettings() {
  return useQuery({ queryKey: rulesKey, queryFn: () => unwrap(api.GET('/api/settings/rules')) });
}

/** Sets one key (a whole number) or resets it to the default (null); every catalog page shows the new value at once. */
export function useUpdateRuleOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: number | null }) => unwrap(api.PUT('/api/settings/rules', { body: { overrides: { [key]: value } } })),
    meta: { notifyErrors: false },
    onSuccess: (data) => {
      queryClient.setQueryData(rulesKey, data);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
