/**
 * Weighted aggregation of one node's children, as COINr's `a_amean` and `a_gmean`: missing
 * children are dropped and the remaining weights rescaled to sum to 1 (the handbook's note:
 * this imputes the missing child with the weighted mean of the others).
 */
import type { AggregationMethod } from './types.js';

export interface AggregateResult {
  /** null when no child has data or coverage is below the threshold. */
  value: number | null;
  /** Share of the nominal weight whose children had data. */
  coverage: number;
  /** The weights actually applied (0 for missing children), summing to 1 when value is not null. */
  effectiveWeights: number[];
  /** How many values were raised to the floor before a geometric mean. */
  floored: number;
}

export interface AggregateOptions {
  /** Below this coverage the result is null (COINr's `dat_thresh`); default 0 (any data). */
  minCoverage?: number;
  /** Geometric mean only: values below are raised to it (log of zero is undefined). Default 1. */
  floor?: number;
}

/**
 * Aggregates values with weights.
 *
 * - arithmetic: Σ w_i x_i / Σ w_i;
 * - geometric: exp(Σ w_i ln x_i / Σ w_i), values below `floor` raised to it first. With scores on
 *   a 1–100 scale (min–max to [1, 100], COINr's own advice before a geometric mean) the floor
 *   never binds; it catches the zeros distance-to-target produces for a zero figure.
 *
 * @example
 * aggregate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'arithmetic').value // 4
 * aggregate([25, 100], [0.5, 0.5], 'geometric').value // 50
 */
export function aggregate(
  values: readonly (number | null)[],
  weights: readonly number[],
  method: AggregationMethod,
  options: AggregateOptions = {},
): AggregateResult {
  const floor = options.floor ?? 1;
  let total = 0;
  let used = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] > 0 ? weights[i] : 0;
    total += w;
    const v = values[i];
    if (v !== null && Number.isFinite(v)) used += w;
  }
  const coverage = total > 0 ? used / total : 0;
  const effectiveWeights = values.map((v, i) => (v !== null && Number.isFinite(v) && used > 0 && weights[i] > 0 ? weights[i] / used : 0));
  if (!(used > 0) || coverage < (options.minCoverage ?? 0)) {
    return { value: null, coverage, effectiveWeights: values.map(() => 0), floored: 0 };
  }
  let acc = 0;
  let floored = 0;
  for (let i = 0; i < values.length; i++) {
    const w = effectiveWeights[i];
    if (w === 0) continue;
    const v = values[i] as number;
    if (method === 'arithmetic') {
      acc += w * v;
    } else {
      let x = v;
      if (x < floor) {
        x = floor;
        floored++;
      }
      acc += w * Math.log(x);
    }
  }
  return { value: method === 'arithmetic' ? acc : Math.exp(acc), coverage, effectiveWeights, floored };
}
