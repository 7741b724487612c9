/**
 * The import entry point: reads an upload as XLSX or CSV (by its name, corrected by its content)
 * into validated rows. The formats' readers live beside their format (xlsx/read.ts,
 * csv/read.ts); this only picks one.
 */
import { extname } from 'node:path';
import { openCsvSource, type CsvReadOptions } from '../csv/read.js';
import { headBytes, sniff } from '../xlsx/inspect.js';
import { openXlsxSource, type XlsxReadOptions } from '../xlsx/read.js';
import { asSpreadsheetError } from './errors.js';
import { readReport, readRowsFrom, type ReadReport, type ReadToReportOptions, type RowSource, type TableRow } from './rows.js';
import type { TableSpec } from './spec.js';

export type SpreadsheetFormat = 'xlsx' | 'csv';

export interface SpreadsheetReadOptions extends XlsxReadOptions, CsvReadOptions {
  /** The format, when the caller knows it; else taken from `filename` (or the path). */
  format?: SpreadsheetFormat;
  /** The upload's file name, e.g. `专家库.xlsx`. */
  filename?: string;
}

/**
 * The format to read a file as. A name says what the person meant, but a zip or an old Excel file
 * is read as Excel whatever its name (a `.csv` that is really an `.xlsx` just works), while text
 * named `.xlsx` is refused with a hint rather than guessed at.
 *
 * @example
 * await spreadsheetFormat(buf, { filename: '专家.csv' }) // 'csv'
 */
export async function spreadsheetFormat(input: Buffer | string, opts: { format?: SpreadsheetFormat; filename?: string } = {}): Promise<SpreadsheetFormat> {
  const { head } = await headBytes(input, 4096);
  const kind = sniff(head);
  if (kind === 'zip' || kind === 'ole') return 'xlsx';
  if (opts.format) return opts.format;
  const ext = extname(opts.filename ?? (typeof input === 'string' ? input : '')).toLowerCase();
  if (['.csv', '.txt', '.tsv'].includes(ext)) return 'csv';
  if (['.xlsx', '.xlsm', '.xls', '.et'].includes(ext)) return 'xlsx';
  return kind === 'text' ? 'csv' : 'xlsx';
}

/**
 * Opens an upload as a row source of the right format.
 *
 * @example
 * const source = await openSpreadsheet(buf, expertTable, { filename: 'experts.xlsx' });
 */
export async function openSpreadsheet(input: Buffer | string, spec: TableSpec, opts: SpreadsheetReadOptions = {}): Promise<RowSource> {
  try {
    const format = await spreadsheetFormat(input, opts);
    return format === 'xlsx' ? await openXlsxSource(input, spec, opts) : await openCsvSource(input, spec, opts);
  } catch (e) {
    throw asSpreadsheetError(e);
  }
}

/**
 * Validated rows of an XLSX or CSV upload, streamed. Throws a `SpreadsheetError` (code + zh/en
 * message) when the file cannot be read as the spec's table; rows with cell problems are yielded
 * with `problems` so the caller decides: all or nothing, or the valid rows only.
 *
 * @example
 * for await (const { row, values, problems } of readRows(upload, expertTable, { filename })) {
 *   if (problems.length) bad.push(...problems); else good.push(values);
 * }
 */
export async function* readRows(input: Buffer | string, spec: TableSpec, opts: SpreadsheetReadOptions = {}): AsyncGenerator<TableRow> {
  yield* readRowsFrom(await openSpreadsheet(input, spec, opts), spec, opts);
}

/**
 * Reads an XLSX or CSV upload (a Buffer or a path) to the end, calling `onRow` for every row
 * (awaited: a slow consumer slows reading, memory stays bounded) and `onProgress` every 1,000
 * rows. Never rejects for a bad file: the report's `fatal` says why the file cannot be read,
 * `problems` list every bad cell as (row, column, value, message).
 *
 * @example
 * const report = await readSpreadsheet(upload, expertTable, {
 *   filename: '专家库.xlsx',
 *   onRow: (r) => { if (!r.problems.length) batch.push(r.values); },
 *   onProgress: ({ fraction }) => job.progress(fraction),
 * });
 * if (report.fatal) return fail(report.fatal.message);
 * if (report.problemCount) return annotateSpreadsheet(upload, report.problems, { sheet: report.sheet });
 */
export async function readSpreadsheet(input: Buffer | string, spec: TableSpec, opts: SpreadsheetReadOptions & ReadToReportOptions = {}): Promise<ReadReport> {
  let format: SpreadsheetFormat = 'xlsx';
  try {
    format = await spreadsheetFormat(input, opts);
  } catch {
    // an unreadable path: openSpreadsheet reports it in the report
  }
  return readReport(() => openSpreadsheet(input, spec, { ...opts, format }), spec, opts, format);
}
