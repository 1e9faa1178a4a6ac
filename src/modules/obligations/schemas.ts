import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { listScopes } from '../../domain/catalog/authorities.ts';
import { listServices } from '../../domain/catalog/services.ts';
import type { LicenceFacts } from '../../domain/obligations/types.ts';
import { CalendarDate, Nullable, PageQuery } from '../../platform/http/schemas.ts';
import { Confidence, ScopeParam, ServiceCodeParam, SourceRef, StringEnum, LocalizedText } from '../catalog/schemas.ts';
import { Text } from '../../platform/http/text.ts';

const DateField = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description: `${description} (YYYY-MM-DD, China time)` });
const provinceScopes = listScopes().filter((s) => s !== 'cross-regional');
const ProvinceScope = StringEnum(provinceScopes, 'Province code (one of the 31 with a communications administration)');
const optionalKeys = (keys: readonly string[], value: () => TSchema, description: string) =>
  Type.Optional(Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Optional(value())])), { additionalProperties: false, description }));
const Year = Type.Integer({ minimum: 1950, maximum: 2150 });

export const ObligationsPreviewRequest = Type.Object(
  {
    service: Type.Optional(ServiceCodeParam),
    services: Type.Optional(Type.Array(ServiceCodeParam, { minItems: 1, maxItems: 15, description: 'Licensed services; give service or services (or both)' })),
    scope: ScopeParam,
    issuedOn: DateField('Issue date of the licence'),
    expiresOn: Type.Optional(DateField('Expiry as printed on the licence; default: the same day five years after issue')),
    today: Type.Optional(DateField('The day to compute statuses for; default: today in China')),
    servicesOpenedOn: optionalKeys(listServices().map((s) => s.code), () => DateField('Opened on'), 'Service code → date the service opened'),
    registrationChanges: Type.Optional(Type.Array(Type.Object({
      kind: StringEnum(['name', 'legal-representative', 'registered-capital'], 'What changed at the business registry'),
      changedOn: DateField('Registry change date'),
      filedOn: Type.Optional(DateField('Licence change filed on')),
    }, { additionalProperties: false }), { maxItems: 100 })),
    approvalChanges: Type.Optional(Type.Array(Type.Object({
      kind: StringEnum(['merger-split', 'shareholder', 'transfer', 'coverage'], 'Change needing approval before it is carried out'),
      decidedOn: DateField('Company decision date'),
      filedOn: Type.Optional(DateField('Application filed on')),
    }, { additionalProperties: false }), { maxItems: 100 })),
    annualReportsFiled: Type.Optional(Type.Array(Year, { maxItems: 200, description: 'Years whose annual report was filed (2026 = the Jan–Mar 2026 report)' })),
    numbersHeld: Type.Optional(Type.Array(Type.Object({
      number: Text({ minLength: 1, maxLength: 20, description: '95/96 access number' }),
      since: Type.Optional(DateField('Allocated on; default: the issue date')),
    }, { additionalProperties: false }), { maxItems: 50 })),
    numberReportsFiled: Type.Optional(Type.Array(Year, { maxItems: 200 })),
    provincesOfOperation: Type.Optional(Type.Array(ProvinceScope, { maxItems: 31, description: 'Provinces a cross-regional holder operates in' })),
    provincialFilings: optionalKeys(provinceScopes, () => DateField('Filed on'), 'Province code → date the licence was filed there'),
    renewalFiledOn: Type.Optional(DateField('Renewal applied for on')),
  },
  { additionalProperties: false, title: 'ObligationsPreviewRequest' },
);
/** The preview request: the licence facts, with the service(s) and the day to compute statuses for. */
export interface ObligationsPreviewRequest extends Omit<LicenceFacts, 'services' | 'scope'> {
  service?: string;
  services?: string[];
  scope: string;
  today?: string;
}

export const Obligation = Type.Object(
  {
    id: Type.String({ description: 'Stable, e.g. annual-report:2026' }),
    kind: Type.String(),
    title: LocalizedText,
    windowStart: Type.String(),
    dueDate: Type.String(),
    status: Type.Union([Type.Literal('upcoming'), Type.Literal('due-soon'), Type.Literal('overdue'), Type.Literal('done'), Type.Literal('not-applicable')]),
    doneOn: Nullable(Type.String({ description: 'The day the facts show it done, when they say' })),
    basis: LocalizedText,
    consequence: LocalizedText,
    severity: Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
    source: SourceRef,
    confidence: Confidence,
    provisional: Type.Boolean({ description: 'A working-day count touched a year with no official holiday arrangement' }),
    provisionalReason: Nullable(LocalizedText),
  },
  { $id: 'Obligation', title: 'Obligation' },
);

export const ObligationsPreview = Type.Object(
  {
    services: Type.Array(Type.String()),
    scope: Type.String(),
    today: Type.String(),
    issuedOn: Type.String(),
    expiresOn: Type.String(),
    expiresOnAssumed: Type.Boolean({ description: 'True when no expiry was given and five years after issue was used' }),
    provisional: Type.Boolean({ description: 'True when any obligation is provisional' }),
    overriddenKeys: Type.Array(Type.String(), { description: 'The organisation’s rule overrides that went into these dates' }),
    items: Type.Array(Type.Ref('Obligation')),
  },
  { title: 'ObligationsPreview' },
);
export type ObligationsPreview = Static<typeof ObligationsPreview>;

export const obligationStatuses = ['overdue', 'due-soon', 'upcoming', 'done', 'not-applicable'] as const;
export const ObligationStatus = Type.Union(obligationStatuses.map((s) => Type.Literal(s)), {
  description: 'overdue (open, past due); due-soon (open, due within the organisation’s due-soon days, 30 by default); upcoming; done; not-applicable',
});
export const obligationKinds = ['start-operating', 'annual-report', 'renewal', 'expiry', 'registration-change', 'approval-change', 'provincial-filing', 'number-annual-report'] as const;
export const ObligationKind = Type.Union(obligationKinds.map((k) => Type.Literal(k)), { description: 'The rule it comes from' });
const Person = Type.Object({ id: Type.String(), name: Type.String() });

/** A stored obligation: derived by the rules, kept in step with its licence, assigned and completed by people. */
export const StoredObligation = Type.Object(
  {
    id: Type.String({ description: 'The stored obligation’s id (UUID)' }),
    key: Type.String({ description: 'Stable across refreshes: rule and period, e.g. annual-report:2027' }),
    kind: ObligationKind,
    title: LocalizedText,
    licenceId: Type.String(),
    licenceNumber: Type.String(),
    clientId: Type.String(),
    clientName: Type.String(),
    windowStart: Type.String(),
    dueOn: Type.String(),
    daysLeft: Type.Integer({ description: 'Days from today to the due date (negative when overdue)' }),
    status: ObligationStatus,
    doneOn: Nullable(Type.String({ description: 'The day it was done: by the facts (a report filed) or the day a user completed it' })),
    doneBy: Nullable(Type.Union([Type.Literal('facts'), Type.Literal('user')], { description: 'facts: the licence’s history shows it done; user: completed here' })),
    basis: LocalizedText,
    lateNote: Nullable(LocalizedText),
    consequence: LocalizedText,
    severity: Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
    source: SourceRef,
    confidence: Confidence,
    provisional: Type.Boolean(),
    assignee: Nullable(Person),
    completion: Nullable(Type.Object({
      note: Type.String(),
      at: Type.String(),
      by: Nullable(Person),
      evidence: Nullable(Type.Object({ fileName: Type.String(), fileType: Type.String(), size: Type.Integer() })),
    })),
    version: Type.Integer(),
  },
  { $id: 'StoredObligation', title: 'StoredObligation' },
);
export type StoredObligation = Static<typeof StoredObligation>;

/** An obligation in brief, for lists that link to its details (the dashboard's): no basis, consequence or source. */
export const ObligationBrief = Type.Pick(
  StoredObligation,
  ['id', 'key', 'kind', 'title', 'licenceId', 'licenceNumber', 'clientId', 'clientName', 'windowStart', 'dueOn', 'daysLeft', 'status', 'doneOn', 'doneBy', 'provisional', 'assignee', 'version'],
  { $id: 'ObligationBrief', title: 'ObligationBrief' },
);
export type ObligationBrief = Static<typeof ObligationBrief>;

export const ObligationHistoryEntry = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'completed, reopened, assigned, evidence, due-moved, became-done, became-open, became-not-applicable, basis-vanished' }),
  details: Type.Record(Type.String(), Type.Unknown()),
  actorName: Nullable(Type.String({ description: 'Who did it; null when the rules did (a refresh)' })),
  at: Type.String(),
});

export const ObligationDetail = Type.Object(
  { obligation: Type.Ref('StoredObligation'), history: Type.Array(ObligationHistoryEntry) },
  { title: 'ObligationDetail' },
);

export const ObligationListQuery = Type.Object({
  status: Type.Optional(ObligationStatus),
  dueWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3660, description: 'Open obligations due on or before today + N days (overdue ones included)' })),
  dueAfterDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3660, description: 'Open obligations due on or after today + N days: 0 leaves out the overdue (the dashboard’s amber card is dueAfterDays=0&dueWithinDays=14, its green one dueAfterDays=15)' })),
  clientId: Type.Optional(Type.String({ format: 'uuid' })),
  licenceId: Type.Optional(Type.String({ format: 'uuid' })),
  assigneeId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Literal('me'), Type.Literal('none')], { description: 'A user id, me, or none (unassigned)' })),
  kind: Type.Optional(ObligationKind),
  ...PageQuery,
});
export type ObligationListQuery = Static<typeof ObligationListQuery>;

export const CompleteRequest = Type.Object(
  {
    note: Type.Optional(Text({ maxLength: 2000, multiline: true, description: 'What was done (e.g. the filing receipt number)' })),
    filedOn: Type.Optional(CalendarDate('When it was done (default today); a report filed is recorded in the licence’s history on this day')),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version read; a later change answers 409' })),
  },
  { additionalProperties: false, title: 'ObligationCompleteRequest' },
);
export type CompleteRequest = Static<typeof CompleteRequest>;

export const ReopenQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version read; a later change answers 409' })) }, { additionalProperties: false });

export const AssignRequest = Type.Object(
  { assigneeId: Nullable(Type.String({ format: 'uuid', description: 'A staff member of the organisation, or null to unassign' })), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false, title: 'ObligationAssignRequest' },
);
export type AssignRequest = Static<typeof AssignRequest>;

export const BulkRequest = Type.Object(
  {
    ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500, uniqueItems: true }),
    action: Type.Union([Type.Literal('assign'), Type.Literal('complete')]),
    assigneeId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    note: Type.Optional(Text({ maxLength: 2000, multiline: true })),
    filedOn: Type.Optional(CalendarDate('complete: when it was done (default today)')),
  },
  { additionalProperties: false, title: 'ObligationBulkRequest' },
);
export type BulkRequest = Static<typeof BulkRequest>;

export const BulkResult = Type.Object(
  {
    changed: Type.Integer(),
    failed: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), message: LocalizedText })),
  },
  { title: 'ObligationBulkResult' },
);
