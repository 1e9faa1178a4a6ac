import { describe, expect, it } from 'vitest';
import { parseEmailCell, parsePhoneCell } from './parse-contact-cells.ts';

describe('parsePhoneCell', () => {
  it.each([
    ['010-12345678', '010-12345678'],
    [13800138000, '13800138000'],
    ['+86 (10) 1234 5678', '+86 (10) 1234 5678'],
    ['０１０－１２３４５６７８', '010-12345678'],
    ['（010）12345678', '(010)12345678'],
  ])('reads %j as %s', (cell, phone) => {
    expect(parsePhoneCell(cell)).toEqual({ ok: true, value: phone });
  });

  it.each(['010-12345678转8001', 'ext. 12', '1'.repeat(41)])('refuses %j', (cell) => {
    expect(parsePhoneCell(cell)).toMatchObject({ ok: false });
  });
});

describe('parseEmailCell', () => {
  it('reads an address, converting full-width characters', () => {
    expect(parseEmailCell(' contact@example.com ')).toEqual({ ok: true, value: 'contact@example.com' });
    expect(parseEmailCell('ｃｏｎｔａｃｔ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toEqual({ ok: true, value: 'contact@example.com' });
  });

  it.each(['contact', 'a@b', 'a b@example.com', '张三@example.com'])('refuses %j', (cell) => {
    expect(parseEmailCell(cell)).toMatchObject({ ok: false, reason: { code: 'bad-email' } });
  });
});
