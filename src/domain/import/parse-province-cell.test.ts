import { describe, expect, it } from 'vitest';
import { listScopes } from '../catalog/authorities.ts';
import { provinces } from '../geo/provinces.ts';
import { parseProvinceCell, parseScopeCell } from './parse-province-cell.ts';

describe('parseProvinceCell', () => {
  it.each([
    ['GD', 'GD'], ['gd', 'GD'], ['CN-GD', 'GD'], ['ＧＤ', 'GD'],
    ['广东', 'GD'], ['广东省', 'GD'], ['北京市', 'BJ'], ['北京', 'BJ'],
    ['内蒙古自治区', 'NM'], ['内蒙古', 'NM'], ['广西壮族自治区', 'GX'], ['广西', 'GX'], ['新疆', 'XJ'], ['香港特别行政区', 'HK'],
    ['Guangdong', 'GD'], ['guangdong province', 'GD'], ['Inner Mongolia', 'NM'], ['Shaanxi', 'SN'], ['Shanxi', 'SX'],
    ['粤', 'GD'], ['陕', 'SN'], ['晋', 'SX'],
    [440000, 'GD'], ['440000', 'GD'], ['440300', 'GD'], [110105, 'BJ'],
  ])('reads %j as %s', (cell, code) => {
    expect(parseProvinceCell(cell)).toEqual({ ok: true, value: code });
  });

  it('reads every province by code, Chinese name, short name, English name and abbreviation', () => {
    for (const p of provinces) {
      for (const form of [p.code, p.zh, p.en, p.abbr, `${p.gbPrefix}0000`]) expect(parseProvinceCell(form), form).toEqual({ ok: true, value: p.code });
    }
  });

  it.each(['深圳', 'XX', '100000', '4400', 'Guangdong City'])('refuses %j', (cell) => {
    expect(parseProvinceCell(cell)).toMatchObject({ ok: false, reason: { code: 'unknown-province' } });
  });
});

describe('parseScopeCell', () => {
  it.each([
    ['全网', 'cross-regional'], ['跨地区', 'cross-regional'], ['跨地区经营', 'cross-regional'], ['跨地区（全网）', 'cross-regional'],
    ['cross-regional', 'cross-regional'], ['Cross Regional', 'cross-regional'], ['nationwide', 'cross-regional'],
    ['京', 'BJ'], ['广东省', 'GD'], ['SH', 'SH'], ['310000', 'SH'],
  ])('reads %j as %s', (cell, scope) => {
    expect(parseScopeCell(cell)).toEqual({ ok: true, value: scope });
  });

  it('gives only scopes the API accepts', () => {
    for (const p of provinces) {
      const parsed = parseScopeCell(p.zh);
      if (parsed.ok) expect(listScopes()).toContain(parsed.value);
    }
  });

  it('refuses Hong Kong, Macao and Taiwan, which issue no mainland licence', () => {
    for (const cell of ['香港', 'Macao', '台湾省']) expect(parseScopeCell(cell)).toMatchObject({ ok: false, reason: { code: 'no-issuing-authority' } });
  });

  it('refuses what is neither', () => {
    expect(parseScopeCell('全世界')).toMatchObject({ ok: false, reason: { code: 'unknown-scope' } });
  });
});
