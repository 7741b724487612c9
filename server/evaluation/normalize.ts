/**
 * Normalisation of one indicator's values onto a common scale, direction-aware.
 *
 * As in COINr, a direction of −1 is applied by multiplying the values by −1 before min–max,
 * z-score and rank normalisation, so "lower is better" indicators come out with the best region
 * on top. Distance to target follows the national monitoring style instead: x / target × 100
 * capped at 100 for +1 indicators, target / x × 100 capped at 100 for −1 indicators.
 */
import { mean, rankAscending, sampleSd } from './stats.js';
import type { Direction, NormalizationMethod } from './types.js';

export interface NormalizeSpec {
  method: NormalizationMethod;
  direction?: Direction;
  /** Output interval for 'minmax' and 'rank'; default [0, 100]. */
  range?: [number, number];
  /** z-score output mean and standard deviation; default 100 and 10. */
  zMean?: number;
  zSd?: number;
  /** Required for 'target'. */
  target?: number;
}

export interface NormalizeParams {
  min?: number;
  max?: number;
  mean?: number;
  sd?: number;
  target?: number;
  count: number;
  /** True when the values do not vary and every region got the middle of the scale. */
  constant: boolean;
}

export interface NormalizeResult {
  values: (number | null)[];
  params: NormalizeParams;
}

function finite(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Normalises a vector (one indicator over the regions and years in scope).
 *
 * - minmax: (x − min)/(max − min) × (hi − lo) + lo (COINr `n_minmax`, default 0–100);
 * - zscore: (x − mean)/sd × zSd + zMean with the sample sd (COINr `n_zscore`);
 * - target: min(x/target, 1) × 100, or min(target/x, 1) × 100 when lower is better;
 * - rank: percentile rank (rank − 1)/(n − 1) scaled to the range (COINr `n_prank`, ties share the lower rank).
 *
 * A constant indicator has no spread to scale; every present value gets the middle of the
 * output scale, so it shifts all regions equally and leaves ranks alone.
 *
 * @example
 * normalizeValues([2, 4, 6], { method: 'minmax' }).values            // [0, 50, 100]
 * normalizeValues([2, 4, 6], { method: 'minmax', direction: -1 }).values // [100, 50, 0]
 * normalizeValues([1, 2.5, 3], { method: 'target', target: 2.5 }).values // [40, 100, 100]
 */
export function normalizeValues(x: readonly (number | null)[], spec: NormalizeSpec): NormalizeResult {
  const dir = spec.direction ?? 1;
  const [lo, hi] = spec.range ?? [0, 100];
  const count = x.filter(finite).length;

  if (spec.method === 'target') {
    const t = spec.target;
    if (!(typeof t === 'number' && t > 0)) throw new RangeError('distance to target needs a positive target');
    const values = x.map((v) => {
      if (!finite(v)) return null;
      if (dir === 1) return Math.min(Math.max(v / t, 0), 1) * 100;
      // Lower is better: at or below the target scores 100; above it, target/x of the way.
      return v <= t ? 100 : (t / v) * 100;
    });
    return { values, params: { target: t, count, constant: false } };
  }

  const d = x.map((v) => (finite(v) ? v * dir : null));

  if (spec.method === 'minmax') {
    let min = Infinity;
    let max = -Infinity;
    for (const v of d) {
      if (v === null) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const constant = count > 0 && max === min;
    const values = d.map((v) => (v === null ? null : constant ? (lo + hi) / 2 : ((v - min) / (max - min)) * (hi - lo) + lo));
    // Report bounds on the original scale so a reader can check x against them.
    const params: NormalizeParams = count > 0 ? { min: dir === 1 ? min : -max, max: dir === 1 ? max : -min, count, constant } : { count, constant };
    return { values, params };
  }

  if (spec.method === 'zscore') {
    const zMean = spec.zMean ?? 100;
    const zSd = spec.zSd ?? 10;
    const m = mean(d);
    const s = sampleSd(d);
    const constant = count > 0 && !(s > 0);
    const values = d.map((v) => (v === null ? null : constant ? zMean : ((v - m) / s) * zSd + zMean));
    return { values, params: { mean: m * dir, sd: s, count, constant } };
  }

  // rank: percentile rank of the direction-adjusted values.
  const ranks = rankAscending(d);
  const constant = count > 0 && d.every((v) => v === null || v === d.find((u) => u !== null));
  const values = d.map((v, i) => {
    if (v === null) return null;
    if (count === 1 || constant) return (lo + hi) / 2;
    return ((ranks[i] - 1) / (count - 1)) * (hi - lo) + lo;
  });
  return { values, params: { count, constant } };
}
