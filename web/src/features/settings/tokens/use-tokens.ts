import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiResult } from '../../../app/api';

export type ApiToken = ApiResult<'get', '/api/tokens'>['items'][number];

const tokensKey = ['tokens'] as const;

export function useTokens() {
  // The list is paged now (20 by default); one page of the largest size holds a user's tokens.
  return useQuery({ queryKey: tokensKey, queryFn: () => unwrap(api.GET('/api/tokens', { params: { query: { pageSize: 200 } } })) });
}

function useRefreshTokens() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: tokensKey });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateToken() {
  const onSuccess = useRefreshTokens();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/tokens', { body: { name } })),
    meta: { notifyErrors: false },
    onSuccess,
  });
}

export function useRevokeToken() {
  const onSuccess = useRefreshTokens();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/tokens/{id}', { params: { path: { id } } })),
    onSuccess,
  });
}
