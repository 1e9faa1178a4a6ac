import type { IsoDate, LocalizedText, WorkingCalendar } from '../calendar/types.ts';
import type { CatalogSettings } from '../catalog/catalog-overrides.ts';
import type { ObligationRule } from '../catalog/obligation-rules.ts';
import { obligationStatus } from './obligation-status.ts';
import type { ResolvedDate } from './resolve-offset.ts';
import type { LicenceFacts, Obligation } from './types.ts';

/** Shared inputs of the obligation generators. */
export interface DeriveContext {
  facts: LicenceFacts;
  expiresOn: IsoDate;
  today: IsoDate;
  calendar: WorkingCalendar;
  settings: CatalogSettings;
}

/** What a generator knows about one obligation before status is decided. */
export interface ObligationDraft {
  rule: ObligationRule;
  id: string;
  windowStart: IsoDate;
  due: ResolvedDate;
  isDone: boolean;
  /** The day it was done, when the facts record it. */
  doneOn?: IsoDate;
  basis: LocalizedText;
  /** Why it does not apply, when the generator knows. */
  notApplicable?: LocalizedText;
}

const lifecycleKinds = new Set(['renewal', 'expiry']);

function outsideValidity(ctx: DeriveContext, draft: ObligationDraft): LocalizedText | undefined {
  if (lifecycleKinds.has(draft.rule.kind)) return undefined;
  if (draft.windowStart < ctx.facts.issuedOn) {
    return { zh: `发生在许可证颁发（${ctx.facts.issuedOn}）之前，不适用。`, en: `It happened before the licence was issued (${ctx.facts.issuedOn}), so it does not apply.` };
  }
  if (draft.windowStart > ctx.expiresOn) {
    return { zh: `发生在许可证到期（${ctx.expiresOn}）之后，不适用。`, en: `It arises after the licence expired (${ctx.expiresOn}), so it does not apply.` };
  }
  return undefined;
}

/** Turns a draft into an obligation: decides its status and attaches the rule's consequence, source and confidence. */
export function buildObligation(ctx: DeriveContext, draft: ObligationDraft): Obligation {
  const notApplicable = draft.isDone ? undefined : draft.notApplicable ?? outsideValidity(ctx, draft);
  const status = notApplicable
    ? 'not-applicable'
    : obligationStatus({ dueDate: draft.due.date, today: ctx.today, isDone: draft.isDone, dueSoonDays: ctx.settings['obligations.due-soon.days'] });
  const basis = notApplicable
    ? { zh: `${draft.basis.zh}${notApplicable.zh}`, en: `${draft.basis.en} ${notApplicable.en}` }
    : draft.basis;
  return {
    id: draft.id,
    kind: draft.rule.kind,
    title: draft.rule.title,
    windowStart: draft.windowStart,
    dueDate: draft.due.date,
    status,
    doneOn: draft.isDone ? draft.doneOn ?? null : null,
    basis,
    consequence: draft.rule.consequence,
    severity: draft.rule.severity,
    source: draft.rule.source,
    confidence: draft.rule.confidence,
    provisional: draft.due.provisional,
    provisionalReason: draft.due.provisionalReason,
  };
}

/** A date that needed no working-day arithmetic, so it is never provisional. */
export function fixedDate(date: IsoDate): ResolvedDate {
  return { date, provisional: false, provisionalReason: null };
}
