import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReference, bundledReferenceRows, parseIndustryCsv, parseRegionCsv, ReferenceCsvError } from './reference.js';
import { shortRegionName } from './reference-csv.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const hasShared = existsSync(SHARED);
if (!hasShared) console.info(`[reference-csv tests] ${SHARED} not found: imports of the published tables are skipped`);
const read = (path: string) => readFileSync(SHARED + path, 'utf8');

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ReferenceCsvError);
    return (e as ReferenceCsvError).problems.map((p) => `row ${p.row}, column ${p.column}: ${p.problem}`);
  }
  throw new Error('expected a ReferenceCsvError');
}

describe('shortRegionName', () => {
  it('drops administrative suffixes and ethnic qualifiers but never leaves one character', () => {
    expect(shortRegionName('宁夏回族自治区')).toBe('宁夏');
    expect(shortRegionName('新疆维吾尔自治区')).toBe('新疆');
    expect(shortRegionName('香港特别行政区')).toBe('香港');
    expect(shortRegionName('银川市')).toBe('银川');
    expect(shortRegionName('西夏区')).toBe('西夏');
    expect(shortRegionName('大厂回族自治县')).toBe('大厂');
    expect(shortRegionName('黔东南苗族侗族自治州')).toBe('黔东南');
    expect(shortRegionName('克孜勒苏柯尔克孜自治州')).toBe('克孜勒苏');
    expect(shortRegionName('忠县')).toBe('忠县');
    expect(shortRegionName('城区')).toBe('城区');
  });
});

describe('parseRegionCsv — inline input', () => {
  it('reads the three simple shapes, strips a BOM and derives short names and sides', () => {
    expect(parseRegionCsv('\uFEFFcode,name\n64,"宁夏回族自治区"\n35,福建省\n')).toEqual([
      { code: '64', name: '宁夏回族自治区', shortName: '宁夏', level: 'province', parentCode: null, side: 'west' },
      { code: '35', name: '福建省', shortName: '福建', level: 'province', parentCode: null, side: 'east' },
    ]);
    expect(parseRegionCsv('code,name,provinceCode\n6401,银川市,64\n1101,市辖区,11\n')).toEqual([
      { code: '6401', name: '银川市', shortName: '银川', level: 'city', parentCode: '64', side: 'west' },
      { code: '1101', name: '北京市', shortName: '北京市', level: 'city', parentCode: '11', side: 'east' },
    ]);
    expect(parseRegionCsv('code,name,cityCode,provinceCode\r\n640105,西夏区,6401,64\r\n')).toEqual([
      { code: '640105', name: '西夏区', shortName: '西夏', level: 'county', parentCode: '6401', side: 'west' },
    ]);
  });

  it('reads the AreaCity shape, taking the full name from ext_name', () => {
    const text = 'id,pid,deep,name,pinyin_prefix,pinyin,ext_id,ext_name\n64,0,0,"宁夏","n","ning xia","640000000000","宁夏回族自治区"\n6401,64,1,银川,y,yin chuan,640100000000,银川市\n';
    expect(parseRegionCsv(text)).toEqual([
      { code: '64', name: '宁夏回族自治区', shortName: '宁夏', level: 'province', parentCode: null, side: 'west' },
      { code: '6401', name: '银川市', shortName: '银川', level: 'city', parentCode: '64', side: 'west' },
    ]);
  });

  it('reports every bad row with its row number and column', () => {
    const text = [
      'code,name,cityCode,provinceCode',
      '640105,西夏区,6401,64',
      '64010X,金凤区,6401,64',
      '640121,,6401,64',
      '640122,贺兰县,3301,64',
      '640105,西夏区,6401,64',
      '6401,银川市,64,64',
    ].join('\n');
    expect(problemsOf(() => parseRegionCsv(text))).toEqual([
      'row 3, column code: "64010X" is not a numeric region code',
      'row 4, column name: missing',
      'row 5, column cityCode: "3301" is not a parent of 640122',
      'row 6, column code: duplicate code 640105 (first on row 2)',
      'row 7, column code: "6401" should have 6 digits in a counties file',
    ]);
  });

  it('rejects an unknown header and an empty file with a clear message', () => {
    expect(problemsOf(() => parseRegionCsv('foo,bar\n1,2\n'))[0]).toMatch(/^row 1, column \(header\): unrecognised header "foo,bar"/);
    expect(problemsOf(() => parseRegionCsv(''))).toEqual(['row 1, column (header): the file is empty']);
    expect(() => parseRegionCsv('code,name\n6,x\n')).toThrow(/row 2, column code: "6" is not a numeric region code/);
  });
});

describe.skipIf(!hasShared)('parseRegionCsv — published tables (needs ../shared/data)', () => {
  it('imports provinces.csv, cities.csv and counties.csv', () => {
    const provinces = parseRegionCsv(read('regions/provinces.csv'));
    expect(provinces).toHaveLength(31);
    expect(provinces.find((r) => r.code === '64')).toMatchObject({ shortName: '宁夏', side: 'west' });
    const cities = parseRegionCsv(read('regions/cities.csv'));
    expect(cities).toHaveLength(342);
    expect(cities.find((r) => r.code === '3101')).toMatchObject({ name: '上海市', side: 'east', parentCode: '31' });
    const counties = parseRegionCsv(read('regions/counties.csv'));
    expect(counties).toHaveLength(2978);
    expect(counties.filter((r) => r.code.startsWith('64'))).toHaveLength(22);
    expect(counties.find((r) => r.code === '640105')).toEqual({
      code: '640105', name: '西夏区', shortName: '西夏', level: 'county', parentCode: '6401', side: 'west',
    });
  });

  it('imports the AreaCity table with all three levels, and the result resolves like the bundled data', () => {
    const rows = parseRegionCsv(read('regions/areacity-level3-pinyin.csv'));
    expect(rows).toHaveLength(3639);
    expect(rows.filter((r) => r.level === 'province').length).toBeGreaterThanOrEqual(34);
    expect(rows.find((r) => r.code === '640105')).toMatchObject({ name: '西夏区', parentCode: '6401', side: 'west' });
    const data = buildReference({ ...bundledReferenceRows(), regions: rows });
    expect(data.resolveRegion('宁夏银川市西夏区')).toBe('640105');
    expect(data.resolveRegion('西夏区')).toBe('640105');
    expect(data.isUnder('640105', '64')).toBe(true);
    expect(data.sideOf('330106')).toBe('east');
  });
});

describe('parseIndustryCsv — inline input', () => {
  it('returns 1-based levels whether the file counts from 0 or from 1', () => {
    const zero = parseIndustryCsv('code,name,parent_code,level,level_name\nC,制造业,,0,门类\n15,"酒、饮料和精制茶制造业",C,1,大类\n151,酒的制造,15,2,中类\n');
    expect(zero).toEqual([
      { code: 'C', name: '制造业', parentCode: null, level: 1 },
      { code: '15', name: '酒、饮料和精制茶制造业', parentCode: 'C', level: 2 },
      { code: '151', name: '酒的制造', parentCode: '15', level: 3 },
    ]);
    const one = parseIndustryCsv('\uFEFFcode,name,parentCode,level\nC,制造业,,1\n15,酒、饮料和精制茶制造业,C,2\n');
    expect(one.map((r) => r.level)).toEqual([1, 2]);
  });

  it('reports every bad row with its row number and column', () => {
    const text = [
      'code,name,parent_code,level',
      'C,制造业,,0',
      '15,,C,1',
      '16,烟草制品业,X,1',
      '17,纺织业,C,x',
      '17,纺织业,C,1',
      '151,酒的制造,151,0',
    ].join('\n');
    expect(problemsOf(() => parseIndustryCsv(text))).toEqual([
      'row 3, column name: missing',
      'row 4, column parent_code: unknown parent "X"',
      'row 5, column level: "x" is not a level number',
      'row 6, column code: duplicate code 17 (first on row 5)',
      'row 7, column level: 0 is not below its parent 151 at level 0',
    ]);
  });

  it('names the missing header columns', () => {
    expect(problemsOf(() => parseIndustryCsv('code,name\nC,制造业\n'))).toEqual([
      'row 1, column (header): missing column(s) parent_code, level; expected code,name,parent_code,level,…',
    ]);
  });
});

describe.skipIf(!hasShared)('parseIndustryCsv — published table (needs ../shared/data)', () => {
  it('imports all four levels of GB/T 4754-2017', () => {
    const rows = parseIndustryCsv(read('classification/gbt4754-2017.csv'));
    expect(rows).toHaveLength(1971);
    const count = (level: number) => rows.filter((r) => r.level === level).length;
    expect([count(1), count(2), count(3), count(4)]).toEqual([20, 97, 472, 1382]);
    expect(rows.find((r) => r.code === '1512')).toMatchObject({ parentCode: '151', level: 4 });
    const data = buildReference({ ...bundledReferenceRows(), industries: rows });
    expect(data.industries.isUnder('1512', 'C')).toBe(true);
    expect(data.resolveIndustry('葡萄酒制造')).toBe('1515');
  });
});
