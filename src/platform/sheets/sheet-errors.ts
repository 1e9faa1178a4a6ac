import { AppError, type Bilingual } from '../errors/app-error.ts';

const saveAsHint: Bilingual = { zh: '请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后重新上传', en: 'Save it from Excel as .xlsx or CSV (UTF-8) and upload it again' };

/** Not a spreadsheet, or a corrupt one: `found` says what it is instead (e.g. a PNG image, a broken zip). */
export function sheetUnreadable(found: Bilingual, details: Record<string, unknown> = {}): AppError {
  return new AppError(
    'SHEET_UNREADABLE',
    { zh: `无法读取此表格：${found.zh}。${saveAsHint.zh}`, en: `This spreadsheet cannot be read: ${found.en}. ${saveAsHint.en}` },
    { reason: found.en, ...details },
  );
}

/** No visible worksheet, no rows, or headings only. */
export function sheetEmpty(what: Bilingual = { zh: '表格中没有数据行', en: 'The spreadsheet has no data rows' }): AppError {
  return new AppError('SHEET_EMPTY', what);
}

/** An XLSX that inflates past `limitBytes`, counted from the bytes actually inflated (a zip bomb, or just too big). */
export function sheetTooLargeUncompressed(limitBytes: number): AppError {
  const mb = Math.round(limitBytes / 1024 / 1024);
  return new AppError(
    'SHEET_TOO_LARGE_UNCOMPRESSED',
    { zh: `表格解压后超过 ${mb} MB 上限，请拆分为多个文件`, en: `The spreadsheet is larger than ${mb} MB once unzipped; split it into several files` },
    { limitBytes },
  );
}

/** More data rows than `limit`; `rowNumber` is the spreadsheet row where the limit was passed. */
export function sheetTooManyRows(limit: number, rowNumber: number): AppError {
  const n = limit.toLocaleString('en-US');
  return new AppError(
    'SHEET_TOO_MANY_ROWS',
    { zh: `数据超过 ${n} 行的上限（第 ${rowNumber} 行起），请拆分为多个文件`, en: `More than ${n} data rows (the limit), from row ${rowNumber}; split it into several files` },
    { limit, rowNumber },
  );
}

/** A CSV whose bytes are not valid in its encoding; `nearRow` is where the decoder stopped, when known. */
export function sheetEncoding(problem: Bilingual, nearRow?: number): AppError {
  const where: Bilingual = nearRow === undefined ? { zh: '', en: '' } : { zh: `（约第 ${nearRow} 行）`, en: ` (near row ${nearRow})` };
  return new AppError(
    'SHEET_ENCODING',
    {
      zh: `CSV 文件编码无法识别${where.zh}：${problem.zh}。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”`,
      en: `The CSV file's encoding cannot be read${where.en}: ${problem.en}. Save it from Excel as "CSV UTF-8 (comma delimited)"`,
    },
    { reason: problem.en, ...(nearRow === undefined ? {} : { nearRow }) },
  );
}

/** Any failure inside the zip, XML or CSV libraries, as SHEET_UNREADABLE; an AppError passes through unchanged. */
export function toSheetError(error: unknown, found: Bilingual): AppError {
  if (error instanceof AppError) return error;
  const wrapped = sheetUnreadable(found);
  wrapped.cause = error; // for the log; the answer shows only `found`
  return wrapped;
}
