/**
 * Descriptive statistics with the conventions COINr uses, so that a figure computed here can be
 * checked against R: sample standard deviation (n − 1), skewness and kurtosis of type 2 (the
 * e1071 / Excel definitions, Joanes & Gill 1998), quantiles of type 7 (R's default, Hyndman &
 * Fan 1996), ranks with ties sharing the better position. Missing values (null or NaN) are skipped.
 */

/** Keeps the finite numbers of a vector (null, undefined and NaN are missing). */
export function present(xs: ArrayLike<number | null | undefined>): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** Arithmetic mean of the present values; NaN when there are none. */
export function mean(xs: ArrayLike<number | null | undefined>): number {
  const v = present(xs);
  if (v.length === 0) return NaN;
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}

/**
 * Sample standard deviation (divisor n − 1, as R's `sd()`); NaN with fewer than two values.
 *
 * @example sampleSd([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138…
 */
export function sampleSd(xs: ArrayLike<number | null | undefined>): number {
  const v = present(xs);
  if (v.length < 2) return NaN;
  const m = mean(v);
  let ss = 0;
  for (const x of v) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (v.length - 1));
}

/** Sorted copy of the present values. */
export function sorted(xs: ArrayLike<number | null | undefined>): number[] {
  return present(xs).sort((a, b) => a - b);
}

/**
 * Quantile of type 7 (R's default): h = (n − 1)p, linear between the neighbours of h.
 *
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(xs: ArrayLike<number | null | undefined>, p: number): number {
  const v = sorted(xs);
  return quantileSorted(v, p);
}

/** {@link quantile} for values already sorted ascending (no missing values). */
export function quantileSorted(v: readonly number[], p: number): number {
  if (v.length === 0) return NaN;
  const h = (v.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, v.length - 1);
  return v[lo] + (h - lo) * (v[hi] - v[lo]);
}

/** Median of the present values (type-7 quantile at 0.5). */
export function median(xs: ArrayLike<number | null | undefined>): number {
  return quantile(xs, 0.5);
}

/**
 * Skewness as COINr's `skew()` (e1071 type 2, Excel's SKEW): √(n(n−1))/(n−2) · g1, where
 * g1 = √n Σd³ / (Σd²)^1.5. Needs at least 3 values; NaN otherwise or when all values are equal.
 *
 * @example skew([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]) // 3.0632…
 */
export function skew(xs: ArrayLike<number | null | undefined>): number {
  const v = present(xs);
  const n = v.length;
  if (n < 3) return NaN;
  const m = mean(v);
  let s2 = 0;
  let s3 = 0;
  for (const x of v) {
    const d = x - m;
    s2 += d * d;
    s3 += d * d * d;
  }
  if (s2 === 0) return NaN;
  const g1 = (Math.sqrt(n) * s3) / Math.pow(s2, 1.5);
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}

/**
 * Excess kurtosis as COINr's `kurt()` (e1071 type 2, Excel's KURT):
 * ((n+1)(r − 3) + 6)(n − 1) / ((n − 2)(n − 3)), where r = n Σd⁴ / (Σd²)². Needs at least 4 values.
 *
 * @example kurt([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]) // 9.7414…
 */
export function kurt(xs: ArrayLike<number | null | undefined>): number {
  const v = present(xs);
  const n = v.length;
  if (n < 4) return NaN;
  const m = mean(v);
  let s2 = 0;
  let s4 = 0;
  for (const x of v) {
    const d = x - m;
    const d2 = d * d;
    s2 += d2;
    s4 += d2 * d2;
  }
  if (s2 === 0) return NaN;
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/**
 * Pearson correlation over the pairs where both values are present; NaN when fewer than two
 * pairs or when either side is constant.
 */
export function pearson(x: ArrayLike<number | null | undefined>, y: ArrayLike<number | null | undefined>): number {
  const xs: number[] = [];
  const ys: number[] = [];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    if (typeof a === 'number' && Number.isFinite(a) && typeof b === 'number' && Number.isFinite(b)) {
      xs.push(a);
      ys.push(b);
    }
  }
  if (xs.length < 2) return NaN;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Ranks with 1 for the highest value and ties sharing the better rank ("sport" ranking, as
 * COINr's `rank(-x, ties.method = "min")`). Missing values get NaN.
 *
 * @example rankDescending([10, 30, 30, null, 5]) // [3, 1, 1, NaN, 4]
 */
export function rankDescending(xs: ArrayLike<number | null | undefined>): number[] {
  const idx: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (typeof v === 'number' && Number.isFinite(v)) idx.push(i);
  }
  const val = (i: number) => xs[i] as number;
  idx.sort((a, b) => val(b) - val(a));
  const out = new Array<number>(xs.length).fill(NaN);
  for (let k = 0; k < idx.length; k++) {
    out[idx[k]] = k > 0 && val(idx[k]) === val(idx[k - 1]) ? out[idx[k - 1]] : k + 1;
  }
  return out;
}

/**
 * Ranks with 1 for the lowest value, ties sharing the lower rank (R's `rank(x, ties.method = "min")`,
 * COINr's `n_rank`). Missing values get NaN.
 */
export function rankAscending(xs: ArrayLike<number | null | undefined>): number[] {
  const neg: (number | null)[] = [];
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    neg.push(typeof v === 'number' && Number.isFinite(v) ? -v : null);
  }
  return rankDescending(neg);
}
