/**
 * Cell values as people type them, turned into the values a registry stores. Tolerant where the
 * meaning is unambiguous (dates as text, full-width digits, thousands separators, a label instead
 * of a code, an area code Excel dropped), strict where it is not (3/5/2024, 2月30日, 1.5 people).
 */
import { defaultMaxLength, typeName, type CellValue, type ColumnSpec, type LocalText } from './spec.js';

/**
 * A cell as a reader hands it over: Excel's own value (number, text, boolean, a real date), or a
 * cell that has no usable value. CSV cells are always strings.
 */
export type RawCell = null | undefined | string | number | boolean | Date | CellIssue;

/** A cell without a usable value: a formula never calculated, or an error value like `#N/A`. */
export interface CellIssue {
  issue: 'formula' | 'error';
  /** The formula (without `=`) or the error value. */
  text: string;
}

export type ParseResult = { ok: true; value: CellValue | undefined } | { ok: false; message: LocalText };

const ok = (value: CellValue | undefined): ParseResult => ({ ok: true, value });
const fail = (zh: string, en: string): ParseResult => ({ ok: false, message: { zh, en } });

/** True for cells that hold nothing a person typed: null, '' or only spaces. */
export function isBlank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && blankText.test(raw));
}
const blankText = /^[\s\u200b\ufeff\u3000]*$/;

export function isCellIssue(raw: RawCell): raw is CellIssue {
  return typeof raw === 'object' && raw !== null && !(raw instanceof Date);
}

/**
 * Text as stored: trimmed of spaces (including full-width and zero-width ones), Windows line
 * breaks made `\n`. Inner text is kept as typed.
 *
 * @example
 * cleanText('\u3000王磊 \r\n') // '王磊'
 */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/^[\s\u200b\ufeff\u3000]+|[\s\u200b\ufeff\u3000]+$/g, '');
}

/**
 * A number as text without float noise or exponent: `numberText(13800000000)` → '13800000000',
 * `numberText(0.1 + 0.2)` → '0.3'.
 */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/**
 * How a raw cell reads in a problem list or an error sheet: dates as ISO, long texts cut.
 *
 * @example
 * displayValue(new Date(Date.UTC(2024, 2, 5))) // '2024-03-05'
 * displayValue({ issue: 'formula', text: 'SUM(A1:A3)' }) // '=SUM(A1:A3)'
 */
export function displayValue(raw: RawCell, max = 200): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return dateTimeText(raw);
  if (typeof raw === 'number') return numberText(raw);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (typeof raw === 'object') return raw.issue === 'formula' ? `=${raw.text}` : raw.text;
  return raw.length > max ? `${raw.slice(0, max)}…` : raw;
}

// ── dates ────────────────────────────────────────────────────────────────────────────────────

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD` when y-m-d is a real calendar day (so 2024-02-30 is refused). */
export function isoDate(y: number, m: number, d: number): string | undefined {
  if (!(y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** A date cell's day. Excel dates reach us as UTC instants (exceljs converts serials in UTC). */
function dateOfInstant(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  // a time of 23:59:59.9995 is a day's end rounded in Excel's float: round to the millisecond first
  const t = new Date(Math.round(d.getTime()));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function dateTimeText(d: Date): string {
  const day = dateOfInstant(d) ?? String(d);
  const hm = d.getUTCHours() * 60 + d.getUTCMinutes();
  return hm === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * An Excel serial day number as ISO (1900 date system). Serial 60 is Excel's phantom 1900-02-29;
 * days before it are one off, which is why the epoch moves.
 *
 * @example
 * excelSerialDate(45356) // '2024-03-05'
 */
export function excelSerialDate(serial: number): string | undefined {
  if (!(serial >= 1 && serial < 2958466)) return undefined;
  const day = Math.floor(serial + 1e-9);
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return dateOfInstant(new Date(epoch + day * 86_400_000));
}

const dateTextPattern =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:(?:\s+|T)\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date typed as text, in the ways people in China write it, as ISO. A time part is dropped.
 * Day-first or month-first orders (05/03/2024) are ambiguous and refused.
 *
 * @example
 * parseDateText('2024/3/5')     // '2024-03-05'
 * parseDateText('2024年3月5日')  // '2024-03-05'
 * parseDateText('2024.3.5')     // '2024-03-05'
 * parseDateText('２０２４－０３－０５') // '2024-03-05'
 * parseDateText('20240305')     // '2024-03-05'
 */
export function parseDateText(text: string): string | undefined {
  const s = text.normalize('NFKC').trim();
  let m = dateTextPattern.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

function parseDate(raw: string | number | Date): ParseResult {
  if (raw instanceof Date) {
    const d = dateOfInstant(raw);
    return d ? ok(d) : fail('无效的日期', 'Not a valid date');
  }
  if (typeof raw === 'number') {
    // 20240305 typed into a number cell, else a serial day from a cell formatted as a number
    const compact = Number.isInteger(raw) && raw >= 10000101 && raw <= 99991231 ? parseDateText(String(raw)) : undefined;
    const d = compact ?? excelSerialDate(raw);
    return d ? ok(d) : fail(`无法识别的日期“${numberText(raw)}”`, `"${numberText(raw)}" is not a date`);
  }
  const d = parseDateText(raw);
  if (d) return ok(d);
  return fail(
    `无法识别的日期“${cut(raw)}”，请写成 2024-03-05、2024/3/5 或 2024年3月5日`,
    `"${cut(raw)}" is not a date; write 2024-03-05, 2024/3/5 or 2024年3月5日`,
  );
}

// ── numbers ──────────────────────────────────────────────────────────────────────────────────

/**
 * A number typed as text: full-width digits, thousands separators, a Unicode minus.
 *
 * @example
 * parseNumberText('１，２３４．５') // 1234.5
 * parseNumberText('1,234,567')    // 1234567
 * parseNumberText('1,23')         // undefined (a decimal comma or a typo: refused)
 */
export function parseNumberText(text: string): number | undefined {
  let t = text.normalize('NFKC').replace(/[\s_']/g, '').replace(/[−–—]/g, '-');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function parseNumeric(column: ColumnSpec, raw: string | number | boolean | Date): ParseResult {
  let n: number | undefined;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string') n = parseNumberText(raw);
  if (n === undefined || !Number.isFinite(n)) {
    const shown = typeof raw === 'string' ? cut(raw) : displayValue(raw);
    return fail(`“${shown}”不是${column.type === 'integer' ? '整数' : '数字'}`, `"${shown}" is not a ${column.type === 'integer' ? 'whole number' : 'number'}`);
  }
  if (column.type === 'integer' && !Number.isInteger(n)) return fail(`应为整数，不能是 ${numberText(n)}`, `Must be a whole number, not ${numberText(n)}`);
  if (column.min !== undefined && n < column.min) return fail(`不能小于 ${column.min}`, `Must be at least ${column.min}`);
  if (column.max !== undefined && n > column.max) return fail(`不能大于 ${column.max}`, `Must be at most ${column.max}`);
  return ok(n);
}

// ── choices ──────────────────────────────────────────────────────────────────────────────────

const choiceKey = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const optionMaps = new WeakMap<ColumnSpec, Map<string, string>>();

/** Value, zh label, en label and aliases of every option, compared without case and spaces. */
function optionMap(column: ColumnSpec): Map<string, string> {
  let m = optionMaps.get(column);
  if (!m) {
    m = new Map();
    for (const o of column.options ?? []) {
      for (const s of [o.value, o.label.zh, o.label.en, ...(o.aliases ?? [])]) {
        const k = choiceKey(s);
        if (!m.has(k)) m.set(k, o.value);
      }
    }
    optionMaps.set(column, m);
  }
  return m;
}

/**
 * The option value a cell names, by value, zh label, en label or alias.
 *
 * @example
 * matchOption(titleColumn, ' 教授 ') // 'professor'
 * matchOption(titleColumn, 'Professor') // 'professor'
 */
export function matchOption(column: ColumnSpec, text: string): string | undefined {
  return optionMap(column).get(choiceKey(text));
}

function allowedText(column: ColumnSpec): LocalText {
  const opts = column.options ?? [];
  const max = 15;
  const more = (locale: 'zh' | 'en'): string => (opts.length > max ? (locale === 'zh' ? ` 等 ${opts.length} 项` : ` … (${opts.length} in all)`) : '');
  return {
    zh: opts.slice(0, max).map((o) => o.label.zh).join('、') + more('zh'),
    en: opts.slice(0, max).map((o) => o.label.en).join(', ') + more('en'),
  };
}

/** Separators people put between the items of one cell: 、，,;；| and line breaks. */
export const listSeparators = /[、，,;；|｜\r\n\t]+/;

/**
 * The items of a list cell, trimmed, without blanks or repeats.
 *
 * @example
 * splitList('枸杞、 干燥；保鲜\n干燥') // ['枸杞', '干燥', '保鲜']
 */
export function splitList(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(listSeparators)) {
    const item = cleanText(part);
    if (item && !out.includes(item)) out.push(item);
  }
  return out;
}

const trueWords = new Set(['是', 'true', 'yes', 'y', '1', '√', '✓', '✔', '对', '有', 't']);
const falseWords = new Set(['否', 'false', 'no', 'n', '0', '×', '✗', '✘', 'x', '错', '无', 'f']);

// ── email and phone ──────────────────────────────────────────────────────────────────────────

const emailPattern =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * An email address, with full-width characters and a Chinese full stop (typed in Chinese input
 * mode) made ASCII.
 *
 * @example
 * parseEmail('ｗａｎｇ＠nxu。edu。cn') // 'wang@nxu.edu.cn'
 */
export function parseEmail(text: string): string | undefined {
  const t = text.normalize('NFKC').replace(/。/g, '.').trim().replace(/^mailto:/i, '');
  return t.length <= 254 && emailPattern.test(t) ? t : undefined;
}

/**
 * A Chinese phone number in one written form: mobiles as 11 digits, landlines `0951-5012345`,
 * an extension as ` 转808`, 400/800 numbers as digits, others as `+` and digits. A landline
 * whose leading 0 Excel dropped (stored as a number) gets it back.
 *
 * @example
 * parsePhone('+86 138-0000-0000') // '13800000000'
 * parsePhone('(0951)5012345转808') // '0951-5012345 转808'
 * parsePhone('12345')              // undefined
 */
export function parsePhone(text: string): string | undefined {
  let t = text.normalize('NFKC').trim();
  let ext = '';
  const e = /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i.exec(t);
  if (e) {
    ext = ` 转${e[1]}`;
    t = t.slice(0, e.index);
  }
  const digits = t.replace(/[\s\-()（）.·]/g, '');
  let m = /^(?:\+?86|0086)?(1[3-9]\d{9})$/.exec(digits);
  if (m) return m[1] + ext;
  const landline = (d: string): string | undefined => {
    if (!/^0\d{9,11}$/.test(d)) return undefined;
    const area = /^0(10|2\d)/.test(d) ? 3 : 4;
    if (area === 4 && !/^0[3-9]/.test(d)) return undefined; // no area code starts 01 except 010
    const rest = d.slice(area);
    return /^\d{7,8}$/.test(rest) ? `${d.slice(0, area)}-${rest}${ext}` : undefined;
  };
  if (/^[48]00\d{7}$/.test(digits)) return digits + ext;
  const l = landline(digits.replace(/^(?:\+86|0086)/, '0')) ?? (/^[1-9]\d{8,10}$/.test(digits) ? landline(`0${digits}`) : undefined);
  if (l) return l;
  if (/^[2-8]\d{6,7}$/.test(digits)) return digits + ext; // a local number without its area code
  m = /^(?:\+|00)([1-9]\d{6,14})$/.exec(digits);
  if (m) return `+${m[1]}${ext}`;
  return undefined;
}

// ── one cell ─────────────────────────────────────────────────────────────────────────────────

const cut = (s: string, max = 40): string => (s.length > max ? `${s.slice(0, max)}…` : s);

/** A raw non-string cell as text, for text-like columns. Excel turns `3-5` into a date; we give it back as ISO. */
function rawText(raw: string | number | boolean | Date): string {
  if (typeof raw === 'string') return cleanText(raw);
  return displayValue(raw);
}

function checkLength(column: ColumnSpec, value: string): ParseResult | undefined {
  const max = defaultMaxLength(column);
  if (max === undefined || value.length <= max) return undefined;
  const n = [...value].length; // in characters, as a person counts them
  if (n <= max) return undefined;
  return fail(`超过 ${max} 个字符（现有 ${n} 个）`, `Longer than ${max} characters (${n})`);
}

/**
 * One cell parsed for its column: `{ok: true, value}` (value undefined for a blank cell) or
 * `{ok: false, message}`. Required-ness is the row's business, not the cell's.
 *
 * @example
 * parseCell({ key: 'born', type: 'date', ... }, '2024年3月5日') // { ok: true, value: '2024-03-05' }
 * parseCell({ key: 'age', type: 'integer', max: 120, ... }, '１５０') // { ok: false, message: { zh: '不能大于 120', … } }
 */
export function parseCell(column: ColumnSpec, raw: RawCell): ParseResult {
  if (isBlank(raw)) return ok(undefined);
  if (isCellIssue(raw)) {
    return raw.issue === 'formula'
      ? fail(
          `公式“=${cut(raw.text)}”没有计算结果，请在 Excel/WPS 中重新计算并保存，或复制后“粘贴为数值”`,
          `The formula "=${cut(raw.text)}" has no calculated value; recalculate and save in Excel/WPS, or paste it as values`,
        )
      : fail(`单元格是错误值 ${raw.text}，请改为正确的内容`, `The cell holds the error value ${raw.text}; replace it`);
  }
  const value = raw as string | number | boolean | Date;
  switch (column.type) {
    case 'text':
    case 'longtext': {
      const s = rawText(value);
      return checkLength(column, s) ?? ok(s);
    }
    case 'integer':
    case 'number':
      return parseNumeric(column, value);
    case 'date':
      if (typeof value === 'boolean') return fail('不是日期', 'Not a date');
      return parseDate(value);
    case 'boolean': {
      if (typeof value === 'boolean') return ok(value);
      const k = choiceKey(rawText(value));
      if (trueWords.has(k)) return ok(true);
      if (falseWords.has(k)) return ok(false);
      return fail(`请填“是”或“否”，不能是“${cut(rawText(value))}”`, `Write 是 (yes) or 否 (no), not "${cut(rawText(value))}"`);
    }
    case 'enum': {
      const s = rawText(value);
      const v = matchOption(column, s);
      if (v !== undefined) return ok(v);
      const allowed = allowedText(column);
      return fail(`“${cut(s)}”不在可选范围内，可选：${allowed.zh}`, `"${cut(s)}" is not one of the allowed values: ${allowed.en}`);
    }
    case 'list': {
      const items = typeof value === 'string' ? splitList(value) : [rawText(value)];
      if (column.maxItems !== undefined && items.length > column.maxItems) {
        return fail(`最多 ${column.maxItems} 项（现有 ${items.length} 项）`, `At most ${column.maxItems} items (${items.length})`);
      }
      for (const item of items) {
        const long = checkLength(column, item);
        if (long && !long.ok) return fail(`“${cut(item)}”${long.message.zh}`, `"${cut(item)}": ${long.message.en}`);
      }
      if (!column.options) return ok(items);
      const out: string[] = [];
      const unknown: string[] = [];
      for (const item of items) {
        const v = matchOption(column, item);
        if (v === undefined) unknown.push(item);
        else if (!out.includes(v)) out.push(v);
      }
      if (!unknown.length) return ok(out);
      const allowed = allowedText(column);
      const names = unknown.map((u) => cut(u, 20));
      return fail(`${names.map((u) => `“${u}”`).join('、')}不在可选范围内，可选：${allowed.zh}`, `${names.map((u) => `"${u}"`).join(', ')} not allowed; allowed: ${allowed.en}`);
    }
    case 'email': {
      const s = rawText(value);
      const v = parseEmail(s);
      return v ? checkLength(column, v) ?? ok(v) : fail(`“${cut(s)}”不是有效的电子邮箱`, `"${cut(s)}" is not a valid email address`);
    }
    case 'phone': {
      const s = rawText(value);
      const v = parsePhone(s);
      return v
        ? ok(v)
        : fail(`“${cut(s)}”不是有效的电话号码（手机 11 位，座机如 0951-5012345）`, `"${cut(s)}" is not a valid phone number (11-digit mobile, or a landline like 0951-5012345)`);
    }
  }
}

/** What a column accepts, in words, for notes sheets and prompts. */
export function formatText(column: ColumnSpec): LocalText {
  const max = defaultMaxLength(column);
  const range = (zhUnit: string): LocalText | undefined =>
    column.min !== undefined || column.max !== undefined
      ? {
          zh: `${column.min ?? '—'} 至 ${column.max ?? '—'}${zhUnit}`,
          en: `${column.min ?? '—'} to ${column.max ?? '—'}`,
        }
      : undefined;
  const t = (zh: string, en: string): LocalText => ({ zh, en });
  let f: LocalText;
  switch (column.type) {
    case 'text':
    case 'longtext':
      f = max ? t(`文本，最多 ${max} 字`, `text, at most ${max} characters`) : t('文本', 'text');
      break;
    case 'integer':
    case 'number': {
      const r = range('');
      const base = t(typeName(column.type, 'zh'), typeName(column.type, 'en'));
      f = r ? t(`${base.zh}，${r.zh}`, `${base.en}, ${r.en}`) : base;
      break;
    }
    case 'date':
      f = t('日期，如 2024-03-05、2024/3/5、2024年3月5日', 'date, e.g. 2024-03-05, 2024/3/5 or 2024年3月5日');
      break;
    case 'enum':
      f = t('从下拉列表中选择一项', 'one value from the drop-down list');
      break;
    case 'list':
      f = t(
        `可填多项，用顿号“、”、逗号、分号或换行分隔${column.maxItems ? `，最多 ${column.maxItems} 项` : ''}`,
        `several items separated by 、 , ; or line breaks${column.maxItems ? `, at most ${column.maxItems}` : ''}`,
      );
      break;
    case 'email':
      f = t('电子邮箱，如 wang@nxu.edu.cn', 'an email address, e.g. wang@nxu.edu.cn');
      break;
    case 'phone':
      f = t('手机 11 位或座机（如 0951-5012345）', 'an 11-digit mobile or a landline (e.g. 0951-5012345)');
      break;
    case 'boolean':
      f = t('填“是”或“否”', 'yes (是) or no (否)');
      break;
  }
  return f;
}

/** The allowed values of an enum or list column in words, '' for other columns. */
export function allowedValuesText(column: ColumnSpec): LocalText {
  if (!column.options?.length) return column.type === 'boolean' ? { zh: '是、否', en: 'yes, no' } : { zh: '', en: '' };
  return { zh: column.options.map((o) => o.label.zh).join('、'), en: column.options.map((o) => o.label.en).join(', ') };
}
