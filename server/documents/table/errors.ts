/**
 * File-level failures of the spreadsheet converters: the file cannot be read as a table at all
 * (not an Excel file, no such sheet, no header row …). Each has a stable code and a message in
 * zh and en that tells the person what to do. Cell and row problems are not errors: they are
 * reported as {@link TableProblem}s and reading goes on, so every problem of a file is known in
 * one pass.
 */
import type { LocalText } from './spec.js';

export const spreadsheetMessages = {
  EMPTY_FILE: { zh: '文件是空的（0 字节）', en: 'The file is empty (0 bytes)' },
  TOO_LARGE: { zh: '文件过大（{size}），最多 {max}', en: 'The file is too large ({size}); at most {max}' },
  NOT_XLSX: {
    zh: '这不是 Excel（.xlsx）文件{hint}',
    en: 'This is not an Excel (.xlsx) file{hint}',
  },
  LEGACY_XLS: {
    zh: '这是旧版 Excel（.xls）、WPS（.et）或加密的文件，请在 Excel/WPS 中“另存为” .xlsx 格式（并取消密码）后重新上传',
    en: 'This is an old Excel (.xls), WPS (.et) or password-protected file; save it as .xlsx (without a password) in Excel/WPS and upload again',
  },
  CORRUPT_FILE: {
    zh: 'Excel 文件已损坏或不完整（{detail}），请在 Excel/WPS 中打开并重新保存后上传',
    en: 'The Excel file is damaged or incomplete ({detail}); open it in Excel/WPS, save it again and upload',
  },
  NOT_WORKBOOK: {
    zh: '这是压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）{hint}',
    en: 'This is a zip archive but not an Excel workbook (no xl/workbook.xml){hint}',
  },
  SHEET_NOT_FOUND: {
    zh: '找不到工作表“{expected}”。文件中的工作表：{found}。请把数据放在名为“{expected}”的工作表中',
    en: 'No sheet named "{expected}". Sheets in the file: {found}. Put the data in a sheet named "{expected}"',
  },
  HEADER_NOT_FOUND: {
    zh: '工作表“{sheet}”的前 {rows} 行中找不到表头。表头应包含：{expected}。{seen}',
    en: 'No header row in the first {rows} rows of sheet "{sheet}". The header should contain: {expected}. {seen}',
  },
  MERGED_HEADER: {
    zh: '表头行有合并单元格（{ranges}），请取消合并，使每一列只有一个列名',
    en: 'The header row has merged cells ({ranges}); unmerge them so each column has one header',
  },
  MISSING_COLUMNS: {
    zh: '缺少必填列：{columns}（工作表“{sheet}”第 {row} 行为表头）',
    en: 'Required columns are missing: {columns} (header in row {row} of sheet "{sheet}")',
  },
  DUPLICATE_COLUMN: {
    zh: '“{column}”列出现了两次（{cells}），请删除其中一列',
    en: 'Column "{column}" appears twice ({cells}); delete one of them',
  },
  NO_DATA: { zh: '表头下面没有数据行', en: 'There are no data rows under the header' },
  CSV_ENCODING: {
    zh: '文件第 {line} 行（第 {offset} 字节）有无法识别的字符：既不是 UTF-8 也不是 GBK 编码。请在 Excel/WPS 中另存为“CSV UTF-8”或 .xlsx 后重新上传',
    en: 'Line {line} (byte {offset}) has bytes that are neither UTF-8 nor GBK; save the file as "CSV UTF-8" or .xlsx in Excel/WPS and upload again',
  },
  CSV_BINARY: {
    zh: '这不是文本（CSV）文件{hint}',
    en: 'This is not a text (CSV) file{hint}',
  },
  CSV_MALFORMED: {
    zh: 'CSV 格式有误（第 {line} 行：{detail}），常见原因是引号没有配对',
    en: 'The CSV is malformed (line {line}: {detail}); usually a quote is not closed',
  },
  UNREADABLE: {
    zh: '无法读取文件（{detail}），请在 Excel/WPS 中打开并另存为 .xlsx 后重新上传',
    en: 'The file cannot be read ({detail}); open it in Excel/WPS, save it as .xlsx and upload again',
  },
} as const satisfies Record<string, LocalText>;

export type SpreadsheetErrorCode = keyof typeof spreadsheetMessages;

/** A message parameter: the same in both languages, or one text per language. */
export type MessageParam = string | number | LocalText;

function fill(template: string, params: Record<string, MessageParam>, locale: 'zh' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return '';
    return typeof v === 'object' ? v[locale] : String(v);
  });
}

/**
 * A message of the catalogue with its parameters filled in both languages.
 *
 * @example
 * spreadsheetText('NO_DATA') // { zh: '表头下面没有数据行', en: 'There are no data rows under the header' }
 */
export function spreadsheetText(code: SpreadsheetErrorCode, params: Record<string, MessageParam> = {}): LocalText {
  const t = spreadsheetMessages[code];
  return { zh: fill(t.zh, params, 'zh'), en: fill(t.en, params, 'en') };
}

/**
 * A file the converters cannot read as a table. `text` holds the message in zh and en; `message`
 * (for logs) is the English one. Every failure of a reader surfaces as this type: callers map it
 * to a 4xx answer or a CLI message and never see a raw parser exception.
 *
 * @example
 * try { for await (const r of readRows(buf, spec)) … }
 * catch (e) { if (e instanceof SpreadsheetError) reply(422, e.code, e.text) }
 */
export class SpreadsheetError extends Error {
  override name = 'SpreadsheetError';
  readonly text: LocalText;
  constructor(
    readonly code: SpreadsheetErrorCode,
    readonly params: Record<string, MessageParam> = {},
    options?: { cause?: unknown },
  ) {
    const text = spreadsheetText(code, params);
    super(text.en, options);
    this.text = text;
  }
}

/**
 * Wraps anything thrown by a parser underneath (zip, XML, CSV) as a SpreadsheetError, keeping a
 * SpreadsheetError as it is. The original stays in `cause` for logs.
 *
 * @example
 * catch (e) { throw asSpreadsheetError(e, 'CORRUPT_FILE') }
 */
export function asSpreadsheetError(error: unknown, code: SpreadsheetErrorCode = 'UNREADABLE'): SpreadsheetError {
  if (error instanceof SpreadsheetError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SpreadsheetError(code, { detail: detail.slice(0, 200) }, { cause: error });
}

/** `formatBytes(5_242_880)` → '5.0 MB'. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Names joined for a message in both languages, at most `max` of them.
 *
 * @example
 * listNames(['Sheet1', '统计']) // { zh: '“Sheet1”、“统计”', en: '"Sheet1", "统计"' }
 */
export function listNames(names: readonly string[], max = 12): LocalText {
  const join = (locale: 'zh' | 'en'): string => {
    const shown = names.slice(0, max).map((n) => (locale === 'zh' ? `“${n}”` : `"${n}"`));
    const more = names.length > max ? (locale === 'zh' ? ` 等 ${names.length} 个` : ` and ${names.length - max} more`) : '';
    return shown.join(locale === 'zh' ? '、' : ', ') + more;
  };
  return { zh: join('zh'), en: join('en') };
}
