/**
 * Builders of small workbooks for the converters' tests: real XLSX files written by exceljs,
 * shaped the ways field files go wrong.
 */
import ExcelJS from 'exceljs';
import { headerLabel, type TableSpec } from '../table/spec.js';

export type SheetRows = ExcelJS.CellValue[][];

/**
 * An XLSX with the given sheets (rows of cell values, row 1 first); `tweak` may edit the workbook
 * (merge cells, set formulas) before it is written.
 *
 * @example
 * const buf = await book({ 专家: [['姓名', '工作单位'], ['王磊', '宁夏大学']] });
 */
export async function book(sheets: Record<string, SheetRows>, tweak?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  tweak?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The header row of a spec as the template writes it. */
export function headerRow(spec: TableSpec, locale: 'zh' | 'en' = 'zh'): string[] {
  return spec.columns.map((c) => headerLabel(c, locale));
}

/** A valid expert row in the example spec's column order. */
export function expertRow(i: number): ExcelJS.CellValue[] {
  return [
    `专家${i}`,
    i % 2 ? '男' : '女',
    `宁夏大学${i % 7}学院`,
    '教授',
    '食品科学与工程',
    '枸杞干燥、果蔬保鲜',
    '西夏区',
    `138${String(i).padStart(8, '0')}`,
    `e${i}@nxu.edu.cn`,
    new Date(Date.UTC(1970, 0, 1 + (i % 9000))),
    '否',
    i % 20,
    '长期从事枸杞精深加工研究。',
  ];
}
