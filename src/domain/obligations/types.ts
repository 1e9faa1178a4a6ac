import type { IsoDate, LocalizedText, WorkingCalendar } from '../calendar/types.ts';
import type { LicenceScope } from '../catalog/authorities.ts';
import type { CatalogOverrides } from '../catalog/catalog-overrides.ts';
import type { ObligationKind, Severity } from '../catalog/obligation-rules.ts';
import type { Confidence, Source } from '../catalog/source.ts';

/** A change registered with the business registry that must then be filed with the licence authority (Art. 29). */
export interface RegistrationChange {
  kind: 'name' | 'legal-representative' | 'registered-capital';
  changedOn: IsoDate;
  /** When the licence change was filed, if it has been. */
  filedOn?: IsoDate;
}

/** A change that needs the authority's approval before it is carried out (Art. 28). */
export interface ApprovalChange {
  kind: 'merger-split' | 'shareholder' | 'transfer' | 'coverage';
  decidedOn: IsoDate;
  /** When the application was filed, if it has been. */
  filedOn?: IsoDate;
}

/** A 95/96 access number the licence holder uses. */
export interface HeldNumber {
  number: string;
  /** Allocation date; the issue date is assumed when absent. */
  since?: IsoDate;
  /** When it was returned, if it has been: no longer held from that day. */
  until?: IsoDate;
}

/** What is known about one licence; everything optional is "not recorded". */
export interface LicenceFacts {
  services: string[];
  scope: LicenceScope;
  issuedOn: IsoDate;
  /** As printed on the licence; defaults to {@link defaultExpiresOn} (same day five years on). */
  expiresOn?: IsoDate;
  servicesOpenedOn?: Record<string, IsoDate>;
  registrationChanges?: RegistrationChange[];
  approvalChanges?: ApprovalChange[];
  /** Years (of filing, e.g. 2026 for the Jan–Mar 2026 report) whose annual report was filed. */
  annualReportsFiled?: number[];
  /** When each filed annual report was filed, by year, where known (the compliance score reads it). */
  annualReportsFiledOn?: Record<number, IsoDate>;
  numbersHeld?: HeldNumber[];
  /** Years whose number-resource annual report was filed. */
  numberReportsFiled?: number[];
  numberReportsFiledOn?: Record<number, IsoDate>;
  /** Provinces a cross-regional holder operates in. */
  provincesOfOperation?: string[];
  /** Province code → date the licence was filed there. */
  provincialFilings?: Record<string, IsoDate>;
  /** When the renewal application was filed, if it has been. */
  renewalFiledOn?: IsoDate;
}

/** How {@link deriveObligations} runs: today, the official calendar and the organisation's overrides. */
export interface DeriveObligationsOptions {
  today: IsoDate;
  calendar: WorkingCalendar;
  overrides?: CatalogOverrides;
}

/** Where an obligation stands today. */
export type ObligationStatus = 'upcoming' | 'due-soon' | 'overdue' | 'done' | 'not-applicable';

/** One dated obligation of a licence, with why it exists and what missing it costs. */
export interface Obligation {
  /** Stable across runs, e.g. `annual-report:2026`, `start-operating:B24-1`. */
  id: string;
  kind: ObligationKind;
  title: LocalizedText;
  windowStart: IsoDate;
  dueDate: IsoDate;
  status: ObligationStatus;
  /** The day the facts show it done (a report filed, a service opened), when they say; null otherwise. */
  doneOn: IsoDate | null;
  /** Why it applies, with the dates it was computed from. */
  basis: LocalizedText;
  consequence: LocalizedText;
  severity: Severity;
  source: Source;
  confidence: Confidence;
  /** True when a working-day count touched a year with no official holiday arrangement. */
  provisional: boolean;
  provisionalReason: LocalizedText | null;
}
