import { isLicenceScope } from './authorities.ts';
import { resolveSettings } from './catalog-overrides.ts';
import { listEligibilityCriteria } from './eligibility-criteria.ts';
import { evaluators } from './eligibility-evaluators.ts';
import type { CompanyProfile, EligibilityRequest, EligibilityResult, EligibilityRow } from './eligibility-types.ts';
import { findService } from './services.ts';

/**
 * Checks a company against the criteria for a service and scope. Each row carries the figures that decided it, its
 * source and confidence. `eligible` is false only when a blocking criterion fails; a missing declaration gives
 * `unknown`, never `pass`. Throws RangeError for an unknown service or scope (validate them at the edge with
 * `findService` and `isLicenceScope`).
 */
export function checkEligibility(company: CompanyProfile, request: EligibilityRequest): EligibilityResult {
  const service = findService(request.service);
  if (!service) throw new RangeError(`checkEligibility: unknown service '${request.service}'`);
  if (!isLicenceScope(request.scope)) throw new RangeError(`checkEligibility: invalid scope '${request.scope}'`);
  const settings = resolveSettings(request.overrides);
  const rows: EligibilityRow[] = listEligibilityCriteria({ service: service.code, settings }).map((criterion) => {
    const verdict = evaluators[criterion.key]({ company, service, scope: request.scope, settings });
    return {
      key: criterion.key,
      level: criterion.level,
      result: verdict.result,
      title: criterion.title,
      explanation: verdict.explanation,
      source: criterion.source,
      confidence: criterion.confidence,
    };
  });
  return {
    eligible: !rows.some((r) => r.level === 'block' && r.result === 'fail'),
    hasUnknowns: rows.some((r) => r.result === 'unknown'),
    rows,
  };
}
