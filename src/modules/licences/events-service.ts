import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { addDays } from '../../domain/dates/civil-date.ts';
import { checkAccessNumber } from '../../domain/identifiers/check-access-number.ts';
import { licenceFactsOf, type LicenceEvent as DomainLicenceEvent, type LicenceEventKind } from '../../domain/licences/licence-facts.ts';
import { defaultExpiresOn } from '../../domain/obligations/default-expires-on.ts';
import { AppError, invalidFields, notFound, type Bilingual, type FieldIssue } from '../../platform/errors/app-error.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { previewObligations } from '../obligations/service.ts';
import { loadRuleOverrides } from '../settings/load-rule-overrides.ts';
import * as repo from './repository.ts';
import type { LicenceEvent as LicenceEventView, LicenceEventRequest } from './schemas.ts';
import { licenceEntity, maxTermSlackDays, readServices, requireLicence } from './service.ts';

// A licence's history (开通, 工商变更, 年报, 码号, 续期, 注销): recording and removing its events, and the obligations
// derived from it.

/** The licence's obligations as the rules derive them today, from its services, scope, dates and history. */
export async function licenceObligations(ctx: AppContext, actor: Actor, id: string) {
  const row = await requireLicence(ctx, actor, id);
  const services = readServices(row);
  const events = asDomainEvents(await repo.listLicenceEvents(ctx.db, scopeOf(actor), id));
  const { services: _codes, scope: _scope, ...facts } = licenceFactsOf({ services: services.map((s) => s.serviceCode), scope: services[0].scope, issuedOn: row.issuedOn, expiresOn: row.expiresOn }, events);
  return previewObligations({
    input: { ...facts, services: services.map((s) => s.serviceCode), scope: services[0].scope },
    today: ctx.clock.today(),
    calendar: ctx.calendar.current(),
    overrides: await loadRuleOverrides(ctx.db, actor.orgId),
  });
}

const eventEntity: Bilingual = { zh: '许可证事件', en: 'Licence event' };

const eventTitles: Record<LicenceEventKind, Bilingual> = {
  'service-opened': { zh: '业务开通', en: 'Service opened' },
  'registration-change': { zh: '工商变更', en: 'Registration change' },
  'licence-change': { zh: '许可证变更', en: 'Licence change' },
  'annual-report-filed': { zh: '年报已报送', en: 'Annual report filed' },
  'numbers-obtained': { zh: '取得码号', en: 'Numbers obtained' },
  'numbers-returned': { zh: '退还码号', en: 'Numbers returned' },
  'number-report-filed': { zh: '码号年报已报送', en: 'Number report filed' },
  renewed: { zh: '续期', en: 'Renewed' },
  cancelled: { zh: '注销', en: 'Cancelled' },
};

/** Which of the request's fields each kind of event takes; the rest must be absent. */
const fieldsOf: Record<LicenceEventKind, ReadonlyArray<'serviceCode' | 'field' | 'year' | 'numbers' | 'expiresOn'>> = {
  'service-opened': ['serviceCode'],
  'registration-change': ['field'],
  'licence-change': [],
  'annual-report-filed': ['year'],
  'numbers-obtained': ['numbers'],
  'numbers-returned': ['numbers'],
  'number-report-filed': ['year'],
  renewed: ['expiresOn'],
  cancelled: [],
};

type EventDetails = LicenceEventView['details'];

function readDetails(text: string): EventDetails {
  try {
    return JSON.parse(text) as EventDetails;
  } catch {
    return {};
  }
}

function toEvent(row: repo.LicenceEventRow): LicenceEventView {
  return { id: row.id, kind: row.kind, date: row.date, details: readDetails(row.details), note: row.note, createdBy: row.createdBy, createdByName: row.createdByName, createdAt: row.createdAt };
}

/** The events as the obligation rules read them. */
function asDomainEvents(rows: repo.LicenceEventRow[]): DomainLicenceEvent[] {
  return rows.map((row) => ({ kind: row.kind, date: row.date, ...readDetails(row.details) }) as DomainLicenceEvent);
}

/** A licence's history, in date order. */
export async function listLicenceEvents(ctx: AppContext, actor: Actor, id: string): Promise<LicenceEventView[]> {
  await requireLicence(ctx, actor, id);
  return (await repo.listLicenceEvents(ctx.db, scopeOf(actor), id)).map(toEvent);
}

const issue = (field: string, code: string, zh: string, en: string): FieldIssue => ({ field, code, message: { zh, en } });

/**
 * Checks an event against the licence and its history, naming each problem's field: the fields its kind takes (and
 * no others), a date not after today nor (but for a registration change) before issue, a service the licence lists,
 * a report year within its term and not filed twice, 95/96 numbers that fit its scope (and are held, to return them),
 * a renewal that moves the expiry later by at most five years, and nothing after cancellation.
 */
function checkEvent(licence: repo.LicenceRow, events: DomainLicenceEvent[], input: LicenceEventRequest, today: string): EventDetails {
  const issues: FieldIssue[] = [];
  const allowed = fieldsOf[input.kind];
  for (const field of ['serviceCode', 'field', 'year', 'numbers', 'expiresOn'] as const) {
    if (allowed.includes(field) && input[field] === undefined) issues.push(issue(field, 'REQUIRED', `“${eventTitles[input.kind].zh}”须填写此项`, `is required for ${input.kind}`));
    if (!allowed.includes(field) && input[field] !== undefined) issues.push(issue(field, 'NOT_FOR_KIND', `“${eventTitles[input.kind].zh}”不填写此项`, `does not apply to ${input.kind}`));
  }
  if (issues.length > 0) throw invalidFields(issues);
  if (licence.cancelledOn) throw new AppError('CONFLICT', { zh: `许可证已于 ${licence.cancelledOn} 注销，不能再记录事件`, en: `The licence was cancelled on ${licence.cancelledOn}; no further events can be recorded` }, [issue('kind', 'LICENCE_CANCELLED', '已注销', 'cancelled')]);
  if (input.date > today) issues.push(issue('date', 'IN_FUTURE', `不能晚于今天（${today}）`, `must not be after today (${today})`));
  if (input.kind !== 'registration-change' && input.date < licence.issuedOn) issues.push(issue('date', 'BEFORE_ISSUE', `不能早于发证日期 ${licence.issuedOn}`, `must not be before the issue date ${licence.issuedOn}`));
  const details: EventDetails = {};
  const services = readServices(licence);
  const scope = services[0].scope;
  if (input.kind === 'service-opened') {
    const code = input.serviceCode!.trim().toUpperCase();
    if (!services.some((s) => s.serviceCode === code)) issues.push(issue('serviceCode', 'NOT_ON_LICENCE', `许可证未列明业务 ${code}（列明：${services.map((s) => s.serviceCode).join('、')}）`, `the licence does not list ${code} (it lists ${services.map((s) => s.serviceCode).join(', ')})`));
    details.serviceCode = code;
  }
  if (input.kind === 'registration-change') details.field = input.field;
  if (input.kind === 'annual-report-filed' || input.kind === 'number-report-filed') {
    const year = input.year!;
    const first = Number(licence.issuedOn.slice(0, 4)) + 1;
    const last = Number(licence.expiresOn.slice(0, 4)) + 1;
    if (year < first || year > last) issues.push(issue('year', 'OUTSIDE_TERM', `应在 ${first}–${last} 年之间（许可证有效期内的报送年度）`, `must be ${first}–${last}, a filing year of the licence's term`));
    else if (events.some((e) => (e.kind === 'annual-report-filed' || e.kind === 'number-report-filed') && e.kind === input.kind && e.year === year)) issues.push(issue('year', 'ALREADY_FILED', `${year} 年已记录报送`, `${year} is already recorded as filed`));
    details.year = year;
  }
  if (input.kind === 'numbers-obtained' || input.kind === 'numbers-returned') {
    const held = new Set(licenceFactsOf({ services: [], scope, issuedOn: licence.issuedOn, expiresOn: licence.expiresOn }, events).numbersHeld?.map((n) => n.number));
    const numbers: string[] = [];
    input.numbers!.forEach((raw, i) => {
      const check = checkAccessNumber({ number: raw, scope });
      if (!check.valid) return void issues.push(issue(`numbers.${i}`, 'NUMBER_INVALID', check.reason.zh, check.reason.en));
      if (numbers.includes(check.normalized)) return void issues.push(issue(`numbers.${i}`, 'NUMBER_REPEATED', '重复的号码', 'listed twice'));
      if (input.kind === 'numbers-obtained' && held.has(check.normalized)) issues.push(issue(`numbers.${i}`, 'NUMBER_HELD', `已持有 ${check.normalized}`, `${check.normalized} is held already`));
      if (input.kind === 'numbers-returned' && !held.has(check.normalized)) issues.push(issue(`numbers.${i}`, 'NUMBER_NOT_HELD', `未持有 ${check.normalized}`, `${check.normalized} is not held`));
      numbers.push(check.normalized);
    });
    details.numbers = numbers;
  }
  if (input.kind === 'renewed') {
    const next = input.expiresOn!;
    // A renewal (延续) continues the licence five years from its present expiry.
    const longest = addDays(defaultExpiresOn(licence.expiresOn), maxTermSlackDays);
    if (next <= licence.expiresOn) issues.push(issue('expiresOn', 'NOT_LATER', `续期后的有效期应晚于现有效期 ${licence.expiresOn}`, `must be after the present expiry ${licence.expiresOn}`));
    else if (next > longest) issues.push(issue('expiresOn', 'TERM_TOO_LONG', `续期延续 5 年，有效期至不应晚于 ${longest}`, `a renewal continues the licence five years: by ${longest}`));
    Object.assign(details, { expiresOn: next, previousExpiresOn: licence.expiresOn });
  }
  if (issues.length > 0) throw invalidFields(issues);
  return details;
}

const describeEvent = (kind: LicenceEventKind, details: EventDetails, lang: 'zh' | 'en') => {
  const extra = details.serviceCode ?? details.field ?? details.year ?? details.numbers?.join(lang === 'zh' ? '、' : ', ') ?? details.expiresOn;
  return `${eventTitles[kind][lang]}${extra !== undefined ? (lang === 'zh' ? `（${extra}）` : ` (${extra})`) : ''}`;
};

/**
 * Records an event of the licence's history. A renewal sets the new expiry and a cancellation the cancellation date,
 * in the same transaction; every event moves the licence to its next version, so an edit from before it gets 409.
 */
export async function recordLicenceEvent(ctx: AppContext, actor: Actor, id: string, input: LicenceEventRequest): Promise<LicenceEventView> {
  const licence = await requireLicence(ctx, actor, id);
  const scope = scopeOf(actor);
  const now = ctx.clock.now();
  const row = { id: randomUUID(), orgId: actor.orgId, licenceId: id, kind: input.kind, date: input.date, details: '{}', note: input.note ?? '', createdBy: actor.userId || null, createdAt: now };
  await ctx.db.transaction().execute(async (trx) => {
    // Under the licence's row lock: two events cannot both pass the checks against the same history.
    if (!(await repo.bumpLicence(trx, scope, id, { updatedAt: now }))) throw notFound(licenceEntity);
    const current = (await repo.findLicence(trx, scope, id)) ?? licence;
    const details = checkEvent(current, asDomainEvents(await repo.listLicenceEvents(trx, scope, id)), input, ctx.clock.today());
    row.details = JSON.stringify(details);
    if (input.kind === 'renewed') await repo.setLicenceFields(trx, scope, id, { expiresOn: details.expiresOn! });
    if (input.kind === 'cancelled') await repo.setLicenceFields(trx, scope, id, { cancelledOn: input.date });
    await repo.insertLicenceEvent(trx, row);
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'licence.event.record', entityType: 'licence', entityId: id,
      summary: { zh: `许可证 ${current.number}：${describeEvent(input.kind, details, 'zh')}，${input.date}`, en: `Licence ${current.number}: ${describeEvent(input.kind, details, 'en')} on ${input.date}` },
      changes: { kind: input.kind, date: input.date, ...details },
    });
  });
  return toEvent({ ...row, createdByName: null });
}

/**
 * Removes an event recorded by mistake; its obligations follow at once. Removing a renewal restores the expiry before
 * it (only the latest renewal can be removed), removing the cancellation reopens the licence.
 */
export async function removeLicenceEvent(ctx: AppContext, actor: Actor, input: { id: string; eventId: string }): Promise<void> {
  await requireLicence(ctx, actor, input.id);
  const scope = scopeOf(actor);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.bumpLicence(trx, scope, input.id, { updatedAt: ctx.clock.now() }))) throw notFound(licenceEntity);
    const licence = (await repo.findLicence(trx, scope, input.id))!;
    const event = (await repo.listLicenceEvents(trx, scope, input.id)).find((e) => e.id === input.eventId);
    if (!event) throw notFound(eventEntity);
    const details = readDetails(event.details);
    if (event.kind === 'renewed') {
      if (licence.expiresOn !== details.expiresOn) {
        throw new AppError('CONFLICT', { zh: '只能删除最近一次续期', en: 'Only the latest renewal can be removed' }, [issue('eventId', 'NOT_LATEST_RENEWAL', '不是最近一次续期', 'not the latest renewal')]);
      }
      await repo.setLicenceFields(trx, scope, input.id, { expiresOn: details.previousExpiresOn! });
    }
    if (event.kind === 'cancelled') await repo.setLicenceFields(trx, scope, input.id, { cancelledOn: null });
    await repo.deleteLicenceEvent(trx, scope, { licenceId: input.id, id: input.eventId });
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'licence.event.remove', entityType: 'licence', entityId: input.id,
      summary: { zh: `许可证 ${licence.number}：删除事件 ${describeEvent(event.kind as LicenceEventKind, details, 'zh')}，${event.date}`, en: `Licence ${licence.number}: removed ${describeEvent(event.kind as LicenceEventKind, details, 'en')} on ${event.date}` },
      changes: { kind: event.kind, date: event.date, ...details },
    });
  });
}
