/**
 * CSV reader: decodes UTF-8, GBK/GB18030 or UTF-16 (see decode.ts), detects the delimiter
 * (`,`, `;` or tab), and streams records through csv-parse into the shared header mapping and
 * validation, so a CSV and an XLSX of the same table give the same rows and problems.
 */
import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { SpreadsheetError, asSpreadsheetError, formatBytes } from '../table/errors.js';
import { readReport, readRowsFrom, type RawRow, type ReadOptions, type ReadReport, type ReadToReportOptions, type RowSource, type TableNotice, type TableRow } from '../table/rows.js';
import type { TableSpec } from '../table/spec.js';
import { headBytes, sniff } from '../xlsx/inspect.js';
import { CsvDecoder } from './decode.js';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvReadOptions extends ReadOptions {
  /** Largest file accepted. Default 100 MB. */
  maxBytes?: number;
  /** Skip detection and use this delimiter. */
  delimiter?: CsvDelimiter;
}

const CHUNK = 64 * 1024;

/**
 * The delimiter of a CSV from its first lines: the candidate found in the header that splits the
 * most of the following lines into as many fields as the header. Quoted text is skipped, so
 * commas inside "宁夏大学, 农学院" do not count.
 *
 * @example
 * detectDelimiter('姓名;单位\n王磊;宁夏大学\n') // ';'
 * detectDelimiter('姓名\t单位\n王磊\t宁夏大学\n') // '\t'
 */
export function detectDelimiter(sample: string): CsvDelimiter {
  const candidates: CsvDelimiter[] = [',', ';', '\t'];
  const counts: Record<CsvDelimiter, number[]> = { ',': [], ';': [], '\t': [] };
  let line: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < sample.length && lines < 50; i++) {
    const ch = sample[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && sample[i + 1] === '\n') i++;
      for (const c of candidates) counts[c].push(line[c]);
      line = { ',': 0, ';': 0, '\t': 0 };
      lines++;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) line[ch]++;
  }
  if (lines < 50) for (const c of candidates) counts[c].push(line[c]);
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const c of candidates) {
    const [head, ...rest] = counts[c];
    if (!head) continue;
    const score = rest.filter((n) => n === head).length * 1000 + head;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** A CSV cell as meant: our export's `'` before a formula-like text removed, `="0951"` unwrapped. */
function csvCell(s: string): string {
  if (s.length > 1 && s[0] === "'" && /^[=+\-@]/.test(s.slice(1))) return s.slice(1);
  const m = /^="(.*)"$/s.exec(s);
  return m ? m[1] : s;
}

async function* byteChunks(input: Buffer | string): AsyncGenerator<Buffer> {
  if (typeof input === 'string') {
    for await (const c of createReadStream(input, { highWaterMark: CHUNK })) yield c as Buffer;
  } else {
    for (let i = 0; i < input.length; i += CHUNK) yield input.subarray(i, i + CHUNK);
  }
}

/**
 * Opens a CSV as a row source for {@link readRowsFrom}: checks it is text, settles the encoding
 * and the delimiter on its first 64 KB, then streams its records.
 *
 * @example
 * const source = await openCsvSource(gbkBytes, expertTable);
 * source.notices // [{ code: 'ENCODING', message: { zh: '文件按 GBK（GB18030）编码读取', … } }]
 */
export async function openCsvSource(input: Buffer | string, _spec: TableSpec, opts: CsvReadOptions = {}): Promise<RowSource> {
  const { head, size } = await headBytes(input);
  const kind = sniff(head);
  if (kind === 'empty') throw new SpreadsheetError('EMPTY_FILE');
  if (kind === 'zip' || kind === 'ole') {
    throw new SpreadsheetError('CSV_BINARY', { hint: { zh: '：它是 Excel 文件，请以 .xlsx 扩展名上传', en: ': it is an Excel file; upload it with the .xlsx extension' } });
  }
  if (kind === 'binary' || kind === 'pdf') throw new SpreadsheetError('CSV_BINARY', { hint: { zh: '', en: '' } });
  const maxBytes = opts.maxBytes ?? 100 * 1024 * 1024;
  if (size > maxBytes) throw new SpreadsheetError('TOO_LARGE', { size: formatBytes(size), max: formatBytes(maxBytes) });

  const decoder = new CsvDecoder();
  const chunks = byteChunks(input);
  let bytesRead = 0;
  let sample = '';
  let done = false;
  while (bytesRead < CHUNK) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      sample += decoder.end();
      break;
    }
    bytesRead += next.value.length;
    sample += decoder.write(next.value);
  }
  const delimiter = opts.delimiter ?? detectDelimiter(sample);
  const notices: TableNotice[] = [];
  if (decoder.encoding === 'gb18030') {
    notices.push({ code: 'ENCODING', message: { zh: '文件按 GBK（GB18030）编码读取', en: 'The file was read as GBK (GB18030)' } });
  } else if (decoder.encoding === 'utf-16le' || decoder.encoding === 'utf-16be') {
    notices.push({ code: 'ENCODING', message: { zh: '文件按 UTF-16 编码读取', en: 'The file was read as UTF-16' } });
  }

  const text = async function* (): AsyncGenerator<string> {
    if (sample) yield sample;
    if (done) return;
    for await (const c of chunks) {
      bytesRead += c.length;
      const s = decoder.write(c);
      if (s) yield s;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  };

  const rows = async function* (): AsyncGenerator<RawRow> {
    const parser = parse({
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // one record may be long (a 5 MB cell is a cell problem, not a crash) but not unbounded:
      // an unclosed quote would otherwise swallow the whole file
      max_record_size: 64 * 1024 * 1024,
    });
    const source = Readable.from(text());
    pipeline(source, parser, () => {});
    let n = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        n++;
        yield { row: n, cells: record.map(csvCell) };
      }
    } catch (e) {
      if (e instanceof CsvError) {
        const line = (e as CsvError & { lines?: number }).lines ?? n + 1;
        throw new SpreadsheetError('CSV_MALFORMED', { line, detail: e.message.replace(/^Invalid [^:]+:\s*/, '').slice(0, 160) }, { cause: e });
      }
      throw asSpreadsheetError(e);
    } finally {
      source.destroy();
    }
  };

  return {
    format: 'csv',
    fraction: () => (size ? Math.min(1, bytesRead / size) : 1),
    rows: rows(),
    notices,
  };
}

/**
 * Validated rows of a CSV, streamed. Throws {@link SpreadsheetError} for a file that cannot be
 * read; rows with cell problems are yielded with their `problems`.
 *
 * @example
 * for await (const r of readCsv(upload, expertTable)) if (!r.problems.length) save(r.values);
 */
export async function* readCsv(input: Buffer | string, spec: TableSpec, opts: CsvReadOptions = {}): AsyncGenerator<TableRow> {
  let source: RowSource;
  try {
    source = await openCsvSource(input, spec, opts);
  } catch (e) {
    throw asSpreadsheetError(e);
  }
  yield* readRowsFrom(source, spec, opts);
}

/**
 * Reads a CSV into a report, calling `onRow` for each row; never rejects for a bad file.
 *
 * @example
 * const report = await readCsvReport(gbkBytes, expertTable);
 * report.fatal?.message.zh // '文件第 3 行（第 57 字节）有无法识别的字符…'
 */
export function readCsvReport(input: Buffer | string, spec: TableSpec, opts: CsvReadOptions & ReadToReportOptions = {}): Promise<ReadReport> {
  return readReport(() => openCsvSource(input, spec, opts), spec, opts, 'csv');
}
