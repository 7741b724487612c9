/**
 * Import templates: an XLSX a person downloads, fills in Excel or WPS and uploads again. The data
 * sheet carries the spec's headers (required ones marked `*`), one example row, drop-down lists
 * and prompts; a notes sheet explains every column; long option lists sit on a hidden sheet.
 */
import ExcelJS from 'exceljs';
import { auxiliarySheetNames, headerLabel, type SheetLocale, type TableSpec } from '../table/spec.js';
import { allowedValuesText, formatText, parseCell } from '../table/values.js';
import { addValidations, cellValueFor, columnNumFmt, columnWidth, fillListsSheet, headerFill, styleHeader } from './layout.js';

export interface TemplateOptions {
  /** Headers, labels and notes in this language. Default `zh`. */
  locale?: SheetLocale;
  /** Rows below the header that get drop-downs and prompts. Default 5,000. */
  rows?: number;
}

const generalNotes: Record<SheetLocale, (spec: TableSpec) => string[]> = {
  zh: (spec) => [
    `请在“${spec.sheet.zh}”工作表中填写，一行一条记录；不要修改、合并或删除表头，也不要改工作表名称。`,
    '列名带 * 的为必填项。',
    '第 2 行是示例，可直接改写或删除；原样保留的示例行不会被导入。',
    '日期可写成 2024-03-05、2024/3/5、2024年3月5日 或 2024.3.5。',
    '可填多项的列，各项之间用顿号“、”、逗号、分号或换行分隔。',
    '下拉列表列也可以填写选项的英文名称或代码。',
    '请不要使用公式和合并单元格；从其他表格复制时，请使用“粘贴为数值”。',
    '导入时会逐行检查；如有错误，将不导入任何数据，并返回一份标出错误单元格的工作簿，改正后可直接重新上传。',
  ],
  en: (spec) => [
    `Fill in the "${spec.sheet.en}" sheet, one record per row; do not change, merge or delete the header, nor rename the sheet.`,
    'Columns marked * are required.',
    'Row 2 is an example: overwrite or delete it; an untouched example row is not imported.',
    'Dates may be written 2024-03-05, 2024/3/5, 2024年3月5日 or 2024.3.5.',
    'Columns taking several items separate them with 、 , ; or line breaks.',
    'Drop-down columns also accept the Chinese label or the code of an option.',
    'Do not use formulas or merged cells; paste values only when copying from other sheets.',
    'Every row is checked on import; if any is wrong, nothing is imported and you get back this workbook with the wrong cells marked, to fix and upload again.',
  ],
};

const notesHeader: Record<SheetLocale, string[]> = {
  zh: ['列名', '必填', '格式', '可选值', '说明', '示例'],
  en: ['Column', 'Required', 'Format', 'Allowed values', 'Notes', 'Example'],
};

/**
 * Writes a spec's import template.
 *
 * @example
 * const xlsx = await writeTemplate(expertTable);               // Chinese headers
 * const en = await writeTemplate(expertTable, { locale: 'en' });
 * reply.header('Content-Disposition', "attachment; filename*=UTF-8''%E4%B8%93%E5%AE%B6.xlsx").send(xlsx);
 */
export async function writeTemplate(spec: TableSpec, opts: TemplateOptions = {}): Promise<Buffer> {
  const locale = opts.locale ?? 'zh';
  const last = 1 + (opts.rows ?? 5000);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shanhai';
  wb.created = new Date(0); // a fixed date keeps the template the same from one download to the next

  const data = wb.addWorksheet(spec.sheet[locale], { views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }] });
  const notes = wb.addWorksheet(auxiliarySheetNames.notes[locale]);

  spec.columns.forEach((c, i) => {
    const col = data.getColumn(i + 1);
    col.width = columnWidth(c, locale);
    const fmt = columnNumFmt(c);
    if (fmt) col.numFmt = fmt;
  });
  const header = data.getRow(1);
  header.height = 24;
  spec.columns.forEach((c, i) => styleHeader(header.getCell(i + 1), c, locale, true));

  const example = data.getRow(2);
  spec.columns.forEach((c, i) => {
    const parsed = parseCell(c, c.example);
    const cell = example.getCell(i + 1);
    cell.value = cellValueFor(c, parsed.ok ? parsed.value : c.example, locale);
    cell.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  });

  const lists = addValidations(data, spec, locale, 2, last);
  if (lists.length) {
    const listSheet = wb.addWorksheet(auxiliarySheetNames.lists[locale], { state: 'hidden' });
    fillListsSheet(listSheet, lists, locale);
  }

  // notes: general rules, then one row per column
  notes.columns = [{ width: 18 }, { width: 8 }, { width: 36 }, { width: 40 }, { width: 44 }, { width: 28 }];
  const title = spec.title ?? spec.sheet;
  notes.addRow([locale === 'zh' ? `《${title.zh}》导入模板填写说明` : `${title.en}: how to fill in this template`]).font = { bold: true, size: 14 };
  generalNotes[locale](spec).forEach((t, i) => {
    const r = notes.addRow([`${i + 1}. ${t}`]);
    notes.mergeCells(r.number, 1, r.number, 6);
    r.alignment = { wrapText: true, vertical: 'top' };
  });
  notes.addRow([]);
  const nh = notes.addRow(notesHeader[locale]);
  nh.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = headerFill;
  });
  for (const c of spec.columns) {
    const r = notes.addRow([
      headerLabel(c, locale),
      c.required ? (locale === 'zh' ? '是' : 'Yes') : locale === 'zh' ? '否' : 'No',
      formatText(c)[locale],
      allowedValuesText(c)[locale],
      c.notes[locale],
      c.example,
    ]);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.getCell(6).numFmt = '@';
  }
  const rules = [
    ...(spec.unique ?? []).map((keys) => {
      const names = keys.map((k) => spec.columns.find((c) => c.key === k)?.header[locale] ?? k);
      return locale === 'zh' ? `同一文件中，${names.join(' + ')} 不能重复。` : `Within one file, ${names.join(' + ')} must not repeat.`;
    }),
    ...(spec.rowChecks ?? []).map((rc) => rc.notes[locale]),
  ];
  if (rules.length) {
    notes.addRow([]);
    notes.addRow([locale === 'zh' ? '其他规则' : 'Other rules']).font = { bold: true };
    for (const t of rules) {
      const r = notes.addRow([t]);
      notes.mergeCells(r.number, 1, r.number, 6);
    }
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
