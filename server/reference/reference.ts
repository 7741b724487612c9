/**
 * Reference data the product carries itself: administrative regions, the GB/T 4754-2017
 * industry classification, the MoE discipline catalogue, the deployment's key-industry list
 * and the default East–West pairings. The JSON files beside this module are the data; this
 * module types them, freezes them and builds the indexes every feature needs (by code,
 * children by parent, ancestry), plus resolvers that turn what people type into codes.
 */
import regionsJson from './regions.json' with { type: 'json' };
import industriesJson from './industries.json' with { type: 'json' };
import disciplinesJson from './disciplines.json' with { type: 'json' };
import keyIndustriesJson from './key-industries.json' with { type: 'json' };
import pairingsJson from './pairings.json' with { type: 'json' };

export { parseIndustryCsv, parseRegionCsv, ReferenceCsvError } from './reference-csv.js';
export type { CsvProblem } from './reference-csv.js';

/** Where a province sits in the national East–West division; 'other' for 台湾, 香港, 澳门. */
export type Side = 'east' | 'central' | 'west' | 'northeast' | 'other';
export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  code: string;
  name: string;
  shortName: string;
  level: RegionLevel;
  parentCode: string | null;
  side: Side;
}

/** An industry class; level 1 门类 (A–T), 2 大类, 3 中类, 4 小类. */
export interface Industry {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
}

/** A discipline; level 1 学科门类, 2 一级学科. `aliases` holds former names still in use. */
export interface Discipline {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  aliases?: string[];
}

export interface KeyIndustry {
  code: string;
  name: string;
  group: string;
  gbtCodes: string[];
  keywords: string[];
}

export interface Pairing {
  west: string;
  east: string;
  kind: 'province' | 'city' | 'university' | 'park';
  name: string;
}

/** A coded tree (regions, industries, disciplines) with its indexes. */
export interface CodeTree<T extends { code: string; parentCode: string | null }> {
  readonly list: readonly T[];
  readonly byCode: ReadonlyMap<string, T>;
  /** Children of `code`; `null` gives the roots. */
  children(code: string | null): readonly T[];
  /** The chain from the root down to `code` itself; empty when the code is unknown. */
  ancestry(code: string): readonly T[];
  /** True when `code` is `ancestorCode` or lies below it. */
  isUnder(code: string, ancestorCode: string): boolean;
}

export interface ReferenceData {
  readonly regions: CodeTree<Region>;
  readonly industries: CodeTree<Industry>;
  readonly disciplines: CodeTree<Discipline>;
  readonly keyIndustries: { readonly list: readonly KeyIndustry[]; readonly byCode: ReadonlyMap<string, KeyIndustry> };
  readonly pairings: readonly Pairing[];
  /** Region ancestry; also answers for standard 2/4/6-digit codes the loaded data lacks. */
  isUnder(regionCode: string, ancestorCode: string): boolean;
  sideOf(regionCode: string): Side | null;
  provinceOf(regionCode: string): Region | null;
  resolveRegion(text: string): string | null;
  resolveIndustry(text: string): string | null;
  resolveDiscipline(text: string): string | null;
}

export interface ReferenceInput {
  regions: readonly Region[];
  industries: readonly Industry[];
  disciplines: readonly Discipline[];
  keyIndustries: readonly KeyIndustry[];
  pairings: readonly Pairing[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

function buildTree<T extends { code: string; parentCode: string | null }>(rows: readonly T[]): CodeTree<T> {
  const list = deepFreeze(rows.map((r) => ({ ...r })));
  const byCode = new Map<string, T>();
  const kids = new Map<string | null, T[]>();
  for (const row of list) {
    if (byCode.has(row.code)) throw new Error(`duplicate code ${row.code}`);
    byCode.set(row.code, row);
  }
  for (const row of list) {
    // A parent missing from the data makes the row a root rather than an orphan, so a
    // partial scheme (e.g. counties without their cities) still browses as a tree.
    const parent = row.parentCode !== null && byCode.has(row.parentCode) ? row.parentCode : null;
    const bucket = kids.get(parent) ?? [];
    bucket.push(row);
    kids.set(parent, bucket);
  }
  for (const bucket of kids.values()) Object.freeze(bucket);
  const empty: readonly T[] = Object.freeze([]);
  const ancestry = (code: string): readonly T[] => {
    const chain: T[] = [];
    const seen = new Set<string>();
    let cur = byCode.get(code);
    while (cur && !seen.has(cur.code)) {
      seen.add(cur.code);
      chain.unshift(cur);
      cur = cur.parentCode === null ? undefined : byCode.get(cur.parentCode);
    }
    return chain;
  };
  return Object.freeze({
    list,
    byCode,
    children: (code: string | null) => kids.get(code) ?? empty,
    ancestry,
    isUnder: (code: string, ancestorCode: string) => ancestry(code).some((r) => r.code === ancestorCode),
  });
}

/** Removes the separators people vary when they type a class name (、，, spaces, dots). */
function normalizeName(s: string): string {
  return s.replace(/[\s、，,·.。（）()《》\-—_/]/g, '');
}

interface Occurrence<T> { item: T; start: number; end: number }

/**
 * Picks the single most specific item among the ones mentioned in a text. Items in one
 * ancestor chain (宁夏 › 银川市 › 西夏区) collapse to the deepest; two unrelated deepest
 * items mean the text is ambiguous, and the answer is null.
 */
function mostSpecific<T extends { code: string }>(
  occurrences: Occurrence<T>[],
  isUnder: (code: string, ancestor: string) => boolean,
): T | null {
  // A mention inside a longer mention is part of it (银川 inside 银川市, 宁夏 inside 宁夏回族自治区).
  const kept = occurrences.filter(
    (o) => !occurrences.some((p) => p !== o && p.start <= o.start && p.end >= o.end && p.end - p.start > o.end - o.start),
  );
  const items = [...new Map(kept.map((o) => [o.item.code, o.item])).values()];
  if (items.length === 0) return null;
  const deepest = items.filter((a) => !items.some((b) => b !== a && isUnder(b.code, a.code)));
  if (deepest.length === 1) return deepest[0];
  // Several unrelated candidates: keep the ones whose ancestors the text also names
  // (“银川市金凤区” beats a same-named district elsewhere); still tied means ambiguous.
  const support = (a: T) => items.filter((b) => b !== a && isUnder(a.code, b.code)).length;
  const best = Math.max(...deepest.map(support));
  const top = deepest.filter((a) => support(a) === best);
  return top.length === 1 && best > 0 ? top[0] : null;
}

function findOccurrences<T>(text: string, entries: readonly { item: T; names: readonly string[] }[]): Occurrence<T>[] {
  const found: Occurrence<T>[] = [];
  for (const { item, names } of entries) {
    for (const name of names) {
      if (!name) continue;
      let at = text.indexOf(name);
      while (at >= 0) {
        found.push({ item, start: at, end: at + name.length });
        at = text.indexOf(name, at + 1);
      }
    }
  }
  return found;
}

/** Province-level side by the 2-digit stem, from the loaded data. */
function stemOf(code: string): string {
  return code.slice(0, 2);
}

/** Turns a 12-digit statistical code or a zero-padded 6-digit code into its short form. */
function canonicalRegionCode(code: string, byCode: ReadonlyMap<string, Region>): string | null {
  if (byCode.has(code)) return code;
  let c = code;
  if (/^\d{12}$/.test(c) && c.endsWith('000000')) c = c.slice(0, 6);
  if (byCode.has(c)) return c;
  // 640000 → 64, 640100 → 6401: the zero-padded form of GB/T 2260.
  if (/^\d{6}$/.test(c)) {
    if (c.endsWith('0000') && byCode.has(c.slice(0, 2))) return c.slice(0, 2);
    if (c.endsWith('00') && byCode.has(c.slice(0, 4))) return c.slice(0, 4);
  }
  return null;
}

/**
 * Builds the indexed, frozen reference structures from plain rows. The product uses the
 * bundled rows (`loadReference()`); a deployment that imported a full national region list or
 * all four industry levels builds its own set from the database rows with this.
 */
export function buildReference(input: ReferenceInput): ReferenceData {
  const regions = buildTree(input.regions);
  const industries = buildTree(input.industries);
  const disciplines = buildTree(input.disciplines);
  const keyList = deepFreeze(input.keyIndustries.map((k) => ({ ...k, gbtCodes: [...k.gbtCodes], keywords: [...k.keywords] })));
  const keyIndustries = Object.freeze({ list: keyList, byCode: new Map(keyList.map((k) => [k.code, k])) });
  const pairings = deepFreeze(input.pairings.map((p) => ({ ...p })));

  const provinceByStem = new Map<string, Region>();
  for (const r of regions.list) if (r.level === 'province') provinceByStem.set(stemOf(r.code), r);

  const isUnder = (regionCode: string, ancestorCode: string): boolean => {
    if (regions.byCode.has(regionCode)) return regions.isUnder(regionCode, ancestorCode);
    // Unknown code (a county of another province the bundled data does not list): GB/T 2260
    // codes nest by prefix, which is the best answer available.
    return /^\d{2}(\d{2}){0,2}$/.test(regionCode) && /^\d{2}(\d{2}){0,2}$/.test(ancestorCode) && regionCode.startsWith(ancestorCode);
  };
  const provinceOf = (regionCode: string): Region | null => {
    const chain = regions.ancestry(regionCode);
    if (chain.length > 0) return chain[0].level === 'province' ? chain[0] : null;
    return /^\d{2,}$/.test(regionCode) ? provinceByStem.get(stemOf(regionCode)) ?? null : null;
  };
  const sideOf = (regionCode: string): Side | null => {
    const known = regions.byCode.get(regionCode);
    if (known) return known.side;
    return provinceOf(regionCode)?.side ?? null;
  };

  const regionEntries = regions.list.map((r) => ({ item: r, names: r.shortName.length >= 2 ? [r.name, r.shortName] : [r.name] }));
  const resolveRegion = (text: string): string | null => {
    const t = (text ?? '').trim();
    if (!t) return null;
    if (/^\d+$/.test(t)) return canonicalRegionCode(t, regions.byCode);
    const hit = mostSpecific(findOccurrences(t.replace(/\s+/g, ''), regionEntries), regions.isUnder);
    return hit?.code ?? null;
  };

  const makeResolver = <T extends { code: string; name: string; parentCode: string | null; aliases?: string[] }>(
    tree: CodeTree<T>,
    codeForms: (t: string) => string[],
  ) => {
    const entries = tree.list.map((r) => ({ item: r, names: [normalizeName(r.name), ...(r.aliases ?? []).map(normalizeName)] }));
    return (text: string): string | null => {
      const t = (text ?? '').trim();
      if (!t) return null;
      for (const form of codeForms(t)) if (tree.byCode.has(form)) return form;
      // “0832 食品科学与工程” or “C15 酒、饮料…”: a leading code wins when it is known.
      const lead = /^([A-Za-z]?\d{1,6}|[A-Za-z])[\s:：]/.exec(t);
      if (lead) for (const form of codeForms(lead[1])) if (tree.byCode.has(form)) return form;
      const n = normalizeName(t);
      const exact = entries.filter((e) => e.names.includes(n)).map((e) => ({ item: e.item, start: 0, end: n.length }));
      const occ = exact.length > 0 ? exact : findOccurrences(n, entries);
      if (occ.length === 0) {
        // A fragment of one name ('计算机' → 计算机科学与技术) resolves only when it is
        // part of exactly one name; '食品' (食品制造业, 农副食品加工业) stays unresolved.
        if (n.length < 2) return null;
        const partial = entries.filter((e) => e.names.some((name) => name.includes(n)));
        return partial.length === 1 ? partial[0].item.code : null;
      }
      // Among mentions prefer the longest names: “食品科学与工程” over “工程” inside it.
      const longest = Math.max(...occ.map((o) => o.end - o.start));
      return mostSpecific(occ.filter((o) => o.end - o.start === longest), tree.isUnder)?.code ?? null;
    };
  };
  const resolveIndustry = makeResolver(industries, (t) => {
    const u = t.toUpperCase();
    // 'C15' is how statistical tables print a 大类 with its 门类 letter.
    const m = /^[A-T](\d{2,4})$/.exec(u);
    return m ? [u, m[1]] : [u];
  });
  const resolveDiscipline = makeResolver(disciplines, (t) => [t]);

  return Object.freeze({
    regions,
    industries,
    disciplines,
    keyIndustries,
    pairings,
    isUnder,
    sideOf,
    provinceOf,
    resolveRegion,
    resolveIndustry,
    resolveDiscipline,
  });
}

/** The bundled rows, typed. Exposed for the seed service, which inserts them. */
export function bundledReferenceRows(): ReferenceInput {
  return {
    regions: regionsJson as Region[],
    industries: industriesJson as Industry[],
    disciplines: disciplinesJson as Discipline[],
    keyIndustries: keyIndustriesJson.keyIndustries as KeyIndustry[],
    pairings: pairingsJson.pairings as Pairing[],
  };
}

let cached: ReferenceData | null = null;

/**
 * The bundled reference data, indexed and frozen; built once per process.
 *
 * @example loadReference().regions.byCode.get('640105')?.name // '西夏区'
 */
export function loadReference(): ReferenceData {
  cached ??= buildReference(bundledReferenceRows());
  return cached;
}

/**
 * The region code a piece of text names, most specific first; null when unknown or ambiguous.
 * Accepts codes (2/4/6 digits, zero-padded 6 digits, 12-digit statistical codes), full names,
 * short names and chains of them.
 *
 * @example resolveRegion('宁夏银川市西夏区') // '640105'
 * @example resolveRegion('兴庆区、西夏区')   // null (two districts)
 */
export function resolveRegion(text: string): string | null {
  return loadReference().resolveRegion(text);
}

/**
 * The GB/T 4754 code a text names: a code ('15', 'C15', 'C') or a class name, with or
 * without its separators; null when unknown or ambiguous.
 *
 * @example resolveIndustry('酒、饮料和精制茶制造业') // '15'
 */
export function resolveIndustry(text: string): string | null {
  return loadReference().resolveIndustry(text);
}

/**
 * The discipline code a text names: a code ('0832'), a name, or a former name still in use.
 *
 * @example resolveDiscipline('食品科学与工程') // '0832'
 */
export function resolveDiscipline(text: string): string | null {
  return loadReference().resolveDiscipline(text);
}

/** Side of a region code in the bundled data (see `ReferenceData.sideOf`). */
export function sideOf(regionCode: string): Side | null {
  return loadReference().sideOf(regionCode);
}

/** Province of a region code in the bundled data (see `ReferenceData.provinceOf`). */
export function provinceOf(regionCode: string): Region | null {
  return loadReference().provinceOf(regionCode);
}

/** True when `regionCode` is `ancestorCode` or lies below it (bundled data). */
export function isUnder(regionCode: string, ancestorCode: string): boolean {
  return loadReference().isUnder(regionCode, ancestorCode);
}
