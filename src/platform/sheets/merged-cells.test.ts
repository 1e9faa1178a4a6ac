import { describe, expect, it } from 'vitest';
import { createMergeFiller, createMergeScanner, parseMergeRef } from './merged-cells.ts';

describe('parseMergeRef', () => {
  it('reads ranges in either corner order, absolute refs and single cells; refuses what is not a range', () => {
    expect(parseMergeRef('A1:C3')).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseMergeRef('C3:A1')).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseMergeRef('$AA$10:$AB$12')).toEqual({ top: 10, left: 27, bottom: 12, right: 28 });
    expect(parseMergeRef('B2')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseMergeRef('A0:B2')).toBeNull();
    expect(parseMergeRef('not a range')).toBeNull();
  });
});

describe('createMergeScanner', () => {
  it('finds every mergeCell tag however the XML is cut into chunks', () => {
    const xml = Buffer.from('<sheetData><row r="1"><c r="A1"/></row></sheetData><mergeCells count="3"><mergeCell ref="A1:B1"/><mergeCell ref="C2:C5"/><mergeCell  ref="D1:E2"/></mergeCells>');
    for (const size of [1, 3, 7, 11, 64, xml.length]) {
      const scanner = createMergeScanner();
      for (let at = 0; at < xml.length; at += size) scanner.push(xml.subarray(at, at + size));
      expect(scanner.ranges(), `chunks of ${size}`).toEqual([
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 2, left: 3, bottom: 5, right: 3 },
        { top: 1, left: 4, bottom: 2, right: 5 },
      ]);
    }
  });

  it('cuts a merge reaching past column 256 and ignores one starting beyond it', () => {
    const scanner = createMergeScanner();
    scanner.push(Buffer.from('<mergeCell ref="A1:XFD1"/><mergeCell ref="XFA2:XFD2"/>'));
    expect(scanner.ranges()).toEqual([{ top: 1, left: 1, bottom: 1, right: 256 }]);
  });
});

describe('createMergeFiller', () => {
  it('copies the master value across and down its range, leaving cells outside it alone', () => {
    const fill = createMergeFiller([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 1, bottom: 4, right: 1 },
    ]);
    expect(fill(1, ['标题'])).toEqual(['标题', '标题', '标题']);
    expect(fill(2, ['甲公司', 'x'])).toEqual(['甲公司', 'x']);
    expect(fill(3, [null, 'y'])).toEqual(['甲公司', 'y']);
    expect(fill(4, [null, 'z', 'w'])).toEqual(['甲公司', 'z', 'w']);
    expect(fill(5, [null, 'v'])).toEqual([null, 'v']);
  });

  it('fills with null when the master row never came, and survives overlapping ranges', () => {
    const fill = createMergeFiller([
      { top: 1, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 1, bottom: 2, right: 2 },
    ]);
    expect(fill(2, [null, 'b'])).toEqual([null, 'b']);
    expect(fill(3, [null, 'c'])).toEqual([null, 'c']);
  });
});
