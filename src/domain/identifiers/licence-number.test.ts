import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provinces } from '../geo/provinces.ts';
import { formatLicenceNumber } from './format-licence-number.ts';
import { LICENCE_CATEGORIES, type LicenceNumber } from './licence-number.ts';
import { canonicalLicenceNumber, normalizeLicenceText } from './parse-licence-number.ts';
import { parseLicenceNumber, validateLicenceNumber } from './parse-licence-number.ts';

const issuers = ['MIIT', ...provinces.filter((p) => p.hasCommsAdministration).map((p) => p.code)];
const licenceNumber: fc.Arbitrary<LicenceNumber> = fc.record({
  foreignInvested: fc.boolean(),
  issuer: fc.constantFrom(...issuers),
  categories: fc.shuffledSubarray([...LICENCE_CATEGORIES], { minLength: 1 }),
  year: fc.integer({ min: 1990, max: 2100 }),
  serial: fc.integer({ min: 0, max: 9999 }),
});

describe('parseLicenceNumber', () => {
  it.each([
    ['B2-20090237', { foreignInvested: false, issuer: 'MIIT', categories: ['B2'], year: 2009, serial: 237 }],
    ['京B2-20191218', { foreignInvested: false, issuer: 'BJ', categories: ['B2'], year: 2019, serial: 1218 }],
    ['B1.B2-20090003', { foreignInvested: false, issuer: 'MIIT', categories: ['B1', 'B2'], year: 2009, serial: 3 }],
    ['合字B1.B2-20130004', { foreignInvested: true, issuer: 'MIIT', categories: ['B1', 'B2'], year: 2013, serial: 4 }],
  ])('parses the brief vector %s', (text, expected) => {
    expect(parseLicenceNumber(text)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it('explains that an ICP filing number is not a licence', () => {
    for (const text of ['京ICP备12345678号', '京ICP备12345678号-1']) {
      const result = parseLicenceNumber(text);
      expect(result).toMatchObject({ ok: false, reason: { code: 'icp-filing' } });
      if (!result.ok) {
        expect(result.reason.zh).toContain('增值电信业务经营许可证');
        expect(result.reason.zh).toContain('京B2-20191218');
        expect(result.reason.en).toContain('not a licence');
      }
    }
  });

  it('unwraps the ICP证…号 form shown on websites, with a warning', () => {
    expect(parseLicenceNumber('ICP证合字B2-20070004号')).toMatchObject({ ok: true, value: { foreignInvested: true, year: 2007, serial: 4 }, warnings: [{ code: 'decorated' }] });
  });

  it('accepts full-width and lowercase input', () => {
    expect(parseLicenceNumber(' 京b2－20191218 ')).toMatchObject({ ok: true, value: { issuer: 'BJ', categories: ['B2'] } });
  });

  it.each([
    ['京B3-20191218', 'bad-category'],
    ['京B2.B2-20191218', 'duplicate-category'],
    ['港B2-20191218', 'unknown-province'],
    ['京B2-18991218', 'bad-year'],
    ['京B2-2019121', 'format'],
    ['', 'empty'],
  ])('rejects %s as %s', (text, code) => {
    expect(parseLicenceNumber(text)).toMatchObject({ ok: false, reason: { code } });
  });

  it('format ∘ parse is the identity on printed numbers, and parse ∘ format on parts', () => {
    fc.assert(fc.property(licenceNumber, (parts) => {
      const text = formatLicenceNumber(parts);
      const parsed = parseLicenceNumber(text);
      return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(parts) && formatLicenceNumber(parsed.value) === text;
    }));
  });
});

describe('validateLicenceNumber', () => {
  it('accepts a licence and rejects a filing', () => {
    expect(validateLicenceNumber('京B2-20191218')).toEqual({ valid: true });
    expect(validateLicenceNumber('京ICP备12345678号')).toMatchObject({ valid: false, reason: { code: 'icp-filing' } });
  });
});

describe('formatLicenceNumber', () => {
  it('pads the serial and puts 合字 first', () => {
    expect(formatLicenceNumber({ foreignInvested: true, issuer: 'SH', categories: ['B1', 'B2'], year: 2020, serial: 7 })).toBe('合字沪B1.B2-20200007');
  });
});

describe('canonicalLicenceNumber', () => {
  it('gives every spelling of one licence the same stored form', () => {
    for (const spelling of ['沪B2-20240001', '沪B2–20240001', '沪B2‐20240001', '沪B2—20240001', 'ICP证沪B2-20240001号', ' 沪ｂ２－２０２４０００１ ']) {
      expect(canonicalLicenceNumber(spelling), spelling).toBe('沪B2-20240001');
    }
    for (const spelling of ['合字沪B2-20240005', '沪合字B2-20240005']) expect(canonicalLicenceNumber(spelling)).toBe('合字沪B2-20240005');
    for (const spelling of ['沪B1.B2-20240006', '沪B2.B1-20240006', '沪B2。B1-20240006']) expect(canonicalLicenceNumber(spelling)).toBe('沪B1.B2-20240006');
    expect(canonicalLicenceNumber('沪ICP备12345678号')).toBeNull();
    expect(normalizeLicenceText('沪b2–2024')).toBe('沪B2-2024');
  });
});
