import type { AppContext } from '../../app-context.ts';
import { listProcessStages } from '../../domain/catalog/process-stages.ts';
import type { CatalogOverrides } from '../../domain/catalog/catalog-overrides.ts';
import type { ApplicationState } from '../../domain/workflow/application-states.ts';
import { buildTimeline, type Timeline } from '../../domain/workflow/build-timeline.ts';
import { chinaDateOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Scope } from '../access/actor.ts';
import { loadRuleOverrides } from '../settings/load-rule-overrides.ts';
import * as repo from './repository.ts';

type JsonDates = Record<string, string | undefined>;
const readDates = (text: string): JsonDates => {
  try {
    return JSON.parse(text) as JsonDates;
  } catch {
    return {};
  }
};

/**
 * An application's timeline from what is stored: its dates, its moves (when it entered drafting, the latest correction
 * notice), the organisation's rule figures and the working calendar in force. Reads through `db`, so inside a
 * transaction it sees that transaction's writes.
 */
export async function timelineOf(ctx: AppContext, db: Db, scope: Scope, application: repo.ApplicationRow, overrides?: CatalogOverrides): Promise<Timeline> {
  const moves = await repo.listTransitions(db, scope, application.id);
  const lastEntered = (state: string) => moves.filter((m) => m.toState === state).at(-1);
  const correction = lastEntered('correction_requested');
  const requestedOn = correction ? (JSON.parse(correction.details) as { requestedOn?: string }).requestedOn ?? chinaDateOf(correction.at) : null;
  const drafting = lastEntered('drafting');
  const milestones = readDates(application.milestones);
  const targets = readDates(application.targets);
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
    stages: listProcessStages({ scope: application.scope, overrides: overrides ?? (await loadRuleOverrides(db, application.orgId)) }),
    milestones: { 'expert-review': milestones.expertReviewOn, 'on-site-inspection': milestones.onSiteInspectionOn, 'public-notice': milestones.publicNoticeOn },
    targets: { submitBy: targets.submitBy, issueBy: targets.issueBy },
    calendar: ctx.calendar.current(),
    today: ctx.clock.today(),
  });
}

/**
 * Brings one application's stored due date (the timeline's dueOn, which the overdue filter reads) in step with its
 * facts; call it in the transaction that changed them. Returns the due date.
 */
export async function refreshDueOn(ctx: AppContext, db: Db, scope: Scope, id: string): Promise<string | null> {
  const application = await repo.findApplication(db, scope, id);
  if (!application) return null;
  const { dueOn } = await timelineOf(ctx, db, scope, application);
  if (dueOn !== application.dueOn) await repo.setDueOn(db, scope, id, dueOn);
  return dueOn;
}

/**
 * Recomputes the due date of every application still open (or still carrying one), in one organisation or all: after
 * the organisation's rule figures change, after the working calendar changes, and at start (rows stored before the
 * column existed). A batch at a time, by id; returns how many changed.
 */
export async function refreshOpenDueDates(ctx: AppContext, db: Db, options: { orgId?: string } = {}): Promise<number> {
  const overridesOf = new Map<string, CatalogOverrides>();
  let changed = 0;
  let after = '';
  for (;;) {
    const batch = await repo.listOpenApplications(db, { orgId: options.orgId, after, limit: 200 });
    if (batch.length === 0) return changed;
    for (const application of batch) {
      if (!overridesOf.has(application.orgId)) overridesOf.set(application.orgId, await loadRuleOverrides(db, application.orgId));
      const scope = { orgId: application.orgId, clientId: null };
      const { dueOn } = await timelineOf(ctx, db, scope, application, overridesOf.get(application.orgId));
      if (dueOn !== application.dueOn) {
        await repo.setDueOn(db, scope, application.id, dueOn);
        changed++;
      }
    }
    after = batch[batch.length - 1].id;
  }
}
