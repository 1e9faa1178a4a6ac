import { refreshLicenceObligations } from '../obligations/refresh.ts';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { addDays } from '../../domain/dates/civil-date.ts';
import { checkAccessNumber } from '../../domain/identifiers/check-access-number.ts';
import { licenceFactsOf, numbersHeldOn, type LicenceEvent as DomainLicenceEvent, type LicenceEventKind } from '../../domain/licences/licence-facts.ts';
import { defaultExpiresOn } from '../../domain/obligations/default-expires-on.ts';
import { AppError, invalidFields, notFound, type Bilingual, type FieldIssue } from '../../platform/errors/app-error.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../../platform/db/database.ts';
import * as repo from './repository.ts';
import type { LicenceEvent as LicenceEventView, LicenceEventRequest } from './schemas.ts';
import { licenceEntity, maxTermSlackDays, readServices, requireLicence } from './service.ts';

// A licence's history (开通, 工商变更, 年报, 码号, 续期, 注销): recording and removing its events, and the obligations
// derived from it.

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

/** A licence's history, in date order. Client users see the facts, not the agency's notes or who recorded them. */
export async function listLicenceEvents(ctx: AppContext, actor: Actor, id: string): Promise<LicenceEventView[]> {
  await requireLicence(ctx, actor, id);
  const events = (await repo.listLicenceEvents(ctx.db, scopeOf(actor), id)).map(toEvent);
  return actor.role === 'client' ? events.map((e) => ({ ...e, note: '', createdBy: null, createdByName: null })) : events;
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
  // After cancellation only the history before it can still be filled in.
  if (licence.cancelledOn && (input.kind === 'cancelled' || input.date > licence.cancelledOn)) {
    throw new AppError('CONFLICT', { zh: `许可证已于 ${licence.cancelledOn} 注销，只能补记此前的事件`, en: `The licence was cancelled on ${licence.cancelledOn}; only events before it can be recorded` }, [issue('kind', 'LICENCE_CANCELLED', '已注销', 'cancelled')]);
  }
  if (input.date > today) issues.push(issue('date', 'IN_FUTURE', `不能晚于今天（${today}）`, `must not be after today (${today})`));
  if (input.kind !== 'registration-change' && input.date < licence.issuedOn) issues.push(issue('date', 'BEFORE_ISSUE', `不能早于发证日期 ${licence.issuedOn}`, `must not be before the issue date ${licence.issuedOn}`));
  const details: EventDetails = {};
  const services = readServices(licence);
  const scope = services[0].scope;
  const facts = licenceFactsOf({ services: [], scope, issuedOn: licence.issuedOn, expiresOn: licence.expiresOn }, events);
  if (input.kind === 'service-opened') {
    const code = input.serviceCode!.trim().toUpperCase();
    if (!services.some((s) => s.serviceCode === code)) issues.push(issue('serviceCode', 'NOT_ON_LICENCE', `许可证未列明业务 ${code}（列明：${services.map((s) => s.serviceCode).join('、')}）`, `the licence does not list ${code} (it lists ${services.map((s) => s.serviceCode).join(', ')})`));
    else if (facts.servicesOpenedOn?.[code]) issues.push(issue('serviceCode', 'ALREADY_OPENED', `${code} 已于 ${facts.servicesOpenedOn[code]} 开通`, `${code} was opened on ${facts.servicesOpenedOn[code]}`));
    details.serviceCode = code;
  }
  if (input.kind === 'registration-change') details.field = input.field;
  if (input.kind === 'annual-report-filed' || input.kind === 'number-report-filed') {
    const year = input.year!;
    // The report of year Y covers Y − 1: due for each 31 December of the term, filed in Y or (late) after.
    const first = Number(licence.issuedOn.slice(0, 4)) + 1;
    const expiryYear = Number(licence.expiresOn.slice(0, 4));
    const last = licence.expiresOn >= `${expiryYear}-12-31` ? expiryYear + 1 : expiryYear;
    const filedIn = Number(input.date.slice(0, 4));
    if (year < first || year > last) issues.push(issue('year', 'OUTSIDE_TERM', `应在 ${first}–${last} 年之间（许可证有效期内的报送年度）`, `must be ${first}–${last}, a filing year of the licence's term`));
    else if (year > filedIn) issues.push(issue('year', 'AFTER_FILING', `${input.date} 报送的不能是 ${year} 年的报告`, `a report filed on ${input.date} cannot be that of ${year}`));
    else if (input.kind === 'number-report-filed' && numbersHeldOn(facts, `${year - 1}-12-31`).length === 0) issues.push(issue('year', 'NO_NUMBERS_HELD', `${year - 1}-12-31 未持有码号，无需码号年报`, `no numbers were held on ${year - 1}-12-31, so there is no number report`));
    else if (events.some((e) => (e.kind === 'annual-report-filed' || e.kind === 'number-report-filed') && e.kind === input.kind && e.year === year)) issues.push(issue('year', 'ALREADY_FILED', `${year} 年已记录报送`, `${year} is already recorded as filed`));
    details.year = year;
  }
  if (input.kind === 'numbers-obtained' || input.kind === 'numbers-returned') {
    // Held on the event's own date: obtained by then and not returned.
    const held = new Set(numbersHeldOn(facts, input.date));
    const numbers: string[] = [];
    input.numbers!.forEach((raw, i) => {
      const check = checkAccessNumber({ number: raw, scope });
      if (!check.valid) return void issues.push(issue(`numbers.${i}`, 'NUMBER_INVALID', check.reason.zh, check.reason.en));
      if (numbers.includes(check.normalized)) return void issues.push(issue(`numbers.${i}`, 'NUMBER_REPEATED', '重复的号码', 'listed twice'));
      if (input.kind === 'numbers-obtained' && numbersHeldOn(facts, today).includes(check.normalized)) issues.push(issue(`numbers.${i}`, 'NUMBER_HELD', `已持有 ${check.normalized}`, `${check.normalized} is held already`));
      if (input.kind === 'numbers-returned' && !held.has(check.normalized)) issues.push(issue(`numbers.${i}`, 'NUMBER_NOT_HELD', `${input.date} 未持有 ${check.normalized}`, `${check.normalized} was not held on ${input.date}`));
      numbers.push(check.normalized);
    });
    details.numbers = numbers;
  }
  if (input.kind === 'renewed') {
    const next = input.expiresOn!;
    // A renewal (延续) continues the licence five years from its present expiry.
    const fiveYears = defaultExpiresOn(licence.expiresOn);
    const [earliest, longest] = [addDays(fiveYears, -maxTermSlackDays), addDays(fiveYears, maxTermSlackDays)];
    // A licence that has lapsed is not renewed (the renewal is applied for, and granted, before expiry).
    if (input.date > licence.expiresOn) issues.push(issue('date', 'AFTER_EXPIRY', `许可证已于 ${licence.expiresOn} 到期，过期后不能续期`, `the licence expired on ${licence.expiresOn}; a lapsed licence is not renewed`));
    if (next < earliest || next > longest) issues.push(issue('expiresOn', 'NOT_FIVE_YEARS', `续期延续 5 年：有效期至应在 ${earliest} 至 ${longest} 之间`, `a renewal continues the licence five years: the new expiry falls between ${earliest} and ${longest}`));
    Object.assign(details, { expiresOn: next, previousExpiresOn: licence.expiresOn });
  }
  if (input.kind === 'cancelled') {
    const latest = events.reduce((max, e) => (e.date > max ? e.date : max), '');
    if (input.date < latest) issues.push(issue('date', 'BEFORE_HISTORY', `历史记录已到 ${latest}，注销日期不能更早`, `the history runs to ${latest}; the cancellation cannot be earlier`));
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
export async function recordLicenceEvent(ctx: AppContext, actor: Actor, id: string, input: LicenceEventRequest, options: { alsoInTransaction?: (trx: Db) => Promise<void> } = {}): Promise<LicenceEventView> {
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
    await refreshLicenceObligations(ctx, trx, id);
    await options.alsoInTransaction?.(trx);
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'licence.event.record', entityType: 'licence', entityId: id,
      summary: { zh: `许可证 ${current.number}：${describeEvent(input.kind, details, 'zh')}，${input.date}`, en: `Licence ${current.number}: ${describeEvent(input.kind, details, 'en')} on ${input.date}` },
      changes: { kind: input.kind, date: input.date, ...details },
    });
  });
  const stored = (await repo.listLicenceEvents(ctx.db, scope, id)).find((e) => e.id === row.id);
  return toEvent(stored ?? { ...row, createdByName: null });
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
    if (event.kind === 'numbers-obtained') {
      const numbers = new Set(details.numbers ?? []);
      const returned = asDomainEvents(await repo.listLicenceEvents(trx, scope, input.id)).some((e) => e.kind === 'numbers-returned' && e.date >= event.date && e.numbers.some((n) => numbers.has(n)));
      if (returned) throw new AppError('CONFLICT', { zh: '这些码号之后有退还记录，请先删除退还记录', en: 'A later return names these numbers: remove the return first' }, [issue('eventId', 'EVENT_DEPENDED_ON', '之后有退还记录', 'a later return depends on it')]);
    }
    await repo.deleteLicenceEvent(trx, scope, { licenceId: input.id, id: input.eventId });
    await refreshLicenceObligations(ctx, trx, input.id);
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'licence.event.remove', entityType: 'licence', entityId: input.id,
      summary: { zh: `许可证 ${licence.number}：删除事件 ${describeEvent(event.kind as LicenceEventKind, details, 'zh')}，${event.date}`, en: `Licence ${licence.number}: removed ${describeEvent(event.kind as LicenceEventKind, details, 'en')} on ${event.date}` },
      changes: { kind: event.kind, date: event.date, ...details },
    });
  });
}
