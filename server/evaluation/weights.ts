/**
 * Weighting methods. Expert weights come from the system; equal weights split each parent
 * evenly; the entropy method (熵权法) and CRITIC derive weights from the data. All return
 * weights that sum to 1.
 */
import { pearson, present, sampleSd } from './stats.js';
import type { Random } from './random.js';
import type { Direction } from './types.js';

/** A matrix given as rows (alternatives, here region-years) of columns (indicators); null = missing. */
export type Matrix = readonly (readonly (number | null)[])[];

/**
 * Scales weights to sum to 1. All-zero or empty input gives equal weights, so a caller never
 * divides by zero.
 *
 * @example normalizeWeights([2, 1, 1]) // [0.5, 0.25, 0.25]
 */
export function normalizeWeights(w: readonly number[]): number[] {
  const sum = w.reduce((s, x) => s + (Number.isFinite(x) && x > 0 ? x : 0), 0);
  if (!(sum > 0)) return w.map(() => 1 / w.length);
  return w.map((x) => (Number.isFinite(x) && x > 0 ? x / sum : 0));
}

/** n equal weights. */
export function equalWeights(n: number): number[] {
  return Array.from({ length: n }, () => 1 / n);
}

function column(m: Matrix, j: number): (number | null)[] {
  return m.map((row) => row[j] ?? null);
}

/**
 * Entropy weights (Shannon entropy method, 熵权法). For each column j with m present values:
 * p_ij = x_ij / Σ_i x_ij, e_j = −(1/ln m) Σ_i p_ij ln p_ij (0·ln 0 = 0), d_j = 1 − e_j,
 * w_j = d_j / Σ d_j. Values must be non-negative; the engine feeds it min–max normalised data.
 *
 * @example
 * // Xu (2004), EJOR 156(2) 530–532: four alternatives, four attributes
 * entropyWeights([[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]])
 * // ≈ [0.4630, 0.3992, 0.1378, 0.0000]
 */
export function entropyWeights(matrix: Matrix): number[] {
  const n = matrix.length > 0 ? matrix[0].length : 0;
  const d: number[] = [];
  for (let j = 0; j < n; j++) {
    const col = present(column(matrix, j));
    if (col.some((v) => v < 0)) throw new RangeError('entropy weights need non-negative values');
    const m = col.length;
    const sum = col.reduce((s, v) => s + v, 0);
    if (m < 2 || !(sum > 0)) {
      d.push(0);
      continue;
    }
    let h = 0;
    for (const v of col) {
      const p = v / sum;
      if (p > 0) h -= p * Math.log(p);
    }
    const e = h / Math.log(m);
    d.push(Math.max(0, 1 - e));
  }
  return normalizeWeights(d);
}

/**
 * CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995). Columns are min–max normalised
 * (reversed for direction −1), then C_j = σ_j Σ_k (1 − r_jk) and w_j = C_j / Σ C_j: a criterion
 * weighs more when it varies more and agrees less with the others. Constant columns carry no
 * information and are left out of the conflict sums.
 *
 * @example
 * // Tuş & Aytaç Adalı (2019), Opsearch 56(2) 528–538 (every column min–max normalised as benefit):
 * criticWeights([[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3],
 *                [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4]])
 * // ≈ [0.157, 0.249, 0.168, 0.121, 0.154, 0.151]
 */
export function criticWeights(matrix: Matrix, directions?: readonly Direction[]): number[] {
  const n = matrix.length > 0 ? matrix[0].length : 0;
  const cols: (number | null)[][] = [];
  const sd: number[] = [];
  for (let j = 0; j < n; j++) {
    const raw = column(matrix, j);
    const p = present(raw);
    const min = Math.min(...p);
    const max = Math.max(...p);
    const dir = directions?.[j] ?? 1;
    const norm = raw.map((v) => (v === null || !Number.isFinite(v) || !(max > min) ? null : dir === 1 ? (v - min) / (max - min) : (max - v) / (max - min)));
    cols.push(norm);
    const s = sampleSd(norm);
    sd.push(Number.isFinite(s) ? s : 0);
  }
  const c: number[] = [];
  for (let j = 0; j < n; j++) {
    if (!(sd[j] > 0)) {
      c.push(0);
      continue;
    }
    let conflict = 0;
    for (let k = 0; k < n; k++) {
      if (k === j || !(sd[k] > 0)) continue;
      const r = pearson(cols[j], cols[k]);
      conflict += 1 - (Number.isFinite(r) ? r : 0);
    }
    c.push(sd[j] * conflict);
  }
  return normalizeWeights(c);
}

/**
 * Perturbs weights as COINr's `get_noisy_weights`: each weight moves by a uniform fraction in
 * [−noise, +noise] of itself; the result is renormalised to sum to 1.
 *
 * @example perturbWeights([0.5, 0.5], 0.25, createRandom(1)) // e.g. [0.54, 0.46]
 */
export function perturbWeights(w: readonly number[], noise: number, rand: Random): number[] {
  return normalizeWeights(w.map((x) => x + (rand() * 2 - 1) * noise * x));
}
