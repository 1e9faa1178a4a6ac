import { describe, expect, it } from 'vitest';
import { ClientCreate } from '../../modules/clients/schemas.ts';
import { LicenceCreate } from '../../modules/licences/schemas.ts';
import { validatorCompiler } from '../../platform/http/validation.ts';
import { listImportFields, type ImportFieldKey, type ImportKind } from './import-fields.ts';
import { validateImportRow, type ClientImport } from './validate-import-row.ts';

const today = '2026-03-01';
const apiBody = (schema: unknown) => validatorCompiler({ schema, method: 'POST', url: '/', httpPart: 'body' }) as (data: unknown) => boolean;

/** A row in template column order, from a partial record of cells. */
function rowOf<K extends ImportKind>(kind: K, cells: Partial<Record<ImportFieldKey<K>, string | number | null>>) {
  const fields = listImportFields(kind);
  return { kind, today, mapping: fields.map((f) => f.key), cells: fields.map((f) => (cells as Record<string, string | number | null>)[f.key] ?? null) };
}

describe('validateImportRow: clients', () => {
  it("reads the template's example row into a body the API accepts", () => {
    const fields = listImportFields('clients');
    const result = validateImportRow({ kind: 'clients', today, mapping: fields.map((f) => f.key), cells: fields.map((f) => f.example) });
    expect(result).toMatchObject({ ok: true, value: { name: '福州示例科技有限公司', uscc: '91350100M000100Y43', registeredCapital: 10_000_000, province: 'FJ' } });
    if (result.ok) {
      const asApi: ClientCreate = result.value;
      expect(apiBody(ClientCreate)(asApi)).toBe(true);
    }
  });

  it('reads full-width, lower-case and unit-laden cells, and leaves blanks out', () => {
    const result = validateImportRow(rowOf('clients', {
      name: ' 北京示例有限公司 ', uscc: '９１３５０１００ｍ０００１００ｙ４３', registeredCapital: '1.5亿', province: '京', contactPhone: 13800138000, foreignSharePercent: '49.5%',
    }));
    expect(result).toEqual({ ok: true, value: { name: '北京示例有限公司', uscc: '91350100M000100Y43', registeredCapital: 150_000_000, province: 'BJ', contactPhone: '13800138000', foreignSharePercent: 49.5 } });
    if (result.ok) expect(apiBody(ClientCreate)(result.value)).toBe(true);
  });

  it('reports every problem in the row, each in its column', () => {
    const result = validateImportRow(rowOf('clients', { name: '示例公司', uscc: '91350100M000100Y4Z', registeredCapital: '0.5', contactEmail: 'not-an-email' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.column, e.field, e.reason.code])).toEqual([
        [1, 'uscc', 'bad-check'], [3, 'registeredCapital', 'not-whole-yuan'], [9, 'contactEmail', 'bad-email'],
      ]);
    }
  });

  it('marks a code with a failing check character for override when the caller accepts those', () => {
    const result = validateImportRow({ ...rowOf('clients', { name: '示例公司', uscc: '91350100M000100Y4Z' }), acceptUsccCheckFailure: true });
    expect(result).toEqual({ ok: true, value: { name: '示例公司', uscc: '91350100M000100Y4Z', usccOverride: true } satisfies ClientImport });
  });

  it('says when a required column is missing or a required cell is empty', () => {
    const result = validateImportRow({ kind: 'clients', today, mapping: [null, 'name'], cells: ['x', ''] });
    expect(result).toMatchObject({ ok: false, errors: [{ column: null, field: 'uscc', reason: { code: 'column-missing' } }, { column: 1, field: 'name', reason: { code: 'required' } }] });
  });

  it('ignores unmapped columns and reads a repeated field from its leftmost column', () => {
    const result = validateImportRow({ kind: 'clients', today, mapping: ['name', null, 'uscc', 'name'], cells: ['甲公司', 'whatever', '91350100M000100Y43', '乙公司'] });
    expect(result).toEqual({ ok: true, value: { name: '甲公司', uscc: '91350100M000100Y43' } });
  });
});

describe('validateImportRow: licences', () => {
  it("reads the template's example row into a body the API accepts (with the holder's id added)", () => {
    const fields = listImportFields('licences');
    const result = validateImportRow({ kind: 'licences', today, mapping: fields.map((f) => f.key), cells: fields.map((f) => f.example) });
    expect(result).toEqual({ ok: true, value: {
      licenceNumber: '闽B2-20240001', holderUscc: '91350100M000100Y43', holderName: '福州示例科技有限公司', services: [{ serviceCode: 'B24-1', scope: 'FJ' }],
      issuedOn: '2024-01-05', expiresOn: '2029-01-05', annualReportsFiled: [2025], notes: '',
    } });
    if (result.ok) {
      const { holderUscc: _u, holderName: _n, annualReportsFiled: _a, ...rest } = result.value;
      const body: LicenceCreate = { ...rest, clientId: '00000000-0000-4000-8000-000000000000' };
      expect(apiBody(LicenceCreate)(body)).toBe(true);
    }
  });

  it('reads the scope from the number when none is given', () => {
    const base = { holderUscc: '91350100M000100Y43', services: 'B24-1、B21', issuedOn: 45292 };
    expect(validateImportRow(rowOf('licences', { ...base, licenceNumber: 'B2-20190001' }))).toMatchObject({
      ok: true, value: { licenceNumber: 'B2-20190001', issuedOn: '2024-01-01', services: [{ serviceCode: 'B24-1', scope: 'cross-regional' }, { serviceCode: 'B21', scope: 'cross-regional' }], annualReportsFiled: [], notes: '' },
    });
    expect(validateImportRow(rowOf('licences', { ...base, licenceNumber: '京b2－20191218' }))).toMatchObject({
      ok: true, value: { licenceNumber: '京B2-20191218', services: [{ scope: 'BJ' }, { scope: 'BJ' }] },
    });
  });

  it('refuses a scope and a service that do not fit the number, naming both', () => {
    const result = validateImportRow(rowOf('licences', { licenceNumber: '京B2-20191218', holderUscc: '91350100M000100Y43', services: 'B11', scope: '全网', issuedOn: '2019-12-18' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.field, e.reason.code])).toEqual([['services', 'licence-number-misfit'], ['scope', 'licence-number-misfit']]);
      expect(result.errors[0].reason.zh).toContain('B1');
      expect(result.errors[1].reason.zh).toContain('跨地区');
    }
    expect(validateImportRow(rowOf('licences', { licenceNumber: '京B2-20191218', holderUscc: '91350100M000100Y43', services: 'B24-1', scope: '北京', issuedOn: '2019-12-18' }))).toMatchObject({ ok: true });
  });

  it('checks dates against each other and against today', () => {
    const result = validateImportRow(rowOf('licences', {
      licenceNumber: 'B2-20270001', holderUscc: '91350100M000100Y43', services: 'B24-1', issuedOn: '2026-06-01', expiresOn: '2026-01-01', annualReportsFiled: '2025,2027',
    }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.field, e.reason.code])).toEqual([
        ['licenceNumber', 'number-year-after-issue'], ['issuedOn', 'issued-in-future'], ['expiresOn', 'expires-before-issue'],
        ['annualReportsFiled', 'year-in-future'], ['annualReportsFiled', 'year-outside-term'],
      ]);
    }
  });

  it('keeps annual-report years within the licence term, five years when no expiry is given', () => {
    const base = { licenceNumber: 'B2-20190001', holderUscc: '91350100M000100Y43', services: 'B24-1', issuedOn: '2019-03-01' };
    expect(validateImportRow(rowOf('licences', { ...base, annualReportsFiled: '2019、2024' }))).toMatchObject({ ok: true, value: { annualReportsFiled: [2019, 2024] } });
    const result = validateImportRow(rowOf('licences', { ...base, annualReportsFiled: '2018,2025' }));
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'annualReportsFiled', reason: { code: 'year-outside-term' } }] });
    if (!result.ok) expect(result.errors[0].reason.zh).toContain('2018、2025');
  });

  it('reports three problems in one row, not just the first', () => {
    const result = validateImportRow(rowOf('licences', { licenceNumber: '京ICP备12345678号', holderUscc: '91350100M000100Y4Z', services: 'B24-1、B99', issuedOn: '2024-01-05' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.column, e.field, e.reason.code])).toEqual([
        [0, 'licenceNumber', 'icp-filing'], [1, 'holderUscc', 'bad-check'], [3, 'services', 'unknown-service'],
      ]);
    }
  });

  it('refuses a malformed today, a programming error', () => {
    expect(() => validateImportRow({ kind: 'licences', today: '2026-3-1', mapping: [], cells: [] })).toThrow(RangeError);
  });
});
