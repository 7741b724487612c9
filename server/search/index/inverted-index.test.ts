import { describe, expect, it } from 'vitest';
import { createBm25f, idf } from '../rank/bm25f.js';
import { scoreDocument, topKDocuments, type WeightedTerm } from '../rank/maxscore.js';
import { compileFilter, decodeRegion, encodeRegion, FacetDictionary, regionRange, sideOfRegion } from './facets.js';
import { InvertedIndex } from './inverted-index.js';
import { packTf, unpackTf } from './segment.js';

/** Small deterministic PRNG (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random corpus with a Zipf-like vocabulary, so some lists are long and some short. */
function randomDocs(n: number, seed: number, vocab = 300): number[][][] {
  const rnd = mulberry32(seed);
  const term = (): number => Math.floor(vocab * rnd() ** 2.5);
  const field = (len: number): number[] => Array.from({ length: len }, term);
  return Array.from({ length: n }, () => [field(1 + Math.floor(rnd() * 6)), field(Math.floor(rnd() * 60)), field(Math.floor(rnd() * 5))]);
}

/** Exhaustive reference: score every live, accepted document. */
function bruteForce(ix: InvertedIndex, terms: WeightedTerm[], k: number, accept?: (d: number) => boolean): number[] {
  const scores: number[] = [];
  for (let d = 0; d < ix.docLimit; d++) {
    if (ix.deleted[d] || (accept && !accept(d))) continue;
    const s = scoreDocument(ix, terms, d);
    if (s > 0) scores.push(s);
  }
  return scores.sort((a, b) => b - a).slice(0, k);
}

function queryOf(rnd: () => number, ix: InvertedIndex, len: number, vocab = 300): WeightedTerm[] {
  return Array.from({ length: len }, () => {
    const id = Math.floor(vocab * rnd() ** 1.5);
    return { id, weight: (0.5 + rnd()) * ix.idf(id) };
  });
}

const fieldsOf = (f: number[][]): [number[], number[], number[]] => [f[0], f[1], f[2]];

describe('InvertedIndex + MaxScore', () => {
  it('returns exactly the exhaustive top k, over several segments, with deletes and filters', () => {
    // A merge ratio no segment reaches keeps the commits as separate segments.
    const ix = new InvertedIndex({ impactModel: createBm25f(), mergeRatio: 1000, compactDeletedRatio: 1 });
    const docs = randomDocs(3000, 1);
    const rnd = mulberry32(2);
    // Three commits of different sizes → several segments; then deletes.
    docs.forEach((f, i) => {
      ix.add(`d${i}`, fieldsOf(f), { region: encodeRegion(i % 3 === 0 ? '640105' : '350203') });
      if (i === 1999 || i === 2600) ix.commit();
    });
    ix.commit();
    for (let i = 0; i < 3000; i += 7) ix.remove(`d${i}`);
    ix.commit();
    expect(ix.segments.length).toBe(3);
    expect(ix.segments.some((s) => s.deleted > 0)).toBe(true);
    const [lo, hi] = regionRange('64')!;
    const inNingxia = (d: number): boolean => ix.region[d] >= lo && ix.region[d] <= hi;
    let compared = 0;
    for (let q = 0; q < 60; q++) {
      const terms = queryOf(rnd, ix, 1 + Math.floor(rnd() * 12));
      for (const k of [1, 10, 50]) {
        const accept = q % 3 === 0 ? inNingxia : null;
        const got = topKDocuments(ix, terms, k, accept);
        const want = bruteForce(ix, terms, k, accept ?? undefined);
        expect(got.scores.length).toBe(want.length);
        got.scores.forEach((s, i) => expect(s).toBeCloseTo(want[i], 9));
        for (const d of got.docs) {
          expect(ix.deleted[d]).toBe(0);
          if (accept) expect(accept(d)).toBe(true);
        }
        compared += want.length;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('sees incremental adds, updates and deletes at the next query', () => {
    const ix = new InvertedIndex();
    ix.add('a', [[1], [2, 3], []]);
    ix.add('b', [[4], [2], []]);
    const q = (id: number): string[] => topKDocuments(ix, [{ id, weight: 1 }], 10).docs.map((d) => ix.keys[d]);
    expect(q(2).sort()).toEqual(['a', 'b']);
    ix.add('a', [[5], [6], []]); // update: replaces a's text
    expect(q(2)).toEqual(['b']);
    expect(q(6)).toEqual(['a']);
    expect(ix.remove('b')).toBe(true);
    expect(ix.remove('b')).toBe(false);
    expect(q(2)).toEqual([]);
    expect(ix.size).toBe(1);
    ix.add('c', [[2], [], []]);
    expect(q(2)).toEqual(['c']);
  });

  it('drops deleted postings on compaction and keeps document frequencies right', () => {
    const ix = new InvertedIndex();
    for (let i = 0; i < 100; i++) ix.add(`d${i}`, [[1], [i % 2 === 0 ? 2 : 3], []]);
    ix.commit();
    expect(ix.df(2)).toBe(50);
    for (let i = 0; i < 100; i += 4) ix.remove(`d${i}`);
    ix.compact();
    expect(ix.segments.length).toBe(1);
    expect(ix.df(2)).toBe(25);
    expect(ix.df(3)).toBe(50);
    expect(ix.indexedDocs()).toBe(75);
    expect(ix.idf(2)).toBeCloseTo(idf(75, 25), 12);
  });

  it('merges segments logarithmically under a stream of single writes', () => {
    const ix = new InvertedIndex();
    for (let i = 0; i < 1000; i++) {
      ix.add(`d${i}`, [[i % 10], [100 + (i % 7)], []]);
      ix.commit();
    }
    expect(ix.segments.length).toBeLessThanOrEqual(12);
    expect(ix.df(105)).toBe(Array.from({ length: 1000 }, (_, i) => i % 7 === 5).filter(Boolean).length);
  });

  it('stores field frequencies and impacts that explain the score', () => {
    const ix = new InvertedIndex();
    ix.add('x', [[7], [7, 7, 8], [7]]);
    ix.commit();
    const p = ix.posting(7, ix.docOf('x'))!;
    expect(unpackTf(p.tf)).toEqual({ title: 1, body: 2, keywords: 1 });
    expect(p.impact).toBeGreaterThan(0);
    expect(unpackTf(packTf(40, 300, 2))).toEqual({ title: 15, body: 255, keywords: 2 });
  });
});

describe('facets', () => {
  it('encodes region codes so that a prefix is a numeric range', () => {
    expect(encodeRegion('64')).toBe(640000000);
    expect(encodeRegion('640105')).toBe(640105000);
    expect(decodeRegion(encodeRegion('640105'))).toBe('640105');
    expect(decodeRegion(encodeRegion('64'))).toBe('64');
    expect(encodeRegion('')).toBe(0);
    const [lo, hi] = regionRange('64')!;
    expect(encodeRegion('640105')).toBeGreaterThanOrEqual(lo);
    expect(encodeRegion('640105')).toBeLessThanOrEqual(hi);
    expect(encodeRegion('650105')).toBeGreaterThan(hi);
    expect(sideOfRegion('640105')).toBe('west');
    expect(sideOfRegion('350203')).toBe('east');
    expect(sideOfRegion('230100')).toBe('northeast');
    expect(sideOfRegion('810000')).toBeUndefined();
  });

  it('compiles filters: prefix regions, sides, statuses, exact and starred codes', () => {
    const ix = new InvertedIndex();
    const dicts = { status: new FacetDictionary(), industry: new FacetDictionary(), discipline: new FacetDictionary() };
    const add = (key: string, region: string, status: string, industry: string): number =>
      ix.add(key, [[1], [], []], {
        region: encodeRegion(region),
        side: region.startsWith('64') ? 2 : 1,
        status: dicts.status.intern(status) + 1,
        industries: [dicts.industry.intern(industry)],
      });
    const a = add('a', '640105', 'published', 'C1311');
    const b = add('b', '350203', 'draft', 'C1320');
    const c = add('c', '6401', 'published', 'A0111');
    const keep = (spec: Parameters<typeof compileFilter>[1]): number[] =>
      [a, b, c].filter((d) => compileFilter(ix, spec, dicts)?.(d) ?? true);
    expect(keep({ region: '64' })).toEqual([a, c]);
    expect(keep({ region: '640105' })).toEqual([a]);
    expect(keep({ region: ['35', '6401'] })).toEqual([a, b, c]);
    expect(keep({ side: 'east' })).toEqual([b]);
    expect(keep({ status: 'published' })).toEqual([a, c]);
    expect(keep({ industry: 'C13*' })).toEqual([a, b]);
    expect(keep({ industry: 'C1320' })).toEqual([b]);
    expect(keep({ industry: 'nothing' })).toEqual([]);
    expect(keep({ region: '64', status: 'draft' })).toEqual([]);
    expect(compileFilter(ix, {}, dicts)).toBeNull();
  });
});
