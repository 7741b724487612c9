import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SpreadsheetError } from '../table/errors.js';
import { expertSheetExample as spec } from '../table/example-spec.js';
import { readRows, readSpreadsheet } from '../table/read.js';
import type { TableRow } from '../table/rows.js';
import { book, expertRow, headerRow } from './testing.js';
import { joinInlineRuns } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'shanhai-xlsx-'));

async function read(buf: Buffer, filename = 'upload.xlsx'): Promise<{ rows: TableRow[]; report: Awaited<ReturnType<typeof readSpreadsheet>> }> {
  const rows: TableRow[] = [];
  const report = await readSpreadsheet(buf, spec, { filename, onRow: (r) => void rows.push(r) });
  return { rows, report };
}

describe('malformed files get their own message', () => {
  it('a text file renamed .xlsx', async () => {
    const { report } = await read(Buffer.from('姓名,工作单位\n王磊,宁夏大学\n'), 'experts.xlsx');
    expect(report.fatal?.code).toBe('NOT_XLSX');
    expect(report.fatal?.message.zh).toContain('请把扩展名改为 .csv');
  });

  it('a web page saved as .xls', async () => {
    const { report } = await read(Buffer.from('<html><body><table><tr><td>姓名</td></tr></table></body></html>'), 'export.xls');
    expect(report.fatal?.code).toBe('NOT_XLSX');
    expect(report.fatal?.message.zh).toContain('网页（HTML）');
  });

  it('an old .xls (OLE2) file', async () => {
    const ole = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const { report } = await read(ole, 'old.xls');
    expect(report.fatal?.code).toBe('LEGACY_XLS');
    expect(report.fatal?.message.zh).toContain('另存为” .xlsx');
  });

  it('an empty file', async () => {
    const { report } = await read(Buffer.alloc(0));
    expect(report.fatal?.code).toBe('EMPTY_FILE');
  });

  it('a cut-off download', async () => {
    const whole = await book({ 专家: [headerRow(spec), expertRow(1)] });
    const { report } = await read(whole.subarray(0, Math.floor(whole.length * 0.7)));
    expect(report.fatal?.code).toBe('CORRUPT_FILE');
    expect(report.fatal?.message.zh).toContain('已损坏或不完整');
  });

  it('a zip that is not a workbook', async () => {
    const { ZipArchive } = await import('./zip.js');
    expect(ZipArchive).toBeDefined();
    // a .docx-like zip: one stored part, no xl/workbook.xml
    const name = Buffer.from('word/document.xml');
    const data = Buffer.from('<w:document/>');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const cdOffset = local.length + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    const { report } = await read(zip, 'report.xlsx');
    expect(report.fatal?.code).toBe('NOT_WORKBOOK');
    expect(report.fatal?.message.zh).toContain('Word 文档');
  });

  it('the expected sheet missing: the sheets found are named', async () => {
    const buf = await book({ Sheet1: [headerRow(spec), expertRow(1)], 统计: [['合计', 1]] });
    const { report } = await read(buf);
    expect(report.fatal?.code).toBe('SHEET_NOT_FOUND');
    expect(report.fatal?.message.zh).toBe('找不到工作表“专家”。文件中的工作表：“Sheet1”、“统计”。请把数据放在名为“专家”的工作表中');
  });

  it('a single sheet under another name is read, with a notice', async () => {
    const buf = await book({ Sheet1: [headerRow(spec), expertRow(1)] });
    const { rows, report } = await read(buf);
    expect(report.fatal).toBeUndefined();
    expect(report.notices.map((n) => n.code)).toContain('SHEET_FALLBACK');
    expect(rows).toHaveLength(1);
  });

  it('no header row in the first rows', async () => {
    const buf = await book({ 专家: [['2024 年专家名单'], ['张三', '李四'], ...Array.from({ length: 12 }, (_, i) => [`x${i}`])] });
    const { report } = await read(buf);
    expect(report.fatal?.code).toBe('HEADER_NOT_FOUND');
    expect(report.fatal?.message.zh).toContain('表头应包含：“姓名”、“工作单位”');
    expect(report.fatal?.message.zh).toContain('第 1 行是：“2024 年专家名单”');
  });

  it('merged header cells', async () => {
    const two = [
      ['姓名', '工作单位', '联系方式', ''],
      ['', '', '手机', '邮箱'],
      ['王磊', '宁夏大学', '13800000000', 'w@nxu.edu.cn'],
    ];
    const buf = await book({ 专家: two }, (wb) => {
      const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
      ws.mergeCells('A1:A2');
      ws.mergeCells('B1:B2');
      ws.mergeCells('C1:D1');
    });
    const { report } = await read(buf);
    expect(report.fatal?.code).toBe('MERGED_HEADER');
    expect(report.fatal?.message.zh).toBe('表头行有合并单元格（A1:A2, B1:B2, C1:D1），请取消合并，使每一列只有一个列名');
  });

  it('a merged title above the header is fine; merged data cells are problems', async () => {
    const rows = [['专家推荐表'], headerRow(spec), expertRow(1), expertRow(2), expertRow(3)];
    const buf = await book({ 专家: rows }, (wb) => {
      const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
      ws.mergeCells('A1:M1');
      ws.mergeCells('C4:C5'); // 工作单位 of rows 4 and 5
    });
    const { rows: out, report } = await read(buf);
    expect(report.fatal).toBeUndefined();
    expect(out).toHaveLength(3);
    expect(report.problems.map((p) => [p.row, p.column, p.message.zh.split('：')[0]])).toEqual([
      [4, '工作单位*', '合并单元格 C4:C5'],
      [5, '工作单位*', '“工作单位”必须填写'],
    ]);
  });

  it('required columns missing', async () => {
    const buf = await book({ 专家: [['姓名', '职称'], ['王磊', '教授']] });
    const { report } = await read(buf);
    expect(report.fatal?.code).toBe('MISSING_COLUMNS');
    expect(report.fatal?.message.zh).toBe('缺少必填列：“工作单位”（工作表“专家”第 1 行为表头）');
  });

  it('a column given twice', async () => {
    const buf = await book({ 专家: [['姓名', '工作单位', '单位'], ['王磊', '宁夏大学', '福州大学']] });
    const { report } = await read(buf);
    expect(report.fatal?.code).toBe('DUPLICATE_COLUMN');
    expect(report.fatal?.message.zh).toContain('B1, C1');
  });

  it('a header but no data', async () => {
    const { report } = await read(await book({ 专家: [headerRow(spec)] }));
    expect(report.fatal?.code).toBe('NO_DATA');
  });

  it('the generator form throws a SpreadsheetError, not a parser exception', async () => {
    const gen = readRows(Buffer.from('not a zip at all'), spec, { format: 'xlsx' });
    await expect(gen.next()).rejects.toBeInstanceOf(SpreadsheetError);
  });
});

describe('cells', () => {
  it('formulas: the cached result is used, a formula without one is reported by cell', async () => {
    const buf = await book({ 专家: [['姓名', '工作单位', '主持项目数', '邮箱'], ['王磊', '宁夏大学', 0, 'w@nxu.edu.cn'], ['李娜', '福州大学', 0, 'l@fzu.edu.cn']] }, (wb) => {
      const ws = wb.getWorksheet('专家') as ExcelJS.Worksheet;
      ws.getCell('A2').value = { formula: '"王"&"磊"', result: '王磊' } as ExcelJS.CellFormulaValue;
      ws.getCell('C2').value = { formula: '1+2', result: 3 } as ExcelJS.CellFormulaValue;
      ws.getCell('C3').value = { formula: 'SUM(X1:X9)' } as ExcelJS.CellFormulaValue;
      ws.getCell('B3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    });
    const { rows, report } = await read(buf);
    expect(rows[0].values).toMatchObject({ name: '王磊', projects: 3 });
    expect(rows[0].problems).toEqual([]);
    expect(report.problems.map((p) => [p.row, p.col, p.value])).toEqual([
      [3, 2, '#N/A'],
      [3, 3, '=SUM(X1:X9)'],
    ]);
    expect(report.problems[1].message.zh).toContain('没有计算结果');
  });

  it('dates as real dates and as text in every usual form', async () => {
    const header = ['姓名', '工作单位', '手机', '出生日期'];
    const dates: ExcelJS.CellValue[] = [new Date(Date.UTC(1975, 5, 1)), '1975-06-01', '1975/6/1', '1975年6月1日', '1975.6.1', '19750601', 27546];
    const buf = await book({ 专家: [header, ...dates.map((d, i) => [`专家${i}`, '宁夏大学', `1380000000${i}`, d])] });
    const { rows, report } = await read(buf);
    expect(report.problems).toEqual([]);
    expect(rows.map((r) => r.values.born)).toEqual(Array(dates.length).fill('1975-06-01'));
  });

  it('5 MB in one cell is a problem of that cell, not a crash', async () => {
    const huge = '枸'.repeat(5 * 1024 * 1024);
    const buf = await book({ 专家: [['姓名', '工作单位', '简介', '手机'], ['王磊', '宁夏大学', huge, '13800000000'], ['李娜', '福州大学', '短', '13800000001']] });
    const { rows, report } = await read(buf);
    expect(report.fatal).toBeUndefined();
    expect(rows).toHaveLength(2);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ row: 2, column: '简介', col: 3 });
    expect(report.problems[0].message.zh).toBe('单元格内容过长（5,242,880 个字符，最多 32,767 个）');
    expect(report.problems[0].value.length).toBeLessThan(300);
  });

  it('headers: spaces, full-width brackets, a trailing *, another order, an extra column', async () => {
    const header = ['备注', ' 工作单位＊', '姓 名*', '手机（必填）', 'E-mail', '职称'];
    const buf = await book({ 专家: [header, ['x', '宁夏大学', '王磊', '13800000000', 'w@nxu.edu.cn', 'Professor']] });
    const { rows, report } = await read(buf);
    expect(report.fatal).toBeUndefined();
    expect(rows[0].values).toEqual({ name: '王磊', organization: '宁夏大学', mobile: '13800000000', email: 'w@nxu.edu.cn', title: 'professor' });
    expect(report.notices.filter((n) => n.code === 'UNKNOWN_COLUMNS').map((n) => n.message.zh)).toEqual(['以下列不属于模板，已忽略：“备注”']);
  });

  it('English headers and sheet name', async () => {
    const buf = await book({ Experts: [headerRow(spec, 'en'), ['Wang Lei', 'Male', 'Ningxia University', 'Professor']] });
    const { rows, report } = await read(buf);
    expect(report.sheet).toBe('Experts');
    expect(report.problems.map((p) => p.key)).toEqual(['mobile']); // a mobile or an email
    expect(rows[0].values).toMatchObject({ name: 'Wang Lei', gender: 'male', title: 'professor' });
  });

  it('a file on disk reads like a buffer', async () => {
    const path = join(dir, '专家.xlsx');
    writeFileSync(path, await book({ 专家: [headerRow(spec), expertRow(1), expertRow(2)] }));
    const { rows } = await (async () => {
      const out: TableRow[] = [];
      for await (const r of readRows(path, spec)) out.push(r);
      return { rows: out };
    })();
    expect(rows.map((r) => r.values.name)).toEqual(['专家1', '专家2']);
  });
});

describe('200 rows with 3 wrong', () => {
  it('gives exactly those 3 problems at their row and column', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => expertRow(i + 1));
    rows[16][7] = '1380000'; // row 18, 手机
    rows[99][3] = '院长'; // row 101, 职称
    rows[180][9] = '2024-02-30'; // row 182, 出生日期
    const buf = await book({ 专家: [headerRow(spec), ...rows] });
    const { rows: out, report } = await read(buf);
    expect(out).toHaveLength(200);
    expect(report.validRows).toBe(197);
    expect(report.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [18, '手机', '1380000'],
      [101, '职称', '院长'],
      [182, '出生日期', '2024-02-30'],
    ]);
  });
});

describe('exceljs workarounds', () => {
  it('Chinese text split across stream chunks stays whole', async () => {
    const long = '宁夏枸杞精深加工与果蔬保鲜技术研究'.repeat(12);
    const rows = Array.from({ length: 3000 }, (_, i) => [`专家${i}`, `${long}${i}`, '13800000000']);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'chunks.xlsx'), useSharedStrings: false });
    const ws = wb.addWorksheet('专家');
    ws.addRow(['姓名', '工作单位', '手机']).commit();
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
    await wb.commit();
    const seen: string[] = [];
    const report = await readSpreadsheet(join(dir, 'chunks.xlsx'), { ...spec, columns: spec.columns.map((c) => (c.key === 'organization' ? { ...c, maxLength: 1000 } : c)) }, {
      onRow: (r) => void seen.push(String(r.values.organization)),
    });
    expect(report.rows).toBe(3000);
    expect(seen.filter((s) => s.includes('\uFFFD'))).toEqual([]);
    expect(seen[2999]).toBe(`${long}2999`);
  });

  it('temporary copies of sheets are removed, also when reading stops early', async () => {
    // exceljs's own streaming writer puts sheets before workbook.xml, so its reader copies them to temp files
    const file = join(dir, 'temp.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const ws = wb.addWorksheet('专家');
    ws.addRow(['姓名', '工作单位', '邮箱']).commit();
    for (let i = 0; i < 500; i++) ws.addRow([`专家${i}`, '宁夏大学', `e${i}@nxu.edu.cn`]).commit();
    ws.commit();
    wb.addWorksheet('说明').commit();
    await wb.commit();
    const tmp = mkdtempSync(join(tmpdir(), 'shanhai-tmp-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const whole = await readSpreadsheet(file, spec);
      expect(whole.rows).toBe(500);
      let n = 0;
      for await (const r of readRows(file, spec)) if (r && ++n === 3) break;
      const missing = await readSpreadsheet(file, { ...spec, columns: spec.columns.map((c) => (c.key === 'gender' ? { ...c, required: true } : c)) });
      expect(missing.fatal?.code).toBe('MISSING_COLUMNS');
    } finally {
      process.env.TMPDIR = before;
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('inline rich text runs are joined', () => {
    expect(joinInlineRuns('<c r="A1" t="inlineStr"><is><r><t>姓名</t></r><r><rPr><b/></rPr><t>*</t></r></is></c>')).toBe(
      '<c r="A1" t="inlineStr"><is><t xml:space="preserve">姓名*</t></is></c>',
    );
    expect(joinInlineRuns('<is><t>plain</t></is>')).toBe('<is><t>plain</t></is>');
  });
});
