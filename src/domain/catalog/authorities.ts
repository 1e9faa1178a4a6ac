import type { LocalizedText } from '../calendar/types.ts';
import { findProvince, provinces } from '../geo/provinces.ts';
import type { Source } from './source.ts';
import { regulation, TELECOM_REGULATIONS } from './sources.ts';

/**
 * Licence coverage: `cross-regional` (跨地区/全网, issued by MIIT) or the code of one of the 31 mainland provinces
 * (省内/地网, issued by that province's communications administration).
 */
export type LicenceScope = 'cross-regional' | (string & {});

/** The body that issues licences for a scope. */
export interface Authority {
  scope: LicenceScope;
  level: 'national' | 'provincial';
  zh: string;
  en: string;
  /** One-character abbreviation on the licence number; null for MIIT (no prefix). */
  abbr: string | null;
  note: LocalizedText | null;
  source: Source;
}

const scopeSource = regulation(`${TELECOM_REGULATIONS}第九条`, {
  zh: '业务覆盖两个以上省、自治区、直辖市的，由国务院信息产业主管部门审批；覆盖一个省级行政区域的，由该省电信管理机构审批。',
  en: 'Services covering two or more provinces are approved by MIIT; services within one province by that province’s telecom authority.',
});

const miit: Authority = {
  scope: 'cross-regional',
  level: 'national',
  zh: '中华人民共和国工业和信息化部',
  en: 'Ministry of Industry and Information Technology (MIIT)',
  abbr: null,
  note: {
    zh: '跨地区经营者须在每个开展业务的省份向当地通信管理局备案。',
    en: 'A cross-regional holder files (备案) its licence with the communications administration of each province where it operates.',
  },
  source: scopeSource,
};

/** True for `cross-regional` or a province with a communications administration (the 31 mainland provinces). */
export function isLicenceScope(value: unknown): value is LicenceScope {
  if (value === 'cross-regional') return true;
  return typeof value === 'string' && findProvince(value)?.hasCommsAdministration === true;
}

/** Every valid scope: `cross-regional` first, then the 31 provinces in GB/T 2260 order. */
export function listScopes(): LicenceScope[] {
  return ['cross-regional', ...provinces.filter((p) => p.hasCommsAdministration).map((p) => p.code)];
}

/** The issuing authority for a scope, e.g. `BJ` → 北京市通信管理局; undefined for an invalid scope. */
export function findAuthority(scope: LicenceScope): Authority | undefined {
  if (scope === 'cross-regional') return miit;
  const province = findProvince(scope);
  if (!province?.hasCommsAdministration) return undefined;
  return {
    scope,
    level: 'provincial',
    zh: `${province.zh}通信管理局`,
    en: `${province.en} Communications Administration`,
    abbr: province.abbr,
    note: null,
    source: scopeSource,
  };
}

/** Scope label for texts, e.g. 跨地区 / 北京市. */
export function describeScope(scope: LicenceScope): LocalizedText {
  if (scope === 'cross-regional') return { zh: '跨地区（全网）', en: 'cross-regional (nationwide)' };
  const province = findProvince(scope);
  return province ? { zh: `${province.zh}（省内）`, en: `in-province (${province.en})` } : { zh: scope, en: scope };
}
