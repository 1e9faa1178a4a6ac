/** Licence categories that appear on a licence number: basic (A1, A2) and value-added (B1, B2) telecom classes. */
export type LicenceCategory = 'A1' | 'A2' | 'B1' | 'B2';

/** All licence categories, in the order they are printed. */
export const LICENCE_CATEGORIES: readonly LicenceCategory[] = ['A1', 'A2', 'B1', 'B2'];

/**
 * A telecom business licence number (经营许可证编号) such as `京B2-20191218` or `合字B1.B2-20130004`.
 * Pattern `[合字][province abbreviation][categories]-YYYYNNNN` (confidence M).
 */
export interface LicenceNumber {
  /** `合字` prefix: licence of a foreign-invested telecom enterprise. */
  foreignInvested: boolean;
  /** `MIIT` when there is no province abbreviation, else the issuing province's code (e.g. `BJ`). */
  issuer: string;
  /** As printed, e.g. ['B1', 'B2']. */
  categories: LicenceCategory[];
  year: number;
  /** Four-digit serial, 0–9999. */
  serial: number;
}

/** Years accepted on a licence number. */
export const LICENCE_YEAR_RANGE = { min: 1990, max: 2100 } as const;
