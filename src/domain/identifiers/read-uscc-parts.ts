import { findProvinceByRegionCode } from '../geo/provinces.ts';
import { USCC_ALPHABET } from './compute-uscc-check.ts';
import type { NamedCode } from './types.ts';
import { findUsccDepartment } from './uscc-departments.ts';

/** What the positions of a (possibly invalid) USCC say; null where a position is missing or not valid. */
export interface UsccParts {
  /** 登记管理部门 (position 1). */
  department: NamedCode | null;
  /** 机构类别 (position 2), read only under a valid department. */
  category: NamedCode | null;
  /** 登记管理机关行政区划码 (positions 3–8), when six digits. */
  regionCode: string | null;
  /** Province of the region code; null for national-level registrations (`10xxxx`) or unknown prefixes. */
  province: NamedCode | null;
  /** 主体标识码 (positions 9–17), when all nine are in the USCC alphabet. */
  organisationCode: string | null;
}

const named = (n: NamedCode): NamedCode => ({ code: n.code, zh: n.zh, en: n.en });

/**
 * Reads each position of a normalized USCC on its own, so an invalid code still tells what it can (e.g. the province
 * of a code whose check character is wrong). Validity is {@link validateUscc}'s job, not this one's.
 */
export function readUsccParts(normalized: string): UsccParts {
  const department = findUsccDepartment(normalized.charAt(0));
  const category = department?.categories.find((c) => c.code === normalized.charAt(1));
  const regionCode = /^\d{6}$/.test(normalized.slice(2, 8)) ? normalized.slice(2, 8) : null;
  const province = regionCode ? findProvinceByRegionCode(regionCode) : undefined;
  const organisationCode = normalized.slice(8, 17);
  const readable = organisationCode.length === 9 && [...organisationCode].every((ch) => USCC_ALPHABET.includes(ch));
  return {
    department: department ? named(department) : null,
    category: category ? named(category) : null,
    regionCode,
    province: province ? named(province) : null,
    organisationCode: readable ? organisationCode : null,
  };
}
