import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiResult } from '../../../app/api';

export type ManagedUser = ApiResult<'get', '/api/users'>['items'][number];
export type CreateUserBody = ApiBody<'post', '/api/users'>;
export type UpdateUserBody = ApiBody<'patch', '/api/users/{id}'>;

const usersKey = ['users'] as const;

export function useUsers() {
  // The list is paged now (20 by default); one page of the largest size holds an organisation's users.
  return useQuery({ queryKey: usersKey, queryFn: () => unwrap(api.GET('/api/users', { params: { query: { pageSize: 200 } } })) });
}

function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: usersKey });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateUser() {
  const onSuccess = useRefreshUsers();
  return useMutation({
    mutationFn: (body: CreateUserBody) => unwrap(api.POST('/api/users', { body })),
    meta: { notifyErrors: false },
    onSuccess,
  });
}

/** Changes a user; the body carries the version that was read, so a change made meanwhile by someone else is refused. */
export function useUpdateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    // Refetch on failure too: after a VERSION_CONFLICT the list shows what is there now, with its new version.
    onSettled: refresh,
  });
}

export function useResetPassword() {
  const onSuccess = useRefreshUsers();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/users/{id}/reset-password', { params: { path: { id } } })),
    onSuccess,
  });
}
