import { describe, expect, it } from 'vitest';
import { guessColumnMapping, listRepeatedFields, listUnmappedRequiredFields, normalizeHeader } from './guess-column-mapping.ts';
import { listImportFields } from './import-fields.ts';

describe('guessColumnMapping', () => {
  it('maps the template headers of each kind to their own fields', () => {
    for (const kind of ['clients', 'licences'] as const) {
      const fields = listImportFields(kind);
      expect(guessColumnMapping({ kind, headers: fields.map((f) => f.label.zh) })).toEqual(fields.map((f) => f.key));
      expect(guessColumnMapping({ kind, headers: fields.map((f) => f.label.en) })).toEqual(fields.map((f) => f.key));
    }
  });

  it('reads Chinese headers of a sheet kept by hand', () => {
    const headers = ['序号', '客户名称', '统一社会信用代码（18位）', '法人', '注册资金', '所在省份', '注册地址', '联系人', '联系人手机', '电子邮箱', '外资持股比例', '企业类型', '备注'];
    expect(guessColumnMapping({ kind: 'clients', headers })).toEqual([
      null, 'name', 'uscc', 'legalRepresentative', 'registeredCapital', 'province', 'address', 'contactName', 'contactPhone', 'contactEmail', 'foreignSharePercent', null, 'notes',
    ]);
  });

  it('reads English headers, ignoring case, width, spaces and punctuation', () => {
    const headers = ['Company', 'CREDIT CODE', 'Legal Representative', 'Registered Capital (CNY)', 'Province', 'Contact Person', 'Phone', 'E-mail', 'Ｎｏｔｅｓ'];
    expect(guessColumnMapping({ kind: 'clients', headers })).toEqual([
      'name', 'uscc', 'legalRepresentative', 'registeredCapital', 'province', 'contactName', 'contactPhone', 'contactEmail', 'notes',
    ]);
    expect(guessColumnMapping({ kind: 'licences', headers: ['License No.', 'Company Name', 'USCC', 'Services', 'Issue Date', 'Expiry Date', 'Scope', 'Annual Reports'] })).toEqual([
      'licenceNumber', 'holderName', 'holderUscc', 'services', 'issuedOn', 'expiresOn', 'scope', 'annualReportsFiled',
    ]);
  });

  it('matches a longer header by the name it contains, the most specific first', () => {
    expect(guessColumnMapping({ kind: 'licences', headers: ['增值电信业务经营许可证编号', '持证企业统一社会信用代码', '发证日期（年月日）', '许可证有效期截止日期'] })).toEqual([
      'licenceNumber', 'holderUscc', 'issuedOn', 'expiresOn',
    ]);
  });

  it('gives a field to one column only: an exact header beats a contained one, then the leftmost wins', () => {
    expect(guessColumnMapping({ kind: 'clients', headers: ['所属公司名称', '公司名称', '信用代码', 'USCC'] })).toEqual([null, 'name', 'uscc', null]);
  });

  it('leaves blank and unknown headers unmapped', () => {
    expect(guessColumnMapping({ kind: 'clients', headers: ['', null, '行业', 'tel no'] })).toEqual([null, null, null, null]);
  });

  it('normalises headers for comparison', () => {
    expect(normalizeHeader(' 统一社会信用代码（18位）* ')).toBe('统一社会信用代码');
    expect(normalizeHeader('Ｃｒｅｄｉｔ Code:')).toBe('creditcode');
  });
});

describe('listUnmappedRequiredFields and listRepeatedFields', () => {
  it('names the required fields no column holds', () => {
    const mapping = guessColumnMapping({ kind: 'licences', headers: ['许可证编号', '企业名称', '发证日期'] });
    expect(listUnmappedRequiredFields({ kind: 'licences', mapping }).map((f) => f.key)).toEqual(['holderUscc', 'services']);
    expect(listUnmappedRequiredFields({ kind: 'clients', mapping: ['name', 'uscc'] })).toEqual([]);
  });

  it('names a field mapped to two columns by hand', () => {
    expect(listRepeatedFields({ kind: 'clients', mapping: ['name', 'uscc', 'name', null] }).map((f) => f.key)).toEqual(['name']);
  });
});
