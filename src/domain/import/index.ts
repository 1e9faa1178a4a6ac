// The pure part of spreadsheet import: which columns hold what, how each cell is read, and what a row becomes.
export { isBlankCell, type CellParse, type CellValue, type ImportReason } from './cell-value.ts';
export { describeImportError, columnLetter } from './describe-import-error.ts';
export { excelSerialToIsoDate, isoDateToExcelSerial } from './excel-serial-date.ts';
export { guessColumnMapping, listRepeatedFields, listUnmappedRequiredFields, normalizeHeader, type ColumnMapping } from './guess-column-mapping.ts';
export {
  clientImportFields, findImportField, importKinds, licenceImportFields, listImportFields,
  type ClientFieldKey, type FieldParseOptions, type ImportField, type ImportFieldKey, type ImportKind, type LicenceFieldKey,
} from './import-fields.ts';
export { parseEmailCell, parsePhoneCell } from './parse-contact-cells.ts';
export { parseDateCell } from './parse-date-cell.ts';
export { parseLicenceNumberCell, parseUsccCell } from './parse-identifier-cells.ts';
export { parseServicesCell, parseYearsCell } from './parse-list-cells.ts';
export { parsePercentCell } from './parse-percent-cell.ts';
export { parseProvinceCell, parseScopeCell } from './parse-province-cell.ts';
export { parseTextCell } from './parse-text-cell.ts';
export { parseYuanCell } from './parse-yuan-cell.ts';
export {
  validateImportRow, type ClientImport, type ImportRowError, type ImportRowInput, type ImportRowResult, type ImportValue, type LicenceImport,
} from './validate-import-row.ts';
