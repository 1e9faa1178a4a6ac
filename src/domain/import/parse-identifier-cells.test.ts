import { describe, expect, it } from 'vitest';
import { parseLicenceNumberCell, parseUsccCell } from './parse-identifier-cells.ts';

describe('parseUsccCell', () => {
  it.each([
    ['91350100M000100Y43', '91350100M000100Y43'],
    [' 91350100m000100y43 ', '91350100M000100Y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['9135 0100 M000 100Y 43', '91350100M000100Y43'],
  ])('normalises %j', (cell, code) => {
    expect(parseUsccCell(cell)).toEqual({ ok: true, value: code });
  });

  it("reports the identifier module's reason, in both languages", () => {
    const parsed = parseUsccCell('91350100M000100Y4Z');
    expect(parsed).toMatchObject({ ok: false, reason: { code: 'bad-check' } });
    if (!parsed.ok) {
      expect(parsed.reason.zh).toContain('校验码');
      expect(parsed.reason.en).toContain('check character');
    }
    expect(parseUsccCell('91350100M000100Y4')).toMatchObject({ ok: false, reason: { code: 'length' } });
  });

  it('accepts a failing check character only when asked', () => {
    expect(parseUsccCell('91350100M000100Y4Z', { acceptCheckFailure: true })).toEqual({ ok: true, value: '91350100M000100Y4Z' });
    expect(parseUsccCell('91350100M000100Y4', { acceptCheckFailure: true })).toMatchObject({ ok: false, reason: { code: 'length' } });
  });

  it('explains a code Excel stored as a number', () => {
    expect(parseUsccCell(913501001234567900)).toMatchObject({ ok: false, reason: { code: 'stored-as-number' } });
  });
});

describe('parseLicenceNumberCell', () => {
  it.each([
    ['京B2-20191218', '京B2-20191218'],
    ['B2-20190001', 'B2-20190001'],
    ['京Ｂ２－２０１９１２１８', '京B2-20191218'],
    ['沪b2–20240001', '沪B2-20240001'],
    ['沪B2.B1-20240006', '沪B1.B2-20240006'],
    ['ICP证沪B2-20240001号', '沪B2-20240001'],
  ])('reads %j in canonical form', (cell, number) => {
    expect(parseLicenceNumberCell(cell)).toEqual({ ok: true, value: number });
  });

  it('refuses an ICP filing number, saying it is not a licence', () => {
    expect(parseLicenceNumberCell('京ICP备12345678号')).toMatchObject({ ok: false, reason: { code: 'icp-filing' } });
    expect(parseLicenceNumberCell('京B3-20191218')).toMatchObject({ ok: false, reason: { code: 'bad-category' } });
    expect(parseLicenceNumberCell(20191218)).toMatchObject({ ok: false, reason: { code: 'stored-as-number' } });
  });
});
