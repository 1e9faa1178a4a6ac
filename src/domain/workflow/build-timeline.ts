import type { IsoDate, LocalizedText, WorkingCalendar } from '../calendar/types.ts';
import type { Duration, ProcessStage } from '../catalog/process-stages.ts';
import type { Source } from '../catalog/source.ts';
import type { ApplicationState } from './application-states.ts';

/** The dates an application has recorded, as the timeline reads them. */
export interface TimelineFacts {
  state: ApplicationState;
  /** When the work started: the contract date, else the day the application was opened. */
  startedOn: IsoDate;
  contractSignedOn: IsoDate | null;
  /** The day it last entered drafting (every required uploaded item accepted). */
  draftingOn: IsoDate | null;
  submittedOn: IsoDate | null;
  /** The latest correction notice's date. */
  correctionRequestedOn: IsoDate | null;
  acceptedOn: IsoDate | null;
  issuedOn: IsoDate | null;
}

/** An expected date, with the figure it comes from and whether it leans on a year with no official calendar yet. */
export interface ExpectedDate {
  on: IsoDate;
  duration: Duration;
  source: Source;
  provisional: boolean;
  provisionalReason: LocalizedText | null;
}

export interface TimelineStage {
  key: string;
  title: LocalizedText;
  order: number;
  parent: string | null;
  /** What the regulation requires (e.g. the authority's 5 working days), when it says. */
  regulation: ExpectedDate | null;
  /** What practice suggests (the organisation may configure these figures). */
  practice: ExpectedDate | null;
  actualOn: IsoDate | null;
  /** Working days late (positive) or early (negative) against the practice figure, else the regulation's. */
  slippageWorkingDays: number | null;
  /** Past its expected date with nothing recorded, while the application is still open. */
  overdue: boolean;
}

/** A review milestone the authority announced (expert review, on-site inspection, public notice), as recorded. */
export interface TimelineMilestone {
  key: 'expert-review' | 'on-site-inspection' | 'public-notice';
  title: LocalizedText;
  on: IsoDate;
}

/** A date staff plan to meet, and whether it has passed with the step not done. */
export interface TimelineTarget {
  key: 'submit-by' | 'issue-by';
  title: LocalizedText;
  on: IsoDate;
  met: boolean;
  missed: boolean;
}

export interface Timeline {
  startedOn: IsoDate;
  milestones: TimelineMilestone[];
  targets: TimelineTarget[];
  /**
   * The guide's headline cycle from the start: 40 working days in-province, 60 cross-regional (the low end of the
   * catalog's range). The licence stage's practice figure is the organisation's planning value (60 / 90 by default).
   */
  expectedIssueOn: ExpectedDate | null;
  stages: TimelineStage[];
  /**
   * The earliest date by which something still open is expected (a stage with no actual date, a target not yet met);
   * null once the application has ended. The application is overdue from the day after: exactly when a stage or a
   * target is flagged. Stored, so lists can filter by it.
   */
  dueOn: IsoDate | null;
}

const ended: ReadonlySet<ApplicationState> = new Set(['issued', 'rejected', 'withdrawn']);

function expect(calendar: WorkingCalendar, from: IsoDate | null, figure: ProcessStage['duration']['regulation']): ExpectedDate | null {
  if (!from || !figure) return null;
  if (figure.unit === 'calendar-days') return { on: calendar.addCalendarDays(from, figure.value), duration: figure, source: figure.source, provisional: false, provisionalReason: null };
  const result = calendar.addWorkingDays(from, figure.value);
  return { on: result.date, duration: figure, source: figure.source, provisional: result.provisional, provisionalReason: result.provisionalReason };
}

/** Where each stage's clock starts, and what ends it. */
function anchors(key: string, facts: TimelineFacts): { from: IsoDate | null; actual: IsoDate | null } {
  switch (key) {
    case 'sign-agency-contract':
      return { from: null, actual: facts.contractSignedOn };
    case 'prepare-materials':
      return { from: null, actual: facts.draftingOn };
    case 'write-and-submit':
      return { from: facts.draftingOn, actual: facts.submittedOn };
    case 'correction-notice':
      // The authority must send one consolidated notice within 5 working days; accepting the materials ends it too.
      return { from: facts.submittedOn, actual: facts.correctionRequestedOn ?? facts.acceptedOn };
    case 'review-decision':
      return { from: facts.acceptedOn, actual: facts.issuedOn };
    case 'receive-licence':
      return { from: facts.startedOn, actual: facts.issuedOn };
    default:
      return { from: null, actual: null };
  }
}

/**
 * Every stage of the process with its expected dates (regulation and practice side by side, from the catalog's
 * durations and the official working-day calendar), its actual date, slippage in working days, and whether it is
 * overdue today.
 */
const milestoneTitles: Record<TimelineMilestone['key'], LocalizedText> = {
  'expert-review': { zh: '专家评审', en: 'Expert review' },
  'on-site-inspection': { zh: '现场核查', en: 'On-site inspection' },
  'public-notice': { zh: '公示', en: 'Public notice' },
};

export function buildTimeline(input: {
  facts: TimelineFacts;
  stages: readonly ProcessStage[];
  calendar: WorkingCalendar;
  today: IsoDate;
  milestones?: Partial<Record<TimelineMilestone['key'], IsoDate>>;
  targets?: { submitBy?: IsoDate; issueBy?: IsoDate };
}): Timeline {
  const { facts, calendar, today } = input;
  const open = !ended.has(facts.state);
  const stages = input.stages.map((stage): TimelineStage => {
    const { from, actual } = anchors(stage.key, facts);
    const regulation = expect(calendar, from, stage.duration.regulation);
    const practice = expect(calendar, from, stage.duration.practice);
    const planned = practice ?? regulation;
    let slippage: number | null = null;
    let overdue = false;
    if (planned && actual) slippage = calendar.workingDaysBetween(planned.on, actual).days;
    else if (planned && !actual && open && today > planned.on) {
      overdue = true;
      slippage = calendar.workingDaysBetween(planned.on, today).days;
    }
    return { key: stage.key, title: stage.title, order: stage.order, parent: stage.parent, regulation, practice, actualOn: actual, slippageWorkingDays: slippage, overdue };
  });
  const issueFigure = input.stages.find((s) => s.key === 'receive-licence')?.duration.practice;
  const headline = issueFigure ? { ...issueFigure, value: issueFigure.min ?? issueFigure.value } : undefined;
  const milestones = (Object.entries(input.milestones ?? {}) as Array<[TimelineMilestone['key'], IsoDate | undefined]>)
    .filter((entry): entry is [TimelineMilestone['key'], IsoDate] => entry[1] !== undefined)
    .map(([key, on]) => ({ key, title: milestoneTitles[key], on }))
    .sort((a, b) => a.on.localeCompare(b.on));
  const target = (key: TimelineTarget['key'], on: IsoDate | undefined, done: IsoDate | null): TimelineTarget[] =>
    on ? [{ key, title: key === 'submit-by' ? { zh: '计划提交', en: 'Planned submission' } : { zh: '计划取证', en: 'Planned issue' }, on, met: done !== null && done <= on, missed: done === null ? open && today > on : done > on }] : [];
  const targets = [...target('submit-by', input.targets?.submitBy, facts.submittedOn), ...target('issue-by', input.targets?.issueBy, facts.issuedOn)];
  const openDates = [
    ...stages.filter((stage) => stage.actualOn === null).map((stage) => (stage.practice ?? stage.regulation)?.on),
    ...(facts.submittedOn === null ? [input.targets?.submitBy] : []),
    ...(facts.issuedOn === null ? [input.targets?.issueBy] : []),
  ].filter((on): on is IsoDate => on !== undefined);
  const dueOn = open && openDates.length > 0 ? openDates.reduce((a, b) => (b < a ? b : a)) : null;
  return { startedOn: facts.startedOn, milestones, targets, expectedIssueOn: expect(calendar, facts.startedOn, headline), stages, dueOn };
}
