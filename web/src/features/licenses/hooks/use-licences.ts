import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiQuery, type ApiResult } from '../../../app/api';
import { dashboardSummaryKey } from '../../dashboard/use-dashboard-summary';
import { obligationKeys } from '../../obligations/hooks/obligation-keys';

export type Licence = ApiResult<'get', '/api/licences/{id}'>;
export type LicenceStatus = Licence['status'];
export type LicenceListQuery = ApiQuery<'get', '/api/licences'>;
export type CreateLicenceBody = ApiBody<'post', '/api/licences'>;
export type UpdateLicenceBody = ApiBody<'patch', '/api/licences/{id}'>;
export type LicenceObligations = ApiResult<'get', '/api/licences/{id}/obligations'>;

export const licenceStatuses: readonly LicenceStatus[] = ['active', 'expiring', 'expired', 'cancelled'];

export const licenceKeys = {
  all: ['licences'] as const,
  list: (query: LicenceListQuery) => ['licences', 'list', query] as const,
  detail: (id: string) => ['licences', 'detail', id] as const,
  obligations: (id: string) => ['licences', 'obligations', id] as const,
};

export function useLicenceList(query: LicenceListQuery) {
  return useQuery({
    queryKey: licenceKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/licences', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useLicence(id: string) {
  return useQuery({
    queryKey: licenceKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/licences/{id}', { params: { path: { id } } })),
    enabled: Boolean(id),
    meta: { notifyErrors: false },
    retry: false,
  });
}

export function useLicenceObligations(id: string) {
  return useQuery({
    queryKey: licenceKeys.obligations(id),
    queryFn: () => unwrap(api.GET('/api/licences/{id}/obligations', { params: { path: { id } } })),
    enabled: Boolean(id),
  });
}

/** After a licence write: the detail shows the answer at once; lists, obligations, the dashboard and the audit log reload. */
function useRefreshLicences() {
  const queryClient = useQueryClient();
  return (licence: Licence) => {
    queryClient.setQueryData(licenceKeys.detail(licence.id), licence);
    void queryClient.invalidateQueries({ queryKey: licenceKeys.all });
    void queryClient.invalidateQueries({ queryKey: obligationKeys.all });
    void queryClient.invalidateQueries({ queryKey: dashboardSummaryKey });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateLicence() {
  const refresh = useRefreshLicences();
  return useMutation({
    mutationFn: (body: CreateLicenceBody) => unwrap(api.POST('/api/licences', { body })),
    meta: { notifyErrors: false },
    onSuccess: refresh,
  });
}

export function useUpdateLicence(id: string) {
  const refresh = useRefreshLicences();
  return useMutation({
    mutationFn: (body: UpdateLicenceBody) => unwrap(api.PATCH('/api/licences/{id}', { params: { path: { id } }, body })),
    meta: { notifyErrors: false },
    onSuccess: refresh,
  });
}

export type LicenceEvent = ApiResult<'get', '/api/licences/{id}/events'>[number];
export type LicenceEventBody = ApiBody<'post', '/api/licences/{id}/events'>;
export type LicenceEventKind = LicenceEventBody['kind'];

export const licenceEventKinds: readonly LicenceEventKind[] = [
  'service-opened', 'registration-change', 'licence-change', 'annual-report-filed', 'numbers-obtained', 'numbers-returned', 'number-report-filed', 'renewed', 'cancelled',
];

export function useLicenceEvents(id: string) {
  return useQuery({
    queryKey: ['licences', 'events', id],
    queryFn: () => unwrap(api.GET('/api/licences/{id}/events', { params: { path: { id } } })),
    enabled: Boolean(id),
  });
}

/**
 * After an event is recorded or removed: the licence (expiry, status, version), its history and obligations reload,
 * with every obligation list and the dashboard, since the event may complete or move them.
 */
function useRefreshLicence(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: licenceKeys.all });
    void queryClient.invalidateQueries({ queryKey: obligationKeys.all });
    void queryClient.invalidateQueries({ queryKey: dashboardSummaryKey });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    void queryClient.invalidateQueries({ queryKey: licenceKeys.detail(id) });
  };
}

export function useRecordLicenceEvent(id: string) {
  const refresh = useRefreshLicence(id);
  return useMutation({
    mutationFn: (body: LicenceEventBody) => unwrap(api.POST('/api/licences/{id}/events', { params: { path: { id } }, body })),
    meta: { notifyErrors: false },
    onSuccess: refresh,
  });
}

export function useRemoveLicenceEvent(id: string) {
  const refresh = useRefreshLicence(id);
  return useMutation({
    mutationFn: (eventId: string) => unwrap(api.DELETE('/api/licences/{id}/events/{eventId}', { params: { path: { id, eventId } } })),
    onSuccess: refresh,
  });
}
