import type { LocalizedText } from '../calendar/types.ts';
import type { LicenceScope } from './authorities.ts';
import type { CatalogOverrides } from './catalog-overrides.ts';
import type { CriterionKey, CriterionLevel } from './eligibility-criteria.ts';
import type { Confidence, Source } from './source.ts';

/** What the company declares about itself; anything left out is reported as unknown, never as a pass. */
export interface CompanyDeclarations {
  notDishonest?: boolean;
  staffCount?: number;
  socialInsuranceStaffCount?: number;
  hasEquipmentEvidence?: boolean;
  hasPremises?: boolean;
  hasTrunkLines?: boolean;
}

/** The company facts eligibility is checked against. */
export interface CompanyProfile {
  /** Registered capital (注册资本) in integer yuan. */
  registeredCapital: number;
  /** Business scope (经营范围) as printed on the business licence. */
  businessScope: string;
  /** Foreign shareholding, 0–100. */
  foreignSharePercent: number;
  /** Province code of the company's registration, e.g. `BJ`. */
  province: string;
  declarations?: CompanyDeclarations;
}

/** What the company wants to apply for. */
export interface EligibilityRequest {
  service: string;
  scope: LicenceScope;
  overrides?: CatalogOverrides;
}

/** Outcome of one criterion. */
export type CriterionResult = 'pass' | 'fail' | 'warn' | 'unknown';

/** One row of the eligibility check, with the figures that decided it. */
export interface EligibilityRow {
  key: CriterionKey;
  level: CriterionLevel;
  result: CriterionResult;
  title: LocalizedText;
  explanation: LocalizedText;
  source: Source;
  confidence: Confidence;
}

/** Eligibility: `eligible` is false when any blocking criterion failed. */
export interface EligibilityResult {
  eligible: boolean;
  /** True when some criterion could not be decided because a declaration is missing. */
  hasUnknowns: boolean;
  rows: EligibilityRow[];
}
