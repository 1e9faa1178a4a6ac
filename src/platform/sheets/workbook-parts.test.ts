import { describe, expect, it } from 'vitest';
import { declareLocaleDateFormats, findFirstVisibleWorksheet, findWorkbookPart, parseRelationships, parseWorkbookXml } from './workbook-parts.ts';

const workbookXml = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r">
<workbookPr date1904="true"/><sheets>
<sheet name="隐藏 &amp; 旧" sheetId="1" state="hidden" r:id="rId1"/>
<sheet name="Chart" sheetId="2" r:id="rId2"/>
<sheet name="Very" sheetId="3" state="veryHidden" r:id="rId3"/>
<sheet name="数据" sheetId="4" r:id="rId4"/>
<sheet name="Later" sheetId="5" r:id="rId5"/>
</sheets></workbook>`;

const relsXml = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/Sheet9.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet5.xml"/>
<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="SharedStrings.xml"/>
</Relationships>`;

describe('workbook parts', () => {
  it('lists sheets in tab order with their visibility and the 1904 date system', () => {
    const book = parseWorkbookXml(workbookXml);
    expect(book.date1904).toBe(true);
    expect(book.sheets.map((s) => [s.name, s.state, s.relationshipId])).toEqual([
      ['隐藏 & 旧', 'hidden', 'rId1'],
      ['Chart', 'visible', 'rId2'],
      ['Very', 'veryHidden', 'rId3'],
      ['数据', 'visible', 'rId4'],
      ['Later', 'visible', 'rId5'],
    ]);
    expect(parseWorkbookXml('<workbook><sheets/></workbook>').date1904).toBe(false);
  });

  it('picks the first visible worksheet, passing over hidden sheets and chart sheets, with part names in any case', () => {
    const rels = parseRelationships(relsXml);
    const parts = new Set(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet9.xml', 'xl/worksheets/sheet5.xml']);
    expect(findFirstVisibleWorksheet(parseWorkbookXml(workbookXml), rels, (p) => parts.has(p))).toEqual({ name: '数据', partPath: 'xl/worksheets/sheet9.xml' });
    parts.delete('xl/worksheets/sheet9.xml');
    expect(findFirstVisibleWorksheet(parseWorkbookXml(workbookXml), rels, (p) => parts.has(p))?.name).toBe('Later');
    expect(findWorkbookPart(rels, 'sharedStrings')).toBe('xl/sharedstrings.xml');
    expect(findWorkbookPart(rels, 'styles')).toBeNull();
  });

  it('declares the Chinese built-in date formats that Excel writes by id alone', () => {
    const amended = declareLocaleDateFormats('<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="176" formatCode="0.0"/></numFmts><cellXfs/></styleSheet>');
    expect(amended).toContain('<numFmt numFmtId="31" formatCode="yyyy-mm-dd"/>');
    expect(amended).toContain('<numFmt numFmtId="57" formatCode="yyyy-mm-dd"/>');
    expect(amended).toContain('<numFmt numFmtId="176" formatCode="0.0"/>');
    expect(declareLocaleDateFormats('<styleSheet xmlns="x"><cellXfs/></styleSheet>')).toMatch(/^<styleSheet xmlns="x"><numFmts><numFmt numFmtId="27"/);
    const own = declareLocaleDateFormats('<styleSheet><numFmts count="1"><numFmt numFmtId="31" formatCode="yyyy&quot;年&quot;"/></numFmts></styleSheet>');
    expect(own.match(/numFmtId="31"/g)).toHaveLength(1);
  });
});
