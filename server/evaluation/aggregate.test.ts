import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.js';

describe('aggregation', () => {
  it('weighted arithmetic mean: COINr a_amean reference example', () => {
    // https://bluefoxr.github.io/COINr/reference/a_amean.html — x <- 1:10; w <- 10:1; a_amean(x, w)
    // By hand: Σ w x = 1·10 + 2·9 + … + 10·1 = 220, Σ w = 55 → 220 / 55 = 4.
    const r = aggregate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'arithmetic');
    expect(r.value).toBeCloseTo(4, 12);
    expect(r.coverage).toBe(1);
  });

  it('weighted geometric mean (COINr a_gmean)', () => {
    // √(25 · 100) = 50; 16^0.25 · 81^0.75 = 2 · 27 = 54
    expect(aggregate([25, 100], [1, 1], 'geometric').value).toBeCloseTo(50, 12);
    expect(aggregate([16, 81], [0.25, 0.75], 'geometric').value).toBeCloseTo(54, 12);
  });

  it('is never above the arithmetic mean for the same inputs (AM–GM)', () => {
    const x = [12, 80, 45, 3];
    const w = [0.1, 0.4, 0.3, 0.2];
    const am = aggregate(x, w, 'arithmetic').value as number;
    const gm = aggregate(x, w, 'geometric').value as number;
    expect(gm).toBeLessThan(am);
  });

  it('drops missing children and rescales the remaining weights', () => {
    // weights 0.5, 0.3, 0.2 with the second missing → 0.5/0.7 · 10 + 0.2/0.7 · 80 = 7.142857 + 22.857143 = 30
    const r = aggregate([10, null, 80], [0.5, 0.3, 0.2], 'arithmetic');
    expect(r.value).toBeCloseTo(30, 12);
    expect(r.coverage).toBeCloseTo(0.7, 12);
    expect(r.effectiveWeights[0]).toBeCloseTo(0.5 / 0.7, 12);
    expect(r.effectiveWeights[1]).toBe(0);
  });

  it('returns null under the coverage threshold or without data', () => {
    expect(aggregate([10, null, null], [0.5, 0.3, 0.2], 'arithmetic', { minCoverage: 0.6 }).value).toBeNull();
    expect(aggregate([null, null], [1, 1], 'arithmetic').value).toBeNull();
  });

  it('raises zeros to the floor before a geometric mean instead of zeroing the region', () => {
    // max(0, 1) = 1: √(1 · 100) = 10
    const r = aggregate([0, 100], [1, 1], 'geometric');
    expect(r.value).toBeCloseTo(10, 12);
    expect(r.floored).toBe(1);
  });
});
