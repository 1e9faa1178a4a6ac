import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiResult } from '../../../app/api';
import { catalogKeys } from '../../catalog/hooks/use-catalog';

type RuleSettings = ApiResult<'get', '/api/settings/rules'>;
export type RuleSetting = RuleSettings['items'][number];

const rulesKey = ['settings', 'rules'] as const;

export function useRuleSettings() {
  return useQuery({ queryKey: rulesKey, queryFn: () => unwrap(api.GET('/api/settings/rules')) });
}

/** Sets one key (a whole number) or resets it to the default (null); every catalog page shows the new value at once. */
export function useUpdateRuleOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    // Based on the settings version last read: if someone changed them since, the server answers 409 and nothing is saved.
    mutationFn: ({ key, value }: { key: string; value: number | null }) => {
      const version = queryClient.getQueryData<RuleSettings>(rulesKey)?.version ?? 1;
      return unwrap(api.PUT('/api/settings/rules', { body: { version, overrides: { [key]: value } } }));
    },
    meta: { notifyErrors: false },
    onSuccess: (data) => {
      queryClient.setQueryData(rulesKey, data);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
