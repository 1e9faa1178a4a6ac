import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates/civil-date.ts';
import { computeResidentIdCheck } from './compute-resident-id-check.ts';
import { convertResidentId15To18 } from './convert-resident-id-15-to-18.ts';
import { maskResidentId } from './mask-resident-id.ts';
import { parseResidentId } from './parse-resident-id.ts';
import { validateResidentId } from './validate-resident-id.ts';

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: n, maxLength: n });
const birthDate = fc.integer({ min: -25000, max: 20000 }).map((n) => addDays('1970-01-01', n).replace(/-/g, ''));
const validId = fc.tuple(digits(6), birthDate, digits(3)).map(([region, birth, seq]) => {
  const first17 = region + birth + seq;
  return first17 + computeResidentIdCheck(first17);
});
const ID_ALPHABET = '0123456789X';

describe('validateResidentId', () => {
  it.each(['11010519491231002X', '440524188001010014'])('accepts the brief vector %s', (id) => {
    expect(validateResidentId(id)).toMatchObject({ valid: true, format: 18 });
  });

  it('accepts a lowercase x', () => {
    expect(validateResidentId('11010519491231002x')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
  });

  it('rejects a wrong check character and names the expected one', () => {
    expect(validateResidentId('110105194912310021')).toMatchObject({ valid: false, reason: { code: 'bad-check' }, expectedCheck: 'X' });
  });

  it('rejects a birth date that is not a real date', () => {
    const first17 = '11010519490230002';
    expect(validateResidentId(first17 + computeResidentIdCheck(first17))).toMatchObject({ valid: false, reason: { code: 'bad-birth-date' } });
    expect(validateResidentId('110105490230002')).toMatchObject({ valid: false, reason: { code: 'bad-birth-date' } });
  });

  it('rejects a future birth date when today is given', () => {
    const first17 = '11010520300101002';
    const id = first17 + computeResidentIdCheck(first17);
    expect(validateResidentId(id)).toMatchObject({ valid: true });
    expect(validateResidentId(id, { today: '2026-01-01' })).toMatchObject({ valid: false, reason: { code: 'future-birth-date' } });
  });

  it('names an illegal character and its position', () => {
    const result = validateResidentId('1101051949123X002X');
    expect(result).toMatchObject({ valid: false, reason: { code: 'illegal-character' } });
    if (!result.valid) expect(result.reason.en).toContain('position 14');
  });

  it('accepts every generated valid number', () => {
    fc.assert(fc.property(validId, (id) => validateResidentId(id).valid));
  });

  it('rejects every single-character change within the ID alphabet', () => {
    const change = validId.chain((id) => fc.tuple(fc.constant(id), fc.nat({ max: 17 }), fc.constantFrom(...ID_ALPHABET.split(''))));
    fc.assert(fc.property(change, ([id, position, replacement]) => {
      fc.pre(replacement !== id[position]);
      return validateResidentId(id.slice(0, position) + replacement + id.slice(position + 1)).valid === false;
    }));
  });
});

describe('parseResidentId', () => {
  it('reads birth date, sex, region and province', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({
      ok: true,
      warnings: [],
      value: { normalized: '11010519491231002X', format: 18, id18: '11010519491231002X', regionCode: '110105',
        province: { code: 'BJ', zh: '北京市', en: 'Beijing' }, birthDate: '1949-12-31', sex: 'female', sequence: '002' },
    });
    expect(parseResidentId('440524188001010014')).toMatchObject({ ok: true, value: { birthDate: '1880-01-01', sex: 'male', province: { code: 'GD' } } });
  });

  it('reads a 15-digit number as born in the 1900s', () => {
    expect(parseResidentId('110105491231002')).toMatchObject({ ok: true, value: { format: 15, birthDate: '1949-12-31', id18: '11010519491231002X' } });
  });
});

describe('convertResidentId15To18', () => {
  it('inserts the century and appends the check character', () => {
    expect(convertResidentId15To18('110105491231002')).toEqual({ ok: true, value: '11010519491231002X', warnings: [] });
  });

  it('refuses an 18-digit number', () => {
    expect(convertResidentId15To18('11010519491231002X')).toMatchObject({ ok: false, reason: { code: 'not-15-digit' } });
  });

  it('always yields a valid 18-digit number', () => {
    const id15 = fc.tuple(digits(6), fc.integer({ min: -25000, max: 10000 }).map((n) => addDays('1970-01-01', n)), digits(3))
      .filter(([, date]) => date.startsWith('19'))
      .map(([region, date, seq]) => region + date.slice(2).replace(/-/g, '') + seq);
    fc.assert(fc.property(id15, (id) => {
      const converted = convertResidentId15To18(id);
      return converted.ok && validateResidentId(converted.value).valid;
    }));
  });
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 of an 18-digit number', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });

  it('keeps the first 6 and last 3 of a 15-digit number', () => {
    expect(maskResidentId('110105491231002')).toBe('110105******002');
  });

  it('stars a malformed value completely', () => {
    expect(maskResidentId('1101051949')).toBe('**********');
  });
});
