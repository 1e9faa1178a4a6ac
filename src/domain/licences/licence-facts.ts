import type { IsoDate } from '../calendar/types.ts';
import type { LicenceScope } from '../catalog/authorities.ts';
import type { ApprovalChange, HeldNumber, LicenceFacts, RegistrationChange } from '../obligations/types.ts';

/** What a licence's history records; each is a fact the obligation rules read (brief §6). */
export type LicenceEvent =
  | { kind: 'service-opened'; date: IsoDate; serviceCode: string }
  | { kind: 'registration-change'; date: IsoDate; field: 'name' | 'address' | 'legal-representative' | 'registered-capital' | 'shareholders' }
  | { kind: 'licence-change'; date: IsoDate }
  | { kind: 'annual-report-filed'; date: IsoDate; year: number }
  | { kind: 'numbers-obtained'; date: IsoDate; numbers: string[] }
  | { kind: 'numbers-returned'; date: IsoDate; numbers: string[] }
  | { kind: 'number-report-filed'; date: IsoDate; year: number }
  | { kind: 'renewed'; date: IsoDate; expiresOn: IsoDate }
  | { kind: 'cancelled'; date: IsoDate };

export type LicenceEventKind = LicenceEvent['kind'];

export const licenceEventKinds: readonly LicenceEventKind[] = [
  'service-opened', 'registration-change', 'licence-change', 'annual-report-filed', 'numbers-obtained', 'numbers-returned', 'number-report-filed', 'renewed', 'cancelled',
];

/** Registration changes the licence must then be filed for within 30 days (Art. 29: name, legal representative, capital). */
const filedAfterRegistration: Partial<Record<string, RegistrationChange['kind']>> = {
  name: 'name',
  'legal-representative': 'legal-representative',
  'registered-capital': 'registered-capital',
};

/**
 * The facts the obligation rules read, from a licence's record and its history in date order: services opened (the
 * first opening of each), registration changes to file (a shareholder change needs approval first, Art. 28; an address
 * change is recorded but files nothing; a licence change files every change before it), annual and number reports
 * filed, numbers held (from obtained until returned). A renewal
 * sets the licence's own expiry (the next renewal then falls due against it), so it adds no fact here. Pure: the same
 * history gives the same facts.
 */
export function licenceFactsOf(licence: { services: string[]; scope: LicenceScope; issuedOn: IsoDate; expiresOn: IsoDate }, events: readonly LicenceEvent[]): LicenceFacts {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  const servicesOpenedOn: Record<string, IsoDate> = {};
  const registrationChanges: RegistrationChange[] = [];
  const approvalChanges: ApprovalChange[] = [];
  const annualReportsFiled = new Set<number>();
  const numberReportsFiled = new Set<number>();
  const annualReportsFiledOn: Record<number, IsoDate> = {};
  const numberReportsFiledOn: Record<number, IsoDate> = {};
  const holdings: HeldNumber[] = [];
  const current = (number: string) => holdings.find((h) => h.number === number && h.until === undefined);
  for (const event of sorted) {
    switch (event.kind) {
      case 'service-opened':
        servicesOpenedOn[event.serviceCode] ??= event.date;
        break;
      case 'registration-change': {
        const kind = filedAfterRegistration[event.field];
        if (kind) registrationChanges.push({ kind, changedOn: event.date });
        else if (event.field === 'shareholders') approvalChanges.push({ kind: 'shareholder', decidedOn: event.date });
        break;
      }
      case 'annual-report-filed':
        annualReportsFiled.add(event.year);
        annualReportsFiledOn[event.year] ??= event.date;
        break;
      case 'number-report-filed':
        numberReportsFiled.add(event.year);
        numberReportsFiledOn[event.year] ??= event.date;
        break;
      case 'numbers-obtained':
        for (const number of event.numbers) if (!current(number)) holdings.push({ number, since: event.date });
        break;
      case 'numbers-returned':
        // The holding keeps its end, so the reports of the years it was held stay due.
        for (const number of event.numbers) {
          const holding = current(number);
          if (holding) holding.until = event.date;
        }
        break;
      case 'licence-change':
        // The licence change is the filing: it answers every change recorded before it and not yet filed.
        for (const change of registrationChanges) if (change.filedOn === undefined && change.changedOn <= event.date) change.filedOn = event.date;
        for (const change of approvalChanges) if (change.filedOn === undefined && change.decidedOn <= event.date) change.filedOn = event.date;
        break;
      case 'renewed':
      case 'cancelled':
        break;
    }
  }
  return {
    services: licence.services,
    scope: licence.scope,
    issuedOn: licence.issuedOn,
    expiresOn: licence.expiresOn,
    servicesOpenedOn,
    registrationChanges,
    approvalChanges,
    annualReportsFiled: [...annualReportsFiled].sort(),
    numberReportsFiled: [...numberReportsFiled].sort(),
    annualReportsFiledOn,
    numberReportsFiledOn,
    numbersHeld: holdings,
  };
}

/** The numbers held on `date` (obtained by then and not returned): what may be returned, or obtained again. */
export function numbersHeldOn(facts: LicenceFacts, date: IsoDate): string[] {
  return (facts.numbersHeld ?? []).filter((n) => (n.since ?? facts.issuedOn) <= date && (n.until === undefined || n.until > date)).map((n) => n.number);
}

/**
 * A cancelled licence (注销) owes nothing falling due after its cancellation: those obligations read not-applicable,
 * with the reason; what fell due before stays as it was (a report missed before cancellation was still missed).
 */
export function applyCancellation<T extends { dueDate: IsoDate; status: string; basis: { zh: string; en: string } }>(obligations: T[], cancelledOn: IsoDate | null): T[] {
  if (!cancelledOn) return obligations;
  return obligations.map((o) =>
    o.dueDate > cancelledOn && o.status !== 'done'
      ? { ...o, status: 'not-applicable', basis: { zh: `${o.basis.zh}许可证已于${cancelledOn}注销，此项不再适用。`, en: `${o.basis.en} The licence was cancelled on ${cancelledOn}; this no longer applies.` } }
      : o,
  );
}
