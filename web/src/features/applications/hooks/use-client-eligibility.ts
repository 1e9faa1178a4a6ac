import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../app/api';
import type { EligibilityBody } from '../../catalog/hooks/use-catalog';
import { clientKeys } from '../../clients/hooks/use-clients';
import type { Application } from './use-applications';

/**
 * The client company's self-check (资格自检) for the application's service and scope, from its client record. Kept
 * under the client's key, so editing the record checks again.
 */
export function useClientEligibility(application: Pick<Application, 'clientId' | 'serviceCode' | 'scope'>) {
  // The application's service and scope are the catalogue's codes; the server says so if one cannot be checked.
  const body = { service: application.serviceCode, scope: application.scope, clientId: application.clientId } as EligibilityBody;
  return useQuery({
    queryKey: [...clientKeys.detail(application.clientId), 'eligibility', application.serviceCode, application.scope] as const,
    queryFn: () => unwrap(api.POST('/api/eligibility', { body })),
    meta: { notifyErrors: false },
    retry: false,
  });
}
