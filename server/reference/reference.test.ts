import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  bundledReferenceRows,
  buildReference,
  isUnder,
  loadReference,
  provinceOf,
  resolveDiscipline,
  resolveIndustry,
  resolveRegion,
  sideOf,
} from './reference.js';

// The shared data folder sits beside the project (../shared/data); an outside clone lacks it.
const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const hasShared = existsSync(SHARED);
if (!hasShared) console.info(`[reference tests] ${SHARED} not found: comparisons with the published tables are skipped`);
const sharedCsv = (path: string) => parse(readFileSync(SHARED + path, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];

const ref = loadReference();

describe('regions.json', () => {
  const provinces = ref.regions.list.filter((r) => r.level === 'province');

  it('has the 34 province-level units with their sides', () => {
    expect(provinces).toHaveLength(34);
    const bySide = (side: string) => provinces.filter((p) => p.side === side).map((p) => p.shortName).sort();
    expect(bySide('east')).toEqual(['上海', '北京', '天津', '山东', '广东', '江苏', '河北', '浙江', '海南', '福建'].sort());
    expect(bySide('west')).toEqual(['内蒙古', '四川', '宁夏', '广西', '新疆', '甘肃', '西藏', '云南', '贵州', '重庆', '陕西', '青海'].sort());
    expect(bySide('northeast')).toEqual(['辽宁', '吉林', '黑龙江'].sort());
    expect(bySide('central')).toEqual(['山西', '安徽', '江西', '河南', '湖北', '湖南'].sort());
    expect(bySide('other')).toEqual(['台湾', '香港', '澳门'].sort());
    expect(ref.regions.byCode.get('65')?.name).toBe('新疆维吾尔自治区');
    expect(ref.regions.byCode.get('82')?.name).toBe('澳门特别行政区');
  });

  it('has Ningxia’s 5 cities and 22 county-level units', () => {
    expect(ref.regions.children('64').map((r) => r.name)).toEqual(['银川市', '石嘴山市', '吴忠市', '固原市', '中卫市']);
    const counties = ref.regions.list.filter((r) => r.level === 'county' && r.code.startsWith('64'));
    expect(counties).toHaveLength(22);
    expect(counties[0]).toMatchObject({ code: '640104', name: '兴庆区', parentCode: '6401' });
    expect(counties.at(-1)).toMatchObject({ code: '640522', name: '海原县', parentCode: '6405' });
    expect(ref.regions.children('6401').map((r) => r.shortName)).toEqual(['兴庆', '西夏', '金凤', '永宁', '贺兰', '灵武']);
  });

  it('is consistent: unique codes, parents exist and prefix the code, side copied from the province', () => {
    const codes = ref.regions.list.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of ref.regions.list) {
      const expectedLength = { province: 2, city: 4, county: 6 }[r.level];
      expect(r.code, r.code).toHaveLength(expectedLength);
      if (r.level === 'province') {
        expect(r.parentCode).toBeNull();
        continue;
      }
      const parent = ref.regions.byCode.get(r.parentCode!);
      expect(parent, `${r.code} parent`).toBeDefined();
      expect(r.code.startsWith(parent!.code)).toBe(true);
      expect(r.side).toBe(ref.regions.byCode.get(r.code.slice(0, 2))!.side);
      expect(r.shortName.length).toBeGreaterThanOrEqual(2);
    }
  });

  it.skipIf(!hasShared)('matches the published division tables (needs ../shared/data)', () => {
    const published = new Map<string, string>();
    for (const r of sharedCsv('regions/provinces.csv')) published.set(r.code, r.name);
    for (const r of sharedCsv('regions/cities.csv')) published.set(r.code, r.name);
    for (const r of sharedCsv('regions/counties.csv')) published.set(r.code, r.name);
    for (const r of ref.regions.list) {
      if (['71', '81', '82'].includes(r.code)) continue; // not in the NBS statistical tables
      const name = published.get(r.code);
      expect(name, r.code).toBeDefined();
      // Municipalities' city level is printed as 市辖区; we name it after the municipality.
      expect(name === '市辖区' ? ref.regions.byCode.get(r.parentCode!)!.name : name).toBe(r.name);
    }
    const ningxiaCounties = sharedCsv('regions/counties.csv').filter((r) => r.provinceCode === '64');
    expect(ningxiaCounties.map((r) => r.code)).toEqual(ref.regions.list.filter((r) => r.level === 'county' && r.code.startsWith('64')).map((r) => r.code));
  });
});

describe('industries.json (GB/T 4754-2017)', () => {
  it('has 20 门类 and 97 大类 with valid parents', () => {
    expect(ref.industries.children(null)).toHaveLength(20);
    const big = ref.industries.list.filter((r) => r.level === 2);
    expect(big).toHaveLength(97);
    expect(big.map((r) => r.code).sort()).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')));
    for (const r of big) expect(ref.industries.byCode.get(r.parentCode!)?.level).toBe(1);
    expect(ref.industries.byCode.get('15')).toMatchObject({ name: '酒、饮料和精制茶制造业', parentCode: 'C' });
    expect(ref.industries.children('C')).toHaveLength(31);
  });

  it.skipIf(!hasShared)('names match the published table, levels 0 and 1 (needs ../shared/data)', () => {
    const rows = sharedCsv('classification/gbt4754-2017.csv').filter((r) => r.level === '0' || r.level === '1');
    expect(rows).toHaveLength(117);
    for (const r of rows) {
      const ours = ref.industries.byCode.get(r.code);
      expect(ours, r.code).toBeDefined();
      expect(ours!.name).toBe(r.name);
      expect(ours!.parentCode).toBe(r.parent_code || null);
      expect(ours!.level).toBe(Number(r.level) + 1);
    }
  });
});

describe('disciplines.json (MoE 2022 catalogue)', () => {
  it('has 14 学科门类 and 117 一级学科', () => {
    expect(ref.disciplines.children(null).map((r) => r.name)).toEqual([
      '哲学', '经济学', '法学', '教育学', '文学', '历史学', '理学', '工学', '农学', '医学', '军事学', '管理学', '艺术学', '交叉学科',
    ]);
    const first = ref.disciplines.list.filter((r) => r.level === 2);
    expect(first).toHaveLength(117);
    for (const r of first) {
      expect(r.code).toMatch(/^\d{4}$/);
      expect(r.code.slice(0, 2)).toBe(r.parentCode);
      // Third digit 5 marks professional degree categories, which are not in this scheme.
      expect(r.code[2]).not.toBe('5');
    }
    expect(ref.disciplines.byCode.get('0832')?.name).toBe('食品科学与工程');
    expect(ref.disciplines.byCode.get('0901')?.name).toBe('作物学');
    expect(ref.disciplines.byCode.get('1002')?.name).toBe('临床医学');
    expect(ref.disciplines.byCode.get('1403')?.name).toBe('设计学');
  });

  it.skipIf(!hasShared)('covers the discipline labels of the CSL corpus (needs ../shared/data)', () => {
    const labels = readFileSync(SHARED + 'classification/csl-disciplines-67.txt', 'utf8').split(/\r?\n/).filter(Boolean);
    // CSL merges some disciplines ('畜牧学/兽医学') and uses a few older names; each part
    // that is a current 一级学科 name must be found.
    const known = new Set(ref.disciplines.list.flatMap((r) => [r.name, ...(r.aliases ?? [])]));
    const parts = labels.flatMap((l) => l.split('/'));
    const found = parts.filter((p) => known.has(p));
    expect(found.length / parts.length).toBeGreaterThan(0.9);
  });
});

describe('key-industries.json and pairings.json', () => {
  it('lists 六新六特六优 with GB/T codes that exist and 10–20 keywords each', () => {
    const groups = new Map<string, string[]>();
    for (const k of ref.keyIndustries.list) groups.set(k.group, [...(groups.get(k.group) ?? []), k.name]);
    expect(groups.get('六新')).toEqual(['新型材料', '清洁能源', '装备制造', '数字信息', '现代化工', '轻工纺织']);
    expect(groups.get('六特')).toEqual(['葡萄酒', '枸杞', '牛奶', '肉牛', '滩羊', '冷凉蔬菜']);
    expect(groups.get('六优')).toEqual(['文化旅游', '现代物流', '现代金融', '健康养老', '电子商务', '会展博览']);
    for (const k of ref.keyIndustries.list) {
      expect(k.code).toMatch(/^[NTY]\d{2}$/);
      for (const g of k.gbtCodes) expect(ref.industries.byCode.get(g)?.level, `${k.name} ${g}`).toBe(2);
      expect(k.keywords.length).toBeGreaterThanOrEqual(10);
      expect(k.keywords.length).toBeLessThanOrEqual(20);
      expect(new Set(k.keywords).size).toBe(k.keywords.length);
    }
  });

  it('pairs Ningxia with Fujian (闽宁协作) and only with known eastern provinces', () => {
    expect(ref.pairings).toContainEqual({ west: '64', east: '35', kind: 'province', name: '闽宁协作' });
    for (const p of ref.pairings) {
      expect(sideOf(p.west)).toBe('west');
      expect(sideOf(p.east)).toBe('east');
    }
  });
});

describe('loadReference()', () => {
  it('returns one frozen, indexed structure', () => {
    expect(loadReference()).toBe(ref);
    expect(Object.isFrozen(ref.regions.list)).toBe(true);
    expect(Object.isFrozen(ref.regions.list[0])).toBe(true);
    expect(Object.isFrozen(ref.keyIndustries.list[0].keywords)).toBe(true);
    expect(() => {
      (ref.regions.list[0] as { name: string }).name = 'x';
    }).toThrow();
  });

  it('answers ancestry, side and province questions', () => {
    expect(isUnder('640105', '64')).toBe(true);
    expect(isUnder('640105', '6401')).toBe(true);
    expect(isUnder('640105', '640105')).toBe(true);
    expect(isUnder('640105', '6402')).toBe(false);
    expect(isUnder('6401', '640105')).toBe(false);
    // A county the bundled data does not list still nests by its code.
    expect(isUnder('330106', '33')).toBe(true);
    expect(sideOf('640105')).toBe('west');
    expect(sideOf('3501')).toBe('east');
    expect(sideOf('330106')).toBe('east');
    expect(sideOf('99')).toBeNull();
    expect(provinceOf('640522')?.name).toBe('宁夏回族自治区');
    expect(provinceOf('3702')?.code).toBe('37');
    expect(provinceOf('nonsense')).toBeNull();
    expect(ref.regions.ancestry('640105').map((r) => r.code)).toEqual(['64', '6401', '640105']);
  });
});

describe('resolvers', () => {
  it('resolveRegion finds the most specific region a text names', () => {
    for (const t of ['宁夏银川市西夏区', '银川市西夏区', '西夏区', '640105', ' 宁夏 银川 西夏区 ', '640105000000']) {
      expect(resolveRegion(t), t).toBe('640105');
    }
    expect(resolveRegion('宁夏')).toBe('64');
    expect(resolveRegion('宁夏回族自治区')).toBe('64');
    expect(resolveRegion('银川')).toBe('6401');
    expect(resolveRegion('640100')).toBe('6401');
    expect(resolveRegion('宁夏中宁县')).toBe('640521');
    expect(resolveRegion('福建省福州市')).toBe('3501');
  });

  it('resolveRegion returns null for unknown or ambiguous text', () => {
    expect(resolveRegion('兴庆区、西夏区')).toBeNull();
    expect(resolveRegion('银川市和石嘴山市')).toBeNull();
    expect(resolveRegion('火星')).toBeNull();
    expect(resolveRegion('999999')).toBeNull();
    expect(resolveRegion('')).toBeNull();
  });

  it('resolveRegion prefers the region whose parent is also named', () => {
    const data = buildReference({
      ...bundledReferenceRows(),
      regions: [
        { code: '11', name: '北京市', shortName: '北京', level: 'province', parentCode: null, side: 'east' },
        { code: '1101', name: '北京市', shortName: '北京', level: 'city', parentCode: '11', side: 'east' },
        { code: '110105', name: '朝阳区', shortName: '朝阳', level: 'county', parentCode: '1101', side: 'east' },
        { code: '22', name: '吉林省', shortName: '吉林', level: 'province', parentCode: null, side: 'northeast' },
        { code: '2201', name: '长春市', shortName: '长春', level: 'city', parentCode: '22', side: 'northeast' },
        { code: '220104', name: '朝阳区', shortName: '朝阳', level: 'county', parentCode: '2201', side: 'northeast' },
      ],
    });
    expect(data.resolveRegion('朝阳区')).toBeNull();
    expect(data.resolveRegion('长春市朝阳区')).toBe('220104');
    expect(data.resolveRegion('北京朝阳区')).toBe('110105');
  });

  it('resolveIndustry accepts codes, names and names without separators', () => {
    expect(resolveIndustry('15')).toBe('15');
    expect(resolveIndustry('C15')).toBe('15');
    expect(resolveIndustry('c')).toBe('C');
    expect(resolveIndustry('酒、饮料和精制茶制造业')).toBe('15');
    expect(resolveIndustry('酒饮料和精制茶制造业')).toBe('15');
    expect(resolveIndustry('15 酒、饮料和精制茶制造业')).toBe('15');
    expect(resolveIndustry('软件和信息技术服务业')).toBe('65');
    // 教育 is both 门类 P and 大类 83: the specific one wins.
    expect(resolveIndustry('教育')).toBe('83');
    expect(resolveIndustry('食品')).toBeNull();
    expect(resolveIndustry('不存在的行业')).toBeNull();
  });

  it('resolveDiscipline accepts codes, names, former names and unique fragments', () => {
    expect(resolveDiscipline('0832')).toBe('0832');
    expect(resolveDiscipline('食品科学与工程')).toBe('0832');
    expect(resolveDiscipline('0812 计算机科学与技术')).toBe('0812');
    expect(resolveDiscipline('计算机')).toBe('0812');
    expect(resolveDiscipline('工商管理')).toBe('1202');
    expect(resolveDiscipline('哲学')).toBe('0101');
    expect(resolveDiscipline('工程')).toBeNull();
  });
});
