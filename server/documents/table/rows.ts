/**
 * The part of reading every format shares: find the header row among the first rows, map it, stop
 * on file-level problems (merged or missing header cells, missing or doubled columns), then
 * validate each data row and hand it on. Readers (xlsx/read.ts, csv/read.ts) only supply rows of
 * raw cells through a {@link RowSource}.
 */
import { SpreadsheetError, asSpreadsheetError, listNames } from './errors.js';
import type { LocalText, TableSpec, TableValues } from './spec.js';
import { columnLetter, createRowValidator, headerThreshold, isExampleRow, mapHeader, type HeaderMapping, type TableProblem } from './validate.js';
import { cleanText, displayValue, isBlank, type RawCell } from './values.js';

/** One row of a file as a reader found it; `cells[0]` is column A. */
export interface RawRow {
  row: number;
  cells: RawCell[];
}

/** A merged area of a sheet, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  ref: string;
}

/** What a reader hands to {@link readRowsFrom}: where the rows come from and facts about the file. */
export interface RowSource {
  format: 'xlsx' | 'csv';
  /** The sheet read (XLSX). */
  sheet?: string;
  /** Merged areas of that sheet (XLSX). */
  merges?: readonly CellRange[];
  /** Rows in the sheet, when known before reading (for progress). */
  totalRows?: number;
  /** The share of the input read so far, when the reader can tell. */
  fraction?: () => number;
  rows: AsyncIterable<RawRow>;
  /** Notices found while opening (encoding guessed, another sheet used …). */
  notices?: TableNotice[];
  /** Releases files and streams when reading stops early. */
  close?: () => Promise<void> | void;
}

export type TableNoticeCode = 'UNKNOWN_COLUMNS' | 'EXAMPLE_ROW_SKIPPED' | 'SHEET_FALLBACK' | 'ENCODING' | 'FORMAT_FROM_CONTENT';

/** Something worth telling the person that does not stop the import. */
export interface TableNotice {
  code: TableNoticeCode;
  message: LocalText;
}

export interface TableRow<V = TableValues> {
  /** The row number as Excel shows it (CSV: the record number, the header being 1). */
  row: number;
  values: V;
  /** Empty when the row is valid. */
  problems: TableProblem[];
}

export interface Progress {
  /** Data rows read so far. */
  rows: number;
  /** Between 0 and 1 when the size of the input is known. */
  fraction?: number;
}

export interface ReadOptions {
  /** Longest text one cell may hold, in characters; longer cells are problems. Excel's own limit by default. */
  maxCellLength?: number;
  /** How many non-empty rows at the top may precede the header (titles, remarks). Default 10. */
  headerSearchRows?: number;
  /** Told every `progressEvery` rows and at the end. */
  onProgress?: (p: Progress) => void;
  progressEvery?: number;
  onNotice?: (n: TableNotice) => void;
  /** Told the header mapping once it is known. */
  onHeader?: (h: HeaderMapping & { sheet?: string; format: 'xlsx' | 'csv' }) => void;
}

/** Excel's own limit of characters in one cell. */
export const EXCEL_CELL_LIMIT = 32767;

function mergedHeaderRanges(merges: readonly CellRange[], headerRow: number): CellRange[] {
  return merges.filter((m) => m.top <= headerRow && m.bottom >= headerRow && (m.right > m.left || m.bottom > m.top));
}

/**
 * Validated rows of a source, throwing {@link SpreadsheetError} for a file that cannot be read as
 * the spec's table. Rows with problems are yielded too (with `problems`), so a caller can import
 * everything, nothing, or the valid rows.
 *
 * @example
 * for await (const r of readRowsFrom(await openXlsxSource(buf, spec), spec)) {
 *   if (r.problems.length) report(r.problems); else save(r.values);
 * }
 */
export async function* readRowsFrom(source: RowSource, spec: TableSpec, opts: ReadOptions = {}): AsyncGenerator<TableRow> {
  const maxCellLength = opts.maxCellLength ?? EXCEL_CELL_LIMIT;
  const headerSearchRows = opts.headerSearchRows ?? 10;
  const every = opts.progressEvery ?? 1000;
  const notice = (n: TableNotice): void => opts.onNotice?.(n);
  for (const n of source.notices ?? []) notice(n);
  const progress = (rows: number): void => {
    if (!opts.onProgress) return;
    let fraction = source.fraction?.();
    if (fraction === undefined && source.totalRows) fraction = Math.min(1, rows / source.totalRows);
    opts.onProgress({ rows, ...(fraction !== undefined ? { fraction } : {}) });
  };

  let mapping: HeaderMapping | undefined;
  let validate: ReturnType<typeof createRowValidator> | undefined;
  const candidates: RawRow[] = [];
  let dataRows = 0;
  let mergesByTop = new Map<number, CellRange[]>();
  try {
    for await (const raw of source.rows) {
      if (raw.cells.every(isBlank)) continue;
      if (!mapping) {
        const m = mapHeader(spec, raw.row, raw.cells);
        if (m.matched < headerThreshold(spec)) {
          candidates.push(raw);
          if (candidates.length >= headerSearchRows) throw headerNotFound(spec, source, candidates, headerSearchRows);
          continue;
        }
        mapping = m;
        checkHeader(spec, source, m);
        opts.onHeader?.({ ...m, format: source.format, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}) });
        if (m.unknown.length) {
          const names = listNames(m.unknown.map((u) => u.header));
          notice({
            code: 'UNKNOWN_COLUMNS',
            message: { zh: `以下列不属于模板，已忽略：${names.zh}`, en: `These columns are not in the template and were ignored: ${names.en}` },
          });
        }
        validate = createRowValidator(spec, m, { maxCellLength });
        mergesByTop = mergedDataRanges(source.merges ?? [], m);
        continue;
      }
      const v = (validate as NonNullable<typeof validate>)(raw.row, raw.cells);
      for (const range of mergesByTop.get(raw.row) ?? []) v.problems.push(mergedDataProblem(range, mapping, raw.cells));
      if (dataRows === 0 && v.problems.length === 0 && isExampleRow(spec, v.values)) {
        notice({
          code: 'EXAMPLE_ROW_SKIPPED',
          message: { zh: `第 ${raw.row} 行是模板中的示例，未导入`, en: `Row ${raw.row} is the template's example and was not imported` },
        });
        continue;
      }
      dataRows++;
      if (dataRows % every === 0) progress(dataRows);
      yield v;
    }
    if (!mapping) throw headerNotFound(spec, source, candidates, headerSearchRows);
    if (dataRows === 0) throw new SpreadsheetError('NO_DATA');
    progress(dataRows);
  } catch (e) {
    throw asSpreadsheetError(e);
  } finally {
    await source.close?.();
  }
}

function checkHeader(spec: TableSpec, source: RowSource, m: HeaderMapping): void {
  const merged = mergedHeaderRanges(source.merges ?? [], m.row).sort((a, b) => a.left - b.left || a.top - b.top);
  if (merged.length) throw new SpreadsheetError('MERGED_HEADER', { ranges: merged.map((r) => r.ref).join(', ') });
  if (m.duplicates.length) {
    const d = m.duplicates[0];
    throw new SpreadsheetError('DUPLICATE_COLUMN', { column: d.header, cells: d.cols.map((c) => `${columnLetter(c)}${m.row}`).join(', ') });
  }
  const missing = m.missing.filter((c) => c.required);
  if (missing.length) {
    throw new SpreadsheetError('MISSING_COLUMNS', {
      columns: { zh: listNames(missing.map((c) => c.header.zh)).zh, en: listNames(missing.map((c) => c.header.en)).en },
      sheet: source.sheet ?? 'CSV',
      row: m.row,
    });
  }
}

function headerNotFound(spec: TableSpec, source: RowSource, seen: RawRow[], rows: number): SpreadsheetError {
  const expected = spec.columns.filter((c) => c.required).length ? spec.columns.filter((c) => c.required) : spec.columns;
  const first = seen[0];
  const firstText = first
    ? first.cells
        .filter((c) => !isBlank(c))
        .slice(0, 8)
        .map((c) => (typeof c === 'string' ? cleanText(c) : displayValue(c)).slice(0, 30))
    : [];
  const seenText: LocalText = first
    ? { zh: `第 ${first.row} 行是：${listNames(firstText).zh}`, en: `Row ${first.row} reads: ${listNames(firstText).en}` }
    : { zh: '工作表是空的', en: 'The sheet is empty' };
  return new SpreadsheetError('HEADER_NOT_FOUND', {
    sheet: source.sheet ?? 'CSV',
    rows,
    expected: { zh: listNames(expected.map((c) => c.header.zh)).zh, en: listNames(expected.map((c) => c.header.en)).en },
    seen: seenText,
  });
}

/** Merged areas inside the data (below the header, over mapped columns), by their top row. */
function mergedDataRanges(merges: readonly CellRange[], m: HeaderMapping): Map<number, CellRange[]> {
  const out = new Map<number, CellRange[]>();
  const cols = new Set(m.columns.map((c) => c.col));
  for (const r of merges) {
    if (r.top <= m.row) continue;
    let mapped = false;
    for (let c = r.left; c <= r.right && !mapped; c++) mapped = cols.has(c);
    if (!mapped) continue;
    const list = out.get(r.top) ?? [];
    list.push(r);
    out.set(r.top, list);
  }
  return out;
}

function mergedDataProblem(r: CellRange, m: HeaderMapping, cells: RawCell[]): TableProblem {
  const placed = m.columns.find((c) => c.col >= r.left && c.col <= r.right) as HeaderMapping['columns'][number];
  return {
    row: r.top,
    column: placed.header,
    key: placed.key,
    col: placed.col,
    value: displayValue(cells[placed.col - 1]),
    message: {
      zh: `合并单元格 ${r.ref}：每一行都要单独填写，请取消合并并在每行补全内容`,
      en: `Merged cells ${r.ref}: every row needs its own value; unmerge and fill each row`,
    },
  };
}

export interface ReadReport {
  format: 'xlsx' | 'csv';
  sheet?: string;
  header?: HeaderMapping;
  /** Data rows read (the skipped example row not counted). */
  rows: number;
  /** Rows without problems. */
  validRows: number;
  /** All problems, up to `maxProblems`. */
  problems: TableProblem[];
  /** All problems found, also those beyond `maxProblems`. */
  problemCount: number;
  notices: TableNotice[];
  /** Set when the file could not be read as the table; rows read before it still count. */
  fatal?: { code: string; message: LocalText };
  seconds: number;
}

export interface ReadToReportOptions extends ReadOptions {
  /** Called for every row (valid or not), in order; awaited, so a slow consumer slows the read. */
  onRow?: (row: TableRow) => void | Promise<void>;
  /** Problems kept in the report; more are only counted. Default 10,000. */
  maxProblems?: number;
}

/**
 * Drains validated rows into a report; never rejects for a bad file (its failure is in
 * `report.fatal`). An exception thrown by `onRow` is the caller's and is passed on.
 *
 * @example
 * const report = await readReport(() => openXlsxSource(buf, spec), spec, { onRow: (r) => rows.push(r) });
 * if (report.fatal || report.problemCount) return report;
 */
export async function readReport(
  open: () => Promise<RowSource>,
  spec: TableSpec,
  opts: ReadToReportOptions = {},
  format: 'xlsx' | 'csv' = 'xlsx',
): Promise<ReadReport> {
  const started = performance.now();
  const maxProblems = opts.maxProblems ?? 10_000;
  // `format` names the reader tried, for a file that fails before its source opens
  const report: ReadReport = { format, rows: 0, validRows: 0, problems: [], problemCount: 0, notices: [], seconds: 0 };
  let source: RowSource | undefined;
  try {
    source = await open();
    report.format = source.format;
    if (source.sheet !== undefined) report.sheet = source.sheet;
    const rows = readRowsFrom(source, spec, {
      ...opts,
      onNotice: (n) => {
        report.notices.push(n);
        opts.onNotice?.(n);
      },
      onHeader: (h) => {
        report.header = { row: h.row, columns: h.columns, unknown: h.unknown, missing: h.missing, duplicates: h.duplicates };
        opts.onHeader?.(h);
      },
    });
    for await (const r of rows) {
      report.rows++;
      if (r.problems.length === 0) report.validRows++;
      report.problemCount += r.problems.length;
      for (const p of r.problems) if (report.problems.length < maxProblems) report.problems.push(p);
      if (opts.onRow) {
        try {
          await opts.onRow(r);
        } catch (e) {
          throw new CallerError(e);
        }
      }
    }
  } catch (e) {
    if (e instanceof CallerError) throw e.error;
    const err = asSpreadsheetError(e);
    report.fatal = { code: err.code, message: err.text };
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Marks an exception of the caller's callback so it is not mistaken for a file problem. */
class CallerError {
  constructor(readonly error: unknown) {}
}

/** A fatal failure as a problem-list entry (row 0), for callers that show one list. */
export function fatalAsProblem(fatal: { message: LocalText }): TableProblem {
  return { row: 0, column: '', key: '', value: '', message: fatal.message };
}

