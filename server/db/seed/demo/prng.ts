/**
 * A small seeded random source for the demo generator. The demo set must be the same on
 * every machine and every run (tests, screenshots and bug reports refer to its rows), so
 * nothing here touches Math.random or the clock.
 */

/** mulberry32: 32-bit state, fast, good enough for picking demo rows. */
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

/** FNV-1a, to derive one independent stream per generator section from the seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** k distinct items in random order (all of them when k ≥ length). */
  sample<T>(items: readonly T[], k: number): T[];
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * A random stream for one named part of the generator. Separate streams keep the parts
 * independent: adding a field to experts does not reshuffle every demand.
 *
 * @example createRng(20231, 'experts').int(1, 6)
 */
export function createRng(seed: number, stream: string): Rng {
  const next = mulberry32((seed ^ hash(stream)) >>> 0);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(items: readonly T[]): T[] => {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1][0];
    },
    sample: (items, k) => shuffle(items).slice(0, Math.max(0, k)),
    shuffle,
  };
}

/**
 * A weighted picker with its cumulative table built once, for lists drawn from thousands of
 * times (surnames): `rng.weighted` would sum the weights on every call.
 */
export function weightedPicker<T>(items: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of items) cumulative.push((total += w));
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo][0];
  };
}

/**
 * Fills number ranges in a template: `{50-65}` becomes an integer in that range rounded to
 * a step that suits its size (3700, not 3713), `{0.5-2.5}` a number with the ranges'
 * decimals. Used so that “年加工鲜果{2000-8000}吨” reads differently in each demand.
 *
 * @example fillNumbers('年加工鲜果{2000-8000}吨', rng) // '年加工鲜果4600吨'
 */
export function fillNumbers(template: string, rng: Rng): string {
  return template.replace(/\{(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\}/g, (_, a: string, b: string) => {
    const lo = Number(a);
    const hi = Number(b);
    const decimals = Math.max((a.split('.')[1] ?? '').length, (b.split('.')[1] ?? '').length);
    if (decimals > 0) {
      const f = 10 ** decimals;
      return (rng.int(Math.round(lo * f), Math.round(hi * f)) / f).toFixed(decimals);
    }
    const span = hi - lo;
    const step = span >= 2000 ? 100 : span >= 200 ? 10 : span >= 40 ? 5 : 1;
    const value = lo + step * rng.int(0, Math.floor(span / step));
    return String(value);
  });
}
