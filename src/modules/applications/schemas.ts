import { Type, type Static } from '@sinclair/typebox';
import { applicationStates } from '../../domain/workflow/application-states.ts';
import { listScopes } from '../../domain/catalog/authorities.ts';
import { CalendarDate, Nullable, PageQuery } from '../../platform/http/schemas.ts';
import { Text } from '../../platform/http/text.ts';
import { LocalizedText, SourceRef } from '../catalog/schemas.ts';

const Uuid = (description: string) => Type.String({ format: 'uuid', description });

export const ApplicationState = Type.Union(
  applicationStates.map((s) => Type.Literal(s)),
  { description: 'draft → collecting → drafting → submitted (↔ correction_requested) → accepted → issued; or rejected, withdrawn, on_hold' },
);

export const Scope = Type.Union(listScopes().map((c) => Type.Literal(c)), { description: '许可范围: cross-regional (MIIT) or the code of a province with a communications administration (BJ, SH, …)' });

/** The business description's structured fields; the generated 业务说明 is written from them. */
export const BusinessDescription = Type.Object(
  {
    seats: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: '坐席数 Seats' })),
    staff: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: '从业人员数 Staff' })),
    businessTypes: Type.Optional(Type.Array(Text({ minLength: 1, maxLength: 100 }), { maxItems: 20, description: '业务类型 e.g. 呼入客服, 呼出营销' })),
    operatingMode: Type.Optional(Text({ maxLength: 500, description: '运营模式 Operating mode' })),
    coverage: Type.Optional(Text({ maxLength: 500, description: '业务覆盖范围 Coverage' })),
    systemDescription: Type.Optional(Text({ maxLength: 5000, multiline: true, description: '系统及设备 Systems and equipment' })),
    trunkLines: Type.Optional(Text({ maxLength: 500, description: '中继线路 Trunk lines' })),
  },
  { additionalProperties: false, title: 'BusinessDescription' },
);
export type BusinessDescription = Static<typeof BusinessDescription>;

export const ApplicationTargets = Type.Object(
  {
    submitBy: Type.Optional(Nullable(CalendarDate('计划提交日期 Planned submission'))),
    issueBy: Type.Optional(Nullable(CalendarDate('计划取证日期 Planned issue'))),
  },
  { additionalProperties: false, title: 'ApplicationTargets' },
);
export type ApplicationTargets = Static<typeof ApplicationTargets>;

export const ApplicationMilestones = Type.Object(
  {
    expertReviewOn: Type.Optional(Nullable(CalendarDate('专家评审 Expert review'))),
    onSiteInspectionOn: Type.Optional(Nullable(CalendarDate('现场核查 On-site inspection'))),
    publicNoticeOn: Type.Optional(Nullable(CalendarDate('公示 Public notice'))),
  },
  { additionalProperties: false, title: 'ApplicationMilestones' },
);
export type ApplicationMilestones = Static<typeof ApplicationMilestones>;

export const ApplicationCreate = Type.Object(
  {
    clientId: Uuid('The client company applying'),
    serviceCode: Text({ minLength: 1, maxLength: 20, description: 'Catalogue service code, e.g. B24-1' }),
    scope: Scope,
    assigneeId: Type.Optional(Nullable(Uuid('The staff member in charge'))),
  },
  { additionalProperties: false, title: 'ApplicationCreate' },
);
export type ApplicationCreate = Static<typeof ApplicationCreate>;

export const ApplicationPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version this change is based on; a stale one answers 409 VERSION_CONFLICT' }),
    assigneeId: Type.Optional(Nullable(Uuid('The staff member in charge, or null for nobody'))),
    business: Type.Optional(BusinessDescription),
    targets: Type.Optional(ApplicationTargets),
    milestones: Type.Optional(ApplicationMilestones),
  },
  { additionalProperties: false, minProperties: 2, title: 'ApplicationPatch' },
);
export type ApplicationPatch = Static<typeof ApplicationPatch>;

export const TransitionRequest = Type.Object(
  {
    to: ApplicationState,
    version: Type.Integer({ minimum: 1, description: 'The version the move is based on; of two racing moves one wins, the other gets 409' }),
    note: Type.Optional(Text({ maxLength: 2000, multiline: true })),
    contractSignedOn: Type.Optional(CalendarDate('to collecting: 代办合同签订日期')),
    contractFeeYuan: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'to collecting: the agency fee, integer yuan' })),
    submittedOn: Type.Optional(CalendarDate('to submitted: 提交日期')),
    requestedOn: Type.Optional(CalendarDate('to correction_requested: 补正通知日期')),
    items: Type.Optional(Type.Array(Text({ minLength: 1, maxLength: 80 }), { minItems: 1, maxItems: 50, description: 'to correction_requested: the checklist items sent back' })),
    acceptanceNo: Type.Optional(Text({ minLength: 1, maxLength: 64, description: 'to accepted: 受理编号' })),
    acceptedOn: Type.Optional(CalendarDate('to accepted: 受理日期')),
    licenceNumber: Type.Optional(Text({ minLength: 1, maxLength: 40, description: 'to issued: 许可证编号, e.g. 京B2-20261234 (in-province) or B2-20261234 (cross-regional)' })),
    issuedOn: Type.Optional(CalendarDate('to issued: 发证日期')),
    expiresOn: Type.Optional(CalendarDate('to issued: 有效期至; default five years after issue')),
  },
  { additionalProperties: false, title: 'TransitionRequest' },
);
export type TransitionRequest = Static<typeof TransitionRequest>;

export const Application = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    clientId: Type.String({ format: 'uuid' }),
    clientName: Type.String(),
    serviceCode: Type.String(),
    scope: Type.String(),
    state: ApplicationState,
    heldFrom: Nullable(ApplicationState),
    assigneeId: Nullable(Type.String()),
    contractSignedOn: Nullable(Type.String()),
    contractFeeYuan: Nullable(Type.Integer({ description: 'Null for client users, who never see fees' })),
    submittedOn: Nullable(Type.String()),
    acceptanceNo: Nullable(Type.String()),
    acceptedOn: Nullable(Type.String()),
    issuedOn: Nullable(Type.String()),
    licenceId: Nullable(Type.String()),
    licenceNumber: Nullable(Type.String({ description: 'Once issued: the licence number' })),
    licenceExpiresOn: Nullable(Type.String({ description: 'Once issued: the licence expiry' })),
    correctionItems: Type.Array(Type.String()),
    business: BusinessDescription,
    targets: ApplicationTargets,
    milestones: ApplicationMilestones,
    nextStates: Type.Array(ApplicationState, { description: 'Where the caller may try to move it next (the guards still decide); empty for client users' }),
    dueOn: Nullable(Type.String({ description: 'The earliest expected date of what is still open (a stage, a target), from the timeline; null once ended' })),
    overdue: Type.Boolean({ description: 'Past its due date today (China time): a stage or a target is overdue' }),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Application', title: 'Application' },
);
export type Application = Static<typeof Application>;

export const ApplicationListQuery = Type.Object({
  q: Type.Optional(Text({ maxLength: 200, description: 'Search the client company: name (one Chinese character is enough), credit code or organisation code' })),
  serviceCode: Type.Optional(Text({ maxLength: 20, description: 'Only applications for this catalogue service, e.g. B24-1' })),
  state: Type.Optional(ApplicationState),
  clientId: Type.Optional(Uuid('Only this client company’s applications')),
  assigneeId: Type.Optional(Uuid('Only applications assigned to this user')),
  overdue: Type.Optional(Type.Boolean({ description: 'true: only applications past their due date (an overdue stage or target), longest overdue first; false or absent: all' })),
  ...PageQuery,
});
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;

export const ApplicationEvent = Type.Object(
  {
    id: Type.String(),
    kind: Type.String({ description: 'created, transition, updated, upload, generated, review, item-added, item-removed' }),
    fromState: Nullable(Type.String()),
    toState: Nullable(Type.String()),
    details: Type.Record(Type.String(), Type.Unknown()),
    note: Type.String(),
    actorId: Nullable(Type.String()),
    actorName: Nullable(Type.String()),
    at: Type.String(),
  },
  { title: 'ApplicationEvent' },
);
export type ApplicationEvent = Static<typeof ApplicationEvent>;

const Localized = LocalizedText;
const Expected = Type.Object({
  on: Type.String({ description: 'YYYY-MM-DD' }),
  duration: Type.Object({ unit: Type.Union([Type.Literal('working-days'), Type.Literal('calendar-days')]), value: Type.Number(), min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) }, { additionalProperties: true }),
  source: SourceRef,
  provisional: Type.Boolean({ description: 'Depends on a year whose official holiday arrangement is not published yet' }),
  provisionalReason: Nullable(Localized),
});

export const ApplicationTimeline = Type.Object(
  {
    startedOn: Type.String(),
    milestones: Type.Array(Type.Object({ key: Type.String(), title: Localized, on: Type.String() })),
    targets: Type.Array(Type.Object({ key: Type.String(), title: Localized, on: Type.String(), met: Type.Boolean(), missed: Type.Boolean({ description: 'Passed with the step not done (or done late)' }) })),
    expectedIssueOn: Nullable(Expected),
    stages: Type.Array(
      Type.Object({
        key: Type.String(),
        title: Localized,
        order: Type.Integer(),
        parent: Nullable(Type.String()),
        regulation: Nullable(Expected),
        practice: Nullable(Expected),
        actualOn: Nullable(Type.String()),
        slippageWorkingDays: Nullable(Type.Integer({ description: 'Working days late (positive) or early (negative)' })),
        overdue: Type.Boolean(),
      }),
    ),
    dueOn: Nullable(Type.String({ description: 'The earliest expected date of what is still open; overdue after it. Null once ended' })),
  },
  { title: 'ApplicationTimeline' },
);
