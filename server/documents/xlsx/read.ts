/**
 * XLSX reader: streams one sheet's rows with exceljs's `stream.xlsx.WorkbookReader`, so a
 * 100,000-row sheet is read at bounded memory, after a look into the zip (inspect.ts) that
 * settles what the file is, which sheet holds the data and whether its header is merged.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { SpreadsheetError, asSpreadsheetError, listNames } from '../table/errors.js';
import { readReport, readRowsFrom, type RawRow, type ReadOptions, type ReadReport, type ReadToReportOptions, type RowSource, type TableNotice, type TableRow } from '../table/rows.js';
import { auxiliarySheetNames, sheetNames, type TableSpec } from '../table/spec.js';
import type { RawCell } from '../table/values.js';
import { openWorkbook, scanSheet, type SheetInfo } from './inspect.js';

export interface XlsxReadOptions extends ReadOptions {
  /** The sheet to read; by default the spec's sheet (zh or en name), or the only data sheet. */
  sheet?: string;
  /** Largest file accepted. Default 100 MB. */
  maxBytes?: number;
  /** Largest total of unpacked parts (a zip bomb guard). Default 2 GB. */
  maxUnpackedBytes?: number;
}

/** exceljs's streaming types are thin; these are the parts used. */
interface StreamCell {
  numFmt?: string;
}
interface StreamRow {
  number: number;
  values: unknown[];
  getCell(col: number): StreamCell;
}
interface StreamWorksheet extends AsyncIterable<StreamRow> {
  id: number | string;
  name: string;
}

const norm = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

/** The protected parts of exceljs's WorkbookReader that {@link Utf8WorkbookReader} wraps. */
interface WorkbookReaderInternals {
  [Symbol.asyncIterator](): AsyncIterator<StreamWorksheet>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Iterable<unknown>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseRels(entry: Readable): Promise<void>;
  stream?: Readable;
}
const WorkbookReaderBase = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: string | Readable,
  options: object,
) => WorkbookReaderInternals & AsyncIterable<StreamWorksheet>;

/** Decodes UTF-8 across chunk boundaries (a character may be split between two chunks). */
async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * exceljs 4.4's streaming reader keeps only the last run of an inline rich text
 * (`<is><r><t>姓名</t></r><r><t>*</t></r></is>` reads as `*`), which is how its own streaming
 * writer stores a header with a red `*`. The runs are joined here into one `<t>` before the XML
 * reaches it; phonetic runs (`<rPh>`) are dropped as Excel does when it shows the cell.
 */
export function joinInlineRuns(xml: string): string {
  return xml.replace(/<is>([\s\S]*?)<\/is>/g, (whole, inner: string) => {
    if (!inner.includes('<r>') && !inner.includes('<r ')) return whole;
    const text = inner
      .replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')
      .match(/<t(?:\s[^>]*)?>[\s\S]*?<\/t>/g)
      ?.map((t) => t.replace(/^<t(?:\s[^>]*)?>|<\/t>$/g, ''))
      .join('');
    return `<is><t xml:space="preserve">${text ?? ''}</t></is>`;
  });
}

/** Sheet XML decoded and with inline runs joined; an `<is>` cut by a chunk end waits for the next chunk. */
async function* sheetXml(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let carry = '';
  for await (const text of utf8Chunks(chunks)) {
    let s = carry + text;
    carry = '';
    const open = s.lastIndexOf('<is>');
    if (open >= 0 && s.indexOf('</is>', open) < 0) {
      carry = s.slice(open);
      s = s.slice(0, open);
    }
    yield s.includes('<is>') ? joinInlineRuns(s) : s;
  }
  if (carry) yield joinInlineRuns(carry);
}

/**
 * exceljs 4.4 decodes every chunk of a part on its own, so a Chinese character split between two
 * chunks becomes "�" (one in ten thousand cells of a large sheet). Its XML parser takes strings
 * as they are, so each part is handed over already decoded, with the decoder carrying partial
 * characters from one chunk to the next.
 */
class Utf8WorkbookReader extends WorkbookReaderBase {
  /** The sheets' byte streams handed out so far; those of skipped sheets are closed by {@link discardParts}. */
  private parts: { destroy?: () => void }[] = [];

  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Iterable<unknown> {
    this.parts.push(iterator as { destroy?: () => void });
    return super._parseWorksheet(sheetXml(iterator), sheetNo);
  }

  /**
   * Closes the streams of sheets not read. A sheet that came before workbook.xml in the zip was
   * copied to a temporary file; exceljs deletes the copy once iteration moves past it, but an
   * unread stream would keep the file open.
   */
  discardParts(): void {
    for (const p of this.parts) p.destroy?.();
    this.parts = [];
  }
  override _parseSharedStrings(entry: Readable): AsyncIterable<unknown> {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }
  override _parseWorkbook(entry: Readable): Promise<void> {
    entry.setEncoding('utf8');
    return super._parseWorkbook(entry);
  }
  override _parseStyles(entry: Readable): Promise<void> {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }
  override _parseRels(entry: Readable): Promise<void> {
    entry.setEncoding('utf8');
    return super._parseRels(entry);
  }
}

/**
 * The sheet holding the data: the one named (or named as the spec's sheet in zh or en), else the
 * only visible sheet that is not one the converters add (说明, lists, 错误清单), else an error
 * naming the sheets found.
 *
 * @example
 * chooseSheet([{name:'Sheet1',…},{name:'统计',…}], expertTable) // throws SHEET_NOT_FOUND: 找不到工作表“专家”…
 */
export function chooseSheet(sheets: SheetInfo[], spec: TableSpec, wanted?: string): { sheet: SheetInfo; notices: TableNotice[] } {
  const names = wanted ? [wanted] : sheetNames(spec);
  const found = sheets.find((s) => names.some((n) => norm(n) === norm(s.name)));
  if (found) return { sheet: found, notices: [] };
  if (!wanted) {
    const aux = new Set(Object.values(auxiliarySheetNames).flatMap((t) => [norm(t.zh), norm(t.en)]));
    const candidates = sheets.filter((s) => s.state === 'visible' && !aux.has(norm(s.name)));
    if (candidates.length === 1) {
      const only = candidates[0];
      return {
        sheet: only,
        notices: [
          {
            code: 'SHEET_FALLBACK',
            message: {
              zh: `没有名为“${spec.sheet.zh}”的工作表，已读取唯一的工作表“${only.name}”`,
              en: `No sheet named "${spec.sheet.en}"; read the only sheet, "${only.name}"`,
            },
          },
        ],
      };
    }
  }
  throw new SpreadsheetError('SHEET_NOT_FOUND', {
    expected: names[0],
    found: sheets.length ? listNames(sheets.map((s) => s.name)) : { zh: '（无）', en: '(none)' },
  });
}

/** Excel number formats that show a date: y, m or d outside quotes, brackets and escapes. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(f) || /m.*[/-]|[/-].*m/i.test(f);
}

/** exceljs's value of a cell as a {@link RawCell}. */
function rawCell(v: unknown, row: StreamRow, col: number): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = String(o.formula ?? o.sharedFormula ?? '') || '…';
    const r = o.result;
    if (r === undefined || r === null || r === '') return r === '' ? '' : { issue: 'formula', text: formula };
    if (typeof r === 'number') {
      if (!Number.isFinite(r)) return { issue: 'error', text: `=${formula}` };
      // the streaming reader does not turn formula results into dates; the cell's format tells
      if (isDateFormat(row.getCell(col).numFmt)) return new Date(Math.round((r - 25569) * 86_400_000));
      return r;
    }
    if (typeof r === 'object' && r && 'error' in r) return { issue: 'error', text: String((r as { error: unknown }).error) };
    return rawCell(r, row, col);
  }
  if ('error' in o) return { issue: 'error', text: String(o.error) };
  if ('text' in o) return rawCell(o.text, row, col); // a hyperlink cell
  return null;
}

function cellsOf(row: StreamRow): RawCell[] {
  const values = row.values;
  const out: RawCell[] = [];
  for (let i = 1; i < values.length; i++) out.push(rawCell(values[i], row, i));
  return out;
}

/**
 * Opens an XLSX as a row source for {@link readRowsFrom}: checks the file, picks the sheet, scans
 * it for merged cells, then streams its rows.
 *
 * @example
 * const source = await openXlsxSource('/tmp/experts.xlsx', expertTable);
 * source.sheet // '专家'
 */
export async function openXlsxSource(input: Buffer | string, spec: TableSpec, opts: XlsxReadOptions = {}): Promise<RowSource> {
  const { zip, sheets } = await openWorkbook(input, {
    maxBytes: opts.maxBytes ?? 100 * 1024 * 1024,
    maxUnpackedBytes: opts.maxUnpackedBytes ?? 2 * 1024 * 1024 * 1024,
  });
  let target: SheetInfo;
  let notices: TableNotice[];
  let scan: { merges: RowSource['merges']; rows: number };
  try {
    ({ sheet: target, notices } = chooseSheet(sheets, spec, opts.sheet));
    scan = await scanSheet(zip, target.part);
  } finally {
    await zip.close();
  }
  const fileNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(target.part)?.[1];
  if (!fileNo) {
    throw new SpreadsheetError('UNREADABLE', { detail: `sheet part ${target.part} is not where Excel puts it` });
  }

  let yielded = 0;
  let stream: Readable | undefined;
  const rows = async function* (): AsyncGenerator<RawRow> {
    stream = typeof input === 'string' ? undefined : Readable.from([input]);
    const reader = new Utf8WorkbookReader(stream ?? (input as string), {
      sharedStrings: 'cache',
      styles: 'cache', // needed to tell dates from numbers
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let read = false;
    let finished = false;
    const sheets = reader[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await sheets.next();
        if (next.done) {
          finished = true;
          break;
        }
        const ws = next.value;
        // names are known when workbook.xml precedes the sheet in the zip; otherwise exceljs
        // calls the sheet `Sheet<n>` after its file name, which the part number matches
        const isTarget = !read && (ws.name === target.name || (ws.name === `Sheet${ws.id}` && String(ws.id) === fileNo));
        if (!isTarget) {
          reader.discardParts();
          continue;
        }
        read = true;
        for await (const row of ws) {
          yielded++;
          yield { row: row.number, cells: cellsOf(row) };
        }
        // on through the rest of the zip (without parsing it), so exceljs removes its temporary copies
      }
    } catch (e) {
      throw asSpreadsheetError(e, 'CORRUPT_FILE');
    } finally {
      if (!finished) {
        // stopped early (a fatal header problem, or the caller stopped): still let exceljs clean up
        try {
          reader.discardParts();
          for (let n = await sheets.next(); !n.done; n = await sheets.next()) reader.discardParts();
        } catch {
          // the file is being abandoned; an error while skipping its rest changes nothing
        }
      }
      stream?.destroy();
      reader.stream?.destroy();
    }
    if (!read) throw new SpreadsheetError('UNREADABLE', { detail: `sheet ${target.name} was not found while streaming` });
  };
  return {
    format: 'xlsx',
    sheet: target.name,
    merges: scan.merges,
    totalRows: scan.rows,
    fraction: () => (scan.rows ? Math.min(1, yielded / scan.rows) : 0),
    rows: rows(),
    notices,
  };
}

/**
 * Validated rows of an XLSX, streamed. Throws {@link SpreadsheetError} when the file cannot be
 * read as the spec's table; rows with cell problems are yielded with their `problems`.
 *
 * @example
 * for await (const { row, values, problems } of readXlsx('/tmp/experts.xlsx', expertTable)) {
 *   console.log(row, values.name, problems.length);
 * }
 */
export async function* readXlsx(input: Buffer | string, spec: TableSpec, opts: XlsxReadOptions = {}): AsyncGenerator<TableRow> {
  let source: RowSource;
  try {
    source = await openXlsxSource(input, spec, opts);
  } catch (e) {
    throw asSpreadsheetError(e);
  }
  yield* readRowsFrom(source, spec, opts);
}

/**
 * Reads an XLSX into a report, calling `onRow` for each row; never rejects for a bad file.
 *
 * @example
 * const report = await readXlsxReport(buf, expertTable, { onRow: (r) => rows.push(r) });
 * report.fatal?.message.zh // '找不到工作表“专家”。文件中的工作表：“Sheet1”、“统计”…'
 */
export function readXlsxReport(input: Buffer | string, spec: TableSpec, opts: XlsxReadOptions & ReadToReportOptions = {}): Promise<ReadReport> {
  return readReport(() => openXlsxSource(input, spec, opts), spec, opts);
}
