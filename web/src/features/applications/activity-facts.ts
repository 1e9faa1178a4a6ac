import type { ApplicationEvent } from './hooks/use-application-activity';
import type { Application } from './hooks/use-applications';

/** The state a rejected or withdrawn application ended from: the latest move into its current state. */
export function findEndedFrom(application: Pick<Application, 'state'>, events: readonly ApplicationEvent[]): string | null {
  return events.find((e) => e.kind === 'transition' && e.toState === application.state)?.fromState ?? null;
}
