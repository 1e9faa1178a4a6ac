import type { Application, ApplicationState } from './hooks/use-applications';

/** Every state, in the order a list or board shows them: the main path, then the pause and the two other ends. */
export const applicationStates: readonly ApplicationState[] = [
  'draft',
  'collecting',
  'drafting',
  'submitted',
  'correction_requested',
  'accepted',
  'issued',
  'on_hold',
  'rejected',
  'withdrawn',
];

export const stateColors: Record<ApplicationState, string> = {
  draft: 'default',
  collecting: 'blue',
  drafting: 'geekblue',
  submitted: 'cyan',
  correction_requested: 'orange',
  accepted: 'purple',
  issued: 'green',
  on_hold: 'gold',
  rejected: 'red',
  withdrawn: 'default',
};

/** The guide's five steps (办理流程): 签订代办合同, 准备材料, 撰写并提交, 受理与审查, 领取许可证. */
export const guideSteps = ['contract', 'materials', 'drafting', 'review', 'licence'] as const;
export type GuideStep = (typeof guideSteps)[number];

/** Index into guideSteps of the states on the main path; null for the pause and the ends off it. */
const stepOfState: Record<ApplicationState, number | null> = {
  draft: 0,
  collecting: 1,
  drafting: 2,
  submitted: 3,
  correction_requested: 3,
  accepted: 3,
  issued: 4,
  on_hold: null,
  rejected: null,
  withdrawn: null,
};

/** While the checklist is worked on, files may be uploaded and reviewed; after submission it is frozen (server rule). */
export function areMaterialsOpen(state: ApplicationState): boolean {
  return state === 'draft' || state === 'collecting' || state === 'drafting' || state === 'correction_requested';
}

type StepFacts = Pick<Application, 'state' | 'heldFrom' | 'contractSignedOn' | 'submittedOn'>;

/**
 * The step an application is on. A paused one is on the step it left; a rejected or withdrawn one on the step of
 * the state it ended from (`endedFrom`, read from the activity feed), else the furthest its recorded dates show.
 */
export function currentStep(application: StepFacts, endedFrom?: string | null): number {
  const own = stepOfState[application.state];
  if (own !== null) return own;
  const before = application.state === 'on_hold' ? application.heldFrom : (endedFrom as ApplicationState | null | undefined);
  const fromBefore = before ? stepOfState[before] : null;
  if (fromBefore !== null && fromBefore !== undefined) return fromBefore;
  if (application.submittedOn) return 3;
  return application.contractSignedOn ? 1 : 0;
}

/** The fields a move records, beside the optional note. */
export type MoveField = 'contractSignedOn' | 'contractFeeYuan' | 'submittedOn' | 'requestedOn' | 'items' | 'acceptanceNo' | 'acceptedOn' | 'licenceNumber' | 'issuedOn' | 'expiresOn';

/** What a move asks for, as the server's rules read it (src/domain/workflow/check-transition.ts). */
export function fieldsForMove(from: ApplicationState, to: ApplicationState): MoveField[] {
  if (from === 'on_hold') return [];
  if (to === 'collecting') return from === 'draft' ? ['contractSignedOn', 'contractFeeYuan'] : [];
  if (to === 'submitted') return from === 'correction_requested' ? [] : ['submittedOn'];
  if (to === 'correction_requested') return ['requestedOn', 'items'];
  if (to === 'accepted') return ['acceptanceNo', 'acceptedOn'];
  if (to === 'issued') return ['licenceNumber', 'issuedOn', 'expiresOn'];
  return [];
}

/** What a move is called on its button: the same target can mean different things depending on where it starts. */
export type MoveKind =
  | 'recordContract'
  | 'backToCollecting'
  | 'startDrafting'
  | 'recordSubmission'
  | 'resubmit'
  | 'recordCorrection'
  | 'recordAcceptance'
  | 'recordIssue'
  | 'recordRejection'
  | 'withdraw'
  | 'hold'
  | 'resume';

export function moveKind(from: ApplicationState, to: ApplicationState): MoveKind {
  if (from === 'on_hold' && to !== 'withdrawn') return 'resume';
  switch (to) {
    case 'collecting':
      return from === 'draft' ? 'recordContract' : 'backToCollecting';
    case 'drafting':
      return 'startDrafting';
    case 'submitted':
      return from === 'correction_requested' ? 'resubmit' : 'recordSubmission';
    case 'correction_requested':
      return 'recordCorrection';
    case 'accepted':
      return 'recordAcceptance';
    case 'issued':
      return 'recordIssue';
    case 'rejected':
      return 'recordRejection';
    case 'withdrawn':
      return 'withdraw';
    default:
      return 'hold';
  }
}

/** Forward along the guide gets the primary button; ends are marked dangerous; the rest are plain. */
export function moveEmphasis(kind: MoveKind): 'primary' | 'danger' | 'default' {
  if (kind === 'recordRejection' || kind === 'withdraw') return 'danger';
  if (kind === 'backToCollecting' || kind === 'hold' || kind === 'recordCorrection') return 'default';
  return 'primary';
}
