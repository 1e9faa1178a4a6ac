import type { AppContext } from '../../app-context.ts';
import type { Timeline } from '../../domain/workflow/build-timeline.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { timelineOf } from './due-dates.ts';
import { requireApplication } from './service.ts';

/**
 * The application's timeline: every stage with its expected dates (the organisation's rule overrides and the official
 * working-day calendar in force), its actual date, slippage and whether it is overdue today.
 */
export async function getApplicationTimeline(ctx: AppContext, actor: Actor, id: string): Promise<Timeline> {
  const application = await requireApplication(ctx, actor, id);
  return timelineOf(ctx, ctx.db, scopeOf(actor), application);
}
