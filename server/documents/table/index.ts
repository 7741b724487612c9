/**
 * Spreadsheets in and out, for any registry: one import for the whole API (docs/spreadsheets.md).
 *
 * @example
 * import { defineTable, writeTemplate, readSpreadsheet, annotateSpreadsheet, writeXlsx, writeCsv } from '../documents/table/index.js';
 */
export { defineTable, headerLabel, normalizeHeader, sheetNames, auxiliarySheetNames, TableSpecError } from './spec.js';
export type { CellValue, ColumnOption, ColumnSpec, ColumnType, LocalText, RowCheck, RowCheckProblem, RowValues, SheetLocale, TableSpec, TableValues } from './spec.js';
export { SpreadsheetError, spreadsheetMessages, spreadsheetText } from './errors.js';
export type { SpreadsheetErrorCode } from './errors.js';
export { parseCell, parseDateText, parseEmail, parseNumberText, parsePhone, splitList, formatText, allowedValuesText } from './values.js';
export type { RawCell, CellIssue, ParseResult } from './values.js';
export { checkSpecExamples, columnLetter, createRowValidator, mapHeader, matchHeader } from './validate.js';
export type { HeaderMapping, TableProblem } from './validate.js';
export { EXCEL_CELL_LIMIT, readReport, readRowsFrom } from './rows.js';
export type { Progress, RawRow, ReadOptions, ReadReport, ReadToReportOptions, RowSource, TableNotice, TableNoticeCode, TableRow } from './rows.js';
export { openSpreadsheet, readRows, readSpreadsheet, spreadsheetFormat } from './read.js';
export type { SpreadsheetFormat, SpreadsheetReadOptions } from './read.js';
export { writeTemplate } from '../xlsx/template.js';
export type { TemplateOptions } from '../xlsx/template.js';
export { openXlsxSource, readXlsx, readXlsxReport } from '../xlsx/read.js';
export type { XlsxReadOptions } from '../xlsx/read.js';
export { exportXlsx, writeXlsx } from '../xlsx/export.js';
export type { ExportOptions, RowsInput } from '../xlsx/export.js';
export { annotateSpreadsheet, problemFill } from '../xlsx/annotate.js';
export type { AnnotateOptions } from '../xlsx/annotate.js';
export { openCsvSource, readCsv, readCsvReport, detectDelimiter } from '../csv/read.js';
export type { CsvReadOptions, CsvDelimiter } from '../csv/read.js';
export { exportCsv, writeCsv, csvText } from '../csv/export.js';
export type { CsvExportOptions } from '../csv/export.js';
