import { refreshLicenceObligations } from '../obligations/refresh.ts';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { describeScope, findAuthority, type LicenceScope } from '../../domain/catalog/authorities.ts';
import { findService } from '../../domain/catalog/services.ts';
import { canonicalLicenceNumber, normalizeLicenceText, parseLicenceNumber } from '../../domain/identifiers/parse-licence-number.ts';
import { licenceStatus, expiryRangeOf, renewalWindowDays } from '../../domain/licences/licence-status.ts';
import { defaultExpiresOn } from '../../domain/obligations/default-expires-on.ts';
import { addDays, addMonths } from '../../domain/dates/civil-date.ts';
import { licenceNumberMisfit } from '../../domain/workflow/licence-number-fits.ts';
import { mapPage, type Page } from '../../platform/db/list-page.ts';
import { AppError, invalidFields, notFound, versionConflict, type Bilingual, type FieldIssue } from '../../platform/errors/app-error.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertCalendarDate } from '../calendar/service.ts';
import { requireService } from '../catalog/require-catalog-input.ts';
import { findClient } from '../clients/repository.ts';
import { loadRuleOverrides } from '../settings/load-rule-overrides.ts';
import * as repo from './repository.ts';
import type { Licence, LicenceCreate, LicenceListQuery, LicencePatch } from './schemas.ts';

export const licenceEntity: Bilingual = { zh: '许可证', en: 'Licence' };

type Services = Array<{ serviceCode: string; scope: string }>;

export function readServices(row: repo.LicenceRow): Services {
  try {
    const services = JSON.parse(row.services) as Services;
    if (Array.isArray(services) && services.length > 0) return services;
  } catch {
    // Fall through to the licence's own service.
  }
  return [{ serviceCode: row.serviceCode, scope: row.scope }];
}

/** The API shape: the number read (who issued it, its year), each service named, and the status on `today`. */
export function toLicence(row: repo.LicenceRow, view: { today: string; windowDays: number }): Licence {
  const parsed = parseLicenceNumber(row.number);
  const issuer = parsed.ok ? (parsed.value.issuer === 'MIIT' ? 'cross-regional' : parsed.value.issuer) : row.scope;
  const authority = findAuthority(issuer as LicenceScope);
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: row.clientName,
    applicationId: row.applicationId,
    number: row.number,
    authority: { code: parsed.ok ? parsed.value.issuer : issuer, name: authority ? { zh: authority.zh, en: authority.en } : { zh: issuer, en: issuer } },
    numberYear: parsed.ok ? parsed.value.year : null,
    services: readServices(row).map((s) => {
      const service = findService(s.serviceCode);
      return { serviceCode: s.serviceCode, scope: s.scope, name: service ? { zh: service.zh, en: service.en } : { zh: s.serviceCode, en: s.serviceCode } };
    }),
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    status: licenceStatus({ expiresOn: row.expiresOn, cancelledOn: row.cancelledOn, today: view.today, windowDays: view.windowDays }),
    renewalOpensOn: addDays(row.expiresOn, -view.windowDays),
    cancelledOn: row.cancelledOn,
    notes: row.notes,
    version: Number(row.version),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function viewOf(ctx: AppContext, actor: Actor) {
  return { today: ctx.clock.today(), windowDays: renewalWindowDays(await loadRuleOverrides(ctx.db, actor.orgId)).days };
}

export async function requireLicence(ctx: AppContext, actor: Actor, id: string): Promise<repo.LicenceRow> {
  const row = await repo.findLicence(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound(licenceEntity);
  return row;
}

/**
 * Checks what makes a licence: a number that parses, known services, each service's scope fitting the number (an
 * in-province number carries that province's abbreviation, a cross-regional one none), and an expiry after issue.
 * Every problem is named by its field.
 */
export function checkLicence(input: { number: string; services: Services; issuedOn: string; expiresOn: string; expiresOnGiven: boolean; renewals?: number }): { number: string; services: Services } {
  const issues: FieldIssue[] = [];
  const parsed = parseLicenceNumber(input.number);
  if (!parsed.ok) issues.push({ field: 'licenceNumber', code: 'LICENCE_NUMBER_INVALID', message: { zh: parsed.reason.zh, en: parsed.reason.en } });
  // The year in the number is the year the licence was first issued: never after this issue date (a renewed or
  // changed licence keeps its number, so an earlier year is fine).
  else if (parsed.value.year > Number(input.issuedOn.slice(0, 4))) {
    issues.push({ field: 'licenceNumber', code: 'NUMBER_YEAR_AFTER_ISSUE', message: { zh: `编号中的年份 ${parsed.value.year} 晚于发证日期 ${input.issuedOn}`, en: `the year in the number, ${parsed.value.year}, is after the issue date ${input.issuedOn}` } });
  }
  const services: Services = [];
  input.services.forEach((s, i) => {
    let code = s.serviceCode.trim().toUpperCase();
    try {
      code = requireService(`services.${i}.serviceCode`, code).code;
    } catch (error) {
      if (error instanceof AppError) issues.push(...(error.details as FieldIssue[]));
      return;
    }
    if (services.some((other) => other.serviceCode === code)) {
      issues.push({ field: `services.${i}.serviceCode`, code: 'SERVICE_REPEATED', message: { zh: '同一业务只能列一次', en: 'each service is listed once' } });
      return;
    }
    if (parsed.ok) {
      const misfit = licenceNumberMisfit({ licenceNumber: input.number, scope: s.scope, serviceCode: code });
      if (misfit) issues.push({ field: `services.${i}.${misfit.concerns === 'service' ? 'serviceCode' : 'scope'}`, code: 'LICENCE_NUMBER_MISFIT', message: { zh: misfit.zh, en: misfit.en } });
    }
    services.push({ serviceCode: code, scope: s.scope });
  });
  for (const [field, value] of [['issuedOn', input.issuedOn], ['expiresOn', input.expiresOn]] as const) {
    try {
      assertCalendarDate(field, value);
    } catch (error) {
      // An expiry the user did not give was computed from the issue date: the issue date is what to change.
      const blamed = field === 'expiresOn' && !input.expiresOnGiven ? 'issuedOn' : field;
      if (error instanceof AppError) issues.push(...(error.details as FieldIssue[]).map((issue) => ({ ...issue, field: blamed })));
    }
  }
  // Five years from issue, and five more for each renewal recorded in the history.
  const longest = addDays(addMonths(input.issuedOn, 60 * (1 + (input.renewals ?? 0))), maxTermSlackDays);
  if (input.expiresOn <= input.issuedOn) issues.push({ field: 'expiresOn', code: 'BEFORE_ISSUE', message: { zh: `应晚于发证日期 ${input.issuedOn}`, en: `must be after the issue date ${input.issuedOn}` } });
  else if (input.expiresOn > longest) {
    issues.push({ field: 'expiresOn', code: 'TERM_TOO_LONG', message: { zh: `许可证有效期为 5 年，有效期至不应晚于 ${longest}；续期后请同时修改发证日期`, en: `a licence runs five years, so it expires by ${longest}; after a renewal change the issue date too` } });
  }
  if (issues.length > 0) throw invalidFields(issues);
  return { number: canonicalLicenceNumber(input.number) ?? input.number, services };
}

/**
 * A licence runs five years from issue (《电信业务经营许可管理办法》, 工信部令第42号; the catalog's expiry rule). A
 * printed expiry may sit a few days either side of the exact date, so a month of slack is allowed before an expiry is
 * refused as too late. A licence reissued after a change keeps its expiry, so shorter terms are fine.
 */
export const maxTermSlackDays = 31;

function duplicate(number: string): AppError {
  return new AppError('LICENCE_DUPLICATE', { zh: `本机构已登记许可证 ${number}`, en: `This organisation already holds licence ${number}` }, [
    { field: 'licenceNumber', code: 'LICENCE_DUPLICATE', message: { zh: '该编号已登记', en: 'already registered' } },
  ]);
}

const servicesText = (services: Services, lang: 'zh' | 'en') => services.map((s) => `${s.serviceCode}（${describeScope(s.scope)[lang]}）`).join(lang === 'zh' ? '、' : ', ');

/** Enters a licence obtained elsewhere (not through an application here), for a client company of the organisation. */
export async function createLicence(ctx: AppContext, actor: Actor, input: LicenceCreate): Promise<Licence> {
  const client = await findClient(ctx.db, scopeOf(actor), input.clientId);
  if (!client) throw notFound({ zh: '客户', en: 'Client company' });
  const expiresOn = input.expiresOn ?? defaultExpiresOn(input.issuedOn);
  const { number, services } = checkLicence({ number: input.licenceNumber, services: input.services, issuedOn: input.issuedOn, expiresOn, expiresOnGiven: input.expiresOn !== undefined });
  const now = ctx.clock.now();
  const row = {
    id: randomUUID(), orgId: actor.orgId, clientId: client.id, applicationId: null, number, serviceCode: services[0].serviceCode, scope: services[0].scope,
    services: JSON.stringify(services), issuedOn: input.issuedOn, expiresOn, cancelledOn: null, notes: input.notes ?? '', obligationsStamp: '', version: 1, createdAt: now, updatedAt: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findLicenceIdByNumber(trx, scopeOf(actor), row.number)) throw duplicate(row.number);
    await repo.insertLicence(trx, row);
    await refreshLicenceObligations(ctx, trx, row.id);
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'licence.create', entityType: 'licence', entityId: row.id,
      summary: { zh: `登记「${client.name}」的许可证 ${row.number}：${servicesText(services, 'zh')}`, en: `Registered licence ${row.number} of "${client.name}": ${servicesText(services, 'en')}` },
    });
  });
  return toLicence({ ...row, clientName: client.name }, await viewOf(ctx, actor));
}

export async function getLicence(ctx: AppContext, actor: Actor, id: string): Promise<Licence> {
  return toLicence(await requireLicence(ctx, actor, id), await viewOf(ctx, actor));
}

/** Corrects a licence's number, services, dates or notes; the version makes of two racing editors exactly one win. */
export async function updateLicence(ctx: AppContext, actor: Actor, id: string, patch: LicencePatch): Promise<Licence> {
  const before = await requireLicence(ctx, actor, id);
  if (patch.version !== Number(before.version)) throw versionConflict(licenceEntity, Number(before.version));
  const merged = {
    number: patch.licenceNumber ?? before.number,
    services: patch.services ?? readServices(before),
    issuedOn: patch.issuedOn ?? before.issuedOn,
    expiresOn: patch.expiresOn ?? before.expiresOn,
  };
  // Dates a recorded renewal set are the history's: change them by recording or removing the renewal.
  const renewals = (await repo.listLicenceEvents(ctx.db, scopeOf(actor), id)).filter((e) => e.kind === 'renewed').length;
  if (renewals > 0 && (merged.issuedOn !== before.issuedOn || merged.expiresOn !== before.expiresOn)) {
    throw new AppError('CONFLICT', { zh: '已记录续期，有效期由续期记录决定：请记录或删除续期，而不是直接修改日期', en: 'A renewal is recorded: its record sets the dates, so record or remove the renewal instead of editing them' }, [
      { field: merged.issuedOn !== before.issuedOn ? 'issuedOn' : 'expiresOn', code: 'RENEWAL_RECORDED', message: { zh: '由续期记录决定', en: 'set by a recorded renewal' } },
    ]);
  }
  const checked = checkLicence({ ...merged, expiresOnGiven: true, renewals });
  const services = checked.services;
  merged.number = checked.number;
  const changes: Partial<repo.LicenceRow> = {};
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  const servicesJson = JSON.stringify(services);
  const compare = { number: [before.number, merged.number], services: [JSON.stringify(readServices(before)), servicesJson], issuedOn: [before.issuedOn, merged.issuedOn], expiresOn: [before.expiresOn, merged.expiresOn], notes: [before.notes, patch.notes ?? before.notes] } as const;
  for (const [field, [from, to]] of Object.entries(compare)) {
    if (from === to) continue;
    changed[field] = field === 'services' ? { from: JSON.parse(from), to: services } : { from, to };
    Object.assign(changes, { [field]: to });
  }
  if (changes.services) Object.assign(changes, { serviceCode: services[0].serviceCode, scope: services[0].scope });
  if (Object.keys(changed).length === 0) return toLicence(before, await viewOf(ctx, actor));
  const now = ctx.clock.now();
  Object.assign(changes, { version: patch.version + 1, updatedAt: now });
  await ctx.db.transaction().execute(async (trx) => {
    if (changes.number) {
      const holder = await repo.findLicenceIdByNumber(trx, scopeOf(actor), changes.number);
      if (holder && holder !== id) throw duplicate(changes.number);
    }
    if (!(await repo.updateLicence(trx, scopeOf(actor), { id, version: patch.version }, changes))) throw versionConflict(licenceEntity, patch.version + 1);
    await refreshLicenceObligations(ctx, trx, id);
    await recordAudit(trx, {
      actor, clock: ctx.clock, action: 'licence.update', entityType: 'licence', entityId: id,
      summary: { zh: `修改许可证 ${merged.number}：${Object.keys(changed).join('、')}`, en: `Updated licence ${merged.number}: ${Object.keys(changed).join(', ')}` }, changes: changed,
    });
  });
  return toLicence({ ...before, ...changes }, await viewOf(ctx, actor));
}

/** The registry, soonest expiry first, by number, holder and status (resolved to an expiry range on today's date). */
export async function listLicences(ctx: AppContext, actor: Actor, query: LicenceListQuery): Promise<Page<Licence>> {
  const view = await viewOf(ctx, actor);
  const { status } = query;
  const filter: repo.LicenceFilter = { q: query.q ? normalizeLicenceText(query.q) : undefined, clientId: query.clientId, page: { cursor: query.cursor, page: query.page, pageSize: query.pageSize } };
  // Cancelled from the day 注销 takes effect, as licenceStatus says.
  if (status === 'cancelled') filter.cancelledBy = view.today;
  else if (status) Object.assign(filter, { notCancelledBy: view.today, expires: expiryRangeOf(status, view) });
  return mapPage(await repo.listLicences(ctx.db, scopeOf(actor), filter), (row) => toLicence(row, view));
}
