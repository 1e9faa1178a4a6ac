import type { LocalizedText } from '../../domain/calendar/types.ts';
import { describeScope } from '../../domain/catalog/authorities.ts';
import { findService } from '../../domain/catalog/services.ts';
import { findProvince } from '../../domain/geo/provinces.ts';
import type { ExportLang } from './schemas.ts';

/** The language a sheet is written in. */
export type SheetLang = 'zh' | 'en';

export const sheetLangOf = (lang: ExportLang | undefined): SheetLang => (lang === 'en-US' ? 'en' : 'zh');

export const inLang = (text: LocalizedText, lang: SheetLang): string => (lang === 'en' ? text.en : text.zh);

/** Items of one cell: 、 in Chinese, a comma in English (the import reads both). */
export const joinItems = (items: readonly string[], lang: SheetLang): string => items.join(lang === 'zh' ? '、' : ', ');

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as China time, 'YYYY-MM-DD HH:mm' (UTC+8 all year: China keeps no daylight saving time). */
export function chinaTimeOf(instant: string | null): string | null {
  if (!instant) return null;
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  const t = new Date(ms + 8 * 3_600_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** A province's name (北京市 / Beijing), which the import reads back as its code; the code itself when unknown. */
export function provinceName(code: string | null, lang: SheetLang): string | null {
  if (!code) return null;
  const province = findProvince(code);
  return province ? inLang(province, lang) : code;
}

/** A licence scope as the import reads it back: 跨地区 / cross-regional, or the province's name. */
export function scopeName(scope: string, lang: SheetLang): string {
  return scope === 'cross-regional' ? inLang({ zh: '跨地区', en: 'cross-regional' }, lang) : (provinceName(scope, lang) ?? scope);
}

/** A scope as the lists describe it: 跨地区（全网） / 北京市（省内）. */
export const scopeLabel = (scope: string, lang: SheetLang): string => inLang(describeScope(scope), lang);

/** A catalogue service as 'B24-1 国内呼叫中心业务' (its code alone when the catalogue no longer has it). */
export function serviceLabel(code: string, lang: SheetLang): string {
  const service = findService(code);
  return service ? `${code} ${inLang(service, lang)}` : code;
}
