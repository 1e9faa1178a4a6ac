import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiResult } from '../../../app/api';
import { useMe } from '../../../app/auth/auth-context';

export type Assignee = ApiResult<'get', '/api/applications/assignees'>[number];

/**
 * The organisation's active staff, admins and owners, who may be put in charge of an application. Any staff member
 * may list them (GET /api/applications/assignees); client users may not, and for them (or on a refusal) `users` is
 * null and the picker is hidden. Kept under the users' key, so adding or changing a user in settings refreshes it.
 */
export function useAssignableUsers(): { users: Assignee[] | null; isPending: boolean } {
  const me = useMe();
  const allowed = me.user.role !== 'client';
  const query = useQuery({
    queryKey: ['users', 'assignees'],
    queryFn: () => unwrap(api.GET('/api/applications/assignees')),
    enabled: allowed,
    meta: { notifyErrors: false },
    retry: false,
    staleTime: 60_000,
  });
  if (!allowed || query.isError) return { users: null, isPending: false };
  return { users: query.data ?? [], isPending: query.isPending };
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
