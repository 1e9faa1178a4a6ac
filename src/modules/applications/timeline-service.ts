import type { AppContext } from '../../app-context.ts';
import { listProcessStages } from '../../domain/catalog/process-stages.ts';
import type { ApplicationState } from '../../domain/workflow/application-states.ts';
import { buildTimeline, type Timeline } from '../../domain/workflow/build-timeline.ts';
import { chinaDateOf } from '../../platform/clock.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { loadRuleOverrides } from '../settings/load-rule-overrides.ts';
import * as repo from './repository.ts';
import { requireApplication } from './service.ts';
import { toApplication } from './to-application.ts';

/**
 * The application's timeline: every stage with its expected dates (the organisation's rule overrides and the official
 * working-day calendar in force), its actual date, slippage and whether it is overdue today.
 */
export async function getApplicationTimeline(ctx: AppContext, actor: Actor, id: string): Promise<Timeline> {
  const application = await requireApplication(ctx, actor, id);
  const moves = await repo.listTransitions(ctx.db, scopeOf(actor), id);
  const lastEntered = (state: string) => moves.filter((m) => m.toState === state).at(-1);
  const correction = lastEntered('correction_requested');
  const requestedOn = correction ? (JSON.parse(correction.details) as { requestedOn?: string }).requestedOn ?? chinaDateOf(correction.at) : null;
  const drafting = lastEntered('drafting');
  const overrides = await loadRuleOverrides(ctx.db, actor.orgId);
  const view = toApplication(application, actor);
  return buildTimeline({
    facts: {
      state: application.state as ApplicationState,
      startedOn: application.contractSignedOn ?? chinaDateOf(application.createdAt),
      contractSignedOn: application.contractSignedOn,
      draftingOn: drafting ? chinaDateOf(drafting.at) : null,
      submittedOn: application.submittedOn,
      correctionRequestedOn: requestedOn,
      acceptedOn: application.acceptedOn,
      issuedOn: application.issuedOn,
    },
    stages: listProcessStages({ scope: application.scope, overrides }),
    milestones: { 'expert-review': view.milestones.expertReviewOn ?? undefined, 'on-site-inspection': view.milestones.onSiteInspectionOn ?? undefined, 'public-notice': view.milestones.publicNoticeOn ?? undefined },
    targets: { submitBy: view.targets.submitBy ?? undefined, issueBy: view.targets.issueBy ?? undefined },
    calendar: ctx.calendar.current(),
    today: ctx.clock.today(),
  });
}
