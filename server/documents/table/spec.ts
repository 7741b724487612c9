/**
 * Table specs: what one registry's spreadsheet looks like. A spec names the data sheet, lists
 * its columns (header in zh and en, type, limits, allowed values, notes, an example) and may add
 * row-level checks. Every converter (template, reader, export, error workbook) is driven by the
 * same spec, which is why export → edit → re-import round-trips.
 */

/** A text in both languages of the platform. zh is what sheets show by default. */
export interface LocalText {
  zh: string;
  en: string;
}

/** `zh` (the default for sheets) or `en`. */
export type SheetLocale = 'zh' | 'en';

export type ColumnType =
  | 'text'
  | 'longtext'
  | 'integer'
  | 'number'
  | 'date'
  | 'enum'
  | 'list'
  | 'email'
  | 'phone'
  | 'boolean';

export interface ColumnOption {
  /** The stored value (a code). Cells may hold the value or either label. */
  value: string;
  label: LocalText;
  /** Further spellings people use, e.g. `['正高', '正高级']`. */
  aliases?: readonly string[];
}

export interface ColumnSpec {
  /** The field name in the registry, e.g. `organization`. */
  key: string;
  header: LocalText;
  type: ColumnType;
  required?: boolean;
  /** In characters; for `list` it limits each item. Defaults: text 1,000, others the cell limit. */
  maxLength?: number;
  /** For `integer` and `number`. */
  min?: number;
  max?: number;
  /** For `list`: at most this many items. */
  maxItems?: number;
  /** For `enum` (one value) and `list` (several values, each one of these). */
  options?: readonly ColumnOption[];
  /** What to write, shown in the notes sheet and as the cell prompt. */
  notes: LocalText;
  /** A valid value as a person would type it; fills the template's example row. */
  example: string;
  /** Other header texts accepted on import, e.g. `['手机号', '联系电话']`. */
  aliases?: readonly string[];
  /** Column width in characters; a default follows from the type and header. */
  width?: number;
}

/** The values of one row after parsing, by column key. Empty cells are absent. */
export type CellValue = string | number | boolean | string[];
export type TableValues = Record<string, CellValue | undefined>;

/** What a row check reports: the column it concerns (its key) and a message. */
export interface RowCheckProblem {
  key: string;
  message: LocalText;
}

export interface RowCheck {
  /** Shown in the notes sheet, e.g. `{zh: '手机和邮箱至少填一项', en: 'Give a mobile or an email'}`. */
  notes: LocalText;
  /** Runs on every row after its cells parsed; `values` holds only cells that parsed. */
  check: (values: TableValues, row: number) => RowCheckProblem | readonly RowCheckProblem[] | null | undefined | void;
}

export interface TableSpec {
  /** The data sheet's name; the reader accepts either language. */
  sheet: LocalText;
  /** A title for the notes sheet, e.g. `{zh: '专家库', en: 'Experts'}`. Defaults to the sheet name. */
  title?: LocalText;
  columns: readonly ColumnSpec[];
  /** Key sets that must be unique within one file, e.g. `[['name', 'organization']]`. */
  unique?: readonly (readonly string[])[];
  rowChecks?: readonly RowCheck[];
}

type OptionValue<C> = C extends { options: readonly { value: infer V }[] } ? V : string;

/** The TypeScript type a column's parsed value has. */
export type ColumnValue<C extends ColumnSpec> = C['type'] extends 'integer' | 'number'
  ? number
  : C['type'] extends 'boolean'
    ? boolean
    : C['type'] extends 'list'
      ? OptionValue<C>[]
      : C['type'] extends 'enum'
        ? OptionValue<C>
        : string;

/**
 * The typed values of a row of a spec declared with {@link defineTable}.
 *
 * @example
 * const experts = defineTable({ sheet: {zh:'专家',en:'Experts'}, columns: [
 *   { key: 'name', header: {zh:'姓名',en:'Name'}, type: 'text', required: true, notes, example: '王磊' }] });
 * type Expert = RowValues<typeof experts>; // { name?: string }
 */
export type RowValues<S extends TableSpec> = {
  [C in S['columns'][number] as C['key']]?: ColumnValue<C>;
};

const typeNames: Record<ColumnType, LocalText> = {
  text: { zh: '文本', en: 'text' },
  longtext: { zh: '长文本', en: 'long text' },
  integer: { zh: '整数', en: 'whole number' },
  number: { zh: '数字', en: 'number' },
  date: { zh: '日期', en: 'date' },
  enum: { zh: '单选', en: 'one of a list' },
  list: { zh: '多项', en: 'several items' },
  email: { zh: '电子邮箱', en: 'email' },
  phone: { zh: '电话', en: 'phone' },
  boolean: { zh: '是/否', en: 'yes/no' },
};

/** The type's name in a language, for notes and messages. `typeName('date','zh')` → '日期'. */
export function typeName(type: ColumnType, locale: SheetLocale): string {
  return typeNames[type][locale];
}

/** Default `maxLength` of a column when the spec gives none (see {@link ColumnSpec.maxLength}). */
export function defaultMaxLength(column: ColumnSpec): number | undefined {
  if (column.maxLength !== undefined) return column.maxLength;
  return column.type === 'text' ? 1000 : undefined;
}

/**
 * The header text written to a sheet: the label in the locale, and `*` after required columns
 * (the reader strips the `*`, so a template edited in any language reads back).
 *
 * @example
 * headerLabel({ key: 'name', header: { zh: '姓名', en: 'Name' }, required: true, ... }, 'zh') // '姓名*'
 */
export function headerLabel(column: ColumnSpec, locale: SheetLocale = 'zh'): string {
  return column.header[locale] + (column.required ? '*' : '');
}

/**
 * A header as compared on import: NFKC (full-width letters, digits and parentheses become
 * ASCII), lower case, no spaces, no `*` or `(必填)` marks. People retype headers in WPS with
 * full-width brackets and stray spaces; the header still means the same column.
 *
 * @example
 * normalizeHeader(' 出生日期（必填）* ') // '出生日期'
 * normalizeHeader('E-mail ')            // 'e-mail'
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/\((必填|必填项|必须|required|选填|可选|optional)\)/g, '')
    .replace(/^[*※]+|[*※]+$/g, '');
}

/**
 * A header with bracketed remarks dropped, for a second, looser match: `预算(万元)` and
 * `预算` name the same column when nothing else is called `预算`.
 *
 * @example
 * looseHeader(normalizeHeader('预算（万元）')) // '预算'
 */
export function looseHeader(normalized: string): string {
  return normalized.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '');
}

/** The sheet names a spec's data sheet may carry: zh, en. */
export function sheetNames(spec: TableSpec): string[] {
  return spec.sheet.zh === spec.sheet.en ? [spec.sheet.zh] : [spec.sheet.zh, spec.sheet.en];
}

/**
 * Sheets the converters add around the data sheet; the reader never takes them for data.
 * 说明/Notes (template), lists (drop-down sources), 错误清单/Errors (error workbook).
 */
export const auxiliarySheetNames = {
  notes: { zh: '说明', en: 'Notes' },
  lists: { zh: 'lists', en: 'lists' },
  errors: { zh: '错误清单', en: 'Errors' },
} as const satisfies Record<string, LocalText>;

/** A problem in a spec itself: a programming error, so it throws at startup. */
export class TableSpecError extends Error {
  override name = 'TableSpecError';
}

/**
 * Checks a spec once (unique keys and headers, options where needed, limits that make sense)
 * and returns it unchanged with its literal types, so `RowValues<typeof spec>` is precise.
 * Example values are checked against their column by the validation module's tests
 * (see `checkSpecExamples`), not here, to keep this module free of parsing code.
 *
 * @example
 * export const expertTable = defineTable({
 *   sheet: { zh: '专家', en: 'Experts' },
 *   columns: [
 *     { key: 'name', header: { zh: '姓名', en: 'Name' }, type: 'text', required: true, maxLength: 50,
 *       notes: { zh: '专家本人姓名', en: "The expert's name" }, example: '王磊' },
 *     { key: 'title', header: { zh: '职称', en: 'Title' }, type: 'enum',
 *       options: [{ value: 'professor', label: { zh: '教授', en: 'Professor' } }],
 *       notes: { zh: '从下拉列表中选择', en: 'Pick from the list' }, example: '教授' },
 *   ],
 * });
 */
export function defineTable<const S extends TableSpec>(spec: S): S {
  const problems: string[] = [];
  const keys = new Set<string>();
  const headers = new Set<string>();
  if (!spec.sheet.zh.trim() || !spec.sheet.en.trim()) problems.push('sheet names must not be empty');
  if (/[\\/?*[\]:]/.test(spec.sheet.zh + spec.sheet.en) || spec.sheet.zh.length > 31 || spec.sheet.en.length > 31) {
    problems.push('sheet names must be ≤ 31 characters without \\ / ? * [ ] :');
  }
  if (spec.columns.length === 0) problems.push('a table needs at least one column');
  for (const c of spec.columns) {
    if (keys.has(c.key)) problems.push(`duplicate key ${c.key}`);
    keys.add(c.key);
    const own = new Set([c.header.zh, c.header.en, ...(c.aliases ?? [])].map(normalizeHeader));
    for (const n of own) {
      if (!n) problems.push(`${c.key}: empty header`);
      if (headers.has(n)) problems.push(`${c.key}: header ${n} used by another column`);
      headers.add(n);
    }
    if (c.type === 'enum' && !c.options?.length) problems.push(`${c.key}: an enum column needs options`);
    if (c.options && c.type !== 'enum' && c.type !== 'list') problems.push(`${c.key}: options only for enum or list`);
    if (c.min !== undefined && c.max !== undefined && c.min > c.max) problems.push(`${c.key}: min > max`);
    if (c.options) {
      const seen = new Set<string>();
      for (const o of c.options) {
        for (const s of [o.value, o.label.zh, o.label.en]) {
          if (/[、，,;；|\n]/.test(s) && c.type === 'list') problems.push(`${c.key}: option ${s} contains a list separator`);
        }
        if (seen.has(o.value)) problems.push(`${c.key}: option ${o.value} twice`);
        seen.add(o.value);
      }
    }
  }
  for (const set of spec.unique ?? []) {
    for (const k of set) if (!keys.has(k)) problems.push(`unique: unknown key ${k}`);
  }
  if (problems.length) throw new TableSpecError(`table spec ${spec.sheet.en}: ${problems.join('; ')}`);
  return spec;
}
