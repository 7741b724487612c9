/**
 * A look into an XLSX before its rows are streamed: what the file is (an XLSX, an old .xls, a web
 * page saved as .xls, a text file), which sheets it has, and a scan of one sheet for merged cells
 * and its row count. exceljs's streaming reader skips merged cells and reads sheets in zip order,
 * so these facts are gathered here first: a merged header is refused before any row is read.
 */
import { open } from 'node:fs/promises';
import { SpreadsheetError, formatBytes } from '../table/errors.js';
import type { CellRange } from '../table/rows.js';
import { ZipArchive } from './zip.js';

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet's part in the zip, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

/** The first bytes of a file, wherever it is. */
export async function headBytes(input: Buffer | string, n = 4096): Promise<{ head: Buffer; size: number }> {
  if (typeof input !== 'string') return { head: input.subarray(0, n), size: input.length };
  const fh = await open(input, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(n, size));
    await fh.read(head, 0, head.length, 0);
    return { head, size };
  } finally {
    await fh.close();
  }
}

export type SniffedFormat = 'zip' | 'ole' | 'html' | 'pdf' | 'text' | 'binary' | 'empty';

/**
 * What the first bytes say a file is.
 *
 * @example
 * sniff(Buffer.from('PK\x03\x04…')) // 'zip'
 * sniff(Buffer.from('姓名,单位\n'))   // 'text'
 */
export function sniff(head: Buffer): SniffedFormat {
  if (head.length === 0) return 'empty';
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0x06054b50) return 'zip';
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'ole';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const text = head.toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().slice(0, 512).toLowerCase();
  if (/^<(!doctype html|html|table|\?xml[^>]*>\s*<html|meta|head)/.test(text) || /<html[\s>]/.test(text)) return 'html';
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  if (!utf16 && head.includes(0)) return 'binary';
  return 'text';
}

const hints: Record<SniffedFormat, { zh: string; en: string }> = {
  html: {
    zh: '：它是网页（HTML）格式，只是扩展名为 .xls/.xlsx。请用 Excel/WPS 打开后“另存为” .xlsx',
    en: ': it is a web page (HTML) with an Excel file name. Open it in Excel/WPS and save it as .xlsx',
  },
  text: { zh: '：内容是文本。如果是 CSV 文件，请把扩展名改为 .csv 后上传', en: ': it holds text. If it is a CSV file, rename it to .csv and upload it' },
  pdf: { zh: '：它是 PDF 文件', en: ': it is a PDF file' },
  binary: { zh: '', en: '' },
  zip: { zh: '', en: '' },
  ole: { zh: '', en: '' },
  empty: { zh: '', en: '' },
};

/** The error for a file that is not an XLSX, with a hint from its content. */
export function notXlsxError(kind: SniffedFormat): SpreadsheetError {
  if (kind === 'empty') return new SpreadsheetError('EMPTY_FILE');
  if (kind === 'ole') return new SpreadsheetError('LEGACY_XLS');
  return new SpreadsheetError('NOT_XLSX', { hint: hints[kind] });
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const l = e.toLowerCase();
    if (l === 'amp') return '&';
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    return String.fromCodePoint(l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
  });
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

function resolvePart(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * Opens an XLSX's directory and lists its worksheets in tab order, throwing a
 * {@link SpreadsheetError} that says what the file is when it is not a readable XLSX.
 *
 * @example
 * const { zip, sheets } = await openWorkbook(buffer, { maxBytes: 100e6 });
 * sheets.map((s) => s.name) // ['专家', '说明', 'lists']
 */
export async function openWorkbook(
  input: Buffer | string,
  opts: { maxBytes: number; maxUnpackedBytes: number },
): Promise<{ zip: ZipArchive; sheets: SheetInfo[]; size: number }> {
  const { head, size } = await headBytes(input);
  const kind = sniff(head);
  if (kind !== 'zip') throw notXlsxError(kind);
  if (size > opts.maxBytes) throw new SpreadsheetError('TOO_LARGE', { size: formatBytes(size), max: formatBytes(opts.maxBytes) });
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(input);
  } catch (e) {
    throw new SpreadsheetError('CORRUPT_FILE', { detail: (e as Error).message }, { cause: e });
  }
  try {
    if (!zip.has('xl/workbook.xml')) {
      const hint = zip.has('word/document.xml')
        ? { zh: '：它是 Word 文档', en: ': it is a Word document' }
        : zip.has('content.xml')
          ? { zh: '：它是 OpenDocument 表格（.ods），请另存为 .xlsx', en: ': it is an OpenDocument sheet (.ods); save it as .xlsx' }
          : { zh: '', en: '' };
      throw new SpreadsheetError('NOT_WORKBOOK', { hint });
    }
    if (zip.unpackedSize > opts.maxUnpackedBytes) {
      throw new SpreadsheetError('TOO_LARGE', { size: formatBytes(zip.unpackedSize), max: formatBytes(opts.maxUnpackedBytes) });
    }
    const workbook = (await zip.read('xl/workbook.xml')).toString('utf8');
    const rels = zip.has('xl/_rels/workbook.xml.rels') ? (await zip.read('xl/_rels/workbook.xml.rels')).toString('utf8') : '';
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\s([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      if ((a.get('Type') ?? '').endsWith('/worksheet')) targets.set(a.get('Id') ?? '', resolvePart(a.get('Target') ?? ''));
    }
    const sheets: SheetInfo[] = [];
    for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      const rid = [...a.entries()].find(([k]) => /^[\w.-]+:id$/.test(k))?.[1] ?? '';
      const part = targets.get(rid);
      if (!part) continue; // a chart sheet or a dialog sheet: no cells
      const state = a.get('state');
      sheets.push({ name: a.get('name') ?? '', state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', part });
    }
    return { zip, sheets, size };
  } catch (e) {
    await zip.close();
    if (e instanceof SpreadsheetError) throw e;
    throw new SpreadsheetError('CORRUPT_FILE', { detail: (e as Error).message }, { cause: e });
  }
}

/** `A1` → {row: 1, col: 1}. */
export function decodeCell(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** `'B2:D3'` → {top: 2, left: 2, bottom: 3, right: 4, ref: 'B2:D3'}. */
export function decodeRange(ref: string): CellRange | undefined {
  const [a, b = a] = ref.split(':');
  const s = decodeCell(a);
  const e = decodeCell(b);
  if (!s || !e) return undefined;
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col), ref };
}

/**
 * Streams one sheet's XML once for its merged areas and its number of rows. Tags are ASCII, so
 * the bytes are read as latin1 (fast, no UTF-8 decoding); a carry-over keeps tags split across
 * chunks whole, and only matches ending in the new chunk count.
 *
 * @example
 * await scanSheet(zip, 'xl/worksheets/sheet1.xml') // { merges: [{ref:'A1:C1',…}], rows: 201 }
 */
export async function scanSheet(zip: ZipArchive, part: string): Promise<{ merges: CellRange[]; rows: number }> {
  const merges: CellRange[] = [];
  let rows = 0;
  let carry = '';
  const rowTag = /<(?:[A-Za-z_][\w.-]*:)?row[\s>]/g;
  const mergeTag = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref\s*=\s*"([^"]+)"/g;
  try {
    for await (const chunk of await zip.stream(part)) {
      const text = carry + (chunk as Buffer).toString('latin1');
      for (const m of text.matchAll(rowTag)) if (m.index + m[0].length > carry.length) rows++;
      if (text.includes('mergeCell')) {
        for (const m of text.matchAll(mergeTag)) {
          if (m.index + m[0].length <= carry.length) continue;
          const r = decodeRange(m[1]);
          if (r) merges.push(r);
        }
      }
      carry = text.slice(-512);
    }
  } catch (e) {
    // a ZipError (cut-off part) or zlib's own error (damaged data)
    throw new SpreadsheetError('CORRUPT_FILE', { detail: (e as Error).message }, { cause: e });
  }
  return { merges, rows };
}
