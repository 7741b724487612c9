/**
 * The look of a data sheet, shared by the template and the export so both carry the same headers,
 * widths, formats and drop-down lists: a sheet exported, edited and re-imported behaves like a
 * filled template.
 */
import type ExcelJS from 'exceljs';
import { auxiliarySheetNames, headerLabel, type CellValue, type ColumnSpec, type SheetLocale, type TableSpec } from '../table/spec.js';
import { columnLetter } from '../table/validate.js';
import { formatText, isoDate } from '../table/values.js';

const isoDateText = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
};

export const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB4C6E7' } };

/** Booleans as written to a sheet. */
export const booleanWords: Record<SheetLocale, [string, string]> = { zh: ['是', '否'], en: ['Yes', 'No'] };

/** A column's width in characters: from the spec, else from its type and header. */
export function columnWidth(column: ColumnSpec, locale: SheetLocale): number {
  if (column.width) return column.width;
  const byType: Record<ColumnSpec['type'], number> = {
    text: 18,
    longtext: 48,
    integer: 10,
    number: 12,
    date: 13,
    enum: 14,
    list: 28,
    email: 26,
    phone: 16,
    boolean: 10,
  };
  // a Chinese character is about two widths of a Latin one
  const header = [...headerLabel(column, locale)].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2;
  return Math.max(byType[column.type], header);
}

/** The number format a column's cells get: text for text-like columns so WPS keeps 0951… and 138… as typed. */
export function columnNumFmt(column: ColumnSpec): string | undefined {
  switch (column.type) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'integer':
      return '0';
    case 'number':
      return undefined;
    default:
      return '@';
  }
}

/**
 * A stored value as an Excel cell value: dates as real dates, choices as their label, lists
 * joined with 、, booleans as 是/否. The reader turns each back into the same stored value.
 *
 * @example
 * cellValueFor(titleColumn, 'professor', 'zh') // '教授'
 * cellValueFor(bornColumn, '1975-06-01', 'zh') // Date 1975-06-01T00:00:00Z
 */
export function cellValueFor(column: ColumnSpec, value: CellValue | null | undefined, locale: SheetLocale): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  const label = (v: string): string => column.options?.find((o) => o.value === v)?.label[locale] ?? v;
  switch (column.type) {
    case 'date': {
      // only a real day becomes a date cell: Date.UTC would turn 2024-02-30 into March 1st
      const day = typeof value === 'string' && isoDateText(value);
      return day ? new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)))) : String(value);
    }
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : String(value);
    case 'boolean':
      return typeof value === 'boolean' ? booleanWords[locale][value ? 0 : 1] : String(value);
    case 'enum':
      return label(String(value));
    case 'list':
      return (Array.isArray(value) ? value : [String(value)]).map(label).join('、');
    default:
      return Array.isArray(value) ? value.join('、') : String(value);
  }
}

/** The header cell: bold on a light fill, a red `*` after required columns. */
export function styleHeader(cell: ExcelJS.Cell, column: ColumnSpec, locale: SheetLocale, withNote: boolean): void {
  cell.value = column.required
    ? { richText: [{ text: column.header[locale], font: { bold: true } }, { text: '*', font: { bold: true, color: { argb: 'FFFF0000' } } }] }
    : column.header[locale];
  cell.font = { bold: true };
  cell.fill = headerFill;
  cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  if (withNote) cell.note = `${column.notes[locale]}\n${formatText(column)[locale]}`;
}

/** Options of one enum column listed on the hidden `lists` sheet (too long for an inline list). */
export interface ListColumn {
  column: ColumnSpec;
  labels: string[];
  /** Column of the `lists` sheet, 1-based. */
  col: number;
}

interface Validations {
  add(range: string, validation: ExcelJS.DataValidation & { promptTitle?: string; prompt?: string; showInputMessage?: boolean }): void;
}

const cap = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Data validation for rows `first`..`last` of each column: a drop-down for enum and boolean
 * columns (inline when the labels fit Excel's 255-character limit, else a range of the hidden
 * `lists` sheet, returned so the caller writes it), whole/decimal/length checks, and the column's
 * notes as the prompt Excel shows on the selected cell. Excel warns but lets a person keep another
 * value, which the reader may still accept (an en label, a code, an alias).
 */
export function addValidations(ws: ExcelJS.Worksheet, spec: TableSpec, locale: SheetLocale, first: number, last: number): ListColumn[] {
  const dv = (ws as unknown as { dataValidations: Validations }).dataValidations;
  const lists: ListColumn[] = [];
  const listsName = auxiliarySheetNames.lists[locale];
  spec.columns.forEach((c, i) => {
    const range = `${columnLetter(i + 1)}${first}:${columnLetter(i + 1)}${last}`;
    const prompt = { showInputMessage: true, promptTitle: cap(c.header[locale], 32), prompt: cap(`${c.notes[locale]}（${formatText(c)[locale]}）`, 250) };
    const warn = { showErrorMessage: true, errorStyle: 'warning' as const, allowBlank: true };
    if (c.type === 'enum' || c.type === 'boolean') {
      const labels = c.type === 'boolean' ? booleanWords[locale] : (c.options ?? []).map((o) => o.label[locale]);
      const inline = labels.join(',');
      let formula: string;
      // Excel caps an inline list at 255 characters; long lists are also easier to keep on a sheet
      if (inline.length <= 250 && labels.length <= 30 && !labels.some((l) => /[,"]/.test(l))) formula = `"${inline}"`;
      else {
        const col = lists.length + 1;
        lists.push({ column: c, labels, col });
        formula = `${listsName}!$${columnLetter(col)}$2:$${columnLetter(col)}$${labels.length + 1}`;
      }
      dv.add(range, {
        type: 'list',
        formulae: [formula],
        ...warn,
        ...prompt,
        errorTitle: cap(c.header[locale], 32),
        error: locale === 'zh' ? '请从下拉列表中选择' : 'Pick a value from the list',
      });
    } else if ((c.type === 'integer' || c.type === 'number') && (c.min !== undefined || c.max !== undefined)) {
      dv.add(range, {
        type: c.type === 'integer' ? 'whole' : 'decimal',
        operator: 'between',
        formulae: [c.min ?? -1e12, c.max ?? 1e12],
        ...warn,
        ...prompt,
        error: formatText(c)[locale],
      });
    } else if ((c.type === 'text' || c.type === 'longtext') && c.maxLength !== undefined) {
      dv.add(range, { type: 'textLength', operator: 'lessThanOrEqual', formulae: [c.maxLength], ...warn, ...prompt, error: formatText(c)[locale] });
    } else {
      dv.add(range, { type: 'any' as ExcelJS.DataValidation['type'], formulae: [], ...prompt });
    }
  });
  return lists;
}

/** Writes the hidden `lists` sheet: one column per long option list, its header in row 1. */
export function fillListsSheet(ws: ExcelJS.Worksheet, lists: ListColumn[], locale: SheetLocale): void {
  const height = Math.max(0, ...lists.map((l) => l.labels.length));
  const header = ws.getRow(1);
  lists.forEach((l) => {
    header.getCell(l.col).value = l.column.header[locale];
    ws.getColumn(l.col).width = 16;
  });
  header.commit?.();
  for (let r = 0; r < height; r++) {
    const row = ws.getRow(r + 2);
    for (const l of lists) if (r < l.labels.length) row.getCell(l.col).value = l.labels[r];
    row.commit?.();
  }
}
