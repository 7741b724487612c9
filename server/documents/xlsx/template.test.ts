import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expertSheetExample as spec } from '../table/example-spec.js';
import { readSpreadsheet } from '../table/read.js';
import { headerLabel } from '../table/spec.js';
import { writeTemplate } from './template.js';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

type Validation = { type: string; formulae?: string[]; prompt?: string } | undefined;
const validation = (ws: ExcelJS.Worksheet, ref: string): Validation => ws.getCell(ref).dataValidation as Validation;

describe('import template', () => {
  it('has the data sheet first with bold, frozen, marked headers and an example row', async () => {
    const wb = await load(await writeTemplate(spec, { rows: 200 }));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['专家', 'visible'],
      ['说明', 'visible'],
      ['lists', 'hidden'],
    ]);
    const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = ws.getRow(1);
    expect(header.getCell(1).text).toBe('姓名*');
    expect(header.getCell(2).text).toBe('性别');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.getColumn(13).width).toBeGreaterThan(ws.getColumn(2).width as number);
    expect(ws.getCell('A2').value).toBe('王磊');
    expect(ws.getCell('J2').value).toEqual(new Date(Date.UTC(1975, 5, 1)));
    expect(ws.getCell('H2').numFmt).toBe('@'); // phone kept as text in WPS
  });

  it('has drop-downs for enum and yes/no columns, long lists on the hidden sheet', async () => {
    const wb = await load(await writeTemplate(spec, { rows: 200 }));
    const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
    expect(validation(ws, 'B2')).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(validation(ws, 'B201')).toMatchObject({ type: 'list' });
    expect(validation(ws, 'D50')?.formulae?.[0]).toContain('教授');
    expect(validation(ws, 'K3')).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(validation(ws, 'G2')).toMatchObject({ type: 'list', formulae: ['lists!$A$2:$A$37'] });
    expect(validation(ws, 'L2')).toMatchObject({ type: 'whole', formulae: [0, 500] });
    expect(validation(ws, 'E2')?.prompt).toContain('可填多个');
    const lists = wb.getWorksheet('lists') as ExcelJS.Worksheet;
    expect(lists.getCell('A1').value).toBe('所在地区');
    expect(lists.getCell('A2').value).toBe('银川市');
    expect(lists.getCell('A37').value).toBe('宁德市');
  });

  it('has a notes sheet explaining every column', async () => {
    const wb = await load(await writeTemplate(spec));
    const notes = wb.getWorksheet('说明') as ExcelJS.Worksheet;
    const rows: string[][] = [];
    notes.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0][0]).toBe('《专家库》导入模板填写说明');
    const head = rows.findIndex((r) => r[0] === '列名');
    expect(rows[head]).toEqual(['列名', '必填', '格式', '可选值', '说明', '示例']);
    const byHeader = new Map(rows.slice(head + 1).map((r) => [r[0], r]));
    for (const c of spec.columns) expect(byHeader.has(headerLabel(c))).toBe(true);
    expect(byHeader.get('职称')?.[3]).toContain('教授、研究员');
    expect(byHeader.get('出生日期')?.[2]).toContain('2024年3月5日');
    expect(byHeader.get('姓名*')?.[1]).toBe('是');
    expect(byHeader.get('手机')?.[5]).toBe('13800000000');
    expect(rows.some((r) => r[0] === '手机和邮箱至少填一项')).toBe(true);
    expect(rows.some((r) => r[0].includes('姓名 + 工作单位 不能重复'))).toBe(true);
  });

  it('in English', async () => {
    const wb = await load(await writeTemplate(spec, { locale: 'en' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Experts', 'Notes', 'lists']);
    const ws = wb.getWorksheet('Experts') as ExcelJS.Worksheet;
    expect(ws.getRow(1).getCell(3).text).toBe('Organization*');
    expect(validation(ws, 'B2')).toMatchObject({ formulae: ['"Male,Female"'] });
  });

  it('reads back: the untouched example row is skipped, so an unfilled template has no data', async () => {
    const report = await readSpreadsheet(await writeTemplate(spec), spec, { filename: 'template.xlsx' });
    expect(report.notices.map((n) => n.code)).toEqual(['EXAMPLE_ROW_SKIPPED']);
    expect(report.fatal?.code).toBe('NO_DATA');
  });

  it('reads back a filled template, the example overwritten', async () => {
    const wb = await load(await writeTemplate(spec));
    const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
    ws.getCell('A2').value = '李娜';
    ws.getCell('A3').value = '马强';
    ws.getCell('C3').value = '宁夏农林科学院';
    ws.getCell('I3').value = 'mq@nxaas.cn';
    ws.getCell('G3').value = '中宁县';
    const report = await readSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()), spec, { filename: 'filled.xlsx', onRow: () => {} });
    expect(report.fatal).toBeUndefined();
    expect(report.rows).toBe(2);
    expect(report.problems).toEqual([]);
  });
});
