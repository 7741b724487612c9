/**
 * Uncertainty analysis of the ranks, as COINr's `get_sensitivity(SA_type = "UA")`: the index is
 * recomputed N times, each time with weights perturbed by uniform noise (COINr's
 * `get_noisy_weights`: ±25 % of each nominal weight, renormalised) and with a normalisation,
 * aggregation and weighting method drawn uniformly from the alternatives given. Each region gets
 * its median rank and the 5th–95th percentile interval of its ranks (type-7 quantiles, as
 * COINr's `RankStats`). A "remove one indicator" check recomputes the nominal index without each
 * leaf in turn (Saisana, Saltelli & Tarantola 2005; OECD/JRC handbook, step 7).
 *
 * Deterministic: the draws come from a seeded generator, so the same seed gives the same
 * intervals on every machine and in every report.
 */
import { EvaluationError } from './errors.js';
import { aggregateTree, localWeights, normalizeAll, prepare } from './pipeline.js';
import { createRandom } from './random.js';
import { mean, quantileSorted, rankDescending } from './stats.js';
import type { AggregationMethod, ComputeOptions, EvaluationData, IndicatorSystem, NormalizationMethod, WeightMethod } from './types.js';
import { normalizeWeights } from './weights.js';

export interface SensitivityOptions {
  /** Monte Carlo runs; default 1000. */
  runs?: number;
  /** Seed of the generator; default 1. */
  seed?: number | string;
  /** Year whose ranks are analysed; default the last scored year. */
  year?: number;
  /** Node whose ranks are analysed; default the composite. */
  node?: string;
  /** Uniform noise as a fraction of each weight (COINr's NoiseFactor); default 0.25, 0 = none. */
  weightNoise?: number;
  /** Indicator levels (1–3) whose weights get noise; default all. */
  noiseLevels?: number[];
  /** Normalisation alternatives; default the nominal one, min–max and z-score. */
  normalizations?: NormalizationMethod[];
  /** Aggregation alternatives (each applied at every level); default arithmetic and geometric. */
  aggregations?: AggregationMethod[];
  /** Weighting alternatives; default the nominal one only. */
  weightMethods?: WeightMethod[];
  /** Run the remove-one-indicator check; default true. */
  removal?: boolean;
  /** Keep every run's ranks (runs × regions) for charts; default false. */
  keepRuns?: boolean;
}

export interface RegionUncertainty {
  region: string;
  nominalScore: number | null;
  nominalRank: number | null;
  medianRank: number | null;
  meanRank: number | null;
  /** 5th percentile of the ranks (the better end of the interval). */
  q5: number | null;
  /** 95th percentile of the ranks. */
  q95: number | null;
  minRank: number | null;
  maxRank: number | null;
  /** Whether the nominal rank lies within [q5, q95]. */
  nominalInInterval: boolean | null;
}

export interface RemovalImpact {
  indicator: string;
  /** Mean over regions of |rank without the indicator − nominal rank|. */
  meanAbsRankShift: number;
  maxAbsRankShift: number;
  /** Each region's rank without the indicator and its shift (positive = moves up). */
  ranks: { region: string; rank: number | null; shift: number | null }[];
}

export interface SensitivityResult {
  system: { code: string; version: string };
  year: number;
  node: string;
  runs: number;
  seed: number | string;
  weightNoise: number;
  alternatives: { normalizations: NormalizationMethod[]; aggregations: AggregationMethod[]; weightMethods: WeightMethod[] };
  regions: RegionUncertainty[];
  /** Mean over runs and regions of |rank − nominal rank|. */
  meanAbsRankShift: number;
  /** Most influential indicators first. */
  removal: RemovalImpact[];
  /** runs × regions ranks, when `keepRuns` was set. */
  runRanks?: (number | null)[][];
}

/**
 * Runs the uncertainty analysis of `system` scored on `data` with the nominal `options`.
 *
 * @example
 * const ua = sensitivity(templates.countyInnovation, data, { weights: 'expert' }, { runs: 1000, seed: 2024 });
 * ua.regions.map((r) => `${r.region}: rank ${r.nominalRank}, 90% interval ${r.q5}–${r.q95}`);
 * ua.removal[0]; // the indicator whose removal moves ranks most
 */
export function sensitivity(
  system: IndicatorSystem,
  data: EvaluationData,
  options: ComputeOptions = {},
  spec: SensitivityOptions = {},
): SensitivityResult {
  const p = prepare(system, data, options);
  const { tree, R, Y, years, regions, options: o } = p;
  const runs = spec.runs ?? 1000;
  if (!(Number.isInteger(runs) && runs >= 1)) throw new EvaluationError('INVALID_OPTIONS', 'runs must be a positive whole number');
  const seed = spec.seed ?? 1;
  const year = spec.year ?? years[years.length - 1];
  const y = years.indexOf(year);
  if (y < 0) throw new EvaluationError('INVALID_OPTIONS', `Year ${year} is not among the scored years`);
  const nodeCode = spec.node ?? system.code;
  const target = tree.byCode.get(nodeCode);
  if (target === undefined) throw new EvaluationError('NOT_FOUND', `No node ${nodeCode} in the system`);
  const noise = spec.weightNoise ?? 0.25;
  if (!(noise >= 0 && noise < 1)) throw new EvaluationError('INVALID_OPTIONS', 'weightNoise must be in [0, 1)');
  const noiseLevels = new Set(spec.noiseLevels ?? [1, 2, 3]);
  const uniq = <T>(xs: T[]) => [...new Set(xs)];
  const normalizations = uniq<NormalizationMethod>(spec.normalizations ?? [o.normalization.method, 'minmax', 'zscore']);
  const aggregations = uniq<AggregationMethod>(spec.aggregations ?? ['arithmetic', 'geometric']);
  const weightMethods = uniq<WeightMethod>(spec.weightMethods ?? [o.weights.method]);
  if (normalizations.length === 0 || aggregations.length === 0 || weightMethods.length === 0) {
    throw new EvaluationError('INVALID_OPTIONS', 'Every list of alternatives needs at least one method');
  }
  const explicitRange = typeof options.normalization === 'object' ? options.normalization.range : undefined;
  const cells = Array.from({ length: R }, (_, r) => r * Y + y);

  // Normalised panels and nominal weights are computed once per alternative, not per run.
  const normCache = new Map<string, ReturnType<typeof normalizeAll>>();
  const normFor = (m: NormalizationMethod, positive: boolean) => {
    const key = `${m}|${positive}`;
    let v = normCache.get(key);
    if (!v) {
      v = normalizeAll(p, m, positive, m === o.normalization.method ? explicitRange : undefined);
      normCache.set(key, v);
    }
    return v;
  };
  // Runs aggregate one year only: the year's cells copied into a one-year panel keep the inner
  // loop on 22 values per node instead of the whole panel.
  const yearPanel = { ...p, Y: 1 };
  const compactCache = new Map<string, Float64Array[]>();
  const leavesFor = (m: NormalizationMethod, positive: boolean) => {
    const key = `${m}|${positive}`;
    let v = compactCache.get(key);
    if (!v) {
      v = normFor(m, positive).values.map((panel) => Float64Array.from(cells, (c) => panel[c]));
      compactCache.set(key, v);
    }
    return v;
  };
  const weightCache = new Map<string, Float64Array>();
  const weightsFor = (m: NormalizationMethod, w: WeightMethod) => {
    const key = `${m}|${w}`;
    let v = weightCache.get(key);
    if (!v) {
      v = localWeights(p, w, normFor(m, false).input, o.weights.overrides);
      weightCache.set(key, v);
    }
    return v;
  };
  const levels = o.aggregation.length;

  // Nominal ranks, from the options as given.
  const nominalWeights = weightsFor(o.normalization.method, o.weights.method);
  const nominalLeaves = leavesFor(o.normalization.method, o.aggregation.includes('geometric'));
  const nominal = aggregateTree(yearPanel, nominalLeaves, nominalWeights, o.aggregation);
  const nominalScores = Array.from(nominal.scores[target]);
  const nominalRanks = rankDescending(nominalScores);

  const rand = createRandom(seed);
  const runRanks: number[][] = [];
  const inner = tree.nodes.filter((n) => n.children.length > 0);
  const noisy = new Float64Array(tree.nodes.length);
  for (let k = 0; k < runs; k++) {
    const nm = normalizations[Math.floor(rand() * normalizations.length)];
    const am = aggregations[Math.floor(rand() * aggregations.length)];
    const wm = weightMethods[Math.floor(rand() * weightMethods.length)];
    const base = weightsFor(nm, wm);
    noisy[0] = 1;
    for (const parent of inner) {
      const ws = parent.children.map((c) => {
        const u = rand(); // drawn for every weight, so the stream does not depend on noiseLevels
        return noiseLevels.has(tree.nodes[c].level) ? base[c] + (u * 2 - 1) * noise * base[c] : base[c];
      });
      const nw = normalizeWeights(ws);
      parent.children.forEach((c, i) => (noisy[c] = nw[i]));
    }
    const aggregation = Array.from({ length: levels }, () => am);
    const res = aggregateTree(yearPanel, leavesFor(nm, am === 'geometric'), noisy, aggregation);
    runRanks.push(rankDescending(res.scores[target]));
  }

  const regionStats: RegionUncertainty[] = regions.map((reg, r) => {
    const xs = runRanks.map((rk) => rk[r]).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const nr = Number.isNaN(nominalRanks[r]) ? null : nominalRanks[r];
    if (xs.length === 0) {
      return { region: reg.code, nominalScore: null, nominalRank: nr, medianRank: null, meanRank: null, q5: null, q95: null, minRank: null, maxRank: null, nominalInInterval: null };
    }
    const q5 = quantileSorted(xs, 0.05);
    const q95 = quantileSorted(xs, 0.95);
    return {
      region: reg.code,
      nominalScore: Number.isNaN(nominalScores[r]) ? null : nominalScores[r],
      nominalRank: nr,
      medianRank: quantileSorted(xs, 0.5),
      meanRank: mean(xs),
      q5,
      q95,
      minRank: xs[0],
      maxRank: xs[xs.length - 1],
      nominalInInterval: nr === null ? null : nr >= q5 && nr <= q95,
    };
  });

  const shifts: number[] = [];
  for (const rk of runRanks) {
    rk.forEach((v, r) => {
      if (!Number.isNaN(v) && !Number.isNaN(nominalRanks[r])) shifts.push(Math.abs(v - nominalRanks[r]));
    });
  }

  const removal: RemovalImpact[] = [];
  if (spec.removal ?? true) {
    for (const leaf of tree.leaves) {
      if (leaf === target) continue;
      const res = aggregateTree(yearPanel, nominalLeaves, nominalWeights, o.aggregation, undefined, new Set([leaf]));
      const rk = rankDescending(res.scores[target]);
      const ranks = regions.map((reg, r) => {
        const a = Number.isNaN(rk[r]) ? null : rk[r];
        const shift = a === null || Number.isNaN(nominalRanks[r]) ? null : nominalRanks[r] - a;
        return { region: reg.code, rank: a, shift };
      });
      const abs = ranks.filter((x) => x.shift !== null).map((x) => Math.abs(x.shift as number));
      removal.push({
        indicator: tree.nodes[leaf].code,
        meanAbsRankShift: abs.length ? mean(abs) : 0,
        maxAbsRankShift: abs.length ? Math.max(...abs) : 0,
        ranks,
      });
    }
    removal.sort((a, b) => b.meanAbsRankShift - a.meanAbsRankShift || a.indicator.localeCompare(b.indicator));
  }

  const out: SensitivityResult = {
    system: { code: system.code, version: system.version },
    year,
    node: nodeCode,
    runs,
    seed,
    weightNoise: noise,
    alternatives: { normalizations, aggregations, weightMethods },
    regions: regionStats,
    meanAbsRankShift: shifts.length ? mean(shifts) : 0,
    removal,
  };
  if (spec.keepRuns) out.runRanks = runRanks.map((rk) => rk.map((v) => (Number.isNaN(v) ? null : v)));
  return out;
}
