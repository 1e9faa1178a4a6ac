import { describe, expect, it } from 'vitest';
import { formatListCount, lastPageNumber, pageNumberRowLimit, pagerTotal, searchPageNumberRowLimit } from '../../web/src/app/list-count.ts';
import { searchCountCap } from '../../src/modules/clients/list-clients.ts';
import { countCap } from '../../src/platform/db/list-page.ts';

describe('list totals as a table shows them (共 N 条)', () => {
  it('groups thousands of an exact total', () => {
    expect(formatListCount({ total: 0, totalIsExact: true })).toBe('0');
    expect(formatListCount({ total: 7, totalIsExact: true })).toBe('7');
    expect(formatListCount({ total: 9_999, totalIsExact: true })).toBe('9,999');
    expect(formatListCount({ total: 10_000, totalIsExact: true })).toBe('10,000');
  });

  it('says "at least" with a plus when the API stopped counting at its cap', () => {
    expect(formatListCount({ total: 10_000, totalIsExact: false })).toBe('10,000+');
  });

  it('offers page numbers only within the rows the API pages by number', () => {
    expect(pageNumberRowLimit).toBe(countCap);
    for (const pageSize of [10, 20, 50, 100, 200, 3]) {
      const last = lastPageNumber(pageSize);
      // The API refuses page when (page − 1) × pageSize reaches the cap; the last offered page must be answered.
      expect((last - 1) * pageSize).toBeLessThan(countCap);
      expect(last * pageSize).toBeGreaterThanOrEqual(countCap);
    }
  });

  it('the same for a search, which pages by number through its first 1,000 matches', () => {
    expect(searchPageNumberRowLimit).toBe(searchCountCap);
    expect(lastPageNumber(20, searchPageNumberRowLimit)).toBe(50);
    expect((lastPageNumber(200, searchPageNumberRowLimit) - 1) * 200).toBeLessThan(searchCountCap);
  });

  it('counts pages only up to those rows, however large the exact total', () => {
    expect(pagerTotal({ total: 90_002, totalIsExact: true })).toBe(pageNumberRowLimit);
    expect(pagerTotal({ total: 1_000, totalIsExact: false }, searchPageNumberRowLimit)).toBe(1_000);
    expect(pagerTotal({ total: 42, totalIsExact: true })).toBe(42);
    expect(pagerTotal(undefined)).toBe(0);
  });
});
