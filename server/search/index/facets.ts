import type { InvertedIndex } from './inverted-index.js';

/** The four macro-regions of the cooperation policy. */
export const SIDES = ['east', 'west', 'central', 'northeast'] as const;
export type Side = (typeof SIDES)[number];

/*
 * Province (2-digit GB/T 2260 stem) → macro-region, as the national East–West policy groups
 * them. Facts, carried here so the engine needs no data file; Taiwan, Hong Kong and Macao are
 * outside the scheme and stay unknown.
 */
const PROVINCE_SIDE: Readonly<Record<string, Side>> = Object.freeze({
  '11': 'east', '12': 'east', '13': 'east', '31': 'east', '32': 'east', '33': 'east', '35': 'east',
  '37': 'east', '44': 'east', '46': 'east',
  '15': 'west', '45': 'west', '50': 'west', '51': 'west', '52': 'west', '53': 'west', '54': 'west',
  '61': 'west', '62': 'west', '63': 'west', '64': 'west', '65': 'west',
  '14': 'central', '34': 'central', '36': 'central', '41': 'central', '42': 'central', '43': 'central',
  '21': 'northeast', '22': 'northeast', '23': 'northeast',
});

const REGION_DIGITS = 9;

/**
 * Encodes a region code (2, 4, 6 or 9 digits; longer codes are cut to 9) as a 9-digit number
 * padded with zeros, so that "code starts with prefix" becomes a numeric range test.
 * Returns 0 for anything without digits.
 *
 * @example
 * encodeRegion('64') // 640000000
 * encodeRegion('640105') // 640105000
 */
export function encodeRegion(code: string | undefined | null): number {
  if (!code) return 0;
  const digits = String(code).replace(/\D/g, '').slice(0, REGION_DIGITS);
  if (!digits || /^0+$/.test(digits)) return 0;
  return Number(digits.padEnd(REGION_DIGITS, '0'));
}

/**
 * The digits of an encoded region with trailing zero pairs removed ('640105000' → '640105').
 *
 * @example
 * decodeRegion(640000000) // '64'
 */
export function decodeRegion(value: number): string {
  if (!value) return '';
  let s = String(value).padStart(REGION_DIGITS, '0');
  while (s.length > 2 && s.endsWith('000') && s.length > 6) s = s.slice(0, -3);
  while (s.length > 2 && s.endsWith('00')) s = s.slice(0, -2);
  return s;
}

/**
 * The numeric range [lo, hi] of encoded regions that start with a prefix.
 *
 * @example
 * regionRange('64') // [640000000, 649999999]
 */
export function regionRange(prefix: string): [number, number] | null {
  const digits = String(prefix).replace(/\D/g, '').slice(0, REGION_DIGITS);
  if (!digits) return null;
  const scale = 10 ** (REGION_DIGITS - digits.length);
  const lo = Number(digits) * scale;
  return [lo, lo + scale - 1];
}

/**
 * The macro-region of a region code, from its province.
 *
 * @example
 * sideOfRegion('640105') // 'west'
 * sideOfRegion('3502') // 'east'
 */
export function sideOfRegion(code: string | undefined | null): Side | undefined {
  if (!code) return undefined;
  const digits = String(code).replace(/\D/g, '');
  return PROVINCE_SIDE[digits.slice(0, 2)];
}

/** Side name → stored code (1-based; 0 = unknown). @example sideCode('east') // 1 */
export function sideCode(side: Side | undefined): number {
  return side ? SIDES.indexOf(side) + 1 : 0;
}

/**
 * Interns facet values (disciplines, industries, statuses) to small integers shared by every
 * partition, so documents store numbers and filters compare numbers.
 *
 * @example
 * const f = new FacetDictionary(); f.intern('材料科学与工程') // 0
 */
export class FacetDictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  /** Id of a value, created on first use. */
  intern(value: string): number {
    const v = value.trim();
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.ids.set(v, id);
    }
    return id;
  }

  /** Id of a value, or -1 if never seen. */
  idOf(value: string): number {
    return this.ids.get(value.trim()) ?? -1;
  }

  /**
   * Ids matching filter values: exact, or every value starting with the text before a
   * trailing `*` (hierarchical codes: 'C13*' matches 'C1311').
   */
  select(filters: readonly string[]): Set<number> {
    const out = new Set<number>();
    for (const f of filters) {
      const v = f.trim();
      if (v.endsWith('*')) {
        const stem = v.slice(0, -1);
        this.values.forEach((value, id) => {
          if (value.startsWith(stem)) out.add(id);
        });
      } else {
        const id = this.ids.get(v);
        if (id !== undefined) out.add(id);
      }
    }
    return out;
  }
}

/** Filter values as the engine receives them (single values or lists). */
export interface FilterSpec {
  region?: string | readonly string[];
  side?: Side | readonly Side[];
  status?: string | readonly string[];
  industry?: string | readonly string[];
  discipline?: string | readonly string[];
}

function list<T>(v: T | readonly T[] | undefined): readonly T[] | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

/**
 * Compiles filters into a document predicate over a partition's typed arrays, or null when
 * no filter is set. Within a facet the values are alternatives (OR); facets combine with AND.
 * A filter that names only unknown values matches nothing.
 *
 * @example
 * const accept = compileFilter(ix, { region: '64', side: 'west' }, dicts);
 * accept?.(doc)
 */
export function compileFilter(
  index: InvertedIndex,
  spec: FilterSpec | undefined,
  dicts: { status: FacetDictionary; industry: FacetDictionary; discipline: FacetDictionary },
): ((doc: number) => boolean) | null {
  if (!spec) return null;
  const checks: Array<(d: number) => boolean> = [];
  const regions = list(spec.region);
  if (regions && regions.length) {
    const ranges = regions.map(regionRange).filter((r): r is [number, number] => r !== null);
    const lo = Float64Array.from(ranges.map((r) => r[0]));
    const hi = Float64Array.from(ranges.map((r) => r[1]));
    checks.push((d) => {
      const r = index.region[d];
      for (let i = 0; i < lo.length; i++) if (r >= lo[i] && r <= hi[i]) return true;
      return false;
    });
  }
  const sides = list(spec.side);
  if (sides && sides.length) {
    const allowed = new Set(sides.map((s) => sideCode(s)));
    checks.push((d) => allowed.has(index.side[d]));
  }
  const statuses = list(spec.status);
  if (statuses && statuses.length) {
    const allowed = new Set([...dicts.status.select(statuses)].map((id) => id + 1));
    checks.push((d) => allowed.has(index.status[d]));
  }
  const industries = list(spec.industry);
  if (industries && industries.length) {
    const allowed = dicts.industry.select(industries);
    checks.push((d) => {
      if (allowed.has(index.industry[d])) return true;
      const extra = index.extraIndustries.get(d);
      return extra !== undefined && extra.some((v) => allowed.has(v));
    });
  }
  const disciplines = list(spec.discipline);
  if (disciplines && disciplines.length) {
    const allowed = dicts.discipline.select(disciplines);
    checks.push((d) => {
      if (allowed.has(index.discipline[d])) return true;
      const extra = index.extraDisciplines.get(d);
      return extra !== undefined && extra.some((v) => allowed.has(v));
    });
  }
  if (checks.length === 0) return null;
  if (checks.length === 1) return checks[0];
  return (d) => {
    for (const c of checks) if (!c(d)) return false;
    return true;
  };
}
