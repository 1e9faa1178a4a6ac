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

/** The dates a PATCH set on targets or milestones, each named; a date taken away is said to be cleared. */
const datedFields = ['submitBy', 'issueBy', 'expertReviewOn', 'onSiteInspectionOn', 'publicNoticeOn'] as const;
type DatedField = (typeof datedFields)[number];
const updatedParts = ['assigneeId', 'business', 'targets', 'milestones'] as const;

function asDates(value: unknown): Partial<Record<DatedField, unknown>> {
  return value && typeof value === 'object' ? (value as Partial<Record<DatedField, unknown>>) : {};
}

function datedLines(event: ApplicationEvent, t: TFunction): string[] {
  return (['targets', 'milestones'] as const).flatMap((part) => {
    const change = event.details[part] as { from?: unknown; to?: unknown } | undefined;
    if (!change) return [];
    const from = asDates(change.from);
    const to = asDates(change.to);
    return datedFields.flatMap((field) => {
      if (to[field] !== undefined && to[field] !== from[field]) return [t('applications.activity.dateSet', { label: t(`applications.timeline.dates.${field}`), value: text(to[field]) })];
      if (to[field] === undefined && from[field] !== undefined) return [t('applications.activity.dateCleared', { label: t(`applications.timeline.dates.${field}`) })];
      return [];
    });
  });
}

function describeUpdate(event: ApplicationEvent, actor: string, t: TFunction): { headline: string; lines: string[] } {
  const changed = updatedParts.filter((part) => event.details[part] !== undefined);
  if (changed.length === 1 && changed[0] === 'assigneeId') return { headline: t('applications.activity.updatedAssignee', { actor }), lines: [] };
  if (changed.length === 0) return { headline: t('applications.activity.updated', { actor }), lines: [] };
  const parts = changed.map((part) => t(`applications.activity.parts.${part}`)).join(t('applications.listSeparator'));
  return { headline: t('applications.activity.updatedParts', { actor, parts }), lines: datedLines(event, t) };
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
    case 'generated': {
      const size = typeof event.details.size === 'number' ? formatFileSize(event.details.size) : '';
      return { headline: t('applications.activity.generated', { actor, item, version, type: text(event.details.fileType).toUpperCase(), size }), lines: [] };
    }
    case 'item-added':
      return { headline: t('applications.activity.itemAdded', { actor, title: text(event.details.title) || item }), lines: [] };
    case 'item-removed':
      // The item is gone from the checklist, so its title comes from the event.
      return { headline: t('applications.activity.itemRemoved', { actor, title: text(event.details.title) || item }), lines: [] };
    case 'updated':
      return describeUpdate(event, actor, t);
    default:
      return { headline: `${actor} · ${event.kind}`, lines: note };
  }
}

/** The dot's colour: moves blue, accepted green, sent back or removed red, generated purple, the rest grey. */
export function eventColor(event: ApplicationEvent): string {
  if (event.kind === 'transition') return event.toState === 'rejected' || event.toState === 'withdrawn' ? 'red' : 'blue';
  if (event.kind === 'review') return event.details.decision === 'rejected' ? 'red' : 'green';
  if (event.kind === 'generated') return 'purple';
  if (event.kind === 'item-removed') return 'red';
  return 'gray';
}
