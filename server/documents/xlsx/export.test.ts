import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../csv/export.js';
import { expertSheetExample as spec, type ExpertSheetRow } from '../table/example-spec.js';
import { readSpreadsheet } from '../table/read.js';
import type { TableValues } from '../table/spec.js';
import { exportXlsx } from './export.js';
import { writeTemplate } from './template.js';

const rows: ExpertSheetRow[] = [
  {
    name: '王磊',
    gender: 'male',
    organization: '宁夏大学',
    title: 'professor',
    disciplines: ['食品科学与工程', '园艺学'],
    fields: ['枸杞干燥', '果蔬保鲜'],
    region: '640105',
    mobile: '13800000000',
    email: 'wanglei@nxu.edu.cn',
    born: '1975-06-01',
    academician: false,
    projects: 3,
    bio: '长期从事枸杞精深加工研究，\n主持国家自然科学基金项目 3 项。',
  },
  { name: '李娜', organization: '福州大学, 食品学院', email: 'lina@fzu.edu.cn', region: '350100', academician: true },
  { name: '=HYPERLINK("http://x")', organization: '"引号"单位', mobile: '0951-5012345 转808', title: 'engineer-senior', projects: 0 },
];

async function readBack(buf: Buffer, filename: string): Promise<{ values: TableValues[]; problems: number; fatal?: string }> {
  const values: TableValues[] = [];
  const report = await readSpreadsheet(buf, spec, { filename, onRow: (r) => void values.push(r.values) });
  return { values, problems: report.problemCount, fatal: report.fatal?.message.en };
}

describe('export → read round trip', () => {
  it('XLSX gives back the same values', async () => {
    const back = await readBack(await exportXlsx(spec, rows), 'export.xlsx');
    expect(back.fatal).toBeUndefined();
    expect(back.problems).toBe(0);
    expect(back.values).toEqual(rows);
  });

  it('XLSX in English gives back the same values', async () => {
    const back = await readBack(await exportXlsx(spec, rows, { locale: 'en' }), 'export.xlsx');
    expect(back.values).toEqual(rows);
  });

  it('CSV gives back the same values', async () => {
    const csv = await exportCsv(spec, rows);
    const back = await readBack(csv, 'export.csv');
    expect(back.fatal).toBeUndefined();
    expect(back.values).toEqual(rows);
  });

  it('a stored value that is not a real day stays text and is reported on re-import', async () => {
    const buf = await exportXlsx(spec, [{ name: '王磊', organization: '宁夏大学', email: 'w@nxu.edu.cn', born: '2024-02-30' }]);
    const report = await readSpreadsheet(buf, spec, { filename: 'x.xlsx' });
    expect(report.problems.map((p) => [p.row, p.column, p.value])).toEqual([[2, '出生日期', '2024-02-30']]);
  });

  it('an async source of 3,000 rows streams through', async () => {
    async function* many(): AsyncGenerator<ExpertSheetRow> {
      for (let i = 0; i < 3000; i++) yield { name: `专家${i}`, organization: '宁夏大学', mobile: `138${String(i).padStart(8, '0')}` };
    }
    let progress = 0;
    const buf = await exportXlsx(spec, many(), { onProgress: (n) => (progress = n) });
    expect(progress).toBe(3000);
    const back = await readBack(buf, 'x.xlsx');
    expect(back.values).toHaveLength(3000);
    expect(back.values[2999]).toEqual({ name: '专家2999', organization: '宁夏大学', mobile: '13800002999' });
  });
});

describe('export files', () => {
  it('XLSX has the template headers, real dates, labels and drop-downs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(spec, rows)) as unknown as ExcelJS.Buffer);
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.load((await writeTemplate(spec)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
    const headers = (r: ExcelJS.Row): string[] => spec.columns.map((_, i) => r.getCell(i + 1).text);
    expect(headers(ws.getRow(1))).toEqual(headers((tpl.getWorksheet('专家') as ExcelJS.Worksheet).getRow(1)));
    expect(ws.getCell('D2').value).toBe('教授');
    expect(ws.getCell('G2').value).toBe('西夏区');
    expect(ws.getCell('J2').value).toEqual(new Date(Date.UTC(1975, 5, 1)));
    expect(ws.getCell('K3').value).toBe('是');
    expect(ws.getCell('A4').value).toBe('=HYPERLINK("http://x")'); // text, not a formula
    expect((ws.getCell('B2').dataValidation as { type?: string } | undefined)?.type).toBe('list');
  });

  it('CSV is UTF-8 with a BOM, CRLF, quoted where needed and safe from formulas', async () => {
    const csv = await exportCsv(spec, rows);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('姓名*,性别,工作单位*,职称,学科,研究方向,所在地区,手机,邮箱,出生日期,是否院士,主持项目数,简介');
    expect(lines[1].startsWith('王磊,男,宁夏大学,教授,食品科学与工程、园艺学,枸杞干燥、果蔬保鲜,西夏区,13800000000,')).toBe(true);
    expect(text).toContain('"福州大学, 食品学院"');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")",,"""引号""单位"`);
  });
});
