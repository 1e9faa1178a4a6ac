import type { IsoDate } from '../calendar/types.ts';
import { formatIsoDate, isRealDate } from '../dates/civil-date.ts';
import { readFilledCellText, reject, toHalfWidth, type CellParse, type CellValue } from './cell-value.ts';
import { EXCEL_PHANTOM_LEAP_DAY, EXCEL_SERIAL_RANGE, excelSerialToIsoDate } from './excel-serial-date.ts';

// 2024-01-05, 2024/1/5, 2024.1.5 (one separator throughout) or 2024年1月5日; then an optional time, which is ignored.
const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const TIME = /(?:T|\s+)(?:上午|下午|AM|PM)?\s*\d{1,2}[:时]\d{1,2}(?:[:分]\d{1,2}(?:\.\d+)?秒?)?\s*(?:Z|[+-]\d{2}:?\d{2}|AM|PM)?$/i;

const formats = {
  zh: '可用格式：2024-01-05、2024/1/5、2024.1.5、2024年1月5日、20240105，或 Excel 日期单元格',
  en: 'accepted: 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105, or an Excel date cell',
};

function fromParts(text: string, parts: [string, string, string]): CellParse<IsoDate> {
  const date = { year: Number(parts[0]), month: Number(parts[1]), day: Number(parts[2]) };
  if (!isRealDate(date)) return reject('impossible-date', { zh: `“${text}”不是存在的日期。`, en: `'${text}' is not a real date.` });
  return { ok: true, value: formatIsoDate(date) };
}

function fromSerial(serial: number): CellParse<IsoDate> {
  if (Math.floor(serial) === EXCEL_PHANTOM_LEAP_DAY) {
    return reject('excel-1900-02-29', { zh: 'Excel 序号60对应不存在的1900年2月29日，请填写实际日期。', en: 'Excel serial 60 is the 29 February 1900 that never existed; enter the real date.' });
  }
  // A whole number that reads as YYYYMMDD (20240105) is a date typed without separators, not a serial.
  if (Number.isInteger(serial) && serial >= 10_000_101) return fromCompact(String(serial));
  const date = excelSerialToIsoDate(serial);
  if (date === null) {
    return reject('bad-date', { zh: `数字 ${serial} 不是日期（Excel 日期序号应在${EXCEL_SERIAL_RANGE.min}–${EXCEL_SERIAL_RANGE.max}之间）；${formats.zh}。`, en: `The number ${serial} is not a date (Excel date serials run ${EXCEL_SERIAL_RANGE.min}–${EXCEL_SERIAL_RANGE.max}); ${formats.en}.` });
  }
  return { ok: true, value: date };
}

function fromCompact(text: string): CellParse<IsoDate> {
  const m = COMPACT.exec(text);
  if (!m) return reject('bad-date', { zh: `“${text}”不是日期；${formats.zh}。`, en: `'${text}' is not a date; ${formats.en}.` });
  return fromParts(text, [m[1], m[2], m[3]]);
}

/**
 * A calendar date from a cell: `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`, compact `YYYYMMDD`, each with an
 * optional time that is ignored (full-width digits accepted), or an Excel serial day number (1900 date system).
 * Impossible dates (2023-02-29) are refused.
 */
export function parseDateCell(cell: CellValue): CellParse<IsoDate> {
  if (typeof cell === 'number') return fromSerial(cell);
  const read = readFilledCellText(cell);
  if (!read.ok) return read;
  const text = toHalfWidth(read.value);
  const date = text.replace(TIME, '').trim().replace(/\s+/g, '');
  const m = SEPARATED.exec(date);
  if (m) return fromParts(read.value, [m[1], m[3], m[4]]);
  const zh = CHINESE.exec(date);
  if (zh) return fromParts(read.value, [zh[1], zh[2], zh[3]]);
  return fromCompact(date);
}
