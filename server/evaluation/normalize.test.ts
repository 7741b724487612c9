import { describe, expect, it } from 'vitest';
import { normalizeValues } from './normalize.js';

describe('normalisation', () => {
  it('min–max to 0–100 (COINr n_minmax), reversed for direction −1', () => {
    // (x − 2)/(6 − 2) × 100
    expect(normalizeValues([2, 4, 6, null], { method: 'minmax' }).values).toEqual([0, 50, 100, null]);
    // −x: min −6, max −2 → (−x + 6)/4 × 100
    const rev = normalizeValues([2, 4, 6], { method: 'minmax', direction: -1 });
    expect(rev.values).toEqual([100, 50, 0]);
    // Bounds are reported on the original scale.
    expect(rev.params).toMatchObject({ min: 2, max: 6 });
  });

  it('min–max onto another interval (COINr advice [1, 100] before a geometric mean)', () => {
    // (x − 2)/4 × 99 + 1
    expect(normalizeValues([2, 4, 6], { method: 'minmax', range: [1, 100] }).values).toEqual([1, 50.5, 100]);
  });

  it('gives a constant indicator the middle of the scale', () => {
    const r = normalizeValues([3, 3, null], { method: 'minmax' });
    expect(r.values).toEqual([50, 50, null]);
    expect(r.params.constant).toBe(true);
  });

  it('z-scores with the sample sd, rescaled to mean 100 and sd 10 by default', () => {
    // mean 4, sd √((4 + 0 + 4)/2) = 2 → z = −1, 0, 1 → 90, 100, 110
    expect(normalizeValues([2, 4, 6], { method: 'zscore' }).values).toEqual([90, 100, 110]);
    expect(normalizeValues([2, 4, 6], { method: 'zscore', zMean: 0, zSd: 1 }).values).toEqual([-1, 0, 1]);
    expect(normalizeValues([2, 4, 6], { method: 'zscore', direction: -1 }).values).toEqual([110, 100, 90]);
  });

  it('distance to target capped at 100, the national monitoring style', () => {
    // R&D intensity 1.0 %, 2.5 %, 3.0 % against a 2.5 % target: 40, 100, 100 (capped).
    expect(normalizeValues([1, 2.5, 3], { method: 'target', target: 2.5 }).values).toEqual([40, 100, 100]);
    // Energy per GDP (lower is better) 0.8, 1.0, 2.0 against 1.0: 100, 100, 1.0/2.0 × 100 = 50.
    expect(normalizeValues([0.8, 1, 2], { method: 'target', target: 1, direction: -1 }).values).toEqual([100, 100, 50]);
    expect(() => normalizeValues([1], { method: 'target' })).toThrow(RangeError);
  });

  it('percentile ranks with ties sharing the lower rank (COINr n_prank)', () => {
    // ascending ranks 1, 2, 2, 4 → (r − 1)/(4 − 1) × 100
    const v = normalizeValues([1, 5, 5, 9], { method: 'rank' }).values as number[];
    expect(v[0]).toBe(0);
    expect(v[1]).toBeCloseTo(100 / 3, 10);
    expect(v[2]).toBeCloseTo(100 / 3, 10);
    expect(v[3]).toBe(100);
    expect(normalizeValues([1, 5, 9], { method: 'rank', direction: -1 }).values).toEqual([100, 50, 0]);
  });
});
