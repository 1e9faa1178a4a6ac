import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiResult } from '../../../app/api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';

export type OrganisationUser = ApiResult<'get', '/api/users'>['items'][number];

/**
 * The organisation's active staff, admins and owners, who may be put in charge of an application. Only
 * administrators may list users; for anyone else (or on a refusal) `users` is null and the picker is hidden.
 */
export function useAssignableUsers(): { users: OrganisationUser[] | null; isPending: boolean } {
  const me = useMe();
  const allowed = can(me.user, 'manageUsers');
  const query = useQuery({
    queryKey: ['users'],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { pageSize: 200 } } })),
    enabled: allowed,
    meta: { notifyErrors: false },
    retry: false,
    staleTime: 60_000,
  });
  if (!allowed || query.isError) return { users: null, isPending: false };
  const users = query.data?.items.filter((user) => user.isActive && user.role !== 'client') ?? [];
  return { users, isPending: query.isPending };
}

/** Who is in charge, in words: a name when known (yourself always), else that someone is. */
export function useAssigneeName(): (assigneeId: string | null) => string | null {
  const me = useMe();
  const { users } = useAssignableUsers();
  return (assigneeId) => {
    if (!assigneeId) return null;
    if (assigneeId === me.user.id) return me.user.name;
    return users?.find((user) => user.id === assigneeId)?.name ?? '';
  };
}
