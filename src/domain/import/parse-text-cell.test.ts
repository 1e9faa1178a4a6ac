import { describe, expect, it } from 'vitest';
import { cleanText } from '../../platform/http/text.ts';
import { isBlankCell } from './cell-value.ts';
import { findTextProblem, parseTextCell } from './parse-text-cell.ts';

describe('parseTextCell', () => {
  it('trims spaces, full-width spaces and zero-width characters', () => {
    expect(parseTextCell('\u3000 北京示例有限公司 \u200B', { maxLength: 200 })).toEqual({ ok: true, value: '北京示例有限公司' });
  });

  it('writes a number cell out in full', () => {
    expect(parseTextCell(13800138000, { maxLength: 40 })).toEqual({ ok: true, value: '13800138000' });
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(parseTextCell('𠀀'.repeat(100), { maxLength: 100 })).toMatchObject({ ok: true });
    expect(parseTextCell('名'.repeat(201), { maxLength: 200 })).toMatchObject({ ok: false, reason: { code: 'too-long', en: 'At most 200 characters; this has 201.' } });
  });

  it('keeps line breaks only in multi-line fields', () => {
    expect(parseTextCell('第一行\n第二行', { maxLength: 500, multiline: true })).toEqual({ ok: true, value: '第一行\n第二行' });
    expect(parseTextCell('张\n三', { maxLength: 100 })).toMatchObject({ ok: false, reason: { code: 'line-break' } });
  });

  it('refuses a logical value', () => {
    expect(parseTextCell(true, { maxLength: 100 })).toMatchObject({ ok: false, reason: { code: 'logical-value' } });
  });

  it.each([null, '', '   ', '\u3000\u200B'])('treats %j as not given', (cell) => {
    expect(isBlankCell(cell)).toBe(true);
  });

  // The import must refuse exactly what the API refuses, or a previewed row would fail when saved.
  it.each([
    'a\u0000b', 'a\tb', 'a\u2028b', 'a\uD800b', 'a\uFFFDb', 'evil\u202Etxt', 'a\u200Bb', '\u2062\u2063', '\u{E0041}', '\u034F', '\u3164',
    '👨\u200D👩\u200D👧', 'Café Ltd', '北京示例有限公司', 'line one\nline two',
  ])('agrees with the API about %j', (text) => {
    for (const mode of ['line', 'multiline'] as const) {
      const api = cleanText(text, mode);
      const ours = findTextProblem(api.value, { multiline: mode === 'multiline' });
      expect(ours === null, `${mode}: ${ours?.code} vs ${api.problem}`).toBe(api.problem === null);
    }
  });
});
