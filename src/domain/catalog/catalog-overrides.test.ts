import { describe, expect, it } from 'vitest';
import { applyOverrides, defaultSettings, resolveSettings, validateOverrides } from './catalog-overrides.ts';
import { overridableSettings } from './overridable-settings.ts';

describe('overridable settings', () => {
  it('have defaults inside their bounds', () => {
    for (const s of overridableSettings) {
      expect(s.defaultValue, s.key).toBeGreaterThanOrEqual(s.min);
      expect(s.defaultValue, s.key).toBeLessThanOrEqual(s.max);
    }
  });

  it('default the call-centre foreign cap to none and ICP to 50%', () => {
    const settings = defaultSettings();
    expect(settings['eligibility.foreign-cap.B24-1']).toBe(100);
    expect(settings['eligibility.foreign-cap.B25-ICP']).toBe(50);
    expect(settings['obligations.start-operating.months']).toBe(12);
  });
});

describe('applyOverrides', () => {
  it('replaces only the given values and leaves the base untouched', () => {
    const base = defaultSettings();
    const result = applyOverrides(base, { 'obligations.start-operating.months': 6 });
    expect(result['obligations.start-operating.months']).toBe(6);
    expect(result['obligations.due-soon.days']).toBe(30);
    expect(base['obligations.start-operating.months']).toBe(12);
  });
});

describe('validateOverrides', () => {
  it('accepts known keys with integers in bounds', () => {
    expect(validateOverrides({ 'eligibility.foreign-cap.B25-ICP': 100, 'eligibility.staff.minimum': 5 }))
      .toEqual({ ok: true, overrides: { 'eligibility.foreign-cap.B25-ICP': 100, 'eligibility.staff.minimum': 5 } });
  });

  it('reports every bad entry, naming its key', () => {
    const result = validateOverrides({
      'renewal.days': 60,
      'obligations.start-operating.months': 0,
      'obligations.due-soon.days': 'thirty',
      'eligibility.staff.minimum': 2.5,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.key, e.code])).toEqual([
        ['renewal.days', 'unknown-key'],
        ['obligations.start-operating.months', 'out-of-range'],
        ['obligations.due-soon.days', 'not-a-number'],
        ['eligibility.staff.minimum', 'not-an-integer'],
      ]);
      expect(result.errors[1].en).toContain('between 1 and 60');
    }
  });

  it('rejects more social-insurance staff than total staff', () => {
    expect(validateOverrides({ 'eligibility.staff.minimum': 2 })).toMatchObject({ ok: false, errors: [{ code: 'inconsistent' }] });
  });

  it('rejects a non-object', () => {
    expect(validateOverrides([1])).toMatchObject({ ok: false, errors: [{ code: 'not-an-object' }] });
    expect(validateOverrides(null)).toMatchObject({ ok: false });
  });

  it('resolves to defaults with no overrides', () => {
    expect(resolveSettings()).toEqual(defaultSettings());
  });
});
