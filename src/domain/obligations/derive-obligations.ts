import { resolveSettings } from '../catalog/catalog-overrides.ts';
import type { DeriveContext } from './build-obligation.ts';
import { approvalChangeObligations, provincialFilingObligations, registrationChangeObligations } from './change-obligations.ts';
import { isIsoDate } from '../dates/civil-date.ts';
import { defaultExpiresOn } from './default-expires-on.ts';
import { expiryObligation, renewalObligation, startOperatingObligations } from './lifecycle-obligations.ts';
import type { DeriveObligationsOptions, LicenceFacts, Obligation } from './types.ts';
import { annualReportObligations, numberReportObligations } from './yearly-obligations.ts';

function assertDate(field: string, value: string | undefined): void {
  if (value !== undefined && !isIsoDate(value)) throw new RangeError(`deriveObligations: ${field} '${value}' is not a YYYY-MM-DD date`);
}

function assertDates(facts: LicenceFacts, options: DeriveObligationsOptions): void {
  assertDate('today', options.today);
  assertDate('issuedOn', facts.issuedOn);
  assertDate('expiresOn', facts.expiresOn);
}

/** Makes duplicate ids unique (`…#2`), e.g. two changes of the same kind recorded on the same day. */
function uniqueIds(obligations: Obligation[]): Obligation[] {
  // Sorted by due date then id, so a repeated id sits next to its twin: most licences have none, and pay nothing.
  let repeated = false;
  for (let i = 1; i < obligations.length && !repeated; i++) repeated = obligations.some((o, j) => j < i && o.id === obligations[i].id);
  if (!repeated) return obligations;
  const seen = new Map<string, number>();
  return obligations.map((o) => {
    const count = (seen.get(o.id) ?? 0) + 1;
    seen.set(o.id, count);
    return count === 1 ? o : { ...o, id: `${o.id}#${count}` };
  });
}

/**
 * Derives every dated obligation of a licence (brief §6): start operating, annual reports, renewal, expiry, change
 * filings, cross-regional provincial filings and number-resource reports, each with status as of `today`, its basis,
 * consequence, source and confidence, sorted by due date. Calendar-day rules use `calendar.addCalendarDays`; a result
 * is provisional only when a working-day count touched a year with no official arrangement.
 * Throws RangeError when a date is not `YYYY-MM-DD` (validate at the edge).
 */
export function deriveObligations(facts: LicenceFacts, options: DeriveObligationsOptions): Obligation[] {
  assertDates(facts, options);
  const ctx: DeriveContext = {
    facts,
    expiresOn: facts.expiresOn ?? defaultExpiresOn(facts.issuedOn),
    today: options.today,
    calendar: options.calendar,
    settings: resolveSettings(options.overrides),
  };
  const renewal = renewalObligation(ctx);
  const all = [
    ...startOperatingObligations(ctx),
    ...annualReportObligations(ctx),
    renewal,
    expiryObligation(ctx, renewal.windowStart),
    ...registrationChangeObligations(ctx),
    ...approvalChangeObligations(ctx),
    ...provincialFilingObligations(ctx),
    ...numberReportObligations(ctx),
  ];
  const sorted = all.sort((a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.dueDate < b.dueDate ? -1 : 1));
  return uniqueIds(sorted);
}
