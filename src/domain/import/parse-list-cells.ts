import { findService, listServices, type ServiceCode } from '../catalog/services.ts';
import { readCellText, readFilledCellText, reject, toHalfWidth, type CellParse, type CellValue } from './cell-value.ts';

/** The most services one licence may list (as the API). */
export const MAX_LICENCE_SERVICES = 20;

// Items are separated by 、 , ; / | or spaces (full-width forms become ASCII first).
const SEPARATOR = /[、,;/|\s]+/;

const byChineseName = new Map(listServices().map((s) => [toHalfWidth(s.zh), s]));

function splitList(text: string): string[] {
  return toHalfWidth(text).split(SEPARATOR).map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * The catalogue services a licence lists, in the order given without repeats: codes such as `B24-1`, `B24-1、B21`,
 * `b24-1, B21` (or their Chinese names, 国内呼叫中心业务). Every unknown item is named in the reason.
 */
export function parseServicesCell(cell: CellValue): CellParse<ServiceCode[]> {
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  const codes: ServiceCode[] = [];
  const unknown: string[] = [];
  for (const item of splitList(read.value)) {
    const service = findService(item.replace(/[—–‐]/g, '-')) ?? byChineseName.get(item);
    if (!service) unknown.push(item);
    else if (!codes.includes(service.code)) codes.push(service.code);
  }
  if (unknown.length > 0) {
    return reject('unknown-service', {
      zh: `业务代码“${unknown.join('、')}”不在电信业务分类目录中，例如 B24-1（国内呼叫中心业务）、B21、B25-ICP。`,
      en: `'${unknown.join("', '")}' ${unknown.length > 1 ? 'are not service codes' : 'is not a service code'} of the telecom service catalogue; examples: B24-1 (domestic call centre), B21, B25-ICP.`,
    });
  }
  if (codes.length > MAX_LICENCE_SERVICES) {
    return reject('too-many-services', { zh: `一张许可证最多列${MAX_LICENCE_SERVICES}项业务。`, en: `A licence lists at most ${MAX_LICENCE_SERVICES} services.` });
  }
  return { ok: true, value: codes };
}

/**
 * Years, ascending without repeats: a year cell (2024) or a list such as `2024,2025`, `2024、2025`, `2024年 2025年`.
 * Each must be four digits; whether a year fits the licence is for the row to check.
 */
export function parseYearsCell(cell: CellValue): CellParse<number[]> {
  const read = typeof cell === 'number' ? readCellText(cell) : readFilledCellText(cell);
  if (!read.ok) return read;
  const items = toHalfWidth(read.value).split(/[、,;/|\s]+/).map((item) => item.replace(/年$/, '')).filter((item) => item !== '');
  const bad = items.filter((item) => !/^\d{4}$/.test(item));
  if (bad.length > 0 || items.length === 0) {
    return reject('bad-year', {
      zh: `“${bad.join('、') || read.value}”不是四位年份；多个年份用逗号或顿号分隔，例如 2024,2025。`,
      en: `'${bad.join("', '") || read.value}' is not a four-digit year; separate years with commas, e.g. 2024,2025.`,
    });
  }
  return { ok: true, value: [...new Set(items.map(Number))].sort((a, b) => a - b) };
}
