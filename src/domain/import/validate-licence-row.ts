import type { IsoDate } from '../calendar/types.ts';
import type { LicenceScope } from '../catalog/authorities.ts';
import type { ServiceCode } from '../catalog/services.ts';
import { parseLicenceNumber } from '../identifiers/parse-licence-number.ts';
import { defaultExpiresOn } from '../obligations/default-expires-on.ts';
import { licenceNumberMisfit } from '../workflow/licence-number-fits.ts';
import type { CellValue } from './cell-value.ts';
import { licenceImportFields as f, type LicenceFieldKey } from './licence-import-fields.ts';
import { createRowFieldReader, type ImportRowError, type RowFieldReader } from './read-row-fields.ts';

/**
 * A licence read from a row. The holder is named by its credit code (the caller finds the client); each service gets
 * the row's scope. `expiresOn` is left out when blank (the API then takes five years after issue).
 */
export interface LicenceImport {
  /** Canonical form, e.g. 合字沪B1.B2-20240006. */
  licenceNumber: string;
  /** Normalised credit code of the holder client. */
  holderUscc: string;
  /** As written in the row, for checking against the client found; never used to find it. */
  holderName?: string;
  services: Array<{ serviceCode: ServiceCode; scope: LicenceScope }>;
  issuedOn: IsoDate;
  expiresOn?: IsoDate;
  /** Years whose annual report was filed, ascending; empty when none. */
  annualReportsFiled: number[];
  /** '' when blank. */
  notes: string;
}

/** What reading one licence row gives: the licence, or every problem in the row. */
export type LicenceRowResult = { ok: true; value: LicenceImport } | { ok: false; errors: ImportRowError<LicenceFieldKey>[] };

type Row = RowFieldReader<LicenceFieldKey>;

const scopeOfNumber = (licenceNumber: string): LicenceScope | undefined => {
  const parsed = parseLicenceNumber(licenceNumber);
  if (!parsed.ok) return undefined;
  return parsed.value.issuer === 'MIIT' ? 'cross-regional' : parsed.value.issuer;
};

/** The scope given, or the one the number says: MIIT numbers (no province prefix) are cross-regional, 京B2-… is BJ. */
function resolveScope(row: Row, licenceNumber: string | undefined): LicenceScope | undefined {
  const given = row.read(f.scope);
  if (given !== undefined || row.isGiven('scope') || licenceNumber === undefined) return given;
  return scopeOfNumber(licenceNumber);
}

/**
 * The number must fit the licence: its issuer matches the scope (no prefix for cross-regional, the province's
 * abbreviation otherwise), and it lists each service's class (B1, B2). Both are checked, so both are reported.
 */
function checkFit(row: Row, input: { licenceNumber: string; scope: LicenceScope; services: ServiceCode[] }): void {
  const own = scopeOfNumber(input.licenceNumber);
  if (own === undefined || input.services.length === 0) return;
  if (input.scope !== own) {
    const misfit = licenceNumberMisfit({ licenceNumber: input.licenceNumber, scope: input.scope, serviceCode: input.services[0] });
    if (misfit) row.fail('scope', { code: 'licence-number-misfit', zh: misfit.zh, en: misfit.en });
  }
  const seen = new Set<string>();
  for (const serviceCode of input.services) {
    const misfit = licenceNumberMisfit({ licenceNumber: input.licenceNumber, scope: own, serviceCode });
    if (!misfit || seen.has(misfit.zh)) continue;
    seen.add(misfit.zh);
    row.fail('services', { code: 'licence-number-misfit', zh: misfit.zh, en: misfit.en });
  }
}

function checkDates(row: Row, input: { licenceNumber?: string; issuedOn?: IsoDate; expiresOn?: IsoDate; today: IsoDate }): void {
  const { issuedOn, expiresOn, today } = input;
  if (issuedOn === undefined) return;
  if (issuedOn > today) row.fail('issuedOn', { code: 'issued-in-future', zh: `发证日期 ${issuedOn} 晚于今天（${today}）。`, en: `The issue date ${issuedOn} is after today (${today}).` });
  if (expiresOn !== undefined && expiresOn <= issuedOn) {
    row.fail('expiresOn', { code: 'expires-before-issue', zh: `有效期至 ${expiresOn} 应晚于发证日期 ${issuedOn}。`, en: `The expiry ${expiresOn} must be after the issue date ${issuedOn}.` });
  }
  const parsed = input.licenceNumber === undefined ? undefined : parseLicenceNumber(input.licenceNumber);
  // The year in a number is the year of first issue: a renewed licence keeps its number, so only a later year is wrong.
  if (parsed?.ok && parsed.value.year > Number(issuedOn.slice(0, 4))) {
    row.fail('licenceNumber', { code: 'number-year-after-issue', zh: `编号中的年份 ${parsed.value.year} 晚于发证日期 ${issuedOn}。`, en: `The year in the number, ${parsed.value.year}, is after the issue date ${issuedOn}.` });
  }
}

/** Annual-report years lie within the licence term (issue year to expiry year) and not after this year. */
function checkReportYears(row: Row, input: { years: number[]; issuedOn?: IsoDate; expiresOn?: IsoDate; today: IsoDate }): void {
  const thisYear = Number(input.today.slice(0, 4));
  const future = input.years.filter((y) => y > thisYear);
  if (future.length > 0) {
    row.fail('annualReportsFiled', { code: 'year-in-future', zh: `年份 ${future.join('、')} 晚于今年（${thisYear}）。`, en: `${future.join(', ')} ${future.length > 1 ? 'are' : 'is'} after this year (${thisYear}).` });
  }
  if (input.issuedOn === undefined || (row.isGiven('expiresOn') && input.expiresOn === undefined)) return;
  const first = Number(input.issuedOn.slice(0, 4));
  const last = Number((input.expiresOn ?? defaultExpiresOn(input.issuedOn)).slice(0, 4));
  const outside = input.years.filter((y) => y <= thisYear && (y < first || y > last));
  if (outside.length > 0) {
    row.fail('annualReportsFiled', {
      code: 'year-outside-term',
      zh: `年份 ${outside.join('、')} 不在许可证有效期内（${first}–${last}年）。`,
      en: `${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} outside the licence term (${first}–${last}).`,
    });
  }
}

/** Reads and checks one licence row; see `validateImportRow`. */
export function validateLicenceRow(input: { mapping: readonly (string | null)[]; cells: readonly CellValue[]; today: IsoDate; acceptUsccCheckFailure?: boolean }): LicenceRowResult {
  const row = createRowFieldReader<LicenceFieldKey>({ ...input, options: { acceptUsccCheckFailure: input.acceptUsccCheckFailure } });
  const licenceNumber = row.read(f.licenceNumber);
  const holderUscc = row.read(f.holderUscc);
  const holderName = row.read(f.holderName);
  const services = row.read(f.services);
  const scope = resolveScope(row, licenceNumber);
  const issuedOn = row.read(f.issuedOn);
  const expiresOn = row.read(f.expiresOn);
  const annualReportsFiled = row.read(f.annualReportsFiled) ?? [];
  const notes = row.read(f.notes) ?? '';
  if (licenceNumber !== undefined && scope !== undefined && services !== undefined) checkFit(row, { licenceNumber, scope, services });
  checkDates(row, { licenceNumber, issuedOn, expiresOn, today: input.today });
  checkReportYears(row, { years: annualReportsFiled, issuedOn, expiresOn, today: input.today });
  if (row.errors.length > 0 || !licenceNumber || !holderUscc || !services || !scope || !issuedOn) return { ok: false, errors: row.errors };
  const value: LicenceImport = {
    licenceNumber,
    holderUscc,
    ...(holderName !== undefined ? { holderName } : {}),
    services: services.map((serviceCode) => ({ serviceCode, scope })),
    issuedOn,
    ...(expiresOn !== undefined ? { expiresOn } : {}),
    annualReportsFiled,
    notes,
  };
  return { ok: true, value };
}
