import { refreshLicenceObligations } from '../obligations/refresh.ts';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { describeApplicationState, type ApplicationState } from '../../domain/workflow/application-states.ts';
import { checkTransition, type MoveDetails } from '../../domain/workflow/check-transition.ts';
import { materialStatuses } from './materials-service.ts';
import { normalizeIdentifier } from '../../domain/identifiers/normalize-identifier.ts';
import { canonicalLicenceNumber } from '../../domain/identifiers/parse-licence-number.ts';
import { AppError, versionConflict } from '../../platform/errors/app-error.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import * as repo from './repository.ts';
import * as files from './materials-repository.ts';
import { applicationEntity, requireApplication } from './service.ts';
import { toApplication } from './to-application.ts';
import { refreshDueOn } from './due-dates.ts';
import type { Application, TransitionRequest } from './schemas.ts';

/** The columns a move records, beside the new state. */
function recordedFields(to: ApplicationState, request: TransitionRequest): Partial<repo.ApplicationRow> {
  switch (to) {
    case 'collecting':
      return request.contractSignedOn ? { contractSignedOn: request.contractSignedOn, contractFeeYuan: request.contractFeeYuan ?? null } : {};
    case 'submitted':
      return request.submittedOn ? { submittedOn: request.submittedOn, correctionItems: '[]' } : { correctionItems: '[]' };
    case 'correction_requested':
      return { correctionItems: JSON.stringify([...new Set(request.items ?? [])]) };
    case 'accepted':
      return { acceptanceNo: request.acceptanceNo!.trim(), acceptedOn: request.acceptedOn! };
    case 'issued':
      return { issuedOn: request.issuedOn! };
    case 'rejected':
    case 'withdrawn':
    case 'on_hold':
      return {};
    default:
      return {};
  }
}

/**
 * Moves an application to `to` if the state machine's guards allow it (`src/domain/workflow/check-transition.ts`),
 * in one transaction with its activity entry, its audit entry and, for `issued`, the licence it creates. The version
 * is compared in the UPDATE itself, so of two racing moves exactly one wins; the other gets 409.
 */
export async function transitionApplication(ctx: AppContext, actor: Actor, id: string, request: TransitionRequest): Promise<Application & { licenceId: string | null }> {
  const before = await requireApplication(ctx, actor, id);
  if (request.version !== Number(before.version)) throw versionConflict(applicationEntity, Number(before.version));
  const from = before.state as ApplicationState;
  const scope = scopeOf(actor);
  // Stored in its one canonical form, so the registry finds it whatever dash or order of categories was typed.
  const details: MoveDetails = { ...request, ...(request.licenceNumber ? { licenceNumber: canonicalLicenceNumber(request.licenceNumber) ?? normalizeIdentifier(request.licenceNumber) } : {}) };
  const licenceNumber = details.licenceNumber ?? null;
  const now = ctx.clock.now();
  const changes: Partial<repo.ApplicationRow> = { state: request.to, version: request.version + 1, updatedAt: now };
  let expiresOn: string | null = null;
  const { note } = request;
  let given: Record<string, unknown> = {};
  await ctx.db.transaction().execute(async (trx) => {
    // Taken first, so uploads and reviews (which take it too) cannot change the checklist between the check and the move.
    await repo.lockApplication(trx, scope, id);
    const check = checkTransition({
      application: {
        state: from, heldFrom: before.heldFrom as ApplicationState | null, scope: before.scope, serviceCode: before.serviceCode,
        contractSignedOn: before.contractSignedOn, submittedOn: before.submittedOn, acceptedOn: before.acceptedOn, correctionItems: JSON.parse(before.correctionItems) as string[],
      },
      materials: await materialStatuses(trx, scope, before),
      to: request.to,
      details,
      today: ctx.clock.today(),
    });
    if (!check.ok) throw new AppError('TRANSITION_REFUSED', check.reason, [{ field: 'to', code: check.guard, message: check.reason }]);
    const recorded = recordedFields(request.to, request);
    Object.assign(changes, recorded, { state: check.result.state, heldFrom: check.result.heldFrom });
    // Only what this move records: fields sent for another move are not kept as if they were facts.
    given = Object.fromEntries(Object.entries(recorded).filter(([key]) => key !== 'correctionItems'));
    if (check.result.state === 'issued') {
      if (await repo.findLicenceByNumber(trx, scope, licenceNumber!)) {
        throw new AppError('LICENCE_DUPLICATE', { zh: `本机构已登记许可证 ${licenceNumber}`, en: `This organisation already holds licence ${licenceNumber}` }, [
          { field: 'licenceNumber', code: 'LICENCE_DUPLICATE', message: { zh: '该编号已登记', en: 'already registered' } },
        ]);
      }
      changes.licenceId = randomUUID();
      expiresOn = check.result.expiresOn ?? null;
    }
    if (!(await repo.updateApplication(trx, scope, { id, version: request.version }, changes))) throw versionConflict(applicationEntity, request.version + 1);
    if (check.result.state === 'correction_requested') {
      // The authority's correction notice sends these items back: their latest versions count as rejected, with the
      // notice as the reason, so the client uploads again and staff review again before resubmitting.
      const reason = note?.trim() ? `补正：${note.trim()}` : `补正：发证机关要求重新提交（${request.requestedOn}）`;
      for (const itemKey of new Set(request.items ?? [])) {
        const latest = await files.findMaterialFile(trx, scope, { applicationId: id, itemKey });
        if (latest) await files.reviewMaterialFile(trx, scope, { id: latest.id, applicationId: id, itemKey, version: Number(latest.version) }, { review: 'rejected', reviewReason: reason, reviewedBy: actor.userId || null, reviewedAt: now });
      }
    }
    if (changes.licenceId) {
      await repo.insertLicence(trx, {
        id: changes.licenceId, orgId: actor.orgId, clientId: before.clientId, applicationId: id, number: licenceNumber!, serviceCode: before.serviceCode,
        scope: before.scope, services: JSON.stringify([{ serviceCode: before.serviceCode, scope: before.scope }]), issuedOn: request.issuedOn!, expiresOn: expiresOn!, version: 1, createdAt: now, updatedAt: now,
      });
      // The new licence's obligations exist from the moment it does.
      await refreshLicenceObligations(ctx, trx, changes.licenceId);
    }
    const fromTitle = describeApplicationState(from).title;
    const toTitle = describeApplicationState(check.result.state).title;
    await repo.insertApplicationEvent(trx, {
      id: randomUUID(), orgId: actor.orgId, applicationId: id, kind: 'transition', fromState: from, toState: check.result.state,
      details: JSON.stringify({ ...given, ...(request.items ? { items: [...new Set(request.items)] } : {}), ...(licenceNumber && changes.licenceId ? { licenceNumber, expiresOn } : {}) }), note: note ?? '', actorId: actor.userId || null, at: now,
    });
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'application.transition', entityType: 'application', entityId: id,
      summary: { zh: `「${before.clientName}」的申请：${fromTitle.zh} → ${toTitle.zh}`, en: `Application of "${before.clientName}": ${fromTitle.en} → ${toTitle.en}` },
      changes: { state: { from, to: check.result.state }, ...given },
    });
    changes.dueOn = await refreshDueOn(ctx, trx, scope, id);
  });
  const licence = changes.licenceId ? { licenceNumber, licenceExpiresOn: expiresOn } : {};
  return toApplication({ ...before, ...changes, ...licence }, actor, ctx.clock.today());
}
