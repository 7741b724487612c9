import { describe, expect, it } from 'vitest';
import { kurt, mean, median, pearson, quantile, rankAscending, rankDescending, sampleSd, skew } from './stats.js';

describe('descriptive statistics (R / COINr conventions)', () => {
  it('skips missing values', () => {
    expect(mean([1, null, 3, Number.NaN])).toBe(2);
    expect(median([5, null, 1, 3])).toBe(3);
  });

  it('uses the sample standard deviation (n − 1), as R sd()', () => {
    // mean 5; squared deviations 9 1 1 1 0 0 4 16 = 32; 32 / 7 = 4.5714…; √ = 2.13809
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.13809, 5);
  });

  it('takes quantiles of type 7 (R default)', () => {
    // h = (n − 1)p: p = 0.05 → h = 0.15 → 1 + 0.15 × (2 − 1) = 1.15
    expect(quantile([4, 3, 2, 1], 0.05)).toBeCloseTo(1.15, 12);
    // p = 0.95 → h = 2.85 → 3 + 0.85 × 1 = 3.85
    expect(quantile([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('computes skewness and kurtosis of type 2 on COINr\'s outlier example', () => {
    // x = c(1:10, 30, 100), the example of COINr's treat vignette and winsorise() reference.
    // By hand: mean = 185/12 = 15.4167; Σd² = 8 432.92, Σd³ = 596 032.99, Σd⁴ = 51 376 410.04
    // g1 = √12 · Σd³ / Σd²^1.5 = 2.6662; skew = g1 · √(12·11) / 10 = 3.0632
    // r = 12 · Σd⁴ / (Σd²)² = 8.6694; kurt = (13 (r − 3) + 6) · 11 / (10 · 9) = 9.7414
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
    expect(skew(x)).toBeCloseTo(3.06324, 4);
    expect(kurt(x)).toBeCloseTo(9.74139, 4);
  });

  it('returns NaN where the moments are undefined', () => {
    expect(skew([1, 2])).toBeNaN();
    expect(kurt([1, 2, 3])).toBeNaN();
    expect(skew([5, 5, 5, 5])).toBeNaN();
  });

  it('correlates over complete pairs only', () => {
    expect(pearson([1, 2, 3, null], [2, 4, 6, 100])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('ranks with ties sharing the better position', () => {
    expect(rankDescending([10, 30, 30, null, 5])).toEqual([3, 1, 1, NaN, 4]);
    expect(rankAscending([10, 30, 30, null, 5])).toEqual([2, 3, 3, NaN, 1]);
  });
});
