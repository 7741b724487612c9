/**
 * Export of rows to CSV with the template's headers: UTF-8 with a BOM (without it, Excel on
 * Chinese Windows reads UTF-8 as GBK and shows mojibake) and CRLF line ends. Streamed row by
 * row with back-pressure, so large lists cost little memory. The file reads back with the CSV
 * reader into the same values.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { headerLabel, type CellValue, type ColumnSpec, type SheetLocale, type TableSpec, type TableValues } from '../table/spec.js';
import { numberText } from '../table/values.js';
import { booleanWords } from '../xlsx/layout.js';
import type { ExportOptions, RowsInput } from '../xlsx/export.js';

export interface CsvExportOptions extends ExportOptions {
  /** `,` by default. */
  delimiter?: ',' | ';' | '\t';
}

/**
 * A stored value as CSV text: choices as their label, lists joined with 、, dates as ISO.
 *
 * @example
 * csvText(titleColumn, 'professor', 'zh') // '教授'
 */
export function csvText(column: ColumnSpec, value: CellValue | null | undefined, locale: SheetLocale): string {
  if (value === undefined || value === null) return '';
  const label = (v: string): string => column.options?.find((o) => o.value === v)?.label[locale] ?? v;
  if (Array.isArray(value)) return value.map(label).join('、');
  if (typeof value === 'boolean') return booleanWords[locale][value ? 0 : 1];
  if (typeof value === 'number') return numberText(value);
  return column.type === 'enum' ? label(value) : value;
}

/**
 * One field quoted as RFC 4180 wants. A text that Excel would run as a formula (`=`, `+`, `-`, `@`
 * first) gets a leading `'` (CSV injection: an exported record must not execute on a colleague's
 * machine); the CSV reader removes it again.
 *
 * @example
 * csvField('宁夏大学, 农学院', ',') // '"宁夏大学, 农学院"'
 * csvField('=HYPERLINK("x")', ',') // '"\'=HYPERLINK(""x"")"'
 */
export function csvField(text: string, delimiter: string): string {
  let t = text;
  if (/^[=+\-@\t\r]/.test(t) && !/^[+-]?[\d.,]+$/.test(t)) t = `'${t}`;
  if (t.includes('"') || t.includes(delimiter) || /[\r\n]/.test(t) || /^\s|\s$/.test(t)) t = `"${t.replace(/"/g, '""')}"`;
  return t;
}

/**
 * Streams rows as CSV to `output` (a path or a writable stream); resolves with the number of rows.
 *
 * @example
 * await writeCsv(expertTable, repo.streamExperts(filter), reply.raw);
 */
export async function writeCsv<V extends object>(spec: TableSpec, rows: RowsInput<V>, output: string | Writable, opts: CsvExportOptions = {}): Promise<number> {
  const locale = opts.locale ?? 'zh';
  const d = opts.delimiter ?? ',';
  const out = typeof output === 'string' ? createWriteStream(output) : output;
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`\uFEFF${spec.columns.map((c) => csvField(headerLabel(c, locale), d)).join(d)}\r\n`);
  let n = 0;
  for await (const values of rows as AsyncIterable<V>) {
    const v = values as TableValues;
    await write(`${spec.columns.map((c) => csvField(csvText(c, v[c.key], locale), d)).join(d)}\r\n`);
    n++;
    if (n % 1000 === 0) opts.onProgress?.(n);
  }
  if (typeof output === 'string') {
    out.end();
    await once(out, 'finish');
  }
  opts.onProgress?.(n);
  return n;
}

/**
 * Rows to CSV bytes in memory (UTF-8 with BOM).
 *
 * @example
 * const csv = await exportCsv(expertTable, [{ name: '王磊', organization: '宁夏大学' }]);
 * csv.subarray(0, 3) // <Buffer ef bb bf>
 */
export async function exportCsv<V extends object>(spec: TableSpec, rows: RowsInput<V>, opts: CsvExportOptions = {}): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  await writeCsv(spec, rows, sink, opts);
  sink.end();
  await once(sink, 'end');
  return Buffer.concat(chunks);
}
