import { describe, expect, it } from 'vitest';
import { checkSkewKurt, logCT, treatOutliers, winsorise } from './treat.js';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('COINr outlier treatment', () => {
  it('reproduces the winsorise() reference example of COINr', () => {
    // https://bluefoxr.github.io/COINr/reference/winsorise.html — x <- c(1:10, 30, 100);
    // winsorise(x, skew_thresh = 2, kurt_thresh = 3.5) prints
    //   $x  1 2 3 4 5 6 7 8 9 10 30 30   $nwin 1   $treated "" … "" "winhi"
    const x = [...range(1, 10), 30, 100];
    const res = winsorise(x, { skewThreshold: 2, kurtThreshold: 3.5 });
    expect(res.values).toEqual([...range(1, 10), 30, 30]);
    expect(res.nwin).toBe(1);
    expect(res.treated).toEqual([...Array(11).fill(null), 'high']);
  });

  it('reproduces COINr\'s own test "treat_num" (tests/testthat/test-treat.R)', () => {
    // x <- c(1:10, 100): fails check_SkewKurt; Treat(x, winsorise, winmax = 5) sets 100 to 10 and passes.
    const x = [...range(1, 10), 100];
    expect(checkSkewKurt(x).pass).toBe(false);
    const t = treatOutliers(x, { winmax: 5 });
    expect(t.method).toBe('winsorise');
    expect(t.values[10]).toBe(10);
    expect(t.values.slice(0, 10)).toEqual(range(1, 10));
    expect(checkSkewKurt(t.values).pass).toBe(true);

    // x <- c(1:20, 100, 200) with winmax = 1: one point winsorised (200 → 100) does not pass.
    // By hand: before skew 3.586, kurt 13.34; after 200 → 100 skew 2.817, kurt 7.134 — both still over.
    const y = [...range(1, 20), 100, 200];
    const w1 = winsorise(y, { winmax: 1 });
    expect(w1.values[21]).toBe(100);
    expect(w1.nwin).toBe(1);
    expect(checkSkewKurt(w1.values).pass).toBe(false);
  });

  it('falls back to log_CT of the original values when winsorising up to winmax does not pass', () => {
    // COINr's default f2 = "log_CT", combine_treat = FALSE: ln(x − min + 0.01 (max − min)) on the
    // untreated x = c(1:20, 100, 200): shift = −1 + 1.99 = 0.99.
    const y = [...range(1, 20), 100, 200];
    const t = treatOutliers(y, { winmax: 1 });
    expect(t.method).toBe('log');
    t.values.forEach((v, i) => expect(v).toBeCloseTo(Math.log(y[i] - 1 + 0.01 * 199), 12));
    // After the log the skew is 0.9695 and kurtosis 2.246: it passes.
    expect(t.after.pass).toBe(true);
    expect(t.after.skew).toBeCloseTo(0.9695, 4);
  });

  it('winsorises tied extremes together and counts them (COINr nwin)', () => {
    // Default winmax 5 on c(1:20, 100, 200): 200 → 100 (1 point, still failing), then both 100s → 20
    // (2 points). 1:20, 20, 20 has skew −0.094: passes.
    const y = [...range(1, 20), 100, 200];
    const t = treatOutliers(y);
    expect(t.method).toBe('winsorise');
    expect(t.values).toEqual([...range(1, 20), 20, 20]);
    expect(t.winsorised).toBe(2);
  });

  it('winsorises at the low end when the skew is negative', () => {
    // c(-100, 1:10): skew −3.27, kurt 10.76 → −100 becomes the next lowest, 1.
    const t = treatOutliers([-100, ...range(1, 10)]);
    expect(t.values).toEqual([1, ...range(1, 10)]);
    expect(t.treated[0]).toBe('winsorised');
  });

  it('leaves passing indicators alone and keeps missing values in place', () => {
    const x = [3, null, 5, 4, 6, 5];
    const t = treatOutliers(x);
    expect(t.method).toBe('none');
    expect(t.values).toEqual(x);
    const y = [...range(1, 10), null, 100];
    const ty = treatOutliers(y);
    expect(ty.values[10]).toBeNull();
    expect(ty.values[11]).toBe(10);
  });

  it('passes when either threshold holds (only both together fail)', () => {
    // |skew| ≥ 2 but kurtosis under 3.5 is not an outlier problem in COINr's test.
    const c = checkSkewKurt([1, 2, 3, 4, 5], { skewThreshold: 0, kurtThreshold: 100 });
    expect(c.pass).toBe(true);
    expect(checkSkewKurt([1, 2]).pass).toBeNull();
  });

  it('log_CT keeps order and handles zero', () => {
    // min 0, max 100: shift 0.01 × 100 = 1 → ln 1, ln 2, ln 101
    const v = logCT([0, 1, 100]) as number[];
    expect(v[0]).toBeCloseTo(0, 12);
    expect(v[1]).toBeCloseTo(Math.log(2), 12);
    expect(v[2]).toBeCloseTo(Math.log(101), 12);
  });
});
