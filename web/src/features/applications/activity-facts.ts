import type { ApplicationEvent } from './hooks/use-application-activity';
import type { Application } from './hooks/use-applications';

/** The state a rejected or withdrawn application ended from: the latest move into its current state. */
export function findEndedFrom(application: Pick<Application, 'state'>, events: readonly ApplicationEvent[]): string | null {
  return events.find((e) => e.kind === 'transition' && e.toState === application.state)?.fromState ?? null;
}

/** The licence the move to issued recorded (number and expiry); the application itself keeps only its id. */
export function findIssuedLicence(events: readonly ApplicationEvent[]): { number: string; expiresOn: string | null } | null {
  const issued = events.find((e) => e.kind === 'transition' && e.toState === 'issued');
  const number = issued?.details.licenceNumber;
  if (typeof number !== 'string') return null;
  const expires = issued?.details.expiresOn;
  return { number, expiresOn: typeof expires === 'string' ? expires : null };
}
