import { isLicenceScope, type LicenceScope } from '../catalog/authorities.ts';
import { findProvince, findProvinceByRegionCode, provinces, type Province } from '../geo/provinces.ts';
import { readFilledCellText, reject, toHalfWidth, type CellParse, type CellValue } from './cell-value.ts';

// 广东省 → 广东, 广西壮族自治区 → 广西, 香港特别行政区 → 香港.
const ZH_SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/;
const EN_SUFFIX = /(?:province|municipality|autonomousregion|specialadministrativeregion|sar|shi|sheng)$/;

const key = (text: string) => toHalfWidth(text).toLowerCase().replace(/[\s\-_'’.]/g, '');

const byName = new Map<string, Province>();
for (const p of provinces) {
  for (const name of [p.code, `cn${p.code}`, p.zh, p.zh.replace(ZH_SUFFIX, ''), p.en, p.abbr]) byName.set(key(name), p);
}

function findByName(text: string): Province | undefined {
  const k = key(text);
  return byName.get(k) ?? byName.get(k.replace(ZH_SUFFIX, '')) ?? byName.get(k.replace(EN_SUFFIX, ''));
}

/**
 * A provincial-level division from a cell, as its code (GD): the code (GD, CN-GD), the Chinese name with or without
 * 省/市/自治区 (广东省, 广东, 内蒙古), the English name (Guangdong), the one-character abbreviation (粤), or a six-digit
 * administrative division code (440000, 440300) read by its first two digits.
 */
export function parseProvinceCell(cell: CellValue): CellParse<string> {
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  const text = toHalfWidth(read.value).trim();
  const province = /^\d{6}$/.test(text) ? findProvinceByRegionCode(text) : findByName(text);
  if (!province) {
    return reject('unknown-province', {
      zh: `“${read.value}”不是省级行政区，例如 广东、广东省、粤、GD、440000。`,
      en: `'${read.value}' is not a province; examples: Guangdong, 广东省, 粤, GD, 440000.`,
    });
  }
  return { ok: true, value: province.code };
}

const CROSS_REGIONAL = new Set(['全网', '全国', '跨地区', '跨地区经营', '跨省', '跨省经营', '跨地区全网', '全网跨地区', 'crossregional', 'nationwide', 'national', 'miit', '工信部', '工业和信息化部'].map(key));

/**
 * A licence scope from a cell: 全网, 跨地区, 跨地区经营, cross-regional … → `cross-regional`; a province in any form
 * {@link parseProvinceCell} reads → its code, when that province issues licences (not Hong Kong, Macao, Taiwan).
 */
export function parseScopeCell(cell: CellValue): CellParse<LicenceScope> {
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  if (CROSS_REGIONAL.has(key(read.value).replace(/[（）()]/g, ''))) return { ok: true, value: 'cross-regional' };
  const province = parseProvinceCell(read.value);
  if (!province.ok) {
    return reject('unknown-scope', {
      zh: `“${read.value}”不是许可范围：应为“跨地区”（全网）或省份，例如 广东、粤、GD。`,
      en: `'${read.value}' is not a licence scope: enter 'cross-regional' (全网) or a province such as Guangdong, 粤, GD.`,
    });
  }
  if (!isLicenceScope(province.value)) {
    const name = findProvince(province.value)!;
    return reject('no-issuing-authority', {
      zh: `${name.zh}没有内地通信管理局，不能作为增值电信许可范围。`,
      en: `${name.en} has no mainland communications administration, so it is not a licence scope.`,
    });
  }
  return { ok: true, value: province.value };
}
