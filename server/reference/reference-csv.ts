/**
 * Parsers for the reference files a deployer supplies (`shanhai import regions|industries
 * <file>`): a national region list in one of the common published shapes, and an industry
 * scheme with all four GB/T 4754 levels. They only parse and validate; storing is the
 * caller's business. Every problem is reported with its row (the line number a spreadsheet
 * shows, header = row 1) and column, all at once, so a deployer fixes the file in one pass.
 */
import { parse } from 'csv-parse/sync';
import type { Industry, Region, RegionLevel, Side } from './reference.js';
import regionsJson from './regions.json' with { type: 'json' };

export interface CsvProblem {
  row: number;
  column: string;
  problem: string;
}

/** Thrown with every problem found; the message lists them as `row N, column X: problem`. */
export class ReferenceCsvError extends Error {
  readonly problems: CsvProblem[];
  constructor(problems: CsvProblem[], what: string) {
    const shown = problems.slice(0, 50).map((p) => `row ${p.row}, column ${p.column}: ${p.problem}`);
    const more = problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
    super([`${what}: ${problems.length} problem(s)`, ...shown, ...more].join('\n'));
    this.name = 'ReferenceCsvError';
    this.problems = problems;
  }
}

// The side and full name of each province come from the bundled province list, so a city or
// county file (which names no provinces) still gets its side and sensible names.
const provinceRows = (regionsJson as Region[]).filter((r) => r.level === 'province');
const provinceSide = new Map<string, Side>(provinceRows.map((r) => [r.code, r.side]));
const provinceName = new Map<string, string>(provinceRows.map((r) => [r.code, r.name]));

function readRows(text: string): string[][] {
  // csv-parse with `bom: true` drops a UTF-8 BOM; Excel on Windows writes one.
  return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
}

// Ethnic group names, so that '大厂回族自治县' shortens to '大厂' and
// '延边朝鲜族自治州' to '延边' the way people write them.
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣',
  '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗',
  '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固',
  '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].sort((a, b) => b.length - a.length);

const SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '林区', '地区', '新区', '省', '市', '盟', '区', '县', '旗', '州'];

/**
 * The name people write for a region: '宁夏回族自治区' → '宁夏', '银川市' → '银川',
 * '西夏区' → '西夏'. Names that would shrink below two characters stay whole ('忠县', '城区').
 */
export function shortRegionName(name: string): string {
  let s = name;
  const suffix = SUFFIXES.find((x) => s.endsWith(x) && s.length - x.length >= 2);
  if (!suffix) return name;
  s = s.slice(0, -suffix.length);
  if (suffix.startsWith('自治')) {
    // Strip trailing '…族' tokens: '大厂回族' → '大厂', '黔东南苗族侗族' → '黔东南'.
    // Official names sometimes omit 族 ('新疆维吾尔自治区', '克孜勒苏柯尔克孜自治州'); only
    // multi-character group names are stripped without it, so '…水' or '…白' stay intact.
    for (;;) {
      const withZu = s.endsWith('族');
      const body = withZu ? s.slice(0, -1) : s;
      const group = ETHNIC_GROUPS.find((g) => (withZu || g.length >= 2) && body.endsWith(g) && body.length - g.length >= 2);
      if (!group) break;
      s = body.slice(0, -group.length);
    }
  }
  return s.length >= 2 ? s : name;
}

type RegionShape = 'provinces' | 'cities' | 'counties' | 'areacity';

function detectRegionShape(header: string[]): RegionShape | null {
  const h = new Set(header.map((c) => c.trim()));
  if (h.has('id') && h.has('pid') && h.has('deep') && h.has('name')) return 'areacity';
  if (h.has('code') && h.has('name') && h.has('cityCode') && h.has('provinceCode')) return 'counties';
  if (h.has('code') && h.has('name') && h.has('provinceCode')) return 'cities';
  if (h.has('code') && h.has('name')) return 'provinces';
  return null;
}

const LEVEL_BY_DEEP: Record<string, RegionLevel> = { '0': 'province', '1': 'city', '2': 'county' };

/**
 * Parses a region list in one of the published shapes, detected by its header:
 * `code,name` (provinces), `code,name,provinceCode` (cities),
 * `code,name,cityCode,provinceCode` (counties), or the AreaCity shape
 * `id,pid,deep,name,…,ext_name` (all three levels). Returns rows shaped like the bundled
 * `regions.json`, with the side taken from the province; throws `ReferenceCsvError` listing
 * every bad row.
 *
 * @example parseRegionCsv('code,name\n64,宁夏回族自治区\n')
 *   // [{ code: '64', name: '宁夏回族自治区', shortName: '宁夏', level: 'province', parentCode: null, side: 'west' }]
 */
export function parseRegionCsv(text: string): Region[] {
  const rows = readRows(text);
  if (rows.length === 0) throw new ReferenceCsvError([{ row: 1, column: '(header)', problem: 'the file is empty' }], 'region file');
  const header = rows[0];
  const shape = detectRegionShape(header);
  if (!shape) {
    throw new ReferenceCsvError(
      [{ row: 1, column: '(header)', problem: `unrecognised header "${header.join(',')}"; expected code,name[,provinceCode|,cityCode,provinceCode] or id,pid,deep,name,…,ext_name` }],
      'region file',
    );
  }
  const col = (name: string) => header.findIndex((c) => c.trim() === name);
  const problems: CsvProblem[] = [];
  const out: Region[] = [];
  const seen = new Map<string, number>();

  for (let i = 1; i < rows.length; i++) {
    const rowNo = i + 1;
    const r = rows[i];
    const get = (name: string) => (col(name) >= 0 ? (r[col(name)] ?? '').trim() : '');
    const fail = (column: string, problem: string) => problems.push({ row: rowNo, column, problem });

    let code: string;
    let name: string;
    let shortName: string | null = null;
    let level: RegionLevel | undefined;
    let parentCode: string | null;
    let parentColumn: string;
    if (shape === 'areacity') {
      code = get('id');
      shortName = get('name');
      name = get('ext_name') || shortName;
      level = LEVEL_BY_DEEP[get('deep')];
      if (!level) fail('deep', `"${get('deep')}" is not 0, 1 or 2`);
      parentCode = get('pid') === '0' ? null : get('pid');
      parentColumn = 'pid';
    } else {
      code = get('code');
      name = get('name');
      const expected = shape === 'provinces' ? 2 : shape === 'cities' ? 4 : 6;
      level = shape === 'provinces' ? 'province' : shape === 'cities' ? 'city' : 'county';
      parentColumn = shape === 'counties' ? 'cityCode' : 'provinceCode';
      parentCode = shape === 'provinces' ? null : get(parentColumn);
      if (/^\d+$/.test(code) && code.length !== expected) fail('code', `"${code}" should have ${expected} digits in a ${shape} file`);
      if (shape === 'counties' && get('provinceCode') && !code.startsWith(get('provinceCode'))) {
        fail('provinceCode', `"${get('provinceCode')}" is not the province of ${code}`);
      }
    }

    if (!/^\d{2,12}$/.test(code)) fail(shape === 'areacity' ? 'id' : 'code', code ? `"${code}" is not a numeric region code` : 'missing');
    if (!name) fail(shape === 'areacity' ? 'ext_name' : 'name', 'missing');
    if (level && level !== 'province') {
      if (!parentCode) fail(parentColumn, 'missing');
      // GB/T 2260 codes nest by prefix; a parent that is not a prefix is a shifted column
      // or a typo, and would silently put a county into another province.
      else if (/^\d+$/.test(code) && !(code.startsWith(parentCode) && code.length > parentCode.length)) {
        fail(parentColumn, `"${parentCode}" is not a parent of ${code}`);
      }
    }
    if (seen.has(code)) fail(shape === 'areacity' ? 'id' : 'code', `duplicate code ${code} (first on row ${seen.get(code)})`);
    else seen.set(code, rowNo);
    if (!level) continue;

    const stem = code.slice(0, 2);
    const province = provinceName.get(stem);
    // The statistical tables list placeholder units under municipalities ('市辖区', '县');
    // naming them after the municipality keeps lists and the resolver readable.
    let finalName = name;
    let keepShort = false;
    if (level === 'city' && province && (name === '市辖区' || name === '县')) {
      finalName = name === '市辖区' ? province : `${province}所辖县`;
      keepShort = true;
    }
    if (name.endsWith('直辖县级行政区划')) keepShort = true;
    out.push({
      code,
      name: finalName,
      shortName: keepShort ? finalName : shortName || shortRegionName(finalName),
      level,
      parentCode,
      side: provinceSide.get(stem) ?? 'other',
    });
  }
  if (problems.length > 0) throw new ReferenceCsvError(problems, 'region file');
  return out;
}

/**
 * Parses an industry scheme in the `code,name,parent_code,level,…` shape (the GB/T 4754-2017
 * table with 门类, 大类, 中类, 小类). Levels are returned 1-based (门类 = 1) whether the
 * file counts from 0 or from 1. Every parent must be present in the file, at a higher level.
 *
 * @example parseIndustryCsv('code,name,parent_code,level\nC,制造业,,0\n15,酒、饮料和精制茶制造业,C,1\n')
 *   // [{ code: 'C', …, level: 1 }, { code: '15', …, parentCode: 'C', level: 2 }]
 */
export function parseIndustryCsv(text: string): Industry[] {
  const rows = readRows(text);
  if (rows.length === 0) throw new ReferenceCsvError([{ row: 1, column: '(header)', problem: 'the file is empty' }], 'industry file');
  const header = rows[0].map((c) => c.trim());
  const idx = (...names: string[]) => header.findIndex((c) => names.includes(c));
  const cCode = idx('code');
  const cName = idx('name');
  const cParent = idx('parent_code', 'parentCode');
  const cLevel = idx('level');
  const missing = [
    cCode < 0 && 'code',
    cName < 0 && 'name',
    cParent < 0 && 'parent_code',
    cLevel < 0 && 'level',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ReferenceCsvError(
      [{ row: 1, column: '(header)', problem: `missing column(s) ${missing.join(', ')}; expected code,name,parent_code,level,…` }],
      'industry file',
    );
  }
  const problems: CsvProblem[] = [];
  const parsed: { row: number; code: string; name: string; parent: string | null; level: number }[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const rowNo = i + 1;
    const r = rows[i];
    const code = (r[cCode] ?? '').trim();
    const name = (r[cName] ?? '').trim();
    const parent = (r[cParent] ?? '').trim() || null;
    const levelText = (r[cLevel] ?? '').trim();
    const fail = (column: string, problem: string) => problems.push({ row: rowNo, column, problem });
    if (!/^[A-Za-z0-9]{1,8}$/.test(code)) fail('code', code ? `"${code}" is not a class code` : 'missing');
    if (!name) fail('name', 'missing');
    if (!/^\d$/.test(levelText)) fail('level', levelText ? `"${levelText}" is not a level number` : 'missing');
    if (code && seen.has(code)) fail('code', `duplicate code ${code} (first on row ${seen.get(code)})`);
    else if (code) seen.set(code, rowNo);
    parsed.push({ row: rowNo, code, name, parent, level: Number(levelText) });
  }
  const base = parsed.some((p) => p.level === 0) ? 1 : 0;
  const byCode = new Map(parsed.map((p) => [p.code, p]));
  for (const p of parsed) {
    if (Number.isNaN(p.level)) continue;
    const fail = (column: string, problem: string) => problems.push({ row: p.row, column, problem });
    if (p.parent === null) {
      if (p.level + base !== 1) fail('parent_code', `missing for a level-${p.level} class`);
      continue;
    }
    const parent = byCode.get(p.parent);
    if (!parent) fail('parent_code', `unknown parent "${p.parent}"`);
    // A class may skip a level (the published table lists 9700 国际组织 directly under 97),
    // but it can never sit at or above its parent.
    else if (parent.level >= p.level) fail('level', `${p.level} is not below its parent ${parent.code} at level ${parent.level}`);
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.row - b.row);
    throw new ReferenceCsvError(problems, 'industry file');
  }
  return parsed.map((p) => ({ code: p.code, name: p.name, parentCode: p.parent, level: p.level + base }));
}
