/**
 * Export of rows to XLSX with the template's headers, formats and drop-downs, streamed with
 * exceljs's `stream.xlsx.WorkbookWriter`: rows are written and released one at a time, so a list of
 * 100,000 records costs the memory of a few rows. The file reads back with the XLSX reader into
 * the same values (export → edit → re-import).
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { auxiliarySheetNames, type SheetLocale, type TableSpec, type TableValues } from '../table/spec.js';
import { addValidations, cellValueFor, columnNumFmt, columnWidth, fillListsSheet, styleHeader } from './layout.js';

export interface ExportOptions {
  /** Headers and labels in this language. Default `zh`. */
  locale?: SheetLocale;
  /** Told the number of rows written every 1,000 rows. */
  onProgress?: (rows: number) => void;
}

/** Rows of values by key, from an array, a generator or a database cursor. */
export type RowsInput<V = TableValues> = Iterable<V> | AsyncIterable<V>;

/**
 * Streams rows to an XLSX written to `output` (a path or a writable stream) and resolves with the
 * number of rows once the file is complete.
 *
 * @example
 * await writeXlsx(expertTable, repo.streamExperts(filter), '/tmp/experts.xlsx');
 * await writeXlsx(expertTable, rows, reply.raw, { locale: 'en' });
 */
export async function writeXlsx<V extends object>(spec: TableSpec, rows: RowsInput<V>, output: string | Writable, opts: ExportOptions = {}): Promise<number> {
  const locale = opts.locale ?? 'zh';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof output === 'string' ? { filename: output } : { stream: output }),
    useStyles: true,
    useSharedStrings: false, // shared strings would keep every distinct text in memory until the end
  });
  wb.creator = 'Shanhai';
  const ws = wb.addWorksheet(spec.sheet[locale], { views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }] });
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = columnWidth(c, locale);
    const fmt = columnNumFmt(c);
    if (fmt) col.numFmt = fmt;
  });
  const header = ws.getRow(1);
  spec.columns.forEach((c, i) => styleHeader(header.getCell(i + 1), c, locale, false));
  header.commit();

  let n = 0;
  for await (const values of rows as AsyncIterable<V>) {
    const v = values as TableValues;
    const row = ws.getRow(n + 2);
    spec.columns.forEach((c, i) => {
      const value = cellValueFor(c, v[c.key], locale);
      if (value !== null) row.getCell(i + 1).value = value;
    });
    row.commit();
    n++;
    if (n % 1000 === 0) opts.onProgress?.(n);
  }
  // drop-downs reach a little past the data, so rows added by hand get them too
  const lists = addValidations(ws, spec, locale, 2, Math.max(n + 1, 1) + 1000);
  ws.commit();
  if (lists.length) {
    const listSheet = wb.addWorksheet(auxiliarySheetNames.lists[locale], { state: 'hidden' });
    fillListsSheet(listSheet, lists, locale);
    listSheet.commit();
  }
  await wb.commit();
  opts.onProgress?.(n);
  return n;
}

/**
 * Rows to an XLSX in memory; for lists that fit in memory anyway (a download of a page of
 * results). Use {@link writeXlsx} to stream large lists to a file or a response.
 *
 * @example
 * const buf = await exportXlsx(expertTable, [{ name: '王磊', organization: '宁夏大学', title: 'professor' }]);
 */
export async function exportXlsx<V extends object>(spec: TableSpec, rows: RowsInput<V>, opts: ExportOptions = {}): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeXlsx(spec, rows, sink, opts);
  sink.end();
  await done;
  return Buffer.concat(chunks);
}
