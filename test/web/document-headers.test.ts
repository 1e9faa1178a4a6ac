import { describe, expect, it } from 'vitest';
import { readFileName, readMissingFacts } from '../../web/src/features/applications/document-headers.ts';

describe('a drafted document’s headers, as the checklist reads them', () => {
  it('lists the facts the server left as 【待补充】 (x-document-missing is URI-encoded JSON)', () => {
    expect(readMissingFacts(encodeURIComponent(JSON.stringify(['经营模式', '中继线路'])))).toEqual(['经营模式', '中继线路']);
    expect(readMissingFacts(encodeURIComponent('[]'))).toEqual([]);
  });

  it('reads a missing, malformed or unexpected header as nothing missing, never as a crash', () => {
    expect(readMissingFacts(null)).toEqual([]);
    expect(readMissingFacts('%E0%A4%A')).toEqual([]);
    expect(readMissingFacts(encodeURIComponent('{"a":1}'))).toEqual([]);
    expect(readMissingFacts(encodeURIComponent('["经营模式",3]'))).toEqual(['经营模式']);
  });

  it('names the download by its UTF-8 name, else the ASCII fallback, else the given one', () => {
    const disposition = `attachment; filename="____.docx"; filename*=UTF-8''${encodeURIComponent('申请材料目录.docx')}`;
    expect(readFileName(disposition, 'x.docx')).toBe('申请材料目录.docx');
    expect(readFileName('attachment; filename="index.docx"', 'x.docx')).toBe('index.docx');
    expect(readFileName(null, 'materials-index.docx')).toBe('materials-index.docx');
  });
});
