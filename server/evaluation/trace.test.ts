import { describe, expect, it } from 'vitest';
import { computeIndex, getScore } from './compute.js';
import { EvaluationError } from './errors.js';
import { sampleData } from './sample-data.js';
import { templates } from './templates/index.js';
import { trace } from './trace.js';
import type { IndicatorSystem } from './types.js';

const t = (zh: string) => ({ zh, en: zh });
const mini: IndicatorSystem = {
  code: 'mini',
  version: '1',
  name: t('小体系'),
  indicators: [
    { code: 'P', name: t('P'), parent: null, weight: 0.6 },
    { code: 'x1', name: t('x1'), parent: 'P', weight: 0.5, unit: '%' },
    { code: 'x2', name: t('x2'), parent: 'P', weight: 0.5, unit: 't', direction: -1 },
    { code: 'Q', name: t('Q'), parent: null, weight: 0.4 },
    { code: 'x3', name: t('x3'), parent: 'Q', weight: 1, unit: '件' },
  ],
};
const rows: [string, string, number, number][] = [
  ['a', 'x1', 10, 20],
  ['a', 'x2', 5, 4],
  ['a', 'x3', 0, 10],
  ['b', 'x1', 30, 40],
  ['b', 'x2', 3, 3],
  ['b', 'x3', 50, 60],
  ['c', 'x1', 50, 50],
  ['c', 'x2', 1, 2],
  ['c', 'x3', 100, 100],
];
const data = {
  observations: rows.flatMap(([region, indicator, a, b]) => [
    { region, year: 2023, indicator, value: a },
    { region, year: 2024, indicator, value: b },
  ]),
};

describe('trace', () => {
  const r = computeIndex(mini, data);

  it('explains a leaf: raw → treated → normalised with its formula, weight and contributions', () => {
    const tr = trace(r, { region: 'a', year: 2024, node: 'x2' });
    expect(tr.indicator).toMatchObject({ raw: 4, value: 4, treated: 4, normalized: 25, direction: -1, unit: 't' });
    expect(tr.indicator?.normalization).toMatchObject({ method: 'minmax', min: 1, max: 5 });
    // lower is better: (max − x)/(max − min) × 100 = (5 − 4)/(5 − 1) × 100 = 25
    expect(tr.indicator?.formula).toBe('(5 − 4) / (5 − 1) × 100 = 25');
    // In P: 0.5 × 25 = 12.5; in the composite: 0.6 × 0.5 × 25 = 7.5
    expect(tr.inParent).toMatchObject({ parent: 'P', weight: 0.5, effectiveWeight: 0.5, contribution: 12.5 });
    expect(tr.compositeContribution).toBeCloseTo(7.5, 12);
    expect(tr.path.map((s) => s.code)).toEqual(['mini', 'P', 'x2']);
  });

  it('explains the composite: terms that sum to the published score, and every leaf\'s share', () => {
    const tr = trace(r, { region: 'a', year: 2024 });
    expect(tr.score).toBeCloseTo(19, 12);
    expect(tr.aggregation?.formula).toBe('0.6 × 25 + 0.4 × 10 = 19');
    expect(tr.aggregation?.recomputed).toBeCloseTo(tr.score as number, 12);
    const leaves = tr.leafContributions ?? [];
    expect(leaves.map((l) => l.indicator)).toEqual(['x1', 'x2', 'x3']);
    // 0.3 × 25 + 0.3 × 25 + 0.4 × 10 = 19
    expect(leaves.reduce((s, l) => s + l.contribution, 0)).toBeCloseTo(19, 12);
  });

  it('sums exactly for every node, region and year of a realistic panel, with gaps', () => {
    const counties = Array.from({ length: 22 }, (_, i) => ({ code: `c${i}` }));
    const d = sampleData(templates.countyInnovation, { regions: counties, years: [2022, 2023, 2024], seed: 5, missingShare: 0.05 });
    const res = computeIndex(templates.countyInnovation, d);
    for (const s of res.scores) {
      if (s.score === null) continue;
      const tr = trace(res, { region: s.region, year: s.year, node: s.node });
      if (tr.aggregation) expect(tr.aggregation.recomputed).toBeCloseTo(s.score, 9);
      if (tr.leafContributions) expect(tr.leafContributions.reduce((a, l) => a + l.contribution, 0)).toBeCloseTo(s.score, 9);
      if (tr.node.level > 0 && tr.compositeContribution !== null) {
        // the composite is the sum of its level-1 children's shares
        expect(Number.isFinite(tr.compositeContribution)).toBe(true);
      }
    }
    const comp = trace(res, { region: 'c0', year: 2024 });
    const level1 = comp.aggregation?.terms ?? [];
    const shares = level1.map((x) => trace(res, { region: 'c0', year: 2024, node: x.node }).compositeContribution as number);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(comp.score as number, 9);
  });

  it('explains geometric aggregation in log terms', () => {
    const rg = computeIndex(mini, data, { aggregation: 'geometric' });
    const tr = trace(rg, { region: 'b', year: 2024 });
    expect(tr.aggregation?.method).toBe('geometric');
    expect(tr.aggregation?.recomputed).toBeCloseTo(getScore(rg, 'b', 2024) as number, 10);
    expect(tr.compositeContribution).toBeCloseTo(getScore(rg, 'b', 2024) as number, 10);
    expect(tr.leafContributions).toBeNull();
    expect(trace(rg, { region: 'b', year: 2024, node: 'x1' }).compositeContribution).toBeNull();
  });

  it('answers NOT_FOUND for what the result does not hold', () => {
    expect(() => trace(r, { region: 'zz', year: 2024 })).toThrow(EvaluationError);
    expect(() => trace(r, { region: 'a', year: 2024, node: 'nope' })).toThrow(EvaluationError);
  });
});

describe('trace formulas of other normalisations', () => {
  it('writes z-scores and targets out with the numbers used', () => {
    // x1 pooled: 10, 20, 30, 40, 50, 50 → mean 33.3333, sd 16.3299; a 2024: (20 − 33.3333)/16.3299 × 10 + 100 = 91.835
    const rz = computeIndex(mini, data, { normalization: 'zscore' });
    expect(trace(rz, { region: 'a', year: 2024, node: 'x1' }).indicator?.formula).toBe('(20 − 33.3333) / 16.3299 × 10 + 100 = 91.835');
    const rt = computeIndex(mini, data, { normalization: { method: 'target', targets: { x2: 2 } } });
    expect(trace(rt, { region: 'a', year: 2024, node: 'x2' }).indicator?.formula).toBe('min(2 / 4, 1) × 100 = 50');
  });
});
