import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiResult } from '../../../app/api';
import { useMe } from '../../../app/auth/auth-context';
import { uploadFile } from '../../../app/upload-file';
import { dashboardSummaryKey } from '../../dashboard/use-dashboard-summary';
import { licenceKeys } from '../../licenses/hooks/use-licences';
import { obligationKeys, type ObligationListQuery } from './obligation-keys';

export type ObligationDetail = ApiResult<'get', '/api/obligations/{id}'>;
export type Obligation = ObligationDetail['obligation'];
/** What a row of obligations shows (the dashboard's lists carry only this). */
export type ObligationBrief = ApiResult<'get', '/api/dashboard'>['next30']['items'][number];
export type ObligationStatus = Obligation['status'];
export type ObligationKind = Obligation['kind'];
export type ObligationHistoryEntry = ObligationDetail['history'][number];
export type CompleteBody = ApiBody<'post', '/api/obligations/{id}/complete'>;
export type BulkBody = ApiBody<'post', '/api/obligations/bulk'>;
export type BulkResult = ApiResult<'post', '/api/obligations/bulk'>;

export function useObligationList(query: ObligationListQuery) {
  return useQuery({
    queryKey: obligationKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/obligations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useObligation(id: string) {
  return useQuery({
    queryKey: obligationKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/obligations/{id}', { params: { path: { id } } })),
    enabled: Boolean(id),
    meta: { notifyErrors: false },
    retry: false,
  });
}

/**
 * After any obligation write: every list of obligations, the licences (a completed report is a licence event too),
 * the dashboard's counts and the audit log reload.
 */
export function useRefreshObligations() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: obligationKeys.all });
    void queryClient.invalidateQueries({ queryKey: licenceKeys.all });
    void queryClient.invalidateQueries({ queryKey: dashboardSummaryKey });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** Marks one done; field issues (a date in the future) are shown in the form by the caller. */
export function useCompleteObligation() {
  const refresh = useRefreshObligations();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CompleteBody }) => unwrap(api.POST('/api/obligations/{id}/complete', { params: { path: { id } }, body })),
    meta: { notifyErrors: false },
    onSuccess: refresh,
  });
}

/** Opens one again; the server refuses (DONE_BY_FACTS) what the licence's history shows done, saying where to undo it. */
export function useReopenObligation() {
  const refresh = useRefreshObligations();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/obligations/{id}/reopen', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useAssignObligation() {
  const refresh = useRefreshObligations();
  return useMutation({
    mutationFn: ({ id, assigneeId, version }: { id: string; assigneeId: string | null; version: number }) =>
      unwrap(api.PUT('/api/obligations/{id}/assignee', { params: { path: { id } }, body: { assigneeId, version } })),
    onSuccess: refresh,
  });
}

/** Assigns or completes many; each succeeds or fails on its own, and the answer names the failures. */
export function useBulkObligations() {
  const refresh = useRefreshObligations();
  return useMutation({
    mutationFn: (body: BulkBody) => unwrap(api.POST('/api/obligations/bulk', { body })),
    onSettled: refresh,
  });
}

/** Attaches the completion's evidence, replacing any before; errors are shown beside the upload. */
export function useUploadEvidence(id: string) {
  const me = useMe();
  const refresh = useRefreshObligations();
  return useMutation({
    mutationFn: (input: { file: File; onProgress: (percent: number) => void }) =>
      uploadFile<Obligation>({ method: 'POST', url: `/api/obligations/${encodeURIComponent(id)}/evidence`, csrfToken: me.csrfToken, ...input }),
    meta: { notifyErrors: false },
    onSuccess: refresh,
  });
}

/** A plain same-origin link: the session cookie goes with it, and the server names the file. */
export function evidenceUrl(id: string): string {
  return `/api/obligations/${encodeURIComponent(id)}/evidence`;
}
