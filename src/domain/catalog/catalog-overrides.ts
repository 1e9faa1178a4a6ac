import type { LocalizedText } from '../calendar/types.ts';
import { findOverridableSetting, overridableSettings, type OverridableKey } from './overridable-settings.ts';

/** An organisation's overrides: a value per overridable key; absent keys keep their defaults. */
export type CatalogOverrides = Partial<Record<OverridableKey, number>>;

/** Every overridable value, resolved (defaults with overrides applied). */
export type CatalogSettings = Record<OverridableKey, number>;

/** One problem found in an overrides document, naming the key. */
export interface OverrideError extends LocalizedText {
  key: string;
  code: 'not-an-object' | 'unknown-key' | 'not-a-number' | 'not-an-integer' | 'out-of-range' | 'inconsistent';
}

/** Result of {@link validateOverrides}. */
export type OverridesValidation = { ok: true; overrides: CatalogOverrides } | { ok: false; errors: OverrideError[] };

/** The catalog's default settings. */
export function defaultSettings(): CatalogSettings {
  return Object.fromEntries(overridableSettings.map((s) => [s.key, s.defaultValue])) as CatalogSettings;
}

/** Applies (already validated) overrides to settings, returning new settings; the input is not changed. */
export function applyOverrides(base: CatalogSettings, overrides: CatalogOverrides = {}): CatalogSettings {
  const result = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (typeof value === 'number' && findOverridableSetting(key)) result[key as OverridableKey] = value;
  }
  return result;
}

const frozenDefaults: CatalogSettings = Object.freeze(defaultSettings());
const resolvedByOverrides = new WeakMap<CatalogOverrides, CatalogSettings>();

/**
 * Defaults with an organisation's overrides applied; read-only, and the same object for the same overrides object, so
 * deriving a hundred thousand licences' obligations resolves them once.
 */
export function resolveSettings(overrides?: CatalogOverrides): CatalogSettings {
  if (!overrides) return frozenDefaults;
  let settings = resolvedByOverrides.get(overrides);
  if (!settings) {
    settings = Object.freeze(applyOverrides(frozenDefaults, overrides));
    resolvedByOverrides.set(overrides, settings);
  }
  return settings;
}

function checkValue(key: string, value: unknown): OverrideError | undefined {
  const setting = findOverridableSetting(key);
  if (!setting) return { key, code: 'unknown-key', zh: `“${key}”不是可配置项。`, en: `'${key}' cannot be overridden.` };
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { key, code: 'not-a-number', zh: `“${setting.title.zh}”必须是数字。`, en: `'${setting.title.en}' must be a number.` };
  }
  if (!Number.isInteger(value)) return { key, code: 'not-an-integer', zh: `“${setting.title.zh}”必须是整数。`, en: `'${setting.title.en}' must be a whole number.` };
  if (value < setting.min || value > setting.max) {
    return { key, code: 'out-of-range', zh: `“${setting.title.zh}”应在 ${setting.min}–${setting.max} 之间，收到 ${value}。`,
      en: `'${setting.title.en}' must be between ${setting.min} and ${setting.max}; got ${value}.` };
  }
  return undefined;
}

/**
 * Validates an untrusted overrides document (e.g. an admin form): a plain object of known keys with integer values in
 * bounds, and social-insurance staff not above total staff. Returns every error, not just the first.
 */
export function validateOverrides(input: unknown): OverridesValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ key: '', code: 'not-an-object', zh: '配置必须是键值对象。', en: 'Overrides must be an object of key–value pairs.' }] };
  }
  const errors = Object.entries(input).map(([k, v]) => checkValue(k, v)).filter((e): e is OverrideError => e !== undefined);
  if (errors.length > 0) return { ok: false, errors };
  const overrides = input as CatalogOverrides;
  const settings = resolveSettings(overrides);
  if (settings['eligibility.social-insurance.minimum'] > settings['eligibility.staff.minimum']) {
    return { ok: false, errors: [{ key: 'eligibility.social-insurance.minimum', code: 'inconsistent',
      zh: '缴纳社保人数的要求不能高于员工总数的要求。', en: 'The social-insurance staff minimum cannot exceed the total staff minimum.' }] };
  }
  return { ok: true, overrides: { ...overrides } };
}
