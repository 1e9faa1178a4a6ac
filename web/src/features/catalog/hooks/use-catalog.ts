import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiResult } from '../../../app/api';

export type CatalogService = ApiResult<'get', '/api/catalog/services'>['items'][number];
export type CatalogServiceDetail = ApiResult<'get', '/api/catalog/services/{code}'>;
export type CatalogScope = ApiResult<'get', '/api/catalog/scopes'>['items'][number];
export type Authority = CatalogScope['authority'];
export type Source = Authority['source'];
export type Confidence = CatalogServiceDetail['service']['confidence'];
export type Criterion = CatalogServiceDetail['eligibility'][number];
export type Material = CatalogServiceDetail['materials'][number];
export type Stage = CatalogServiceDetail['processStages']['inProvince'][number];
export type Duration = NonNullable<Stage['duration']['regulation']>;
export type ObligationRule = CatalogServiceDetail['obligationRules'][number];
export type EligibilityBody = ApiBody<'post', '/api/eligibility'>;
export type EligibilityResult = ApiResult<'post', '/api/eligibility'>;
export type EligibilityRow = EligibilityResult['rows'][number];
export type ObligationsPreviewBody = ApiBody<'post', '/api/obligations/preview'>;
export type ObligationsPreview = ApiResult<'post', '/api/obligations/preview'>;
export type PreviewObligation = ObligationsPreview['items'][number];

/** Catalog answers change only with a new release or the organisation's overrides. */
const catalogStaleTime = 10 * 60_000;

export const catalogKeys = {
  all: ['catalog'] as const,
  services: ['catalog', 'services'] as const,
  service: (code: string) => ['catalog', 'service', code] as const,
  scopes: ['catalog', 'scopes'] as const,
};

export function useCatalogServices() {
  return useQuery({ queryKey: catalogKeys.services, queryFn: () => unwrap(api.GET('/api/catalog/services')), staleTime: catalogStaleTime, select: (data) => data.items });
}

export function useCatalogService(code: string) {
  return useQuery({
    queryKey: catalogKeys.service(code),
    queryFn: () => unwrap(api.GET('/api/catalog/services/{code}', { params: { path: { code } } })),
    meta: { notifyErrors: false },
    retry: false,
  });
}

export function useCatalogScopes() {
  return useQuery({ queryKey: catalogKeys.scopes, queryFn: () => unwrap(api.GET('/api/catalog/scopes')), staleTime: catalogStaleTime, select: (data) => data.items });
}

export function useCheckEligibility() {
  return useMutation({
    mutationFn: (body: EligibilityBody) => unwrap(api.POST('/api/eligibility', { body })),
    meta: { notifyErrors: false },
  });
}

export function usePreviewObligations() {
  return useMutation({
    mutationFn: (body: ObligationsPreviewBody) => unwrap(api.POST('/api/obligations/preview', { body })),
    meta: { notifyErrors: false },
  });
}
