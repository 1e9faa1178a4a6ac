import { describe, expect, it } from 'vitest';
import { listProcessStages } from '../catalog/process-stages.ts';
import { createWeekendCalendar } from '../obligations/test-support/create-weekend-calendar.ts';
import { buildTimeline, type TimelineFacts } from './build-timeline.ts';

// Expected dates are worked out by hand on a weekends-only calendar (2026-01-05 is a Monday).
const calendar = createWeekendCalendar({ knownYears: [2026] });
const facts = (more: Partial<TimelineFacts>): TimelineFacts => ({
  state: 'draft', startedOn: '2026-01-05', contractSignedOn: '2026-01-05', draftingOn: null, submittedOn: null, correctionRequestedOn: null, acceptedOn: null, issuedOn: null, ...more,
});
const timeline = (more: Partial<TimelineFacts>, today: string, scope = 'BJ') => buildTimeline({ facts: facts(more), stages: listProcessStages({ scope }), calendar, today });
const stage = (t: ReturnType<typeof timeline>, key: string) => t.stages.find((s) => s.key === key)!;

describe('buildTimeline', () => {
  it('shows the guide’s headline cycle (40 working days in-province, 60 cross-regional) beside the planning figure', () => {
    const inProvince = timeline({}, '2026-01-06');
    expect(inProvince.expectedIssueOn).toMatchObject({ on: '2026-03-02', provisional: false, duration: { value: 40 } });
    expect(stage(inProvince, 'receive-licence').practice).toMatchObject({ on: '2026-03-30', duration: { value: 60 } });
    expect(timeline({}, '2026-01-06', 'cross-regional').expectedIssueOn?.on).toBe('2026-03-30');
  });

  it('counts the drafting estimate from the day materials were complete, and slippage in working days', () => {
    const t = timeline({ state: 'submitted', draftingOn: '2026-01-26', submittedOn: '2026-02-02' }, '2026-02-03');
    const write = stage(t, 'write-and-submit');
    expect(write.practice?.on).toBe('2026-01-29');
    expect(write).toMatchObject({ actualOn: '2026-02-02', slippageWorkingDays: 2, overdue: false });
  });

  it('holds the authority to its 5 working days for a correction notice, ended early by acceptance', () => {
    const waiting = stage(timeline({ state: 'submitted', submittedOn: '2026-02-02' }, '2026-02-12'), 'correction-notice');
    expect(waiting).toMatchObject({ regulation: { on: '2026-02-09' }, practice: null, actualOn: null, overdue: true, slippageWorkingDays: 3 });
    const accepted = stage(timeline({ state: 'accepted', submittedOn: '2026-02-02', acceptedOn: '2026-02-06' }, '2026-02-12'), 'correction-notice');
    expect(accepted).toMatchObject({ actualOn: '2026-02-06', overdue: false, slippageWorkingDays: -1 });
  });

  it('gives the decision 60 calendar days from acceptance, overdue after that while open, never once ended', () => {
    const late = stage(timeline({ state: 'accepted', submittedOn: '2026-02-02', acceptedOn: '2026-02-06' }, '2026-04-10'), 'review-decision');
    expect(late).toMatchObject({ regulation: { on: '2026-04-07' }, overdue: true, slippageWorkingDays: 3 });
    const withdrawn = stage(timeline({ state: 'withdrawn', submittedOn: '2026-02-02', acceptedOn: '2026-02-06' }, '2026-04-10'), 'review-decision');
    expect(withdrawn.overdue).toBe(false);
  });

  it('keeps the earliest open date as the due date: overdue from the next day, exactly when a stage or open target is flagged', () => {
    const cases: Array<{ more: Partial<TimelineFacts>; targets?: { submitBy?: string; issueBy?: string } }> = [
      { more: {} },
      { more: { state: 'drafting', draftingOn: '2026-01-26' } },
      { more: { state: 'drafting', draftingOn: '2026-01-26' }, targets: { submitBy: '2026-01-20' } },
      { more: { state: 'submitted', draftingOn: '2026-01-26', submittedOn: '2026-02-02' }, targets: { submitBy: '2026-01-20', issueBy: '2026-05-01' } },
      { more: { state: 'accepted', submittedOn: '2026-02-02', acceptedOn: '2026-02-06' } },
      { more: { state: 'on_hold', submittedOn: '2026-02-02' } },
    ];
    for (const { more, targets } of cases) {
      const at = (today: string) => buildTimeline({ facts: facts(more), stages: listProcessStages({ scope: 'BJ' }), calendar, today, targets });
      const { dueOn } = at('2026-01-05');
      expect(dueOn, JSON.stringify(more)).not.toBeNull();
      for (const today of ['2026-01-06', '2026-01-21', '2026-01-30', '2026-02-10', '2026-03-31', '2026-04-08', '2026-05-02']) {
        const t = at(today);
        const submittedOn = more.submittedOn ?? null;
        const flagged = t.stages.some((s) => s.overdue) || t.targets.some((x) => x.missed && (x.key === 'submit-by' ? submittedOn === null : true));
        expect(today > dueOn!, `${JSON.stringify(more)} on ${today}`).toBe(flagged);
      }
    }
    expect(timeline({ state: 'issued', issuedOn: '2026-03-01', submittedOn: '2026-02-02', acceptedOn: '2026-02-06' }, '2026-04-01').dueOn).toBeNull();
    expect(timeline({ state: 'withdrawn' }, '2026-04-01').dueOn).toBeNull();
  });

  it('marks dates in a year with no official calendar as provisional', () => {
    const t = buildTimeline({ facts: facts({ startedOn: '2026-12-01', contractSignedOn: '2026-12-01' }), stages: listProcessStages({ scope: 'BJ' }), calendar, today: '2026-12-02' });
    expect(t.expectedIssueOn).toMatchObject({ provisional: true });
    expect(t.expectedIssueOn?.provisionalReason?.zh).toContain('2027');
  });

  it('lists the recorded milestones in date order and says whether each target was met or missed', () => {
    const t = buildTimeline({
      facts: facts({ state: 'accepted', submittedOn: '2026-02-10', acceptedOn: '2026-02-12' }),
      stages: listProcessStages({ scope: 'BJ' }),
      calendar,
      today: '2026-03-20',
      milestones: { 'public-notice': '2026-03-10', 'expert-review': '2026-02-25' },
      targets: { submitBy: '2026-02-06', issueBy: '2026-03-15' },
    });
    expect(t.milestones.map((m) => [m.key, m.on])).toEqual([['expert-review', '2026-02-25'], ['public-notice', '2026-03-10']]);
    expect(t.targets.map((x) => [x.key, x.met, x.missed])).toEqual([['submit-by', false, true], ['issue-by', false, true]]);
  });
});
