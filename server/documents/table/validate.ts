/**
 * Header mapping and row validation, shared by every reader: a reader only turns its format into
 * rows of raw cells; what a header means and whether a row is right is decided here once.
 */
import { looseHeader, normalizeHeader, type ColumnSpec, type LocalText, type TableSpec, type TableValues } from './spec.js';
import { cleanText, displayValue, isBlank, numberText, parseCell, type RawCell } from './values.js';

/**
 * One problem of one cell (or row): the row number as Excel shows it, the column as its header
 * reads in the file, the field key, the value as shown, and a message in zh and en.
 */
export interface TableProblem {
  row: number;
  /** The column's header as written in the file ('' for a problem of the whole row). */
  column: string;
  /** The column's key in the spec. */
  key: string;
  /** 1-based column index in the file, when the column is in the file. */
  col?: number;
  /** The cell as shown (cut to 200 characters). */
  value: string;
  message: LocalText;
}

/** Where each spec column sits in the file. */
export interface HeaderMapping {
  /** The header row's number. */
  row: number;
  /** The mapped columns in file order. */
  columns: { key: string; col: number; header: string }[];
  /** Headers the spec does not know, reported once and otherwise ignored. */
  unknown: { col: number; header: string }[];
  /** Spec columns absent from the file. */
  missing: ColumnSpec[];
  /** A column named twice: both places. */
  duplicates: { key: string; header: string; cols: number[] }[];
}

/** `columnLetter(28)` → 'AB'. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function headerText(raw: RawCell): string {
  if (isBlank(raw)) return '';
  return typeof raw === 'string' ? cleanText(raw) : displayValue(raw);
}

/** Per spec: normalized header → key (exact names first, then bracket-less ones when unambiguous). */
const headerIndexes = new WeakMap<TableSpec, { exact: Map<string, string>; loose: Map<string, string | null> }>();
function headerIndex(spec: TableSpec): { exact: Map<string, string>; loose: Map<string, string | null> } {
  let idx = headerIndexes.get(spec);
  if (!idx) {
    const exact = new Map<string, string>();
    const loose = new Map<string, string | null>();
    for (const c of spec.columns) {
      for (const h of [c.header.zh, c.header.en, c.key, ...(c.aliases ?? [])]) {
        const n = normalizeHeader(h);
        if (!exact.has(n)) exact.set(n, c.key);
        const l = looseHeader(n);
        // null marks a loose name two columns share: it then matches neither
        if (l) loose.set(l, loose.has(l) && loose.get(l) !== c.key ? null : c.key);
      }
    }
    idx = { exact, loose };
    headerIndexes.set(spec, idx);
  }
  return idx;
}

/**
 * The spec column a header cell names, tolerant of spaces, full-width brackets, a `*` and
 * `(必填)`, and of remarks in brackets (`预算（万元）` for `预算`).
 *
 * @example
 * matchHeader(expertTable, ' 工作单位＊') // 'organization'
 * matchHeader(expertTable, 'Organisation') // undefined
 */
export function matchHeader(spec: TableSpec, text: string): string | undefined {
  const n = normalizeHeader(text);
  if (!n) return undefined;
  const { exact, loose } = headerIndex(spec);
  return exact.get(n) ?? loose.get(looseHeader(n)) ?? undefined;
}

/**
 * Reads a candidate header row. `matched` counts the spec columns found; a reader takes the first
 * row with enough matches as the header.
 *
 * @example
 * mapHeader(expertTable, 1, ['序号', '姓名*', '工作单位']).columns // [{key:'name',col:2,…},{key:'organization',col:3,…}]
 */
export function mapHeader(spec: TableSpec, row: number, cells: readonly RawCell[]): HeaderMapping & { matched: number } {
  const columns: HeaderMapping['columns'] = [];
  const unknown: HeaderMapping['unknown'] = [];
  const seen = new Map<string, number[]>();
  cells.forEach((raw, i) => {
    const header = headerText(raw);
    if (!header) return;
    const key = matchHeader(spec, header);
    if (!key) {
      unknown.push({ col: i + 1, header });
      return;
    }
    const cols = seen.get(key);
    if (cols) cols.push(i + 1);
    else {
      seen.set(key, [i + 1]);
      columns.push({ key, col: i + 1, header });
    }
  });
  const duplicates = [...seen.entries()]
    .filter(([, cols]) => cols.length > 1)
    .map(([key, cols]) => ({ key, header: columns.find((c) => c.key === key)?.header ?? key, cols }));
  const missing = spec.columns.filter((c) => !seen.has(c.key));
  return { row, columns, unknown, missing, duplicates, matched: seen.size };
}

/** How many header matches make a row the header: 2, or 1 for a one-column spec. */
export function headerThreshold(spec: TableSpec): number {
  return Math.min(2, spec.columns.length);
}

export interface ValidatedRow {
  row: number;
  values: TableValues;
  problems: TableProblem[];
}

/**
 * Validates rows against a spec once the header is known: every cell parsed for its column,
 * required cells, the spec's row checks, and the spec's unique key sets across the whole file
 * (kept as a set of keys, so 100,000 rows stay cheap).
 *
 * @example
 * const validate = createRowValidator(expertTable, mapping, { maxCellLength: 32767 });
 * validate(3, ['王磊', '', 'not-an-email']) // { row: 3, values: { name: '王磊' }, problems: [organization required, email invalid] }
 */
export function createRowValidator(
  spec: TableSpec,
  mapping: HeaderMapping,
  opts: { maxCellLength: number },
): (row: number, cells: readonly RawCell[]) => ValidatedRow {
  const byKey = new Map(spec.columns.map((c) => [c.key, c]));
  const placed = mapping.columns.map((m) => ({ ...m, column: byKey.get(m.key) as ColumnSpec }));
  const where = new Map(placed.map((p) => [p.key, p]));
  const firstSeen = (spec.unique ?? []).map(() => new Map<string, number>());

  return (row, cells) => {
    const values: TableValues = {};
    const problems: TableProblem[] = [];
    const bad = new Set<string>();
    const problem = (key: string, raw: RawCell, message: LocalText): void => {
      const p = where.get(key);
      // a column absent from the file (a row check may name one) is shown by its spec header
      const column = p?.header ?? byKey.get(key)?.header.zh ?? '';
      problems.push({ row, column, key, ...(p ? { col: p.col } : {}), value: displayValue(raw), message });
      bad.add(key);
    };
    for (const p of placed) {
      const raw = cells[p.col - 1];
      if (typeof raw === 'string' && raw.length > opts.maxCellLength) {
        problem(p.key, raw, {
          zh: `单元格内容过长（${raw.length.toLocaleString('en')} 个字符，最多 ${opts.maxCellLength.toLocaleString('en')} 个）`,
          en: `The cell is too long (${raw.length.toLocaleString('en')} characters; at most ${opts.maxCellLength.toLocaleString('en')})`,
        });
        continue;
      }
      const r = parseCell(p.column, raw);
      if (!r.ok) problem(p.key, raw, r.message);
      else if (r.value !== undefined && !(Array.isArray(r.value) && r.value.length === 0)) values[p.key] = r.value;
    }
    for (const c of spec.columns) {
      if (c.required && values[c.key] === undefined && !bad.has(c.key)) {
        problem(c.key, cells[(where.get(c.key)?.col ?? 0) - 1], { zh: `“${c.header.zh}”必须填写`, en: `${c.header.en} is required` });
      }
    }
    for (const rc of spec.rowChecks ?? []) {
      const out = rc.check(values, row);
      const list = !out ? [] : Array.isArray(out) ? out : [out as { key: string; message: LocalText }];
      for (const p of list) if (!bad.has(p.key)) problem(p.key, cells[(where.get(p.key)?.col ?? 0) - 1], p.message);
    }
    (spec.unique ?? []).forEach((keys, i) => {
      if (keys.some((k) => values[k] === undefined || bad.has(k))) return;
      const id = keys.map((k) => uniqueKey(values[k])).join('\u0000');
      const first = firstSeen[i].get(id);
      if (first === undefined) firstSeen[i].set(id, row);
      else {
        const cols = keys.map((k) => byKey.get(k) as ColumnSpec);
        problem(keys[0], cells[(where.get(keys[0])?.col ?? 0) - 1], {
          zh: `与第 ${first} 行重复（${cols.map((c) => c.header.zh).join(' + ')} 相同）`,
          en: `Same as row ${first} (${cols.map((c) => c.header.en).join(' + ')})`,
        });
      }
    });
    return { row, values, problems };
  };
}

function uniqueKey(v: TableValues[string]): string {
  if (Array.isArray(v)) return v.join('\u0001').toLowerCase();
  return typeof v === 'number' ? numberText(v) : String(v).toLowerCase().replace(/\s+/g, '');
}

/**
 * True when a row is the template's untouched example row: every column with an example holds
 * exactly the example's value. Such a row is skipped with a notice instead of being imported.
 *
 * @example
 * isExampleRow(expertTable, { name: '王磊', organization: '宁夏大学', … }) // true
 */
export function isExampleRow(spec: TableSpec, values: TableValues): boolean {
  let compared = 0;
  for (const c of spec.columns) {
    if (!c.example) continue;
    const ex = parseCell(c, c.example);
    if (!ex.ok) return false;
    const v = values[c.key];
    if (JSON.stringify(v) !== JSON.stringify(ex.value)) return false;
    compared++;
  }
  return compared > 0;
}

/**
 * Problems in a spec's example values (an example must parse for its own column); a test runs
 * it over every registry's spec.
 *
 * @example
 * checkSpecExamples(expertTable) // []
 */
export function checkSpecExamples(spec: TableSpec): string[] {
  const out: string[] = [];
  for (const c of spec.columns) {
    const r = parseCell(c, c.example);
    if (!r.ok) out.push(`${c.key}: ${r.message.en}`);
    else if (c.required && r.value === undefined) out.push(`${c.key}: a required column needs an example`);
  }
  return out;
}
