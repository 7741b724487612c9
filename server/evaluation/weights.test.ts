import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { criticWeights, entropyWeights, equalWeights, normalizeWeights, perturbWeights } from './weights.js';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('entropy weights (熵权法)', () => {
  it('matches a hand computation', () => {
    // Columns [1, 2, 3] and [1, 1, 2], m = 3, k = 1/ln 3 = 0.910239.
    // Column 1: p = 1/6, 2/6, 3/6; h = −Σ p ln p = 0.298627 + 0.366204 + 0.346574 = 1.011404;
    //           e = h / ln 3 = 0.920620; d = 0.079380.
    // Column 2: p = 1/4, 1/4, 1/2; h = 0.346574 + 0.346574 + 0.346574 = 1.039721; e = 0.946395; d = 0.053605.
    // w = d / Σd = 0.079380 / 0.132985 = 0.596908 and 0.403092.
    const w = entropyWeights([
      [1, 1],
      [2, 1],
      [3, 2],
    ]);
    expect(w[0]).toBeCloseTo(0.596908, 6);
    expect(w[1]).toBeCloseTo(0.403092, 6);
  });

  it('reproduces Xu (2004), European Journal of Operational Research 156(2), 530–532', () => {
    // The worked example of the note: four alternatives, four benefit attributes; the published
    // entropy weights are 0.4630, 0.3992, 0.1378, 0.0000 (as also reproduced in the test suite of
    // the pyrepo-mcda library). The fourth attribute is nearly constant and gets no weight.
    const w = entropyWeights([
      [30, 30, 38, 29],
      [19, 54, 86, 29],
      [19, 15, 85, 28.9],
      [68, 70, 60, 29],
    ]);
    [0.463, 0.3992, 0.1378, 0.0].forEach((x, j) => expect(w[j]).toBeCloseTo(x, 4));
  });

  it('reproduces Zavadskas & Podvezko (2016), Int. J. of Information Technology & Decision Making 15(2), 267–283', () => {
    // Entropy weights of their four-criterion example, computed on the raw values: 0.1146, 0.1981, 0.4185, 0.2689.
    const w = entropyWeights([
      [3.0, 100, 10, 7],
      [2.5, 80, 8, 5],
      [1.8, 50, 20, 11],
      [2.2, 70, 12, 9],
    ]);
    [0.1146, 0.1981, 0.4185, 0.2689].forEach((x, j) => expect(w[j]).toBeCloseTo(x, 4));
  });

  it('reproduces Ersoy (2021), LogForum 17(3) — equipment selection with entropy-based TOPSIS', () => {
    // Six alternatives, six criteria; published weights 0.405, 0.221, 0.134, 0.199, 0.007, 0.034.
    const w = entropyWeights([
      [256, 8, 41, 1.6, 1.77, 7347.16],
      [256, 8, 32, 1.0, 1.8, 6919.99],
      [256, 8, 53, 1.6, 1.9, 8400],
      [256, 8, 41, 1.0, 1.75, 6808.9],
      [512, 8, 35, 1.6, 1.7, 8479.99],
      [256, 4, 35, 1.6, 1.7, 7499.99],
    ]);
    [0.405, 0.221, 0.134, 0.199, 0.007, 0.034].forEach((x, j) => expect(w[j]).toBeCloseTo(x, 3));
  });

  it('treats 0·ln 0 as 0, skips missing values and rejects negatives', () => {
    const w = entropyWeights([
      [0, 1],
      [0, null],
      [4, 3],
    ]);
    expect(sum(w)).toBeCloseTo(1, 12);
    expect(w.every((x) => x >= 0)).toBe(true);
    expect(() => entropyWeights([[-1], [2]])).toThrow(RangeError);
  });
});

describe('CRITIC weights', () => {
  it('matches a hand computation', () => {
    // Raw columns [0, 5, 10], [1, 2, 4], [3, 1, 2] → min–max [0, .5, 1], [0, 1/3, 1], [1, 0, .5].
    // Sample sd: 0.5, 0.509175, 0.5. Correlations r12 = 0.981981, r13 = −0.5, r23 = −0.327327.
    // C1 = 0.5 × ((1 − 0.981981) + (1 + 0.5)) = 0.759010
    // C2 = 0.509175 × ((1 − 0.981981) + (1 + 0.327327)) = 0.685017
    // C3 = 0.5 × ((1 + 0.5) + (1 + 0.327327)) = 1.413663
    // w = C / ΣC (2.857690) = 0.265603, 0.239710, 0.494687
    const w = criticWeights([
      [0, 1, 3],
      [5, 2, 1],
      [10, 4, 2],
    ]);
    [0.265603, 0.23971, 0.494687].forEach((x, j) => expect(w[j]).toBeCloseTo(x, 5));
  });

  it('reproduces Tuş & Aytaç Adalı (2019), Opsearch 56(2), 528–538 — CRITIC weights of six criteria', () => {
    // Time-and-attendance software selection, five alternatives. The published weights
    // 0.157, 0.249, 0.168, 0.121, 0.154, 0.151 (also reproduced in pyrepo-mcda's test suite)
    // come from min–max normalising every column as a benefit criterion, price included.
    const m = [
      [5000, 3, 3, 4, 3, 2],
      [680, 5, 3, 2, 2, 1],
      [2000, 3, 2, 3, 4, 3],
      [600, 4, 3, 1, 2, 2],
      [800, 2, 4, 3, 3, 4],
    ];
    const w = criticWeights(m);
    [0.157, 0.249, 0.168, 0.121, 0.154, 0.151].forEach((x, j) => expect(w[j]).toBeCloseTo(x, 3));
    // Treating price as a cost criterion (Diakoulaki's best/worst normalisation) flips its
    // correlations and so changes the weights: the direction matters to CRITIC.
    const directed = criticWeights(m, [-1, 1, 1, 1, 1, 1]);
    expect(directed[0]).toBeCloseTo(0.1841, 4);
  });

  it('gives constant columns no weight and does not let them inflate the others', () => {
    const base = criticWeights([
      [0, 1],
      [5, 3],
      [10, 2],
    ]);
    const withConstant = criticWeights([
      [0, 1, 7],
      [5, 3, 7],
      [10, 2, 7],
    ]);
    expect(withConstant[2]).toBe(0);
    expect(withConstant[0]).toBeCloseTo(base[0], 12);
  });
});

describe('weight helpers', () => {
  it('normalises to sum 1 and falls back to equal weights', () => {
    expect(normalizeWeights([2, 1, 1])).toEqual([0.5, 0.25, 0.25]);
    expect(normalizeWeights([0, 0])).toEqual([0.5, 0.5]);
    expect(equalWeights(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('perturbs within ±noise of each weight before renormalising, deterministically', () => {
    const w = [0.5, 0.3, 0.2];
    for (let k = 0; k < 200; k++) {
      const p = perturbWeights(w, 0.25, createRandom(k));
      expect(sum(p)).toBeCloseTo(1, 12);
      // After renormalisation a weight can move at most by the factor (1 ± 0.25)/(1 ∓ 0.25).
      p.forEach((x, j) => {
        expect(x).toBeGreaterThanOrEqual((w[j] * 0.75) / 1.25 - 1e-12);
        expect(x).toBeLessThanOrEqual((w[j] * 1.25) / 0.75 + 1e-12);
      });
    }
    expect(perturbWeights(w, 0.25, createRandom('a'))).toEqual(perturbWeights(w, 0.25, createRandom('a')));
  });
});
