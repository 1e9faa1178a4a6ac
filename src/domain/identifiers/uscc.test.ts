import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeUsccCheck, USCC_ALPHABET } from './compute-uscc-check.ts';
import { parseUscc } from './parse-uscc.ts';
import { readUsccParts } from './read-uscc-parts.ts';
import { usccDepartments } from './uscc-departments.ts';
import { validateUscc } from './validate-uscc.ts';

const pairs = usccDepartments.flatMap((d) => d.categories.map((c) => d.code + c.code));
const alphabetChar = fc.constantFrom(...USCC_ALPHABET.split(''));
const validUscc = fc
  .tuple(fc.constantFrom(...pairs), fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 6, maxLength: 6 }),
    fc.array(alphabetChar, { minLength: 9, maxLength: 9 }))
  .map(([head, region, org]) => {
    const first17 = head + region + org.join('');
    return first17 + computeUsccCheck(first17);
  });

describe('validateUscc', () => {
  it.each(['91350100M000100Y43', '91512081MA62K0260E', '9131000063159284XQ'])('accepts the brief vector %s', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true, normalized: code });
  });

  it('rejects 91350100M000100Y4Z and names the expected check character', () => {
    const result = validateUscc('91350100M000100Y4Z');
    expect(result).toMatchObject({ valid: false, reason: { code: 'bad-check' }, expectedCheck: '3' });
  });

  it('accepts lowercase, full-width and padded input by normalizing it', () => {
    expect(validateUscc('  91350100m000100y43 ')).toEqual({ valid: true, normalized: '91350100M000100Y43' });
    expect(validateUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ valid: true, normalized: '91350100M000100Y43' });
  });

  it('names the length', () => {
    const result = validateUscc('91350100M000100Y4');
    expect(result).toMatchObject({ valid: false, reason: { code: 'length' } });
    if (!result.valid) expect(result.reason.en).toContain('17');
  });

  it('names an illegal character and its position', () => {
    const result = validateUscc('91350100MO00100Y43');
    expect(result).toMatchObject({ valid: false, reason: { code: 'illegal-character' } });
    if (!result.valid) {
      expect(result.reason.zh).toContain('第10位');
      expect(result.reason.en).toContain("'O' at position 10");
    }
  });

  it('rejects an unknown department and a category the department does not have', () => {
    expect(validateUscc('B1350100M000100Y43')).toMatchObject({ valid: false, reason: { code: 'bad-department' } });
    expect(validateUscc('94350100M000100Y43')).toMatchObject({ valid: false, reason: { code: 'bad-category' } });
  });

  it('rejects a region code with letters', () => {
    const first17 = '913501A0M000100Y4';
    expect(validateUscc(first17 + computeUsccCheck(first17))).toMatchObject({ valid: false, reason: { code: 'bad-region-code' } });
  });

  it('accepts every generated valid code', () => {
    fc.assert(fc.property(validUscc, (code) => validateUscc(code).valid));
  });

  it('rejects every single-character change to another character of the alphabet', () => {
    const change = validUscc.chain((code) => fc.tuple(fc.constant(code), fc.nat({ max: 17 }), fc.integer({ min: 1, max: 30 })));
    fc.assert(fc.property(change, ([code, position, shift]) => {
      const replacement = USCC_ALPHABET[(USCC_ALPHABET.indexOf(code[position]) + shift) % 31];
      const changed = code.slice(0, position) + replacement + code.slice(position + 1);
      return validateUscc(changed).valid === false;
    }));
  });
});

describe('parseUscc', () => {
  it('splits a business code into department, category, region, province, organisation code and check', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({
      ok: true,
      warnings: [],
      value: {
        normalized: '91350100M000100Y43',
        department: { code: '9', zh: '工商（市场监管）', en: 'Market regulation (formerly industry and commerce)' },
        category: { code: '1', zh: '企业', en: 'Enterprise' },
        regionCode: '350100',
        province: { code: 'FJ', zh: '福建省', en: 'Fujian' },
        organisationCode: 'M000100Y4',
        checkCharacter: '3',
        checkValid: true,
      },
    });
  });

  it('reads a civil-affairs foundation code', () => {
    const first17 = '53100000500021676';
    const parsed = parseUscc(first17 + computeUsccCheck(first17));
    expect(parsed.ok && parsed.value.department.zh).toBe('民政');
    expect(parsed.ok && parsed.value.category.zh).toBe('基金会');
    expect(parsed.ok && parsed.value.province).toBeNull();
  });

  it('rejects a failing check unless the caller explicitly accepts it, then warns', () => {
    expect(parseUscc('91350100M000100Y44')).toMatchObject({ ok: false, reason: { code: 'bad-check' }, expectedCheck: '3' });
    const overridden = parseUscc('91350100M000100Y44', { acceptCheckFailure: true });
    expect(overridden).toMatchObject({ ok: true, value: { checkValid: false, checkCharacter: '4' }, warnings: [{ code: 'check-override' }] });
  });

  it('never overrides a structural error', () => {
    expect(parseUscc('91350100M00010', { acceptCheckFailure: true })).toMatchObject({ ok: false, reason: { code: 'length' } });
  });
});

describe('parseUscc normalization', () => {
  it('says when it normalized the input', () => {
    expect(parseUscc(' 91350100m000100y43')).toMatchObject({ ok: true, value: { normalized: '91350100M000100Y43' }, warnings: [{ code: 'normalized' }] });
  });
});

describe('readUsccParts', () => {
  it('reads every valid position of an invalid code and nulls the rest', () => {
    expect(readUsccParts('91350100M000100Y44')).toMatchObject({ department: { code: '9' }, category: { code: '1' }, regionCode: '350100', province: { code: 'FJ' }, organisationCode: 'M000100Y4' });
    expect(readUsccParts('Q1ABC100M000100Y43')).toEqual({ department: null, category: null, regionCode: null, province: null, organisationCode: 'M000100Y4' });
    expect(readUsccParts('9A350100M0I0100Y43')).toMatchObject({ department: { code: '9' }, category: null, province: { code: 'FJ' }, organisationCode: null });
    expect(readUsccParts('91100000')).toMatchObject({ regionCode: '100000', province: null, organisationCode: null });
    expect(readUsccParts('')).toEqual({ department: null, category: null, regionCode: null, province: null, organisationCode: null });
  });
});
