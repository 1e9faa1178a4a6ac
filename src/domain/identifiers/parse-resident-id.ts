import type { IsoDate } from '../calendar/types.ts';
import { findProvinceByRegionCode } from '../geo/provinces.ts';
import { computeResidentIdCheck } from './compute-resident-id-check.ts';
import { normalizationWarnings } from './normalize-identifier.ts';
import type { NamedCode, ParseResult } from './types.ts';
import { validateResidentId, type ValidateResidentIdOptions } from './validate-resident-id.ts';

/** The parts of a resident ID number. Treat every field as personal data. */
export interface ParsedResidentId {
  normalized: string;
  format: 18 | 15;
  /** The 18-digit form (converted when the input was 15 digits). */
  id18: string;
  /** Region code of the place of first registration (GB/T 2260). */
  regionCode: string;
  /** Province of the region code; null when the prefix is not a known province (e.g. 83 for Taiwan residence permits). */
  province: NamedCode | null;
  birthDate: IsoDate;
  /** From the sequence code: odd = male, even = female. */
  sex: 'male' | 'female';
  /** 顺序码, three digits. */
  sequence: string;
}

/** 15 → 18 digits without validation; the caller has validated the 15-digit number. */
export function expandResidentId15(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + computeResidentIdCheck(first17);
}

/** Parses a resident ID number into region (with province), birth date, sex and sequence; warns when input was normalized. */
export function parseResidentId(value: string, options: ValidateResidentIdOptions = {}): ParseResult<ParsedResidentId> {
  const validation = validateResidentId(value, options);
  if (!validation.valid) {
    return { ok: false, reason: validation.reason, ...(validation.expectedCheck ? { expectedCheck: validation.expectedCheck } : {}) };
  }
  const id18 = validation.format === 18 ? validation.normalized : expandResidentId15(validation.normalized);
  const regionCode = id18.slice(0, 6);
  const province = findProvinceByRegionCode(regionCode);
  const sequence = id18.slice(14, 17);
  return {
    ok: true,
    warnings: normalizationWarnings(value, validation.normalized),
    value: {
      normalized: validation.normalized,
      format: validation.format,
      id18,
      regionCode,
      province: province ? { code: province.code, zh: province.zh, en: province.en } : null,
      birthDate: validation.birthDate,
      sex: Number(sequence[2]) % 2 === 1 ? 'male' : 'female',
      sequence,
    },
  };
}
