import { listNextStates } from '../../domain/workflow/check-transition.ts';
import type { ApplicationState } from '../../domain/workflow/application-states.ts';
import type { Actor } from '../access/actor.ts';
import { actorHas } from '../access/permissions.ts';
import type { ApplicationListRow } from './repository.ts';
import type { Application, ApplicationMilestones, ApplicationTargets, BusinessDescription } from './schemas.ts';

/** Reads a JSON column written by this module; a damaged value reads as the empty default rather than failing a page. */
function readJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * The API shape of a stored application, as `actor` may see it on `today` (China date): client users never see the fee
 * or the next moves.
 */
export function toApplication(row: ApplicationListRow, actor: Pick<Actor, 'role' | 'isOperator'>, today: string): Application {
  const state = row.state as ApplicationState;
  const heldFrom = row.heldFrom as ApplicationState | null;
  const mayMove = actorHas(actor, 'applications:write');
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: row.clientName,
    serviceCode: row.serviceCode,
    scope: row.scope,
    state,
    heldFrom,
    assigneeId: row.assigneeId,
    contractSignedOn: row.contractSignedOn,
    contractFeeYuan: actor.role === 'client' || row.contractFeeYuan === null ? null : Number(row.contractFeeYuan),
    submittedOn: row.submittedOn,
    acceptanceNo: row.acceptanceNo,
    acceptedOn: row.acceptedOn,
    issuedOn: row.issuedOn,
    licenceId: row.licenceId,
    licenceNumber: row.licenceNumber ?? null,
    licenceExpiresOn: row.licenceExpiresOn ?? null,
    correctionItems: readJson<string[]>(row.correctionItems, []),
    business: readJson<BusinessDescription>(row.business, {}),
    targets: readJson<ApplicationTargets>(row.targets, {}),
    milestones: readJson<ApplicationMilestones>(row.milestones, {}),
    nextStates: mayMove ? listNextStates({ state, heldFrom }) : [],
    dueOn: row.dueOn,
    overdue: row.dueOn !== null && today > row.dueOn,
    version: Number(row.version),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
