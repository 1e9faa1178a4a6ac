import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, splitIsoDate, toDayNumber } from '../dates/civil-date.ts';
import { excelSerialToIsoDate, isoDateToExcelSerial } from './excel-serial-date.ts';
import { parseDateCell } from './parse-date-cell.ts';

describe('Excel serial dates (1900 date system)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45292, '2024-01-01'],
    [2958465, '9999-12-31'],
  ])('serial %d is %s, and back', (serial, date) => {
    expect(excelSerialToIsoDate(serial)).toBe(date);
    expect(isoDateToExcelSerial(date)).toBe(serial);
    expect(parseDateCell(serial)).toEqual({ ok: true, value: date });
  });

  it("refuses serial 60, Excel's 1900-02-29 that never was", () => {
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(parseDateCell(60)).toMatchObject({ ok: false, reason: { code: 'excel-1900-02-29' } });
  });

  it('ignores the time of day in a fractional serial', () => {
    expect(parseDateCell(45292.75)).toEqual({ ok: true, value: '2024-01-01' });
  });

  it.each([0, -1, 2958466, Number.NaN])('refuses %d, outside the serial range', (serial) => {
    expect(parseDateCell(serial)).toMatchObject({ ok: false });
  });
});

describe('parseDateCell', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    ['20240105', '2024-01-05'],
    [20240105, '2024-01-05'],
    ['  2024-01-05  ', '2024-01-05'],
    ['2024-01-05 10:30:00', '2024-01-05'],
    ['2024-01-05T10:30:00+08:00', '2024-01-05'],
    ['2024/1/5 上午 10:00', '2024-01-05'],
    ['2024年1月5日 14:05', '2024-01-05'],
    ['２０２４／１／５', '2024-01-05'],
    ['２０２４年１月５日', '2024-01-05'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %j as %s', (cell, date) => {
    expect(parseDateCell(cell)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['2023-02-29', 'impossible-date'],
    ['2024-13-01', 'impossible-date'],
    ['2024/4/31', 'impossible-date'],
    ['2024/01-05', 'bad-date'],
    ['24/1/5', 'bad-date'],
    ['5/1/2024', 'bad-date'],
    ['2024', 'bad-date'],
    ['下个月', 'bad-date'],
    [true, 'logical-value'],
  ])('refuses %j as %s', (cell, code) => {
    expect(parseDateCell(cell)).toMatchObject({ ok: false, reason: { code } });
  });

  it('formats of one date, typed as YYYY/M/D or held as an Excel serial, read back as that date', () => {
    const day = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('9999-12-31') }).map(fromDayNumber);
    fc.assert(fc.property(day, (date) => {
      const { year, month, day: d } = splitIsoDate(date);
      const serial = isoDateToExcelSerial(date);
      const typed = parseDateCell(`${year}/${month}/${d}`);
      const fromSerial = serial === null ? null : parseDateCell(serial);
      return typed.ok && typed.value === date && fromSerial !== null && fromSerial.ok && fromSerial.value === date;
    }));
  });
});
