import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { expertSheetExample as spec } from '../table/example-spec.js';
import { readSpreadsheet } from '../table/read.js';
import type { TableValues } from '../table/spec.js';
import { book, expertRow, headerRow } from '../xlsx/testing.js';
import { CsvDecoder, firstInvalidGb18030, firstInvalidUtf8 } from './decode.js';
import { detectDelimiter } from './read.js';

const text = '姓名,工作单位,职称,手机\r\n王磊,宁夏大学,教授,13800000000\r\n李娜,"福州大学, 食品学院",副教授,"0951-5012345"\r\n';
const expected = [
  { name: '王磊', organization: '宁夏大学', title: 'professor', mobile: '13800000000' },
  { name: '李娜', organization: '福州大学, 食品学院', title: 'associate-professor', mobile: '0951-5012345' },
];

async function read(buf: Buffer | string, filename = 'experts.csv') {
  const values: TableValues[] = [];
  const report = await readSpreadsheet(buf, spec, { filename, onRow: (r) => void values.push(r.values) });
  return { values, report };
}

describe('CSV encodings', () => {
  it('UTF-8 without BOM', async () => {
    const { values, report } = await read(Buffer.from(text));
    expect(report.fatal).toBeUndefined();
    expect(values).toEqual(expected);
  });

  it('UTF-8 with BOM (Excel "CSV UTF-8")', async () => {
    const { values, report } = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(values).toEqual(expected);
    expect(report.notices).toEqual([]);
  });

  it('GBK as WPS and Excel save it on Chinese Windows', async () => {
    const gbk = iconv.encode(text, 'gbk');
    expect(gbk.equals(Buffer.from(text))).toBe(false);
    const { values, report } = await read(gbk);
    expect(values).toEqual(expected);
    expect(report.notices.map((n) => n.message.zh)).toEqual(['文件按 GBK（GB18030）编码读取']);
  });

  it('GB18030 four-byte characters', async () => {
    const rare = '姓名,工作单位,邮箱\n𠀀磊,宁夏大学,w@nxu.edu.cn\n';
    const { values } = await read(iconv.encode(rare, 'gb18030'));
    expect(values[0].name).toBe('𠀀磊');
  });

  it('UTF-16 with BOM (Excel "Unicode text", tab-separated)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t'), 'utf16le')]);
    const { values } = await read(utf16, 'experts.txt');
    expect(values).toEqual(expected);
  });

  it('invalid UTF-8 that is not GBK either: the line and byte are named', async () => {
    const bad = Buffer.concat([Buffer.from('姓名,工作单位\n王磊,宁夏大学\n李娜,'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
    const { report } = await read(bad);
    expect(report.fatal?.code).toBe('CSV_ENCODING');
    expect(report.format).toBe('csv');
    const offset = Buffer.from('姓名,工作单位\n王磊,宁夏大学\n李娜,').length;
    expect(report.fatal?.message.zh).toBe(
      `文件第 3 行（第 ${offset} 字节）有无法识别的字符：既不是 UTF-8 也不是 GBK 编码。请在 Excel/WPS 中另存为“CSV UTF-8”或 .xlsx 后重新上传`,
    );
  });

  it('a bad byte far into a UTF-8 file is found in its chunk', async () => {
    const head = `姓名,工作单位,邮箱\n${'王磊,宁夏大学,w@nxu.edu.cn\n'.repeat(5000)}`;
    const bad = Buffer.concat([Buffer.from(head), Buffer.from([0xc0, 0x20]), Buffer.from('\n')]);
    const { report } = await read(bad);
    expect(report.fatal?.code).toBe('CSV_ENCODING');
    expect(report.fatal?.message.en).toContain(`Line 5002 (byte ${Buffer.from(head).length})`);
  });

  it('a character split between chunks decodes whole', () => {
    const bytes = Buffer.from('宁夏大学');
    for (let cut = 1; cut < bytes.length; cut++) {
      const d = new CsvDecoder();
      expect(d.write(Buffer.from('a,')) + d.write(bytes.subarray(0, cut)) + d.write(bytes.subarray(cut)) + d.end()).toBe('a,宁夏大学');
    }
    const gbk = iconv.encode('宁夏大学，银川', 'gbk');
    const d = new CsvDecoder();
    expect(d.write(gbk.subarray(0, 5)) + d.write(gbk.subarray(5)) + d.end()).toBe('宁夏大学，银川');
    expect(d.encoding).toBe('gb18030');
  });

  it('validators find the first bad byte', () => {
    expect(firstInvalidUtf8(Buffer.from('ab宁'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe5, 0xae]), true)).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe5, 0xae]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidGb18030(iconv.encode('宁夏', 'gbk'))).toBe(-1);
    expect(firstInvalidGb18030(Buffer.from([0x61, 0xff]))).toBe(1);
  });
});

describe('CSV shapes', () => {
  it('detects the delimiter', () => {
    expect(detectDelimiter('姓名,单位\n王磊,"宁夏大学; 农学院"\n')).toBe(',');
    expect(detectDelimiter('姓名;单位\n王磊;"宁夏大学, 农学院"\n')).toBe(';');
    expect(detectDelimiter('姓名\t单位\n王磊\t宁夏大学\n')).toBe('\t');
  });

  it('reads semicolon- and tab-separated files', async () => {
    for (const d of [';', '\t']) {
      const t = `姓名${d}工作单位${d}职称${d}手机\n王磊${d}宁夏大学${d}教授${d}13800000000\n李娜${d}"福州大学, 食品学院"${d}副教授${d}0951-5012345\n`;
      const { values } = await read(Buffer.from(t));
      expect(values).toEqual(expected);
    }
  });

  it('keeps line breaks inside quoted cells and counts rows as Excel shows them', async () => {
    const t = '姓名,工作单位,手机,简介\n王磊,宁夏大学,13800000000,"第一行\n第二行"\n李娜,福州大学,1380000,短\n';
    const { values, report } = await read(Buffer.from(t));
    expect(values[0].bio).toBe('第一行\n第二行');
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([[3, '手机']]);
  });

  it('an unclosed quote is a clear error', async () => {
    const { report } = await read(Buffer.from('姓名,工作单位\n王磊,"宁夏大学\n'));
    expect(report.fatal?.code).toBe('CSV_MALFORMED');
    expect(report.fatal?.message.zh).toContain('引号没有配对');
  });

  it('an Excel file named .csv is read as Excel', async () => {
    const buf = await book({ 专家: [headerRow(spec), expertRow(1)] });
    const { values, report } = await read(buf, 'experts.csv');
    expect(report.format).toBe('xlsx');
    expect(values).toHaveLength(1);
  });

  it('binary data named .csv is refused', async () => {
    const { report } = await read(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00]), 'x.csv');
    expect(report.fatal?.code).toBe('CSV_BINARY');
  });

  it('an empty file', async () => {
    const { report } = await read(Buffer.alloc(0), 'x.csv');
    expect(report.fatal?.code).toBe('EMPTY_FILE');
  });

  it('a file on disk', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'shanhai-csv-')), 'gbk.csv');
    writeFileSync(path, iconv.encode(text, 'gbk'));
    const { values } = await read(path);
    expect(values).toEqual(expected);
  });

  it('200 rows with 3 wrong give exactly those 3 problems', async () => {
    const lines = ['姓名,工作单位,职称,手机,出生日期'];
    for (let i = 1; i <= 200; i++) lines.push(`专家${i},宁夏大学,教授,138${String(i).padStart(8, '0')},1975/6/${(i % 28) + 1}`);
    lines[10] = '专家10,宁夏大学,教授,138,1975/6/1'; // row 11
    lines[120] = '专家120,,教授,13800000120,1975/6/1'; // row 121
    lines[199] = '专家199,宁夏大学,教授,13800000199,1975年13月1日'; // row 200
    const { values, report } = await read(iconv.encode(lines.join('\r\n'), 'gbk'));
    expect(values).toHaveLength(200);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [11, '手机'],
      [121, '工作单位'],
      [200, '出生日期'],
    ]);
  });
});
