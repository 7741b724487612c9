import { describe, expect, it } from 'vitest';
import { computeIndex, getRanking, getScore, getScoreRow } from './compute.js';
import { EvaluationError } from './errors.js';
import { sampleData } from './sample-data.js';
import { templates } from './templates/index.js';
import type { IndicatorSystem, Observation } from './types.js';

const t = (zh: string) => ({ zh, en: zh });

/** Two pillars: P (0.6) = x1 (+) and x2 (− , lower is better), Q (0.4) = x3. */
const mini: IndicatorSystem = {
  code: 'mini',
  version: '1',
  name: t('小体系'),
  indicators: [
    { code: 'P', name: t('P'), parent: null, weight: 0.6 },
    { code: 'x1', name: t('x1'), parent: 'P', weight: 0.5, unit: '%', target: 40 },
    { code: 'x2', name: t('x2'), parent: 'P', weight: 0.5, unit: 't', direction: -1, target: 2 },
    { code: 'Q', name: t('Q'), parent: null, weight: 0.4 },
    { code: 'x3', name: t('x3'), parent: 'Q', weight: 1, unit: '件', target: 80 },
  ],
};

// region → indicator → [2023, 2024]
const table: Record<string, Record<string, [number, number]>> = {
  a: { x1: [10, 20], x2: [5, 4], x3: [0, 10] },
  b: { x1: [30, 40], x2: [3, 3], x3: [50, 60] },
  c: { x1: [50, 50], x2: [1, 2], x3: [100, 100] },
};
function observations(): Observation[] {
  const out: Observation[] = [];
  for (const [region, row] of Object.entries(table)) {
    for (const [indicator, [v23, v24]] of Object.entries(row)) {
      out.push({ region, year: 2023, indicator, value: v23 }, { region, year: 2024, indicator, value: v24 });
    }
  }
  return out;
}
const data = { observations: observations(), regions: [{ code: 'a' }, { code: 'b' }, { code: 'c' }] };

describe('computeIndex on a hand-computed example', () => {
  // Min–max pooled over 2023–2024, 0–100:
  //   x1: min 10, max 50 → a 0 | 25, b 50 | 75, c 100 | 100
  //   x2 (reversed): min 1, max 5 → (5 − x)/4 → a 0 | 25, b 50 | 50, c 100 | 75
  //   x3: min 0, max 100 → a 0 | 10, b 50 | 60, c 100 | 100
  // P = ½ x1 + ½ x2 → a 0 | 25, b 50 | 62.5, c 100 | 87.5;  Q = x3
  // Composite = 0.6 P + 0.4 Q → a 0 | 19, b 50 | 61.5, c 100 | 92.5
  const r = computeIndex(mini, data);

  it('scores every node with pooled min–max and weighted arithmetic means', () => {
    expect(getScore(r, 'a', 2024, 'x2')).toBeCloseTo(25, 12);
    expect(getScore(r, 'b', 2024, 'P')).toBeCloseTo(62.5, 12);
    expect(getScore(r, 'a', 2023)).toBeCloseTo(0, 12);
    expect(getScore(r, 'a', 2024)).toBeCloseTo(19, 12);
    expect(getScore(r, 'b', 2024)).toBeCloseTo(61.5, 12);
    expect(getScore(r, 'c', 2024)).toBeCloseTo(92.5, 12);
    expect(getScore(r, 'c', 2023)).toBeCloseTo(100, 12);
  });

  it('ranks and measures change against the previous and the base year', () => {
    expect(getRanking(r, 2024).map((s) => s.region)).toEqual(['c', 'b', 'a']);
    const a = getScoreRow(r, 'a', 2024);
    expect(a?.change.previous).toBeCloseTo(19, 12);
    expect(a?.change.base).toBeCloseTo(19, 12);
    expect(a?.rankChange.previous).toBe(0);
    expect(getScoreRow(r, 'c', 2024)?.change.previous).toBeCloseTo(-7.5, 12);
    expect(getScoreRow(r, 'a', 2023)?.change.previous).toBeNull();
  });

  it('summarises each year: average, improved regions, groups by share of the average', () => {
    const y24 = r.summary.find((s) => s.year === 2024);
    // mean (19 + 61.5 + 92.5)/3 = 57.667; changes +19, +11.5, −7.5 → mean 7.667, two improved
    expect(y24?.mean).toBeCloseTo(173 / 3, 10);
    expect(y24?.meanChangeFromPrevious).toBeCloseTo(23 / 3, 10);
    expect(y24?.improvedFromPrevious).toBe(2);
    expect(y24?.improvedFromBase).toBe(2);
    // shares: a 19/57.667 = 0.33 → lagging; b 1.066 → above average; c 1.604 → leading
    const group = (region: string) => r.profiles.find((p) => p.region === region && p.year === 2024)?.group;
    expect([group('a'), group('b'), group('c')]).toEqual(['lagging', 'above-average', 'leading']);
    expect(y24?.groups).toEqual({ leading: 1, 'above-average': 1, 'below-average': 0, lagging: 1 });
  });

  it('names strengths and weaknesses against the peer median', () => {
    // 2024 medians of the normalised leaves: x1 75, x2 50, x3 60.
    // c: x1 +25, x2 +25, x3 +40 → strengths x3, x1, x2;  a: x1 −50, x2 −25, x3 −50 → weaknesses x1, x3, x2
    const c = r.profiles.find((p) => p.region === 'c' && p.year === 2024);
    expect(c?.strengths.map((g) => [g.node, g.gap])).toEqual([
      ['x3', 40],
      ['x1', 25],
      ['x2', 25],
    ]);
    expect(c?.weaknesses).toEqual([]);
    const a = r.profiles.find((p) => p.region === 'a' && p.year === 2024);
    expect(a?.weaknesses.map((g) => g.node)).toEqual(['x1', 'x3', 'x2']);
    // Sub-indices against their medians: P median 62.5, Q median 60 → a: −37.5, −50
    expect(a?.subIndices.map((g) => [g.node, g.gap])).toEqual([
      ['P', -37.5],
      ['Q', -50],
    ]);
  });

  it('records the weights used: siblings sum to 1, global weights multiply down the tree', () => {
    const w = Object.fromEntries(r.nodes.map((n) => [n.code, [n.weight, n.globalWeight]]));
    expect(w.x1).toEqual([0.5, 0.3]);
    expect(w.x3).toEqual([1, 0.4]);
    for (const n of r.nodes.filter((x) => !x.isLeaf)) {
      const s = n.children.reduce((acc, c) => acc + (r.nodes.find((x) => x.code === c)?.weight ?? 0), 0);
      expect(s).toBeCloseTo(1, 12);
    }
  });

  it('distance to target, the national monitoring style', () => {
    // a 2024: x1 20/40 = 50; x2 target 2 / 4 = 50; x3 10/80 = 12.5 → P 50 → 0.6·50 + 0.4·12.5 = 35
    // c 2024: x1 50/40 capped 100; x2 2 ≤ 2 → 100; x3 100/80 capped 100 → 100
    const rt = computeIndex(mini, data, { normalization: 'target' });
    expect(getScore(rt, 'a', 2024)).toBeCloseTo(35, 12);
    expect(getScore(rt, 'c', 2024)).toBeCloseTo(100, 12);
    expect(rt.normalization.find((n) => n.indicator === 'x2')).toMatchObject({ target: 2, targetSource: 'system' });
    // Targets from options override the system's; treatment does not apply to raw-unit targets.
    const ro = computeIndex(mini, data, { normalization: { method: 'target', targets: { x3: 20 } } });
    expect(getScore(ro, 'a', 2024, 'x3')).toBeCloseTo(50, 12);
    expect(ro.treatment.every((x) => x.method === 'skipped')).toBe(true);
  });

  it('geometric aggregation on a 1–100 scale', () => {
    // Min–max onto [1, 100]: v' = 1 + 0.99 v. a 2024: x1 25 → 25.75, x2 → 25.75, x3 10 → 10.9
    // P = 25.75; composite = 25.75^0.6 · 10.9^0.4
    const rg = computeIndex(mini, data, { aggregation: 'geometric' });
    expect(getScore(rg, 'a', 2024, 'x3')).toBeCloseTo(10.9, 12);
    expect(getScore(rg, 'a', 2024)).toBeCloseTo(Math.pow(25.75, 0.6) * Math.pow(10.9, 0.4), 10);
    // a 2023 scores the floor of the scale, 1, everywhere: the geometric mean is 1, not 0 or undefined.
    expect(getScore(rg, 'a', 2023)).toBeCloseTo(1, 12);
  });

  it('direction −1 is the same as entering the negated values with direction +1', () => {
    const flipped: IndicatorSystem = {
      ...mini,
      indicators: mini.indicators.map((d) => (d.code === 'x2' ? { ...d, direction: 1 as const } : d)),
    };
    const obs = observations().map((o) => (o.indicator === 'x2' ? { ...o, value: -(o.value as number) } : o));
    const rf = computeIndex(flipped, { ...data, observations: obs });
    for (const s of r.scores) expect(getScore(rf, s.region, s.year, s.node)).toBeCloseTo(s.score as number, 12);
  });

  it('imputes, then records how each value was obtained', () => {
    const obs = observations().filter((o) => !(o.region === 'b' && o.year === 2024 && o.indicator === 'x3'));
    const none = computeIndex(mini, { ...data, observations: obs });
    // No imputation: Q has no data for b in 2024; the composite uses P alone (weights rescaled).
    expect(getScore(none, 'b', 2024, 'Q')).toBeNull();
    expect(getScore(none, 'b', 2024)).toBeCloseTo(62.5, 12);
    expect(getScoreRow(none, 'b', 2024)?.coverage).toBeCloseTo(0.6, 12);
    // A coverage threshold refuses to score it instead.
    expect(getScore(computeIndex(mini, { ...data, observations: obs }, { minCoverage: 0.75 }), 'b', 2024)).toBeNull();
    // Carry-forward fills 50 from 2023.
    const cf = computeIndex(mini, { ...data, observations: obs }, { imputation: 'carry-forward' });
    const row = cf.indicators.find((x) => x.region === 'b' && x.year === 2024 && x.indicator === 'x3');
    expect(row).toMatchObject({ raw: null, value: 50, imputation: 'carry-forward' });
  });

  it('accepts entropy and CRITIC weights, which sum to 1 within each parent', () => {
    for (const method of ['entropy', 'critic', 'equal'] as const) {
      const rw = computeIndex(mini, data, { weights: method });
      const top = rw.nodes.filter((n) => n.level === 1).reduce((s, n) => s + n.weight, 0);
      expect(top).toBeCloseTo(1, 12);
      const leaves = rw.nodes.filter((n) => n.isLeaf).reduce((s, n) => s + n.globalWeight, 0);
      expect(leaves).toBeCloseTo(1, 12);
    }
    // Overrides replace a node's weight before siblings are rescaled.
    const ro = computeIndex(mini, data, { weights: { method: 'expert', overrides: { P: 1, Q: 1 } } });
    expect(ro.nodes.find((n) => n.code === 'P')?.weight).toBe(0.5);
  });

  it('normalises year by year when asked', () => {
    // 2024 alone: x1 20, 40, 50 → (x − 20)/30 × 100 = 0, 66.67, 100
    const ry = computeIndex(mini, data, { normalization: { method: 'minmax', scope: 'year' } });
    expect(getScore(ry, 'b', 2024, 'x1')).toBeCloseTo(200 / 3, 10);
    expect(ry.normalization.filter((n) => n.indicator === 'x1').map((n) => [n.year, n.min, n.max])).toEqual([
      [2023, 10, 50],
      [2024, 20, 50],
    ]);
  });

  it('treats an outlying indicator as COINr does and records it', () => {
    // Twelve regions, x3 = 1 … 10, 30, 100 in one year: skew 3.06, kurt 9.74 → the 100 is
    // winsorised to 30 (COINr's reference example), after which the indicator passes.
    const regs = Array.from({ length: 12 }, (_, i) => ({ code: `r${i}` }));
    const x3 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
    const obs: Observation[] = regs.flatMap((r, i) => [
      { region: r.code, year: 2024, indicator: 'x1', value: i },
      { region: r.code, year: 2024, indicator: 'x2', value: 12 - i },
      { region: r.code, year: 2024, indicator: 'x3', value: x3[i] },
    ]);
    const res = computeIndex(mini, { observations: obs, regions: regs });
    expect(res.treatment.find((x) => x.indicator === 'x3')).toMatchObject({ method: 'winsorise', winsorised: 1, pass: true });
    expect(res.indicators.find((x) => x.region === 'r11' && x.indicator === 'x3')).toMatchObject({ raw: 100, treated: 30, treatment: 'winsorised', normalized: 100 });
    // r10 (30) now shares the top: (30 − 1)/(30 − 1) × 100 = 100
    expect(getScore(res, 'r10', 2024, 'x3')).toBe(100);
    expect(computeIndex(mini, { observations: obs, regions: regs }, { treatment: 'none' }).treatment.every((x) => x.method === 'none')).toBe(true);
  });

  it('rejects impossible options with a clear error', () => {
    expect(() => computeIndex(mini, data, { baseYear: 2019 })).toThrow(EvaluationError);
    expect(() => computeIndex(mini, data, { aggregation: ['arithmetic', 'geometric', 'arithmetic', 'geometric'] })).not.toThrow();
    expect(() => computeIndex(mini, data, { weights: { method: 'expert', overrides: { nope: 1 } } })).toThrow(/unknown indicator/);
    expect(() => computeIndex(mini, { observations: [] })).toThrow(EvaluationError);
  });

  it('warns about figures it could not use instead of failing', () => {
    const obs = [...observations(), { region: 'a', year: 2024, indicator: 'P', value: 10 }, { region: 'zz', year: 2024, indicator: 'x1', value: 1 }];
    const rw = computeIndex(mini, { ...data, observations: obs });
    expect(rw.warnings.map((w) => w.code).sort()).toEqual(['not-a-leaf', 'unknown-region']);
  });
});

describe('computeIndex on the county template', () => {
  const counties = Array.from({ length: 22 }, (_, i) => ({ code: `64${String(100 + i)}`, group: i < 11 ? 'north' : 'south' }));
  const years = [2020, 2021, 2022, 2023, 2024];
  const d = sampleData(templates.countyInnovation, { regions: counties, years, seed: 11, missingShare: 0.03 });

  it('scores 22 counties over five years with every default, within 0–100', () => {
    const res = computeIndex(templates.countyInnovation, d, { imputation: ['carry-forward', 'group-mean', 'mean'] });
    expect(res.scores.length).toBe((1 + 4 + 20) * 22 * 5);
    for (const s of res.scores) {
      expect(s.score).not.toBeNull();
      expect(s.score as number).toBeGreaterThanOrEqual(0);
      expect(s.score as number).toBeLessThanOrEqual(100);
    }
    expect(res.profiles).toHaveLength(22 * 5);
    const groups = res.summary[4].groups;
    expect(groups.leading + groups['above-average'] + groups['below-average'] + groups.lagging).toBe(22);
  });

  it('compares peers within a group when asked', () => {
    const res = computeIndex(templates.countyInnovation, d, { peers: 'group' });
    const p = res.profiles.find((x) => x.region === counties[0].code && x.year === 2024);
    const medianOfNorth = (node: string) => {
      const xs = res.scores.filter((s) => s.node === node && s.year === 2024 && counties.find((c) => c.code === s.region)?.group === 'north').map((s) => s.score as number);
      xs.sort((a, b) => a - b);
      return xs[5]; // eleven counties in the group: the sixth value
    };
    for (const g of p?.subIndices ?? []) expect(g.peerMedian).toBeCloseTo(medianOfNorth(g.node), 10);
  });

  it('is deterministic', () => {
    const a = computeIndex(templates.countyInnovation, d, { weights: 'entropy' });
    const b = computeIndex(templates.countyInnovation, d, { weights: 'entropy' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
