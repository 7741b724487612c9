/**
 * A small seeded pseudo-random generator, so that a Monte Carlo run published in a report can be
 * repeated exactly: the same seed gives the same draws on every machine (Math.random cannot).
 * mulberry32 is a 32-bit generator with a full 2^32 period — ample for thousands of runs of a
 * few hundred draws each, and fast because it stays in 32-bit integer arithmetic.
 */

/** A function returning uniform draws in [0, 1). */
export type Random = () => number;

/** Folds a string seed into 32 bits (FNV-1a), so seeds such as '2024-county' are accepted. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Creates a deterministic generator.
 *
 * @example
 * const rand = createRandom(42);
 * rand(); // 0.6011037519201636, on every run
 */
export function createRandom(seed: number | string): Random {
  let a = (typeof seed === 'string' ? hashSeed(seed) : Math.trunc(seed)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
