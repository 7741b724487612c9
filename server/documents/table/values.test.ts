import { describe, expect, it } from 'vitest';
import { expertSheetExample as spec } from './example-spec.js';
import { defineTable, normalizeHeader, TableSpecError, type ColumnSpec } from './spec.js';
import { checkSpecExamples } from './validate.js';
import { excelSerialDate, parseCell, parseDateText, parseEmail, parseNumberText, parsePhone, splitList } from './values.js';

const col = (key: string): ColumnSpec => spec.columns.find((c) => c.key === key) as ColumnSpec;
const value = (key: string, raw: Parameters<typeof parseCell>[1]): unknown => {
  const r = parseCell(col(key), raw);
  return r.ok ? r.value : { error: r.message.zh };
};

describe('dates', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024年03月05号', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024-03-05 14:30', '2024-03-05'],
    ['2024-03-05T14:30:00Z', '2024-03-05'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each(['2024-02-30', '3/5/2024', '2024-13-01', '昨天', '2024-3'])('refuses %s', (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });

  it('takes real Excel dates, serial numbers and yyyymmdd numbers', () => {
    expect(value('born', new Date(Date.UTC(1975, 5, 1)))).toBe('1975-06-01');
    expect(value('born', 45356)).toBe('2024-03-05');
    expect(value('born', 20240305)).toBe('2024-03-05');
    expect(excelSerialDate(1)).toBe('1900-01-01');
    expect(excelSerialDate(61)).toBe('1900-03-01');
  });

  it('explains a date it cannot read', () => {
    expect(value('born', '05/03/2024')).toEqual({ error: expect.stringContaining('2024年3月5日') });
  });
});

describe('numbers', () => {
  it('reads full-width digits, thousands separators and minus signs', () => {
    expect(parseNumberText('１，２３４．５')).toBe(1234.5);
    expect(parseNumberText('1,234,567')).toBe(1234567);
    expect(parseNumberText('−12')).toBe(-12);
    expect(parseNumberText(' 3 ')).toBe(3);
    expect(parseNumberText('1,23')).toBeUndefined();
    expect(parseNumberText('十二')).toBeUndefined();
  });

  it('checks integers and limits', () => {
    expect(value('projects', '１２')).toBe(12);
    expect(value('projects', 12)).toBe(12);
    expect(value('projects', '2.5')).toEqual({ error: '应为整数，不能是 2.5' });
    expect(value('projects', '501')).toEqual({ error: '不能大于 500' });
    expect(value('projects', '-1')).toEqual({ error: '不能小于 0' });
    expect(value('projects', 'abc')).toEqual({ error: '“abc”不是整数' });
  });
});

describe('choices and lists', () => {
  it('takes an enum by value, either label or an alias', () => {
    expect(value('title', '教授')).toBe('professor');
    expect(value('title', 'Professor')).toBe('professor');
    expect(value('title', 'professor')).toBe('professor');
    expect(value('title', ' 正高 ')).toBe('professor');
    expect(value('title', '院长')).toEqual({ error: expect.stringContaining('“院长”不在可选范围内') });
  });

  it('splits lists on 、，,;；| and line breaks, without blanks or repeats', () => {
    expect(splitList('枸杞、干燥，保鲜,a;b；c|d\ne\r\n干燥、、')).toEqual(['枸杞', '干燥', '保鲜', 'a', 'b', 'c', 'd', 'e']);
    expect(value('fields', '枸杞干燥；果蔬保鲜')).toEqual(['枸杞干燥', '果蔬保鲜']);
    expect(value('disciplines', 'a、b、c、d、e、f')).toEqual({ error: '最多 5 项（现有 6 项）' });
  });

  it('reads yes and no in the ways people write them', () => {
    expect(value('academician', '是')).toBe(true);
    expect(value('academician', '否')).toBe(false);
    expect(value('academician', 'Yes')).toBe(true);
    expect(value('academician', true)).toBe(true);
    expect(value('academician', '也许')).toEqual({ error: expect.stringContaining('请填“是”或“否”') });
  });
});

describe('contacts', () => {
  it('writes phone numbers in one form', () => {
    expect(parsePhone('+86 138-0000-0000')).toBe('13800000000');
    expect(parsePhone('138 0000 0000')).toBe('13800000000');
    expect(parsePhone('(0951)5012345转808')).toBe('0951-5012345 转808');
    expect(parsePhone('0951-5012345 转808')).toBe('0951-5012345 转808');
    expect(parsePhone('010-62345678')).toBe('010-62345678');
    expect(parsePhone('400-123-4567')).toBe('4001234567');
    expect(parsePhone('12345')).toBeUndefined();
    expect(parsePhone('5012345')).toBe('5012345'); // a local number
    expect(parsePhone('1380000')).toBeUndefined(); // a mobile cut short is not a local number
    expect(parsePhone('1380000000')).toBeUndefined();
    expect(value('mobile', 13800000000)).toBe('13800000000');
    expect(value('mobile', 9515012345)).toBe('0951-5012345'); // Excel dropped the 0
  });

  it('checks email addresses, fixing full-width typing', () => {
    expect(parseEmail('ｗａｎｇ＠nxu。edu。cn')).toBe('wang@nxu.edu.cn');
    expect(parseEmail('wang@nxu')).toBeUndefined();
    expect(value('email', 'wang@@nxu.edu.cn')).toEqual({ error: '“wang@@nxu.edu.cn”不是有效的电子邮箱' });
  });
});

describe('text', () => {
  it('trims full-width and zero-width spaces and checks the length in characters', () => {
    expect(value('name', '\u3000王磊\u200b ')).toBe('王磊');
    expect(value('name', '王'.repeat(51))).toEqual({ error: '超过 50 个字符（现有 51 个）' });
    expect(value('name', '王'.repeat(50))).toBe('王'.repeat(50));
  });

  it('gives formula cells without a result and error values their own message', () => {
    expect(value('name', { issue: 'formula', text: 'A1&B1' })).toEqual({ error: expect.stringContaining('没有计算结果') });
    expect(value('name', { issue: 'error', text: '#N/A' })).toEqual({ error: expect.stringContaining('#N/A') });
  });
});

describe('specs', () => {
  it('the example spec has valid examples', () => {
    expect(checkSpecExamples(spec)).toEqual([]);
  });

  it('a bad example is caught', () => {
    const bad = defineTable({
      sheet: { zh: '表', en: 'T' },
      columns: [{ key: 'd', header: { zh: '日期', en: 'Date' }, type: 'date', notes: { zh: '', en: '' }, example: '3/5/2024' }],
    });
    expect(checkSpecExamples(bad)).toHaveLength(1);
  });

  it('refuses duplicate keys, headers and enum columns without options', () => {
    const column = { key: 'a', header: { zh: '甲', en: 'A' }, type: 'text', notes: { zh: '', en: '' }, example: 'x' } as const;
    expect(() => defineTable({ sheet: { zh: '表', en: 'T' }, columns: [column, column] })).toThrow(TableSpecError);
    expect(() => defineTable({ sheet: { zh: '表', en: 'T' }, columns: [column, { ...column, key: 'b', header: { zh: '甲 *', en: 'B' } }] })).toThrow(/used by another column/);
    expect(() => defineTable({ sheet: { zh: '表', en: 'T' }, columns: [{ ...column, type: 'enum' }] })).toThrow(/needs options/);
  });

  it('normalizes headers as people retype them', () => {
    expect(normalizeHeader(' 出生日期（必填）* ')).toBe('出生日期');
    expect(normalizeHeader('＊姓 名')).toBe('姓名');
    expect(normalizeHeader('E-Mail')).toBe('e-mail');
  });
});
