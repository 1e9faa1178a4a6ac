import { findAuthority } from '../../domain/catalog/authorities.ts';
import { checkAccessNumber } from '../../domain/identifiers/check-access-number.ts';
import { formatLicenceNumber } from '../../domain/identifiers/format-licence-number.ts';
import { maskResidentId } from '../../domain/identifiers/mask-resident-id.ts';
import { parseLicenceNumber } from '../../domain/identifiers/parse-licence-number.ts';
import { parseResidentId } from '../../domain/identifiers/parse-resident-id.ts';
import { parseUscc } from '../../domain/identifiers/parse-uscc.ts';
import { readUsccParts } from '../../domain/identifiers/read-uscc-parts.ts';
import type { IdentifierReason } from '../../domain/identifiers/types.ts';
import { validateUscc } from '../../domain/identifiers/validate-uscc.ts';
import { normalizeIdentifier } from '../../domain/identifiers/normalize-identifier.ts';

const reasonOf = (r: IdentifierReason) => ({ code: r.code, zh: r.zh, en: r.en });

/**
 * Checks a Unified Social Credit Code (GB 32100-2015) and names its parts; an invalid code still gets the parts that
 * can be read (null where a position is not valid), beside the reason.
 */
export function checkUscc(value: string) {
  const parsed = parseUscc(value);
  if (!parsed.ok) {
    const normalized = validateUscc(value).normalized;
    const parts = readUsccParts(normalized);
    const readable = Object.values(parts).some((part) => part !== null);
    return { valid: false, normalized, reason: reasonOf(parsed.reason), ...(readable ? { parsed: { ...parts, checkCharacter: null } } : {}) };
  }
  const { normalized, checkValid: _checkValid, ...parts } = parsed.value;
  return { valid: true, normalized, parsed: parts };
}

/**
 * Checks a resident ID number (GB 11643-1999). Personal data: only the masked number comes back, never the full one
 * nor the birth date; a birth date after `today` is refused.
 */
export function checkIdCard(value: string, options: { today: string }) {
  const parsed = parseResidentId(value, { today: options.today });
  if (!parsed.ok) return { valid: false, normalized: maskResidentId(value), reason: reasonOf(parsed.reason) };
  const id = parsed.value;
  return {
    valid: true,
    normalized: maskResidentId(id.normalized),
    parsed: { format: id.format, maskedId18: maskResidentId(id.id18), regionCode: id.regionCode, province: id.province, sex: id.sex },
  };
}

/** Checks a licence number (经营许可证编号) such as 京B2-20191218; an ICP filing number is explained, not accepted. */
export function checkLicenceNumber(value: string) {
  const parsed = parseLicenceNumber(value);
  if (!parsed.ok) return { valid: false, normalized: normalizeIdentifier(value), reason: reasonOf(parsed.reason) };
  const licence = parsed.value;
  const authority = findAuthority(licence.issuer === 'MIIT' ? 'cross-regional' : licence.issuer)!;
  return {
    valid: true,
    normalized: formatLicenceNumber(licence),
    parsed: { ...licence, issuerName: { zh: authority.zh, en: authority.en } },
  };
}

/** Checks a 95/96 call-centre access number against the licence scope it is meant for. */
export function checkAccessNumberFor(options: { value: string; scope: string }) {
  const result = checkAccessNumber({ number: options.value, scope: options.scope });
  if (!result.valid) return { valid: false, normalized: result.normalized, reason: reasonOf(result.reason) };
  return { valid: true, normalized: result.normalized, parsed: { prefix: result.prefix, allocator: result.allocator, source: result.source } };
}
