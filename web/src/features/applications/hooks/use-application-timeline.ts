import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiResult } from '../../../app/api';
import { applicationKeys } from './use-applications';

export type ApplicationTimeline = ApiResult<'get', '/api/applications/{id}/timeline'>;
export type TimelineStage = ApplicationTimeline['stages'][number];
export type ExpectedDate = NonNullable<ApplicationTimeline['expectedIssueOn']>;

/** Expected, actual and target dates; under the application's key, so every application write reloads it. */
export function useApplicationTimeline(id: string) {
  return useQuery({
    queryKey: applicationKeys.timeline(id),
    queryFn: () => unwrap(api.GET('/api/applications/{id}/timeline', { params: { path: { id } } })),
    enabled: Boolean(id),
  });
}
