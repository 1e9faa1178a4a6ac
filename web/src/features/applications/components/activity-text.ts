import type { TFunction } from 'i18next';
import { formatYuan } from '../../../app/format';
import { applicationStates } from '../application-flow';
import type { ApplicationEvent } from '../hooks/use-application-activity';
import { formatFileSize } from '../file-size';

export interface ActivityContext {
  t: TFunction;
  itemTitle: (key: string) => string;
  serviceName: (code: string) => string;
  scopeName: (scope: string) => string;
}

/** The facts a move recorded, in the order the guide records them. */
const detailOrder = ['contractSignedOn', 'contractFeeYuan', 'submittedOn', 'requestedOn', 'items', 'acceptanceNo', 'acceptedOn', 'licenceNumber', 'issuedOn', 'expiresOn'] as const;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function stateName(t: TFunction, state: string | null): string {
  if (!state) return '';
  return (applicationStates as readonly string[]).includes(state) ? t(`applications.states.${state as (typeof applicationStates)[number]}`) : state;
}

function detailLines(event: ApplicationEvent, ctx: ActivityContext): string[] {
  const { t } = ctx;
  return detailOrder.flatMap((field) => {
    const raw = event.details[field];
    if (raw === undefined || raw === null || raw === '') return [];
    const value =
      field === 'items' && Array.isArray(raw)
        ? raw.map((key) => ctx.itemTitle(text(key))).join(t('applications.listSeparator'))
        : field === 'contractFeeYuan' && typeof raw === 'number'
          ? formatYuan(raw)
          : text(raw);
    return [t(`applications.activity.detail.${field}`, { value })];
  });
}

/** One event in words, in the reader's language: the headline and the lines beneath it. */
export function describeEvent(event: ApplicationEvent, ctx: ActivityContext): { headline: string; lines: string[]; reason?: string } {
  const { t } = ctx;
  const actor = event.actorName ?? t('applications.activity.system');
  const note = event.note ? [t('applications.activity.note', { note: event.note })] : [];
  const item = ctx.itemTitle(text(event.details.item));
  const version = text(event.details.version);
  switch (event.kind) {
    case 'created':
      return { headline: t('applications.activity.created', { actor, service: ctx.serviceName(text(event.details.serviceCode)), scope: ctx.scopeName(text(event.details.scope)) }), lines: [] };
    case 'transition':
      return {
        headline: t('applications.activity.transition', { actor, from: stateName(t, event.fromState), to: stateName(t, event.toState) }),
        lines: [...detailLines(event, ctx), ...note],
      };
    case 'upload': {
      const size = typeof event.details.size === 'number' ? formatFileSize(event.details.size) : '';
      return { headline: t('applications.activity.upload', { actor, item, version, type: text(event.details.fileType).toUpperCase(), size }), lines: [] };
    }
    case 'review':
      return event.details.decision === 'rejected'
        ? { headline: t('applications.activity.rejected', { actor, item, version }), lines: [], reason: event.note ? t('applications.activity.reason', { reason: event.note }) : undefined }
        : { headline: t('applications.activity.accepted', { actor, item, version }), lines: [] };
    case 'updated': {
      const changed = Object.keys(event.details);
      const key = changed.length === 1 && changed[0] === 'assigneeId' ? 'updatedAssignee' : changed.length === 1 && changed[0] === 'business' ? 'updatedBusiness' : 'updated';
      return { headline: t(`applications.activity.${key}`, { actor }), lines: [] };
    }
    default:
      return { headline: `${actor} · ${event.kind}`, lines: note };
  }
}

/** The dot's colour: moves blue, accepted green, sent back red, the rest grey. */
export function eventColor(event: ApplicationEvent): string {
  if (event.kind === 'transition') return event.toState === 'rejected' || event.toState === 'withdrawn' ? 'red' : 'blue';
  if (event.kind === 'review') return event.details.decision === 'rejected' ? 'red' : 'green';
  return 'gray';
}
