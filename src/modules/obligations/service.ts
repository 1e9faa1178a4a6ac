import { CalendarInputError } from '../../domain/calendar/index.ts';
import type { WorkingCalendar } from '../../domain/calendar/types.ts';
import type { CatalogOverrides } from '../../domain/catalog/catalog-overrides.ts';
import { defaultExpiresOn } from '../../domain/obligations/default-expires-on.ts';
import { deriveObligations } from '../../domain/obligations/derive-obligations.ts';
import type { LicenceFacts, Obligation } from '../../domain/obligations/types.ts';
import { invalidFields } from '../../platform/errors/app-error.ts';
import { assertCalendarDate } from '../calendar/service.ts';
import { requireScope, requireService } from '../catalog/require-catalog-input.ts';
import type { ObligationsPreviewRequest } from './schemas.ts';

/** Every date in the request with the field that holds it (named like schema errors: `a.0.b`), so a bad one is named exactly. */
function datesOf(input: ObligationsPreviewRequest, today: string): Array<[string, string | undefined]> {
  return [
    ['issuedOn', input.issuedOn],
    ['expiresOn', input.expiresOn],
    ['today', today],
    ['renewalFiledOn', input.renewalFiledOn],
    ...Object.entries(input.servicesOpenedOn ?? {}).map(([k, v]): [string, string | undefined] => [`servicesOpenedOn.${k}`, v]),
    ...(input.registrationChanges ?? []).flatMap((c, i): Array<[string, string | undefined]> => [[`registrationChanges.${i}.changedOn`, c.changedOn], [`registrationChanges.${i}.filedOn`, c.filedOn]]),
    ...(input.approvalChanges ?? []).flatMap((c, i): Array<[string, string | undefined]> => [[`approvalChanges.${i}.decidedOn`, c.decidedOn], [`approvalChanges.${i}.filedOn`, c.filedOn]]),
    ...(input.numbersHeld ?? []).map((n, i): [string, string | undefined] => [`numbersHeld.${i}.since`, n.since]),
    ...Object.entries(input.provincialFilings ?? {}).map(([k, v]): [string, string | undefined] => [`provincialFilings.${k}`, v]),
  ];
}

/** The licensed services from `service` and `services`, as catalogue codes, each named when unknown. */
function servicesOf(input: ObligationsPreviewRequest): string[] {
  const given: Array<[string, string]> = [
    ...(input.service ? [['service', input.service] as [string, string]] : []),
    ...(input.services ?? []).map((code, i): [string, string] => [`services.${i}`, code]),
  ];
  if (given.length === 0) throw invalidFields([{ field: 'service', code: 'REQUIRED', message: { zh: '请提供 service 或 services', en: 'is required: send service or services' } }]);
  return [...new Set(given.map(([field, code]) => requireService(field, code).code))];
}

/**
 * Previews a licence's obligations (start operating, annual reports, renewal, expiry, change filings, provincial
 * filings, number reports) from the facts given, with the organisation's overrides and the calendar in force.
 * Every date is checked and named when bad; provisional flags are kept.
 */
export function previewObligations(options: { input: ObligationsPreviewRequest; today: string; calendar: WorkingCalendar; overrides?: CatalogOverrides }) {
  const { input } = options;
  const today = input.today ?? options.today;
  const services = servicesOf(input);
  const scope = requireScope('scope', input.scope);
  for (const [field, value] of datesOf(input, today)) if (value !== undefined) assertCalendarDate(field, value);
  if (input.expiresOn !== undefined && input.expiresOn <= input.issuedOn) {
    throw invalidFields([{ field: 'expiresOn', code: 'BEFORE_ISSUE', message: { zh: `应晚于颁发日 ${input.issuedOn}`, en: `must be after the issue date ${input.issuedOn}` } }]);
  }
  const { service: _service, services: _services, today: _today, ...rest } = input;
  const facts: LicenceFacts = { ...rest, services, scope };
  let items: Obligation[];
  try {
    items = deriveObligations(facts, { today, calendar: options.calendar, overrides: options.overrides });
  } catch (error) {
    if (!(error instanceof CalendarInputError)) throw error;
    const field = input.expiresOn ? 'expiresOn' : 'issuedOn';
    throw invalidFields([{ field, code: error.code, message: { zh: `推算的日期超出日历范围：${error.localizedMessage.zh}`, en: `a date computed from it is outside the calendar: ${error.localizedMessage.en}` } }]);
  }
  const overrides = options.overrides ?? {};
  return {
    services,
    scope,
    today,
    issuedOn: input.issuedOn,
    expiresOn: input.expiresOn ?? defaultExpiresOn(input.issuedOn),
    expiresOnAssumed: input.expiresOn === undefined,
    provisional: items.some((o) => o.provisional),
    overriddenKeys: Object.keys(overrides).filter((k) => k.startsWith('obligations.')),
    items,
  };
}
