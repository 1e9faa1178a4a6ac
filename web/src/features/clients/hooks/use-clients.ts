import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiQuery, type ApiResult } from '../../../app/api';

export type Client = ApiResult<'get', '/api/clients/{id}'>;
export type ClientListQuery = ApiQuery<'get', '/api/clients'>;
export type ClientStatus = NonNullable<ClientListQuery['status']>;
/** Province codes the API accepts (BJ, SH, GD, …); the list comes from /api/meta/provinces. */
export type ProvinceCode = NonNullable<ClientListQuery['province']>;
export type CreateClientBody = ApiBody<'post', '/api/clients'>;
export type UpdateClientBody = ApiBody<'patch', '/api/clients/{id}'>;

export const clientKeys = {
  all: ['clients'] as const,
  list: (query: ClientListQuery) => ['clients', 'list', query] as const,
  detail: (id: string) => ['clients', 'detail', id] as const,
};

export function useClientList(query: ClientListQuery) {
  return useQuery({
    queryKey: clientKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/clients', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Query options for one client, for fetchQuery outside a component (e.g. prefilling another form). */
export function clientQueryOptions(id: string) {
  return {
    queryKey: clientKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/clients/{id}', { params: { path: { id } } })),
  };
}

export function useClient(id: string | undefined, options: { notifyErrors?: boolean } = {}) {
  return useQuery({
    ...clientQueryOptions(id ?? ''),
    enabled: Boolean(id),
    meta: { notifyErrors: options.notifyErrors ?? true },
    retry: false,
  });
}

/** After any client write: lists, the detail and the history are stale. */
function useRefreshClients() {
  const queryClient = useQueryClient();
  return (client: Client) => {
    queryClient.setQueryData(clientKeys.detail(client.id), client);
    void queryClient.invalidateQueries({ queryKey: clientKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateClient() {
  const refresh = useRefreshClients();
  return useMutation({
    mutationFn: (body: CreateClientBody) => unwrap(api.POST('/api/clients', { body })),
    meta: { notifyErrors: false },
    onSuccess: refresh,
  });
}

export function useUpdateClient(id: string) {
  const refresh = useRefreshClients();
  return useMutation({
    mutationFn: (body: UpdateClientBody) => unwrap(api.PATCH('/api/clients/{id}', { params: { path: { id } }, body })),
    meta: { notifyErrors: false },
    onSuccess: refresh,
  });
}

export function useArchiveClient(id: string) {
  const refresh = useRefreshClients();
  return useMutation({
    mutationFn: (archive: boolean) =>
      archive
        ? unwrap(api.POST('/api/clients/{id}/archive', { params: { path: { id } } }))
        : unwrap(api.POST('/api/clients/{id}/restore', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}
