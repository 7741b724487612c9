import { describe, expect, it } from 'vitest';
import { computeIndex, getScoreRow } from './compute.js';
import { sampleData } from './sample-data.js';
import { sensitivity } from './sensitivity.js';
import { templates } from './templates/index.js';
import type { IndicatorSystem, Observation } from './types.js';

const counties = Array.from({ length: 22 }, (_, i) => ({ code: `64${String(100 + i)}` }));
const years = [2020, 2021, 2022, 2023, 2024];
const data = sampleData(templates.countyInnovation, { regions: counties, years, seed: 21, missingShare: 0.02 });
const options = { imputation: ['carry-forward', 'mean'] as ('carry-forward' | 'mean')[] };

describe('uncertainty analysis (Monte Carlo over weights and methods)', () => {
  const ua = sensitivity(templates.countyInnovation, data, options, { runs: 500, seed: 2024 });

  it('agrees with computeIndex on the nominal scores and ranks', () => {
    const res = computeIndex(templates.countyInnovation, data, options);
    for (const r of ua.regions) {
      const row = getScoreRow(res, r.region, 2024);
      expect(r.nominalScore).toBeCloseTo(row?.score as number, 10);
      expect(r.nominalRank).toBe(row?.rank);
    }
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const again = sensitivity(templates.countyInnovation, data, options, { runs: 500, seed: 2024 });
    expect(again).toEqual(ua);
    const other = sensitivity(templates.countyInnovation, data, options, { runs: 500, seed: 7 });
    expect(other.regions.map((r) => r.meanRank)).not.toEqual(ua.regions.map((r) => r.meanRank));
  });

  it('gives ordered intervals within 1…n, containing the median', () => {
    for (const r of ua.regions) {
      const q5 = r.q5 as number;
      const q95 = r.q95 as number;
      expect(q5).toBeGreaterThanOrEqual(1);
      expect(q95).toBeLessThanOrEqual(22);
      expect(q5).toBeLessThanOrEqual(r.medianRank as number);
      expect(r.medianRank as number).toBeLessThanOrEqual(q95);
      expect(r.minRank as number).toBeLessThanOrEqual(q5);
      expect(r.maxRank as number).toBeGreaterThanOrEqual(q95);
    }
  });

  it('contains the nominal rank in the 5–95 % interval under weight noise alone', () => {
    // Symmetric noise around the nominal weights with the nominal methods: every region's nominal
    // rank lies within its interval.
    const w = sensitivity(templates.countyInnovation, data, options, {
      runs: 1000,
      seed: 1,
      normalizations: ['minmax'],
      aggregations: ['arithmetic'],
    });
    for (const r of w.regions) expect(r.nominalInInterval, r.region).toBe(true);
  });

  it('collapses to the nominal ranks without noise or alternatives', () => {
    const z = sensitivity(templates.countyInnovation, data, options, {
      runs: 20,
      weightNoise: 0,
      normalizations: ['minmax'],
      aggregations: ['arithmetic'],
      removal: false,
    });
    for (const r of z.regions) {
      expect(r.q5).toBe(r.nominalRank);
      expect(r.q95).toBe(r.nominalRank);
    }
    expect(z.meanAbsRankShift).toBe(0);
    expect(z.removal).toEqual([]);
  });

  it('varies the methods it is given and reports them', () => {
    expect(ua.alternatives).toEqual({ normalizations: ['minmax', 'zscore'], aggregations: ['arithmetic', 'geometric'], weightMethods: ['expert'] });
    const many = sensitivity(templates.countyInnovation, data, options, {
      runs: 200,
      normalizations: ['minmax', 'zscore', 'rank', 'target'],
      weightMethods: ['expert', 'equal', 'entropy', 'critic'],
      keepRuns: true,
    });
    expect(many.runRanks).toHaveLength(200);
    expect(many.runRanks?.[0]).toHaveLength(22);
  });
});

describe('removing one indicator', () => {
  const t = (zh: string) => ({ zh, en: zh });
  // x1 decides the order (a > b > c); x2 and x3 say the opposite, weakly.
  const sys: IndicatorSystem = {
    code: 's',
    version: '1',
    name: t('s'),
    indicators: [
      { code: 'P', name: t('P'), parent: null, weight: 1 },
      { code: 'x1', name: t('x1'), parent: 'P', weight: 0.8, unit: '个' },
      { code: 'x2', name: t('x2'), parent: 'P', weight: 0.1, unit: '个' },
      { code: 'x3', name: t('x3'), parent: 'P', weight: 0.1, unit: '个' },
    ],
  };
  const obs: Observation[] = [];
  const v: Record<string, number[]> = { a: [10, 0, 0], b: [5, 5, 5], c: [0, 10, 10] };
  for (const [region, xs] of Object.entries(v)) xs.forEach((value, k) => obs.push({ region, year: 2024, indicator: `x${k + 1}`, value }));

  it('finds the indicator the ranking depends on', () => {
    // Nominal: a = 0.8·100 = 80, b = 50, c = 0.2·100 = 20 → a, b, c.
    // Without x1: a 0, b 50, c 100 → c, b, a: a and c move by two places, b stays → mean 4/3.
    const s = sensitivity(sys, { observations: obs }, {}, { runs: 10 });
    expect(s.removal[0].indicator).toBe('x1');
    expect(s.removal[0].meanAbsRankShift).toBeCloseTo(4 / 3, 12);
    expect(s.removal[0].ranks.find((r) => r.region === 'a')).toEqual({ region: 'a', rank: 3, shift: -2 });
    // Without x2: a 0.8/0.9·100 = 88.9, b 50, c 11.1 → unchanged.
    expect(s.removal.find((r) => r.indicator === 'x2')?.maxAbsRankShift).toBe(0);
  });
});

describe('performance', () => {
  it('scores 22 counties × 20 indicators × 5 years and runs 1,000 Monte Carlo replications well under a second', () => {
    // One warm-up so the measurement is of the engine, not of module loading and JIT compilation.
    sensitivity(templates.countyInnovation, data, options, { runs: 50 });
    const t0 = performance.now();
    const res = computeIndex(templates.countyInnovation, data, options);
    const ua = sensitivity(templates.countyInnovation, data, options, { runs: 1000, seed: 1 });
    const ms = performance.now() - t0;
    expect(res.scores.length).toBe(25 * 22 * 5);
    expect(ua.runs).toBe(1000);
    expect(ms).toBeLessThan(1000);
  });
});
