import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, type TextProblem } from './text.ts';

describe('cleanText: the one rule for user-typed text', () => {
  it.each<[string, string, TextProblem | null, string?]>([
    ['ordinary Chinese, trimmed', '  北京示例有限公司  ', null, '北京示例有限公司'],
    ['a full-width space at the ends', '\u3000上海\u3000', null, '上海'],
    ['zero-width characters at the ends', '\u200B\uFEFFabc\u200B', null, 'abc'],
    ['an emoji joined with ZWJ', '👨\u200D👩\u200D👧', null],
    ['accented Latin', 'Café Ltd', null],
    ['whitespace only (empty once trimmed; minLength decides)', '   ', null, ''],
    ['a NUL byte', 'a\u0000b', 'control'],
    ['a tab in a one-line field', 'a\tb', 'control'],
    ['a line separator in a one-line field', 'a\u2028b', 'control'],
    ['a lone surrogate', 'a\uD800b', 'surrogate'],
    ['the replacement character (garbled bytes)', 'a\uFFFDb', 'surrogate'],
    ['a noncharacter', '\uFFFF', 'surrogate'],
    ['a right-to-left override', 'evil\u202Etxt', 'direction'],
    ['a right-to-left mark alone', '\u200F', 'direction'],
    ['an Arabic letter mark', 'x\u061C', 'direction'],
    ['a zero-width space inside', 'a\u200Bb', 'hidden'],
    ['invisible operators', '\u2062\u2063\u2064', 'hidden'],
    ['tag characters', '\u{E0041}\u{E0042}', 'hidden'],
    ['a combining grapheme joiner alone', '\u034F', 'invisible'],
    ['a Hangul filler alone', '\u3164', 'invisible'],
    ['a blank Braille pattern alone', '\u2800\u2800', 'invisible'],
  ])('%s', (_what, input, problem, value) => {
    const result = cleanText(input);
    expect(result.problem).toBe(problem);
    if (value !== undefined) expect(result.value).toBe(value);
  });

  it('keeps tabs and line breaks in multi-line text, but not NUL', () => {
    expect(cleanText('line one\n\tline two', 'multiline')).toEqual({ value: 'line one\n\tline two', problem: null });
    expect(cleanText('a\u0000b', 'multiline').problem).toBe('control');
  });

  it('never accepts a non-empty value with nothing a reader can see', () => {
    const blank = fc.constantFrom(' ', '\u3000', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F', '\u3164', '\u2800', '\u2062', '\u200F');
    fc.assert(
      fc.property(fc.array(blank, { minLength: 1, maxLength: 12 }), (chars) => {
        const { value, problem } = cleanText(chars.join(''));
        expect(problem !== null || value === '').toBe(true);
      }),
    );
  });
});
