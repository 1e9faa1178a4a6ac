import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiResult } from '../../app/api';

export type AdminOrganisation = ApiResult<'get', '/api/admin/organisations'>['items'][number];
export type CreateOrganisationBody = ApiBody<'post', '/api/admin/organisations'>;
export type CreatedOrganisation = ApiResult<'post', '/api/admin/organisations'>;

const organisationsKey = ['admin', 'organisations'] as const;

export function useOrganisations() {
  return useQuery({ queryKey: organisationsKey, queryFn: () => unwrap(api.GET('/api/admin/organisations')) });
}

function useRefreshOrganisations() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: organisationsKey });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateOrganisation() {
  const onSuccess = useRefreshOrganisations();
  return useMutation({
    mutationFn: (body: CreateOrganisationBody) => unwrap(api.POST('/api/admin/organisations', { body })),
    meta: { notifyErrors: false },
    onSuccess,
  });
}

/** Deactivates (its users cannot sign in; nothing is deleted) or reactivates an organisation. */
export function useSetOrganisationActive() {
  const onSuccess = useRefreshOrganisations();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active
        ? unwrap(api.POST('/api/admin/organisations/{id}/reactivate', { params: { path: { id } } }))
        : unwrap(api.POST('/api/admin/organisations/{id}/deactivate', { params: { path: { id } } })),
    onSuccess,
  });
}
