import { describe, expect, it } from 'vitest';
import { arrangementLimits } from './arrangement-limits.ts';
import { parseHolidayCnJson } from './parse-holiday-cn-json.ts';
import type { ArrangementCheck } from './validate-arrangement.ts';
import { validateArrangement } from './validate-arrangement.ts';

const codes = (check: ArrangementCheck) => (check.ok ? [] : check.errors.map((e) => `${e.code} ${e.path}`));
const newYear = { date: '2027-01-01', isOffDay: true, name: '元旦' };
const typed = (over: Record<string, unknown>) => ({ year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知', papers: [], days: [newYear], ...over });
const file = (over: Record<string, unknown>) => ({ year: 2027, papers: [], days: [newYear], ...over });
const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://www.gov.cn/notice-${i}.htm`);

// The holiday-cn path used to skip these: a 150,000-character name and 2,001 papers were accepted.
describe.each([
  ['a holiday-cn file (parseHolidayCnJson)', (over: Record<string, unknown>) => parseHolidayCnJson(file(over))],
  ['a typed arrangement (validateArrangement)', (over: Record<string, unknown>) => validateArrangement(typed(over), [])],
])('size limits of %s', (_label, check) => {
  it('refuses an arrangement with no days, which would mark the year official with no holidays', () => {
    expect(codes(check({ days: [] }))).toEqual(['NO_DAYS days']);
  });

  it('refuses an over-long holiday name, naming the day', () => {
    expect(codes(check({ days: [newYear, { ...newYear, date: '2027-01-02', name: '节'.repeat(150_000) }] }))).toEqual(['TOO_LONG days[1].name']);
    expect(check({ days: [{ ...newYear, name: '节'.repeat(arrangementLimits.nameMaxLength) }] }).ok).toBe(true);
  });

  it('refuses too many papers or too long a paper URL', () => {
    expect(codes(check({ papers: urls(2001) }))).toEqual(['TOO_MANY papers']);
    expect(codes(check({ papers: ['https://x/' + 'a'.repeat(600)] }))).toEqual(['TOO_LONG papers[0]']);
    expect(check({ papers: urls(arrangementLimits.papersMaxItems) }).ok).toBe(true);
  });

  it('refuses more days than any notice lists', () => {
    const days = Array.from({ length: arrangementLimits.daysMaxItems + 1 }, () => newYear);
    expect(codes(check({ days }))).toEqual(['TOO_MANY days']);
  });
});

describe('size limits of a typed arrangement only', () => {
  it('refuses an empty or over-long notice title', () => {
    expect(codes(validateArrangement(typed({ source: '   ' }), []))).toEqual(['INVALID_SHAPE source']);
    expect(codes(validateArrangement(typed({ source: '通'.repeat(301) }), []))).toEqual(['TOO_LONG source']);
  });
});
