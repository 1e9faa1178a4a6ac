import { findProvinceByAbbr } from '../geo/provinces.ts';
import { LICENCE_CATEGORIES, LICENCE_YEAR_RANGE, type LicenceCategory, type LicenceNumber } from './licence-number.ts';
import type { IdentifierReason, ParseResult } from './types.ts';
import { formatLicenceNumber } from './format-licence-number.ts';

/** Reason codes for a rejected licence number. */
export type LicenceNumberReasonCode =
  | 'empty'
  | 'icp-filing'
  | 'icp-certificate'
  | 'format'
  | 'unknown-province'
  | 'bad-category'
  | 'duplicate-category'
  | 'bad-year';

type Reason = IdentifierReason<LicenceNumberReasonCode>;

const ICP_FILING = /^(\p{Script=Han})ICP备(\d+)号(-\d+)?$/u;
const ICP_CERTIFICATE = /^(\p{Script=Han})ICP证(\d+)号$/u;
const SHAPE = /^(合字)?(\p{Script=Han})?(合字)?([A-Z0-9.]+)-(\d{4})(\d{4})$/u;

function icpReason(value: string): Reason | undefined {
  if (ICP_FILING.test(value)) {
    return {
      code: 'icp-filing',
      zh: `“${value}”是ICP备案号，不是经营许可证编号。ICP备案只说明网站已备案（非经营性）；经营性互联网信息服务须取得增值电信业务经营许可证（ICP许可证），其编号形如“京B2-20191218”。`,
      en: `'${value}' is an ICP filing number (备案), not a licence number. A filing only records a (non-commercial) website; commercial internet information services need a value-added telecom business licence (the ICP licence, 增值电信业务经营许可证) numbered like '京B2-20191218'.`,
    };
  }
  if (ICP_CERTIFICATE.test(value)) {
    return {
      code: 'icp-certificate',
      zh: `“${value}”是网站上展示的ICP证号，请填写许可证上印制的编号（形如“京B2-20191218”）。`,
      en: `'${value}' is the ICP certificate number shown on websites; enter the number printed on the licence (like '京B2-20191218').`,
    };
  }
  return undefined;
}

function normalize(value: string): { text: string; warnings: IdentifierReason[] } {
  const warnings: IdentifierReason[] = [];
  let text = value.trim().replace(/\s+/g, '').replace(/[－—–‐]/g, '-').replace(/[．。]/g, '.').replace(/[Ａ-Ｚａ-ｚ０-９]/g,
    (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).toUpperCase();
  const decorated = /^ICP证(.+?)号?$/u.exec(text);
  if (decorated) {
    text = decorated[1];
    warnings.push({ code: 'decorated', zh: '已去除“ICP证…号”外框，只保留许可证编号。', en: "Removed the 'ICP证…号' wrapper around the licence number." });
  }
  return { text, warnings };
}

function parseCategories(text: string): LicenceCategory[] | Reason {
  const parts = text.split('.');
  const seen = new Set<string>();
  for (const part of parts) {
    if (!(LICENCE_CATEGORIES as readonly string[]).includes(part)) {
      return { code: 'bad-category', zh: `业务类别“${part}”无效，应为 A1、A2、B1 或 B2。`, en: `Category '${part}' is not one of A1, A2, B1, B2.` };
    }
    if (seen.has(part)) return { code: 'duplicate-category', zh: `业务类别“${part}”重复。`, en: `Category '${part}' appears twice.` };
    seen.add(part);
  }
  return parts as LicenceCategory[];
}

function parseShape(text: string, warnings: IdentifierReason[]): ParseResult<LicenceNumber> {
  const fail = (reason: Reason): ParseResult<LicenceNumber> => ({ ok: false, reason });
  const m = SHAPE.exec(text);
  if (!m || (m[1] && m[3])) {
    return fail({ code: 'format', zh: `“${text}”不符合许可证编号格式，例如 B2-20090237、京B2-20191218、合字B1.B2-20130004。`, en: `'${text}' is not a licence number; examples: B2-20090237, 京B2-20191218, 合字B1.B2-20130004.` });
  }
  const [, prefix, abbr, suffix, categoryText, yearText, serialText] = m;
  let issuer = 'MIIT';
  if (abbr) {
    const province = findProvinceByAbbr(abbr);
    if (!province || !province.hasCommsAdministration) {
      return fail({ code: 'unknown-province', zh: `“${abbr}”不是发证省份的简称。`, en: `'${abbr}' is not the abbreviation of an issuing province.` });
    }
    issuer = province.code;
  }
  if (suffix) warnings.push({ code: 'reordered', zh: '“合字”已移到省份简称之前。', en: "Moved '合字' before the province abbreviation." });
  const categories = parseCategories(categoryText);
  if (!Array.isArray(categories)) return fail(categories);
  const year = Number(yearText);
  if (year < LICENCE_YEAR_RANGE.min || year > LICENCE_YEAR_RANGE.max) {
    return fail({ code: 'bad-year', zh: `编号中的年份 ${year} 不合理（应在${LICENCE_YEAR_RANGE.min}–${LICENCE_YEAR_RANGE.max}之间）。`, en: `Year ${year} in the number is implausible (expected ${LICENCE_YEAR_RANGE.min}–${LICENCE_YEAR_RANGE.max}).` });
  }
  return { ok: true, warnings, value: { foreignInvested: Boolean(prefix || suffix), issuer, categories, year, serial: Number(serialText) } };
}

/**
 * Parses a licence number (经营许可证编号) such as `京B2-20191218`. Input is trimmed; full-width characters, lowercase
 * letters and an `ICP证…号` wrapper are normalized (with a warning). An ICP filing number (`京ICP备12345678号-1`) is
 * rejected with an explanation that a filing is not a licence.
 */
export function parseLicenceNumber(value: string): ParseResult<LicenceNumber> {
  const { text, warnings } = normalize(value);
  if (text === '') return { ok: false, reason: { code: 'empty', zh: '请输入许可证编号。', en: 'Enter the licence number.' } };
  const icp = icpReason(text);
  if (icp) return { ok: false, reason: icp };
  return parseShape(text, warnings);
}

/** Result of validating a licence number. */
export type LicenceNumberValidation = { valid: true } | { valid: false; reason: IdentifierReason };

/** Validates a licence number; see {@link parseLicenceNumber} for the accepted forms. */
export function validateLicenceNumber(value: string): LicenceNumberValidation {
  const parsed = parseLicenceNumber(value);
  return parsed.ok ? { valid: true } : { valid: false, reason: parsed.reason };
}

/**
 * The one form a licence number is stored and compared in: as parsed, printed with 合字 first, categories in their
 * order (B1.B2) and an ASCII hyphen, so `沪B2–20240001` (en dash), `ICP证沪B2-20240001号` and `沪b2-20240001` are the
 * same licence. Null when it does not parse.
 */
export function canonicalLicenceNumber(value: string): string | null {
  const parsed = parseLicenceNumber(value);
  if (!parsed.ok) return null;
  const categories = LICENCE_CATEGORIES.filter((c) => parsed.value.categories.includes(c));
  return formatLicenceNumber({ ...parsed.value, categories });
}

/** A licence number, or its beginning, in the characters numbers are stored in (for prefix search). */
export function normalizeLicenceText(value: string): string {
  return normalize(value).text;
}
