/**
 * The computing core shared by {@link computeIndex} and the sensitivity analysis: options
 * resolved, data gathered into region × year panels, then imputation → treatment →
 * normalisation → weights → aggregation. Panels are Float64Arrays indexed `r * Y + y` with NaN
 * for a missing value, so a Monte Carlo run re-aggregates without allocating per cell.
 *
 * The order of the steps is COINr's (impute, treat, normalise, aggregate); the OECD/JRC
 * handbook's ten-step checklist puts them in the same order.
 */
import { EvaluationError } from './errors.js';
import { imputePanel } from './impute.js';
import { normalizeValues, type NormalizeParams } from './normalize.js';
import { assertValidSystem, buildTree, type Tree } from './system.js';
import { treatOutliers } from './treat.js';
import type {
  AggregationMethod,
  ComputeOptions,
  EvaluationData,
  ImputationMethod,
  IndicatorSystem,
  Issue,
  NormalizationMethod,
  NormalizationRecord,
  RegionInfo,
  ResolvedOptions,
  TreatmentRecord,
  WeightMethod,
} from './types.js';
import { criticWeights, entropyWeights, normalizeWeights } from './weights.js';

const IMPUTATIONS: readonly ImputationMethod[] = ['none', 'mean', 'median', 'group-mean', 'carry-forward'];
const NORMALIZATIONS: readonly NormalizationMethod[] = ['minmax', 'zscore', 'target', 'rank'];
const WEIGHTS: readonly WeightMethod[] = ['expert', 'equal', 'entropy', 'critic'];
const AGGREGATIONS: readonly AggregationMethod[] = ['arithmetic', 'geometric'];

/** Panels, flags and records after imputation and (for methods that use it) treatment. */
export interface Prepared {
  system: IndicatorSystem;
  tree: Tree;
  options: ResolvedOptions;
  regions: RegionInfo[];
  years: number[];
  R: number;
  Y: number;
  /** [leaf] → observed values. */
  raw: Float64Array[];
  /** [leaf] → values after imputation. */
  imputed: Float64Array[];
  /** [leaf][cell] → the imputation method that filled the cell. */
  imputedBy: (ImputationMethod | null)[][];
  /** [leaf] → values after outlier treatment (used by min–max and z-score). */
  treated: Float64Array[];
  /** [leaf][cell] → 1 winsorised, 2 log-transformed. */
  treatedFlag: Uint8Array[];
  treatment: TreatmentRecord[];
  warnings: Issue[];
}

/** Normalised leaf panels and the parameters used, for one normalisation choice. */
export interface Normalized {
  method: NormalizationMethod;
  range: [number, number];
  /** [leaf] → normalised values. */
  values: Float64Array[];
  /** [leaf] → values that entered normalisation (treated or not, by method). */
  input: Float64Array[];
  records: NormalizationRecord[];
}

function warn(code: string, zh: string, en: string, extra: Partial<Issue> = {}): Issue {
  return { code, severity: 'warning', message: { zh, en }, ...extra };
}

function invalid(message: string): never {
  throw new EvaluationError('INVALID_OPTIONS', message);
}

function asList<T>(v: T | readonly T[] | undefined): T[] | undefined {
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? [...v] : [v]) as T[];
}

/** True when any level aggregates geometrically, so scales must stay positive. */
export function anyGeometric(aggregation: readonly AggregationMethod[]): boolean {
  return aggregation.includes('geometric');
}

/**
 * Fills in defaults and rejects impossible options. Years default to every year with a leaf
 * observation; the base year (for "change since the start") to the first of them.
 */
export function resolveOptions(tree: Tree, dataYears: number[], options: ComputeOptions = {}): ResolvedOptions {
  const years = [...new Set(options.years ?? dataYears)].sort((a, b) => a - b);
  if (years.length === 0) throw new EvaluationError('NO_DATA', 'No year to score: the data has no observation of a leaf indicator');
  for (const y of years) if (!Number.isInteger(y)) invalid(`Year ${y} is not a whole year`);
  const baseYear = options.baseYear ?? years[0];
  if (!years.includes(baseYear)) invalid(`The base year ${baseYear} is not among the scored years ${years.join(', ')}`);

  const imputation = asList(options.imputation) ?? ['none'];
  for (const m of imputation) if (!IMPUTATIONS.includes(m)) invalid(`Unknown imputation method: ${m}`);

  const t = typeof options.treatment === 'string' ? { method: options.treatment } : options.treatment ?? { method: 'coinr' as const };
  if (t.method !== 'coinr' && t.method !== 'none') invalid(`Unknown treatment: ${String(t.method)}`);
  const treatment = {
    method: t.method,
    winmax: t.winmax ?? 5,
    skewThreshold: t.skewThreshold ?? 2,
    kurtThreshold: t.kurtThreshold ?? 3.5,
    scope: t.scope ?? 'pooled',
    exclude: [...(t.exclude ?? [])],
  } as ResolvedOptions['treatment'];
  if (!(treatment.winmax >= 0)) invalid('winmax must be zero or more');

  const aggList = asList(options.aggregation) ?? ['arithmetic'];
  for (const a of aggList) if (!AGGREGATIONS.includes(a)) invalid(`Unknown aggregation method: ${a}`);
  const levels = Math.max(tree.depth, 1);
  let aggregation: AggregationMethod[];
  if (aggList.length === 1) aggregation = Array.from({ length: levels }, () => aggList[0]);
  else if (aggList.length >= levels) aggregation = aggList.slice(0, levels);
  else invalid(`aggregation needs one method or one per parent level (${levels})`);

  const n = typeof options.normalization === 'string' ? { method: options.normalization } : options.normalization ?? { method: 'minmax' as const };
  if (!NORMALIZATIONS.includes(n.method)) invalid(`Unknown normalisation method: ${String(n.method)}`);
  const positive = anyGeometric(aggregation);
  const normalization = {
    method: n.method,
    scope: n.scope ?? 'pooled',
    range: n.range ?? (positive ? [1, 100] : [0, 100]),
    zMean: n.zMean ?? 100,
    zSd: n.zSd ?? 10,
    targets: { ...(n.targets ?? {}) },
  } as ResolvedOptions['normalization'];
  if (!(normalization.range[1] > normalization.range[0])) invalid('The normalisation range must be increasing');
  if (!(normalization.zSd > 0)) invalid('zSd must be positive');
  for (const [code, v] of Object.entries(normalization.targets)) {
    if (!tree.byCode.has(code)) invalid(`A target is given for an unknown indicator: ${code}`);
    if (!(Number.isFinite(v) && v > 0)) invalid(`The target of ${code} must be positive`);
  }

  const w = typeof options.weights === 'string' ? { method: options.weights } : options.weights ?? { method: 'expert' as const };
  if (!WEIGHTS.includes(w.method)) invalid(`Unknown weighting method: ${String(w.method)}`);
  const overrides = { ...(w.overrides ?? {}) };
  for (const [code, v] of Object.entries(overrides)) {
    const i = tree.byCode.get(code);
    if (i === undefined || i === 0) invalid(`A weight override names an unknown indicator: ${code}`);
    if (!(Number.isFinite(v) && v >= 0)) invalid(`The weight override of ${code} must be zero or more`);
  }

  const minCoverage = options.minCoverage ?? 0;
  if (!(minCoverage >= 0 && minCoverage <= 1)) invalid('minCoverage must be between 0 and 1');
  const groupThresholds = options.groupThresholds ?? [1.25, 1, 0.7];
  if (!(groupThresholds[0] >= groupThresholds[1] && groupThresholds[1] >= groupThresholds[2] && groupThresholds[2] > 0)) {
    invalid('groupThresholds must be positive and descending');
  }
  const geometricFloor = options.geometricFloor ?? 1;
  if (!(geometricFloor > 0)) invalid('geometricFloor must be positive');

  return {
    years,
    baseYear,
    imputation,
    treatment,
    normalization,
    weights: { method: w.method, overrides },
    aggregation,
    geometricFloor,
    minCoverage,
    groupThresholds: [...groupThresholds] as [number, number, number],
    profileSize: options.profileSize ?? 3,
    peers: options.peers ?? 'all',
  };
}

/**
 * Validates the system, gathers the observations into panels, imputes and treats. Unknown
 * indicators and regions, duplicates and non-numeric values become warnings rather than errors:
 * `checkData` is where an upload is refused; scoring works with what is sound.
 */
export function prepare(system: IndicatorSystem, data: EvaluationData, options: ComputeOptions = {}): Prepared {
  assertValidSystem(system);
  const tree = buildTree(system);
  const warnings: Issue[] = [];
  const leafOf = new Map<string, number>();
  for (const i of tree.leaves) leafOf.set(tree.nodes[i].code, tree.nodes[i].leaf);

  const regions: RegionInfo[] = data.regions
    ? data.regions.map((r) => ({ ...r }))
    : [...new Set(data.observations.map((o) => o.region))].sort().map((code) => ({ code }));
  if (regions.length === 0) throw new EvaluationError('NO_DATA', 'No region to score');
  const regionIndex = new Map(regions.map((r, i) => [r.code, i]));

  const dataYears = new Set<number>();
  for (const o of data.observations) if (leafOf.has(o.indicator) && regionIndex.has(o.region)) dataYears.add(o.year);
  const resolved = resolveOptions(tree, [...dataYears], options);
  const years = resolved.years;
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const R = regions.length;
  const Y = years.length;
  const L = tree.leaves.length;

  // Earlier years feed carry-forward only; they are not scored.
  const historyYears = [...dataYears].filter((y) => y < years[0]).sort((a, b) => a - b);
  const historyIndex = new Map(historyYears.map((y, i) => [y, i]));
  const history: (number | null)[][][] = Array.from({ length: L }, () => Array.from({ length: R }, () => historyYears.map(() => null)));

  const raw = Array.from({ length: L }, () => new Float64Array(R * Y).fill(NaN));
  const seen = new Set<string>();
  const unknownIndicators = new Map<string, number>();
  const unknownRegions = new Map<string, number>();
  for (const o of data.observations) {
    const leaf = leafOf.get(o.indicator);
    if (leaf === undefined) {
      unknownIndicators.set(o.indicator, (unknownIndicators.get(o.indicator) ?? 0) + 1);
      continue;
    }
    const r = regionIndex.get(o.region);
    if (r === undefined) {
      unknownRegions.set(o.region, (unknownRegions.get(o.region) ?? 0) + 1);
      continue;
    }
    const v = typeof o.value === 'number' && Number.isFinite(o.value) ? o.value : NaN;
    if (o.value !== null && Number.isNaN(v)) {
      warnings.push(warn('not-a-number', `${o.region} ${o.year} 年 ${o.indicator} 的值不是有效数字，按缺失处理`, `${o.region} ${o.year} ${o.indicator}: not a finite number, treated as missing`, { region: o.region, year: o.year, indicator: o.indicator }));
    }
    const y = yearIndex.get(o.year);
    if (y === undefined) {
      const h = historyIndex.get(o.year);
      if (h !== undefined && !Number.isNaN(v)) history[leaf][r][h] = v;
      continue;
    }
    const key = `${leaf}:${r}:${y}`;
    if (seen.has(key)) {
      warnings.push(warn('duplicate', `${o.region} ${o.year} 年 ${o.indicator} 有重复数据，采用最后一条`, `${o.region} ${o.year} ${o.indicator}: duplicate figure, the last one is used`, { region: o.region, year: o.year, indicator: o.indicator }));
    }
    seen.add(key);
    raw[leaf][r * Y + y] = v;
  }
  for (const [code, count] of unknownIndicators) {
    const isInner = tree.byCode.has(code);
    warnings.push(
      isInner
        ? warn('not-a-leaf', `${code} 不是末级指标，其 ${count} 条数据未使用（由下级指标汇总得出）`, `${code} is not a leaf; its ${count} figures were ignored (it is aggregated from its children)`, { indicator: code })
        : warn('unknown-indicator', `指标体系中没有 ${code}，其 ${count} 条数据未使用`, `${code} is not in the system; ${count} figures ignored`, { indicator: code }),
    );
  }
  for (const [code, count] of unknownRegions) {
    warnings.push(warn('unknown-region', `地区 ${code} 不在评价范围内，其 ${count} 条数据未使用`, `Region ${code} is not being scored; ${count} figures ignored`, { region: code }));
  }

  // Imputation, indicator by indicator.
  const groups = regions.map((r) => r.group);
  const imputed: Float64Array[] = [];
  const imputedBy: (ImputationMethod | null)[][] = [];
  for (let l = 0; l < L; l++) {
    const panel: (number | null)[][] = [];
    for (let r = 0; r < R; r++) {
      const row: (number | null)[] = [];
      for (let y = 0; y < Y; y++) {
        const v = raw[l][r * Y + y];
        row.push(Number.isNaN(v) ? null : v);
      }
      panel.push(row);
    }
    const res = imputePanel(panel, resolved.imputation, { groups, history: history[l] });
    const out = new Float64Array(R * Y);
    const by: (ImputationMethod | null)[] = new Array(R * Y).fill(null);
    for (let r = 0; r < R; r++) {
      for (let y = 0; y < Y; y++) {
        const v = res.values[r][y];
        out[r * Y + y] = v === null ? NaN : v;
        by[r * Y + y] = res.method[r][y];
      }
    }
    imputed.push(out);
    imputedBy.push(by);
    let present = 0;
    for (const v of out) if (!Number.isNaN(v)) present++;
    if (present === 0) {
      const code = tree.nodes[tree.leaves[l]].code;
      warnings.push(warn('indicator-without-data', `指标 ${code} 在评价年份没有任何数据，汇总时跳过`, `Indicator ${code} has no data in the scored years and is skipped in aggregation`, { indicator: code }));
    }
  }

  // Outlier treatment (COINr default), pooled over the scored years or year by year.
  const treated: Float64Array[] = [];
  const treatedFlag: Uint8Array[] = [];
  const treatment: TreatmentRecord[] = [];
  const t = resolved.treatment;
  for (let l = 0; l < L; l++) {
    const code = tree.nodes[tree.leaves[l]].code;
    const out = Float64Array.from(imputed[l]);
    const flag = new Uint8Array(R * Y);
    const groupsOfCells: number[][] = t.scope === 'pooled' ? [Array.from({ length: R * Y }, (_, c) => c)] : years.map((_, y) => Array.from({ length: R }, (_, r) => r * Y + y));
    groupsOfCells.forEach((cells, gi) => {
      const year = t.scope === 'pooled' ? null : years[gi];
      const x = cells.map((c) => (Number.isNaN(imputed[l][c]) ? null : imputed[l][c]));
      const base: TreatmentRecord = { indicator: code, year, method: 'none', winsorised: 0, skew: null, kurt: null, skewAfter: null, kurtAfter: null, pass: null };
      if (t.method === 'none' || t.exclude.includes(code)) {
        treatment.push({ ...base, method: t.method === 'none' ? 'none' : 'excluded' });
        return;
      }
      const res = treatOutliers(x, { winmax: t.winmax, skewThreshold: t.skewThreshold, kurtThreshold: t.kurtThreshold });
      const num = (v: number) => (Number.isFinite(v) ? v : null);
      if (res.before.pass === null) {
        treatment.push({ ...base, method: 'too-few-values', skew: num(res.before.skew), kurt: num(res.before.kurt) });
        return;
      }
      cells.forEach((c, k) => {
        const v = res.values[k];
        out[c] = v === null ? NaN : v;
        flag[c] = res.treated[k] === 'winsorised' ? 1 : res.treated[k] === 'log' ? 2 : 0;
      });
      treatment.push({
        ...base,
        method: res.method,
        winsorised: res.winsorised,
        skew: num(res.before.skew),
        kurt: num(res.before.kurt),
        skewAfter: num(res.after.skew),
        kurtAfter: num(res.after.kurt),
        pass: res.after.pass,
      });
    });
    treated.push(out);
    treatedFlag.push(flag);
  }

  return { system, tree, options: resolved, regions, years, R, Y, raw, imputed, imputedBy, treated, treatedFlag, treatment, warnings };
}

/** Methods that work on treated values; distance to target needs raw units and ranks need no treatment. */
export function usesTreatment(method: NormalizationMethod): boolean {
  return method === 'minmax' || method === 'zscore';
}

/**
 * Normalises every leaf with one method. `positive` asks for a strictly positive scale (a
 * geometric level exists): min–max and rank then map to [1, 100] unless a range was given.
 */
export function normalizeAll(p: Prepared, method: NormalizationMethod, positive: boolean, explicitRange?: [number, number]): Normalized {
  const { tree, R, Y, years } = p;
  const opts = p.options.normalization;
  const range: [number, number] = explicitRange ?? (positive ? [1, 100] : [0, 100]);
  const values: Float64Array[] = [];
  const input: Float64Array[] = [];
  const records: NormalizationRecord[] = [];
  for (let l = 0; l < tree.leaves.length; l++) {
    const node = tree.nodes[tree.leaves[l]];
    const src = usesTreatment(method) ? p.treated[l] : p.imputed[l];
    input.push(src);
    const out = new Float64Array(R * Y).fill(NaN);
    let target: number | undefined;
    let targetSource: NormalizationRecord['targetSource'];
    if (method === 'target') {
      if (opts.targets[node.code] !== undefined) {
        target = opts.targets[node.code];
        targetSource = 'options';
      } else if (node.def?.target !== undefined) {
        target = node.def.target;
        targetSource = 'system';
      } else {
        // No target set: measure against the best value observed in the scored years.
        let best = node.direction === 1 ? -Infinity : Infinity;
        for (const v of src) if (!Number.isNaN(v)) best = node.direction === 1 ? Math.max(best, v) : Math.min(best, v);
        target = Number.isFinite(best) && best > 0 ? best : undefined;
        targetSource = 'best-observed';
      }
    }
    const cellGroups: number[][] = opts.scope === 'pooled' ? [Array.from({ length: R * Y }, (_, c) => c)] : years.map((_, y) => Array.from({ length: R }, (_, r) => r * Y + y));
    cellGroups.forEach((cells, gi) => {
      const x = cells.map((c) => (Number.isNaN(src[c]) ? null : src[c]));
      let params: NormalizeParams;
      if (method === 'target' && target === undefined) {
        // Nothing positive to aim at (all values zero or missing): every present value scores 0.
        cells.forEach((c, k) => (out[c] = x[k] === null ? NaN : 0));
        params = { count: x.filter((v) => v !== null).length, constant: true };
      } else {
        const res = normalizeValues(x, { method, direction: node.direction, range, zMean: opts.zMean, zSd: opts.zSd, target });
        cells.forEach((c, k) => (out[c] = res.values[k] === null ? NaN : (res.values[k] as number)));
        params = res.params;
      }
      const rec: NormalizationRecord = { indicator: node.code, year: opts.scope === 'pooled' ? null : years[gi], method, direction: node.direction, count: params.count };
      if (params.min !== undefined) rec.min = params.min;
      if (params.max !== undefined) rec.max = params.max;
      if (params.mean !== undefined && Number.isFinite(params.mean)) rec.mean = params.mean;
      if (params.sd !== undefined && Number.isFinite(params.sd)) rec.sd = params.sd;
      if (method === 'target') {
        if (target !== undefined) rec.target = target;
        rec.targetSource = targetSource;
      }
      if (method === 'minmax' || method === 'rank') rec.range = range;
      records.push(rec);
    });
    values.push(out);
  }
  return { method, range, values, input, records };
}

/**
 * Weights within each parent (siblings sum to 1), indexed by node; the composite gets 1.
 * Entropy and CRITIC are computed once over all leaves from the min–max rescaled inputs (the
 * usual flat 熵权法 / CRITIC decision matrix, rows = region-years); an inner node then weighs
 * the sum of its leaves' weights. Overrides replace a node's weight before siblings are rescaled.
 */
export function localWeights(p: Prepared, method: WeightMethod, inputs: Float64Array[], overrides: Record<string, number> = {}): Float64Array {
  const { tree } = p;
  const n = tree.nodes.length;
  const raw = new Float64Array(n);
  raw[0] = 1;
  if (method === 'expert') {
    for (let i = 1; i < n; i++) raw[i] = tree.nodes[i].def?.weight ?? 0;
  } else if (method === 'equal') {
    for (let i = 1; i < n; i++) raw[i] = 1;
  } else {
    const matrix = objectiveMatrix(p, inputs);
    const leafW = method === 'entropy' ? entropyWeights(matrix) : criticWeights(matrix);
    const sum = new Float64Array(n);
    tree.leaves.forEach((node, l) => (sum[node] = leafW[l]));
    for (const i of tree.postOrder) {
      const parent = tree.nodes[i].parent;
      if (parent > 0) sum[parent] += sum[i];
    }
    for (let i = 1; i < n; i++) raw[i] = sum[i];
  }
  for (const [code, v] of Object.entries(overrides)) {
    const i = tree.byCode.get(code);
    if (i !== undefined && i > 0) raw[i] = v;
  }
  const out = new Float64Array(n);
  out[0] = 1;
  for (const node of tree.nodes) {
    if (node.children.length === 0) continue;
    const w = normalizeWeights(node.children.map((c) => raw[c]));
    node.children.forEach((c, k) => (out[c] = w[k]));
  }
  return out;
}

/** Rows = region-years, columns = leaves, each column min–max rescaled to [0, 1] with direction applied. */
function objectiveMatrix(p: Prepared, inputs: Float64Array[]): (number | null)[][] {
  const { tree, R, Y } = p;
  const cols = tree.leaves.map((node, l) => {
    const res = normalizeValues(Array.from(inputs[l], (v) => (Number.isNaN(v) ? null : v)), { method: 'minmax', direction: tree.nodes[node].direction, range: [0, 1] });
    return res.values;
  });
  const rows: (number | null)[][] = [];
  for (let c = 0; c < R * Y; c++) rows.push(cols.map((col) => col[c]));
  return rows;
}

/** Scores of every node on every cell, with the coverage behind each. */
export interface Aggregated {
  scores: Float64Array[];
  coverage: Float64Array[];
  floored: number;
}

/**
 * Aggregates bottom-up. `cells` limits the work to some cells (a Monte Carlo run needs one
 * year only); other cells stay NaN.
 */
export function aggregateTree(
  p: Prepared,
  leafValues: Float64Array[],
  weights: Float64Array,
  aggregation: readonly AggregationMethod[],
  cells?: readonly number[],
  removed?: ReadonlySet<number>,
): Aggregated {
  const { tree, R, Y } = p;
  const size = R * Y;
  const all = cells === undefined;
  const count = all ? size : cells.length;
  const scores: Float64Array[] = new Array(tree.nodes.length);
  const coverage: Float64Array[] = new Array(tree.nodes.length);
  const minCoverage = p.options.minCoverage;
  const floor = p.options.geometricFloor;
  const logFloor = Math.log(floor);
  let floored = 0;
  for (const i of tree.postOrder) {
    const node = tree.nodes[i];
    const s = new Float64Array(size).fill(NaN);
    const cov = new Float64Array(size);
    if (node.leaf >= 0) {
      if (!removed?.has(i)) {
        const src = leafValues[node.leaf];
        for (let n = 0; n < count; n++) {
          const c = all ? n : (cells[n] as number);
          s[c] = src[c];
          cov[c] = Number.isNaN(src[c]) ? 0 : 1;
        }
      }
    } else {
      // The same arithmetic as aggregate(), inlined: this loop runs for every Monte Carlo run.
      const geometric = aggregation[node.level] === 'geometric';
      const kids = removed ? node.children.filter((k) => !removed.has(k)) : node.children;
      const kidScores = kids.map((k) => scores[k]);
      const kidWeights = kids.map((k) => (weights[k] > 0 ? weights[k] : 0));
      let total = 0;
      for (const w of kidWeights) total += w;
      for (let n = 0; n < count; n++) {
        const c = all ? n : (cells[n] as number);
        let used = 0;
        for (let j = 0; j < kids.length; j++) if (!Number.isNaN(kidScores[j][c])) used += kidWeights[j];
        const cv = total > 0 ? used / total : 0;
        cov[c] = cv;
        if (!(used > 0) || cv < minCoverage) continue;
        let acc = 0;
        for (let j = 0; j < kids.length; j++) {
          const v = kidScores[j][c];
          const w = kidWeights[j];
          if (Number.isNaN(v) || w === 0) continue;
          if (!geometric) {
            acc += (w / used) * v;
          } else if (v < floor) {
            acc += (w / used) * logFloor;
            floored++;
          } else {
            acc += (w / used) * Math.log(v);
          }
        }
        s[c] = geometric ? Math.exp(acc) : acc;
      }
    }
    scores[i] = s;
    coverage[i] = cov;
  }
  return { scores, coverage, floored };
}
