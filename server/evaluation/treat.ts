/**
 * Outlier treatment as COINr's default `Treat()` (v1.x), step for step, so that treated
 * values can be checked against R:
 *
 * 1. An indicator passes when |skew| < 2 OR kurtosis < 3.5 (`check_SkewKurt`, type-2 moments).
 * 2. If it fails, winsorise (`winsorise`): while failing and fewer than `winmax` (5) points have
 *    been changed, set the highest value(s) to the next highest when skew ≥ 0, else the lowest to
 *    the next lowest. Tied extremes move together and all count.
 * 3. If it still fails, discard the winsorisation and log-transform the ORIGINAL values with
 *    `log_CT`: ln(x − min + 0.01·(max − min)) — order-preserving and defined for negatives.
 *
 * Missing values (null) are left where they are and ignored by the statistics.
 */
import { kurt, skew } from './stats.js';

export interface SkewKurtOptions {
  skewThreshold?: number;
  kurtThreshold?: number;
}

export interface SkewKurtCheck {
  /** True when |skew| < skewThreshold or kurt < kurtThreshold; null when not computable. */
  pass: boolean | null;
  skew: number;
  kurt: number;
}

/**
 * COINr's `check_SkewKurt`: fails only when both |skewness| ≥ 2 and kurtosis ≥ 3.5.
 *
 * @example checkSkewKurt([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]) // { pass: false, skew: 3.06…, kurt: 9.74… }
 */
export function checkSkewKurt(x: readonly (number | null)[], options: SkewKurtOptions = {}): SkewKurtCheck {
  const st = options.skewThreshold ?? 2;
  const kt = options.kurtThreshold ?? 3.5;
  const s = skew(x);
  const k = kurt(x);
  // COINr returns NA here and leaves the vector untreated: too few points or no variation.
  if (!Number.isFinite(s) || !Number.isFinite(k)) return { pass: null, skew: s, kurt: k };
  return { pass: Math.abs(s) < st || k < kt, skew: s, kurt: k };
}

export interface WinsoriseOptions extends SkewKurtOptions {
  /** Most points to change; default 5 (COINr's default). */
  winmax?: number;
}

export interface WinsoriseResult {
  values: (number | null)[];
  /** Points changed, counted as COINr does (the current high set plus the current low set). */
  nwin: number;
  /** Per position: 'high' / 'low' when winsorised at that end, else null. */
  treated: ('high' | 'low' | null)[];
}

function extreme(x: (number | null)[], high: boolean, excluding?: Set<number>): number {
  let best = high ? -Infinity : Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === null || excluding?.has(i)) continue;
    if (high ? v > best : v < best) best = v;
  }
  return best;
}

/**
 * COINr's `winsorise`: successively reassigns the most extreme value(s) to the next value
 * inwards until the skew/kurtosis check passes or `winmax` points have been changed.
 *
 * @example
 * // COINr's reference example (bluefoxr.github.io/COINr/reference/winsorise.html):
 * winsorise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]).values // [1 … 10, 30, 30], nwin 1
 */
export function winsorise(x: readonly (number | null)[], options: WinsoriseOptions = {}): WinsoriseResult {
  const winmax = options.winmax ?? 5;
  const values = x.slice();
  let imax: number[] = [];
  let imin: number[] = [];
  let nwin = 0;
  let passing = checkSkewKurt(values, options).pass;
  if (passing === false) {
    while (passing === false && nwin < winmax) {
      const high = skew(values) >= 0;
      const target = extreme(values, high);
      const positions: number[] = [];
      for (let i = 0; i < values.length; i++) if (values[i] === target) positions.push(i);
      const next = extreme(values, high, new Set(positions));
      if (!Number.isFinite(next)) break; // every present value is tied: nothing inwards to move to
      for (const i of positions) values[i] = next;
      if (high) imax = positions;
      else imin = positions;
      nwin = imax.length + imin.length;
      passing = checkSkewKurt(values, options).pass;
    }
  }
  const treated: ('high' | 'low' | null)[] = values.map(() => null);
  for (const i of imax) treated[i] = 'high';
  for (const i of imin) treated[i] = 'low';
  return { values, nwin, treated };
}

/**
 * COINr's `log_CT`: ln(x − min(x) + 0.01·(max(x) − min(x))). The small offset keeps the minimum
 * finite and makes the transform work for zero and negative values.
 *
 * @example logCT([0, 1, 100]) // [ln 1, ln 2, ln 101]
 */
export function logCT(x: readonly (number | null)[]): (number | null)[] {
  const lo = extreme(x as (number | null)[], false);
  const hi = extreme(x as (number | null)[], true);
  const shift = -lo + 0.01 * (hi - lo);
  return x.map((v) => (v === null ? null : Math.log(v + shift)));
}

export interface TreatResult {
  values: (number | null)[];
  method: 'none' | 'winsorise' | 'log';
  /** Points winsorised (0 unless method is 'winsorise'). */
  winsorised: number;
  treated: ('winsorised' | 'log' | null)[];
  before: SkewKurtCheck;
  after: SkewKurtCheck;
}

/**
 * COINr's default two-stage treatment (`Treat()` with f1 = winsorise, f2 = log_CT,
 * f_pass = check_SkewKurt, combine_treat = FALSE).
 *
 * @example
 * treatOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]).values // 100 → 10, then it passes
 */
export function treatOutliers(x: readonly (number | null)[], options: WinsoriseOptions = {}): TreatResult {
  const before = checkSkewKurt(x, options);
  if (before.pass !== false) {
    return { values: x.slice(), method: 'none', winsorised: 0, treated: x.map(() => null), before, after: before };
  }
  const win = winsorise(x, options);
  const afterWin = checkSkewKurt(win.values, options);
  if (afterWin.pass !== false) {
    return {
      values: win.values,
      method: 'winsorise',
      winsorised: win.treated.filter((t) => t !== null).length,
      treated: win.treated.map((t) => (t === null ? null : 'winsorised')),
      before,
      after: afterWin,
    };
  }
  // combine_treat = FALSE: the log transform is applied to the original values, not the winsorised ones.
  const logged = logCT(x);
  return {
    values: logged,
    method: 'log',
    winsorised: 0,
    treated: logged.map((v) => (v === null ? null : 'log')),
    before,
    after: checkSkewKurt(logged, options),
  };
}
