/**
 * The error workbook: the upload given back with every bad cell filled light red and commented
 * with its message, and a first sheet `错误清单` listing (row, column, cell, value, message).
 * People fix the red cells and upload the same file again; the reader ignores the list sheet.
 *
 * Workbooks up to `fullLoadBytes` (2 MB) are loaded whole with exceljs, so formatting, other sheets and
 * drop-downs stay as they were. Larger ones, and CSV uploads, are rewritten by streaming the data
 * sheet's values into a new XLSX, which keeps memory bounded at the cost of formatting.
 */
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { openCsvSource } from '../csv/read.js';
import { asSpreadsheetError } from '../table/errors.js';
import type { RawRow } from '../table/rows.js';
import { auxiliarySheetNames, type LocalText, type SheetLocale, type TableSpec } from '../table/spec.js';
import { spreadsheetFormat, type SpreadsheetFormat } from '../table/read.js';
import { columnLetter, type TableProblem } from '../table/validate.js';
import { displayValue, isCellIssue } from '../table/values.js';
import { decodeCell, headBytes, openWorkbook } from './inspect.js';
import { chooseSheet, openXlsxSource } from './read.js';

export interface AnnotateOptions {
  /** The spec the file was read with; it names the data sheet. */
  spec?: TableSpec;
  /** The sheet the problems are in (`report.sheet`); by default the spec's sheet or the only data sheet. */
  sheet?: string;
  format?: SpreadsheetFormat;
  filename?: string;
  /** Language of comments and of the list sheet. Default `zh`. */
  locale?: SheetLocale;
  /** Larger workbooks are rewritten by streaming (values only). Default 2 MB (about 20,000 rows). */
  fullLoadBytes?: number;
}

/** Excel's own "light red fill" of conditional formatting. */
export const problemFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

const listHeaders: Record<SheetLocale, string[]> = {
  zh: ['行', '列', '单元格', '值', '错误说明', 'Message'],
  en: ['Row', 'Column', 'Cell', 'Value', 'Message', '错误说明'],
};

/** Problems by cell (`row:col`), messages of one cell joined. */
function byCell(problems: readonly TableProblem[], locale: SheetLocale): Map<string, { row: number; col: number; text: string }> {
  const out = new Map<string, { row: number; col: number; text: string }>();
  for (const p of problems) {
    if (p.row < 1) continue;
    const col = p.col ?? 1;
    const key = `${p.row}:${col}`;
    const line = p.col ? p.message[locale] : `[${p.column || p.key}] ${p.message[locale]}`;
    const cur = out.get(key);
    if (cur) cur.text += `\n${line}`;
    else out.set(key, { row: p.row, col, text: line });
  }
  return out;
}

function sorted(problems: readonly TableProblem[]): TableProblem[] {
  return [...problems].sort((a, b) => a.row - b.row || (a.col ?? 0) - (b.col ?? 0));
}

function listRow(p: TableProblem, locale: SheetLocale): (string | number)[] {
  const other: SheetLocale = locale === 'zh' ? 'en' : 'zh';
  return [p.row || '', p.column, p.col ? `${columnLetter(p.col)}${p.row}` : '', p.value, p.message[locale], p.message[other]];
}

const listWidths = [8, 16, 9, 30, 60, 50];
const listView: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', ySplit: 1 }];

function styleList(ws: ExcelJS.Worksheet): void {
  listWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function note(text: string): ExcelJS.Comment {
  return { texts: [{ text }], margins: { insetmode: 'auto' }, editAs: 'absolute' } as unknown as ExcelJS.Comment;
}

/**
 * The upload with its problems marked, as an XLSX (also for a CSV upload).
 *
 * @example
 * const report = await readSpreadsheet(upload, expertTable, { filename });
 * if (report.problemCount) {
 *   const marked = await annotateSpreadsheet(upload, report.problems, { spec: expertTable, sheet: report.sheet, filename });
 *   reply.header('Content-Disposition', 'attachment; filename="errors.xlsx"').send(marked);
 * }
 */
export async function annotateSpreadsheet(original: Buffer | string, problems: readonly TableProblem[], opts: AnnotateOptions = {}): Promise<Buffer> {
  const locale = opts.locale ?? 'zh';
  try {
    const format = await spreadsheetFormat(original, opts);
    if (format === 'csv') {
      const source = await openCsvSource(original, opts.spec as TableSpec);
      return await streamAnnotated(opts.spec?.sheet[locale] ?? 'CSV', source.rows, problems, locale);
    }
    const sheet = await dataSheetName(original, opts);
    const { size } = await headBytes(original, 0);
    if (size <= (opts.fullLoadBytes ?? 2 * 1024 * 1024)) return await annotateLoaded(original, sheet, problems, locale);
    const source = await openXlsxSource(original, opts.spec ?? placeholderSpec, { sheet });
    return await streamAnnotated(sheet, source.rows, problems, locale);
  } catch (e) {
    throw asSpreadsheetError(e);
  }
}

const placeholderSpec: TableSpec = { sheet: { zh: '', en: '' }, columns: [] };

async function dataSheetName(original: Buffer | string, opts: AnnotateOptions): Promise<string> {
  const { zip, sheets } = await openWorkbook(original, { maxBytes: Infinity, maxUnpackedBytes: Infinity });
  await zip.close();
  if (opts.sheet) return opts.sheet;
  if (opts.spec) return chooseSheet(sheets, opts.spec).sheet.name;
  return (sheets.find((s) => s.state === 'visible') ?? sheets[0]).name;
}

async function annotateLoaded(original: Buffer | string, sheetName: string, problems: readonly TableProblem[], locale: SheetLocale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (typeof original === 'string') await wb.xlsx.readFile(original);
  else await wb.xlsx.load(original as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheetName) ?? wb.worksheets[0];
  for (const w of wb.worksheets) compactValidations(w);
  for (const { row, col, text } of byCell(problems, locale).values()) {
    const cell = ws.getCell(row, col);
    cell.fill = problemFill;
    cell.note = note(text);
  }
  const listName = uniqueName(wb, auxiliarySheetNames.errors[locale]);
  const list = wb.addWorksheet(listName, { views: listView });
  styleList(list);
  list.addRow(listHeaders[locale]).font = { bold: true };
  for (const p of sorted(problems)) list.addRow(listRow(p, locale));
  // first tab, and the one that opens; other tabs unselected, or Excel opens them grouped
  const order = (w: ExcelJS.Worksheet): { orderNo: number } => w as unknown as { orderNo: number };
  order(list).orderNo = Math.min(...wb.worksheets.map((w) => order(w).orderNo)) - 1;
  for (const w of wb.worksheets) for (const v of w.views ?? []) (v as { tabSelected?: boolean }).tabSelected = false;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * exceljs expands every validated range into one entry per cell on load (a drop-down over 5,000
 * rows of 13 columns is 65,000 entries) and merges them back cell by cell on save, which takes
 * seconds. Cells of one range share one validation object, so the ranges are rebuilt from that.
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const dv = (ws as unknown as { dataValidations: { model: Record<string, object | undefined> } }).dataValidations;
  const groups = new Map<object, string[]>();
  for (const [address, v] of Object.entries(dv.model)) {
    if (!v) continue;
    const list = groups.get(v);
    if (list) list.push(address);
    else groups.set(v, [address]);
  }
  const model: Record<string, object> = {};
  for (const [v, addresses] of groups) {
    if (addresses.length > 1) {
      let [top, bottom, left, right] = [Infinity, 0, Infinity, 0];
      let cells = 0;
      for (const a of addresses) {
        const c = decodeCell(a);
        if (!c) break;
        cells++;
        top = Math.min(top, c.row);
        bottom = Math.max(bottom, c.row);
        left = Math.min(left, c.col);
        right = Math.max(right, c.col);
      }
      // a full rectangle (addresses are distinct, so the count tells)
      if (cells === addresses.length && (bottom - top + 1) * (right - left + 1) === cells) {
        model[`${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`] = v;
        continue;
      }
    }
    for (const a of addresses) model[a] = v;
  }
  dv.model = model;
}

function uniqueName(wb: ExcelJS.Workbook, base: string): string {
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base}${i}`;
  return name;
}

/** Values of a data sheet copied into a new XLSX by streaming, bad cells marked; the list sheet first. */
async function streamAnnotated(sheetName: string, rows: AsyncIterable<RawRow>, problems: readonly TableProblem[], locale: SheetLocale): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const list = wb.addWorksheet(auxiliarySheetNames.errors[locale], { views: listView });
  styleList(list);
  const head = list.addRow(listHeaders[locale]);
  head.font = { bold: true };
  head.commit();
  for (const p of sorted(problems)) list.addRow(listRow(p, locale)).commit();
  list.commit();

  const cells = byCell(problems, locale);
  const ws = wb.addWorksheet(sheetName === auxiliarySheetNames.errors[locale] ? `${sheetName}2` : sheetName);
  for await (const raw of rows) {
    const row = ws.getRow(raw.row);
    raw.cells.forEach((v, i) => {
      if (v === null || v === undefined) return;
      row.getCell(i + 1).value = isCellIssue(v) ? displayValue(v) : v;
    });
    for (let col = 1; col <= Math.max(raw.cells.length, 1); col++) {
      const p = cells.get(`${raw.row}:${col}`);
      if (!p) continue;
      const cell = row.getCell(col);
      cell.fill = problemFill;
      cell.note = note(p.text);
    }
    row.commit();
  }
  ws.commit();
  await wb.commit();
  sink.end();
  if (!sink.readableEnded) await once(sink, 'end');
  return Buffer.concat(chunks);
}

/** The message of a problem in the list sheet's language, for callers building their own lists. */
export function problemText(p: TableProblem, locale: SheetLocale = 'zh'): string {
  const m: LocalText = p.message;
  return `${p.row ? (locale === 'zh' ? `第 ${p.row} 行` : `Row ${p.row}`) : ''}${p.column ? ` ${p.column}` : ''}: ${m[locale]}`;
}
