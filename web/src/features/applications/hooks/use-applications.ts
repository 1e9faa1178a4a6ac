import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiQuery, type ApiResult } from '../../../app/api';

export type Application = ApiResult<'get', '/api/applications/{id}'>;
export type ApplicationState = Application['state'];
export type ApplicationListQuery = ApiQuery<'get', '/api/applications'>;
export type ApplicationPage = ApiResult<'get', '/api/applications'>;
export type CreateApplicationBody = ApiBody<'post', '/api/applications'>;
export type UpdateApplicationBody = ApiBody<'patch', '/api/applications/{id}'>;
export type TransitionBody = ApiBody<'post', '/api/applications/{id}/transitions'>;
export type BusinessDescription = Application['business'];
export type ApplicationScope = CreateApplicationBody['scope'];

export const applicationKeys = {
  all: ['applications'] as const,
  list: (query: ApplicationListQuery) => ['applications', 'list', query] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
  materials: (id: string) => ['applications', 'materials', id] as const,
  activity: (id: string) => ['applications', 'activity', id] as const,
  timeline: (id: string) => ['applications', 'timeline', id] as const,
};

export function useApplicationList(query: ApplicationListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: applicationKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/applications', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/applications/{id}', { params: { path: { id } } })),
    enabled: Boolean(id),
    meta: { notifyErrors: false },
    retry: false,
  });
}

/** After any application write: the detail shows the answer at once; lists, activity and the audit log reload. */
export function useRefreshApplications() {
  const queryClient = useQueryClient();
  return (application?: Application) => {
    if (application) queryClient.setQueryData(applicationKeys.detail(application.id), application);
    void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateApplication() {
  const refresh = useRefreshApplications();
  return useMutation({
    mutationFn: (body: CreateApplicationBody) => unwrap(api.POST('/api/applications', { body })),
    meta: { notifyErrors: false },
    onSuccess: refresh,
  });
}

export function useUpdateApplication(id: string) {
  const refresh = useRefreshApplications();
  return useMutation({
    mutationFn: (body: UpdateApplicationBody) => unwrap(api.PATCH('/api/applications/{id}', { params: { path: { id } }, body })),
    meta: { notifyErrors: false },
    onSuccess: refresh,
  });
}

/** Moves the application; a refusal (409 TRANSITION_REFUSED) is shown in the move's form by the caller. */
export function useTransitionApplication(id: string) {
  const refresh = useRefreshApplications();
  return useMutation({
    mutationFn: (body: TransitionBody) => unwrap(api.POST('/api/applications/{id}/transitions', { params: { path: { id } }, body })),
    meta: { notifyErrors: false },
    onSuccess: refresh,
  });
}
