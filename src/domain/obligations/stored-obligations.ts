import type { IsoDate, LocalizedText } from '../calendar/types.ts';
import { findObligationRule, type ObligationKind } from '../catalog/obligation-rules.ts';
import { applyCancellation } from '../licences/licence-facts.ts';
import { deriveObligations } from './derive-obligations.ts';
import { obligationStatus } from './obligation-status.ts';
import type { DeriveObligationsOptions, LicenceFacts, ObligationStatus } from './types.ts';
import { lateNoteOn } from './yearly-obligations.ts';

/** What the rules say of an obligation whatever the day: open, done by the facts, or not applicable. */
export type DerivedState = 'open' | 'done' | 'not-applicable';

/** One obligation as it is stored: what does not change with the day, so a refresh is needed only when inputs do. */
export interface StoredObligation {
  key: string;
  kind: ObligationKind;
  windowStart: IsoDate;
  dueOn: IsoDate;
  state: DerivedState;
  doneOn: IsoDate | null;
  basis: LocalizedText;
  provisional: boolean;
}

/**
 * A licence's obligations in their stored form: derived as of its issue day, so no text speaks of lateness (that is
 * read on the day it is shown, {@link lateGuidance}), with what falls due after a cancellation not applicable.
 * Pure: the same facts, calendar and overrides give the same rows, so a refresh writes only what changed.
 */
export function obligationsToStore(facts: LicenceFacts, options: Omit<DeriveObligationsOptions, 'today'> & { cancelledOn: IsoDate | null }): StoredObligation[] {
  const derived = applyCancellation(deriveObligations(facts, { calendar: options.calendar, overrides: options.overrides, today: facts.issuedOn }), options.cancelledOn);
  return derived.map((o) => ({
    key: o.id,
    kind: o.kind,
    windowStart: o.windowStart,
    dueOn: o.dueDate,
    state: o.status === 'done' ? 'done' : o.status === 'not-applicable' ? 'not-applicable' : 'open',
    doneOn: o.doneOn,
    basis: o.basis,
    provisional: o.provisional,
  }));
}

/** A stored obligation's status on `today`: the day decides between overdue, due soon and upcoming. */
export function storedStatus(options: { state: string; dueOn: IsoDate; today: IsoDate; dueSoonDays: number }): ObligationStatus {
  if (options.state === 'done' || options.state === 'not-applicable') return options.state;
  return obligationStatus({ dueDate: options.dueOn, today: options.today, isDone: false, dueSoonDays: options.dueSoonDays });
}

/** For a yearly report still open after its due date: what the day means (catch-up period, or the bad list). */
export function lateGuidance(options: { kind: string; dueOn: IsoDate; today: IsoDate; state: string }): LocalizedText | null {
  if (options.state !== 'open' || options.today <= options.dueOn) return null;
  if (options.kind !== 'annual-report' && options.kind !== 'number-annual-report') return null;
  const year = Number(options.dueOn.slice(0, 4));
  const note = lateNoteOn(options.today, { year, rule: findObligationRule(options.kind) });
  return { zh: note.zh, en: note.en.trim() };
}
