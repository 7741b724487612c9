import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { expertSheetExample as spec } from '../table/example-spec.js';
import { readSpreadsheet } from '../table/read.js';
import { annotateSpreadsheet, problemFill } from './annotate.js';
import { openWorkbook } from './inspect.js';
import { writeTemplate } from './template.js';
import { book, expertRow, headerRow } from './testing.js';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return (n as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
}

async function badWorkbook(): Promise<Buffer> {
  const rows = Array.from({ length: 200 }, (_, i) => expertRow(i + 1));
  rows[16][7] = '1380000'; // H18
  rows[99][3] = '院长'; // D101
  rows[180][9] = '2024-02-30'; // J182
  return book({ 说明: [['请填写专家表']], 专家: [headerRow(spec), ...rows] }, (wb) => {
    const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
    ws.getColumn(1).width = 30;
    ws.getCell('A1').font = { bold: true };
  });
}

describe('error workbook', () => {
  it('marks each bad cell light red with its message, lists all on a first sheet, keeps the rest', async () => {
    const upload = await badWorkbook();
    const report = await readSpreadsheet(upload, spec, { filename: 'experts.xlsx' });
    expect(report.problemCount).toBe(3);
    const marked = await annotateSpreadsheet(upload, report.problems, { spec, sheet: report.sheet });
    const wb = await load(marked);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['错误清单', '说明', '专家']);
    const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
    for (const ref of ['H18', 'D101', 'J182']) {
      expect(ws.getCell(ref).fill).toEqual(problemFill);
      expect(noteText(ws.getCell(ref))).not.toBe('');
    }
    expect(noteText(ws.getCell('D101'))).toContain('“院长”不在可选范围内');
    expect(ws.getCell('H17').fill).toBeUndefined();
    expect(noteText(ws.getCell('H17'))).toBe('');
    // untouched: values, other sheets, formatting
    expect(ws.getCell('A3').value).toBe('专家2');
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    const list = wb.getWorksheet('错误清单') as ExcelJS.Worksheet;
    const rows: unknown[][] = [];
    list.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['行', '列', '单元格', '值', '错误说明', 'Message']);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      [18, '手机', 'H18', '1380000'],
      [101, '职称', 'D101', '院长'],
      [182, '出生日期', 'J182', '2024-02-30'],
    ]);
  });

  it('the marked workbook, fixed, uploads again', async () => {
    const upload = await badWorkbook();
    const report = await readSpreadsheet(upload, spec, { filename: 'experts.xlsx' });
    const wb = await load(await annotateSpreadsheet(upload, report.problems, { spec, sheet: report.sheet }));
    const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
    ws.getCell('H18').value = '13800000017';
    ws.getCell('D101').value = '研究员';
    ws.getCell('J182').value = '2024-02-28';
    const again = await readSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()), spec, { filename: 'experts.xlsx' });
    expect(again.fatal).toBeUndefined();
    expect(again.rows).toBe(200);
    expect(again.problems).toEqual([]);
  });

  it('large workbooks are rewritten by streaming, values kept and cells marked', async () => {
    const upload = await badWorkbook();
    const report = await readSpreadsheet(upload, spec, { filename: 'experts.xlsx' });
    const wb = await load(await annotateSpreadsheet(upload, report.problems, { spec, sheet: report.sheet, fullLoadBytes: 0 }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['错误清单', '专家']);
    const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
    expect(ws.getCell('H18').fill).toEqual(problemFill);
    expect(noteText(ws.getCell('J182'))).toContain('无法识别的日期');
    expect(ws.getCell('A201').value).toBe('专家200');
    expect(ws.getCell('J2').value).toEqual(new Date(Date.UTC(1970, 0, 2)));
  });

  it('a GBK CSV upload comes back as a marked XLSX', async () => {
    const csv = iconv.encode('姓名,工作单位,手机\r\n王磊,宁夏大学,13800000000\r\n李娜,,1380000\r\n', 'gbk');
    const report = await readSpreadsheet(csv, spec, { filename: 'experts.csv' });
    expect(report.problems.map((p) => [p.row, p.col])).toEqual([
      [3, 3],
      [3, 2],
    ]);
    const wb = await load(await annotateSpreadsheet(csv, report.problems, { spec, filename: 'experts.csv' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['错误清单', '专家']);
    const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
    expect(ws.getCell('A3').value).toBe('李娜');
    expect(ws.getCell('B3').fill).toEqual(problemFill);
    expect(noteText(ws.getCell('B3'))).toBe('“工作单位”必须填写');
    expect(ws.getCell('C3').fill).toEqual(problemFill);
  });

  it('a filled template keeps its drop-downs as ranges', async () => {
    const wb0 = await load(await writeTemplate(spec, { rows: 3000 }));
    (wb0.getWorksheet('专家') as ExcelJS.Worksheet).getCell('A2').value = '李娜';
    (wb0.getWorksheet('专家') as ExcelJS.Worksheet).getCell('H2').value = '123';
    const upload = Buffer.from(await wb0.xlsx.writeBuffer());
    const report = await readSpreadsheet(upload, spec, { filename: 'x.xlsx' });
    expect(report.problems.map((p) => p.column)).toEqual(['手机']);
    const marked = await annotateSpreadsheet(upload, report.problems, { spec });
    const wb = await load(marked);
    const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
    expect(ws.getCell('H2').fill).toEqual(problemFill);
    for (const ref of ['B2', 'B3001', 'G1500']) expect((ws.getCell(ref).dataValidation as { type?: string } | undefined)?.type).toBe('list');
    // written as one range per column, not one entry per cell
    const { zip, sheets } = await openWorkbook(marked, { maxBytes: Infinity, maxUnpackedBytes: Infinity });
    const xml = (await zip.read(sheets.find((s) => s.name === '专家')?.part as string)).toString('utf8');
    await zip.close();
    expect(xml).toContain('sqref="B2:B3001"');
    expect(xml.match(/<dataValidation /g)).toHaveLength(spec.columns.length);
  });

  it('several problems of one cell share one comment; English on request', async () => {
    const upload = await book({ 专家: [headerRow(spec), expertRow(1)] });
    const problems = [
      { row: 2, column: '姓名*', key: 'name', col: 1, value: '专家1', message: { zh: '甲', en: 'first' } },
      { row: 2, column: '姓名*', key: 'name', col: 1, value: '专家1', message: { zh: '乙', en: 'second' } },
    ];
    const wb = await load(await annotateSpreadsheet(upload, problems, { spec, locale: 'en' }));
    expect(wb.worksheets[0].name).toBe('Errors');
    expect(noteText((wb.getWorksheet('专家') as ExcelJS.Worksheet).getCell('A2'))).toBe('first\nsecond');
  });
});
