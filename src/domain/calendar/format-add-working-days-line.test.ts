import { describe, expect, it } from 'vitest';
import { builtinArrangements } from './builtin-arrangements.ts';
import { createCalendar } from './create-calendar.ts';
import { formatAddWorkingDaysLine } from './format-add-working-days-line.ts';

const calendar = createCalendar(builtinArrangements);
const format = (line: string) => formatAddWorkingDaysLine(calendar, line);

describe('formatAddWorkingDaysLine', () => {
  it('answers `YYYY-MM-DD N` with signs, tabs, surrounding blanks and a trailing \\r', () => {
    expect(format('2026-02-13 1')).toBe('2026-02-14');
    expect(format('\t2026-02-13\t+1 \r')).toBe('2026-02-14');
    expect(format('2026-02-24 -1')).toBe('2026-02-14');
    expect(format('2026-02-15 0')).toBe('2026-02-24');
    expect(format('2026-02-15 -0')).toBe('2026-02-24');
    expect(format('2026-12-31 1')).toBe('2027-01-01 provisional');
  });

  it('answers a bad line with ERROR and a reason naming it', () => {
    expect(format('')).toBe('ERROR empty line');
    expect(format('2026-02-13')).toBe('ERROR malformed line "2026-02-13": expected "YYYY-MM-DD N"');
    expect(format('2026-02-131')).toMatch(/^ERROR malformed line/);
    expect(format('2026-02-13 1 2')).toMatch(/^ERROR malformed line/);
    expect(format('2026-02-13 1.5')).toMatch(/^ERROR malformed line/);
    expect(format('2026-02-13 12345678')).toMatch(/^ERROR malformed line/);
    expect(format('2026-02-30 1')).toBe('ERROR Invalid date "2026-02-30": expected a real date written YYYY-MM-DD');
    expect(format('2150-12-30 9999')).toBe(
      'ERROR The result of adding 9999 working days to 2150-12-30 is outside the supported range 1950-01-01..2150-12-31',
    );
  });
});
