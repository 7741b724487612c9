/**
 * Traceability: for any published number — a region's score on a node in a year — the values
 * and weights that produced it, step by step: raw → imputed → treated → normalised for an
 * indicator; children, weights and contributions for a sub-index or the composite; and the path
 * of weights up to the composite. Everything is read back from the result, so a number in a
 * report generated months later traces to exactly what was published.
 */
import { getScoreRow } from './compute.js';
import { EvaluationError } from './errors.js';
import type {
  AggregationMethod,
  Direction,
  ImputationMethod,
  IndexResult,
  IndicatorRow,
  NormalizationRecord,
  ResultNode,
  Text,
  TreatmentRecord,
} from './types.js';

export interface TraceQuery {
  region: string;
  year: number;
  /** Node code; default the composite (the system's code). */
  node?: string;
}

/** One child's part in its parent's score. */
export interface TraceTerm {
  node: string;
  name: Text;
  score: number | null;
  /** Nominal weight within the parent. */
  weight: number;
  /** Weight after dropping children without data (siblings with data sum to 1). */
  effectiveWeight: number;
  /** Arithmetic: weight × score, the terms sum to the parent. Geometric: weight × ln(score), the terms sum to ln(parent). */
  contribution: number | null;
}

export interface TraceStep {
  code: string;
  name: Text;
  level: number;
  /** Nominal weight within the parent (1 for the composite). */
  weight: number;
  /** Effective weight in this region-year (null for the composite). */
  effectiveWeight: number | null;
  score: number | null;
}

export interface IndicatorTrace {
  unit: string | null;
  direction: Direction;
  raw: number | null;
  imputation: ImputationMethod | null;
  /** After imputation. */
  value: number | null;
  treatment: { indicator: TreatmentRecord | null; point: IndicatorRow['treatment'] };
  /** The value that entered normalisation. */
  treated: number | null;
  normalization: NormalizationRecord | null;
  normalized: number | null;
  /** The normalisation written out with this region's numbers. */
  formula: string;
}

export interface Trace {
  system: { code: string; version: string };
  region: string;
  year: number;
  node: { code: string; name: Text; level: number; isLeaf: boolean };
  score: number | null;
  rank: number | null;
  coverage: number;
  /** From the composite down to this node. */
  path: TraceStep[];
  /** This node's part in its parent (null for the composite). */
  inParent: (TraceTerm & { parent: string; method: AggregationMethod }) | null;
  /** The node's share of the composite score when every level above it is arithmetic; else null. */
  compositeContribution: number | null;
  /** Inner nodes: how the children were combined. */
  aggregation: { method: AggregationMethod; formula: string; terms: TraceTerm[]; recomputed: number | null } | null;
  /** Inner nodes with arithmetic all the way down: each leaf's contribution to this node's score. */
  leafContributions: { indicator: string; normalized: number | null; weight: number; contribution: number }[] | null;
  /** Leaves: the value's way through the pipeline. */
  indicator: IndicatorTrace | null;
}

const r4 = (x: number) => String(Math.round(x * 1e4) / 1e4);

function nodeMap(result: IndexResult): Map<string, ResultNode> {
  return new Map(result.nodes.map((n) => [n.code, n]));
}

function terms(result: IndexResult, parent: ResultNode, region: string, year: number, byCode: Map<string, ResultNode>): TraceTerm[] {
  const method = result.options.aggregation[parent.level];
  const floor = result.options.geometricFloor;
  const scores = parent.children.map((c) => getScoreRow(result, region, year, c)?.score ?? null);
  const used = parent.children.reduce((s, c, k) => s + (scores[k] !== null ? (byCode.get(c) as ResultNode).weight : 0), 0);
  return parent.children.map((c, k) => {
    const child = byCode.get(c) as ResultNode;
    const score = scores[k];
    const ew = score !== null && used > 0 ? child.weight / used : 0;
    const contribution = score === null ? null : method === 'arithmetic' ? ew * score : ew * Math.log(Math.max(score, floor));
    return { node: c, name: child.name, score, weight: child.weight, effectiveWeight: ew, contribution };
  });
}

function normalizationFormula(rec: NormalizationRecord | null, x: number | null, out: number | null, z: { mean: number; sd: number }): string {
  if (!rec || x === null || out === null) return '—';
  const res = r4(out);
  switch (rec.method) {
    case 'minmax': {
      const [lo, hi] = rec.range ?? [0, 100];
      const min = rec.min as number;
      const max = rec.max as number;
      const scale = hi - lo === 100 && lo === 0 ? '× 100' : `× (${hi} − ${lo}) + ${lo}`;
      return rec.direction === 1
        ? `(${r4(x)} − ${r4(min)}) / (${r4(max)} − ${r4(min)}) ${scale} = ${res}`
        : `(${r4(max)} − ${r4(x)}) / (${r4(max)} − ${r4(min)}) ${scale} = ${res}`;
    }
    case 'zscore':
      return rec.direction === 1
        ? `(${r4(x)} − ${r4(rec.mean as number)}) / ${r4(rec.sd as number)} × ${z.sd} + ${z.mean} = ${res}`
        : `(${r4(rec.mean as number)} − ${r4(x)}) / ${r4(rec.sd as number)} × ${z.sd} + ${z.mean} = ${res}`;
    case 'target':
      if (rec.target === undefined) return `no positive target = ${res}`;
      return rec.direction === 1 ? `min(${r4(x)} / ${r4(rec.target)}, 1) × 100 = ${res}` : `min(${r4(rec.target)} / ${r4(x)}, 1) × 100 = ${res}`;
    case 'rank':
      return `percentile rank of ${r4(x)} among ${rec.count} values = ${res}`;
  }
}

/**
 * Explains one number of a result.
 *
 * @example
 * const t = trace(result, { region: '640104', year: 2024, node: 'B1' });
 * t.indicator?.formula   // '(2.41 − 0.12) / (5.3 − 0.12) × 100 = 44.2085'
 * t.inParent?.contribution, t.compositeContribution
 * trace(result, { region: '640104', year: 2024 }).aggregation?.terms // the level-1 sub-indices
 */
export function trace(result: IndexResult, query: TraceQuery): Trace {
  const code = query.node ?? result.system.code;
  const byCode = nodeMap(result);
  const node = byCode.get(code);
  if (!node) throw new EvaluationError('NOT_FOUND', `No node ${code} in the result`);
  const row = getScoreRow(result, query.region, query.year, code);
  if (!row) throw new EvaluationError('NOT_FOUND', `No score for region ${query.region} in ${query.year}`);

  // Path from the composite down.
  const chain: ResultNode[] = [];
  for (let n: ResultNode | undefined = node; n; n = n.parent === null ? undefined : byCode.get(n.parent)) chain.unshift(n);
  const path: TraceStep[] = chain.map((n, k) => {
    let ew: number | null = null;
    if (k > 0) {
      const t = terms(result, chain[k - 1], query.region, query.year, byCode).find((x) => x.node === n.code);
      ew = t ? t.effectiveWeight : 0;
    }
    return { code: n.code, name: n.name, level: n.level, weight: n.weight, effectiveWeight: ew, score: getScoreRow(result, query.region, query.year, n.code)?.score ?? null };
  });

  let inParent: Trace['inParent'] = null;
  if (node.parent !== null) {
    const parent = byCode.get(node.parent) as ResultNode;
    const t = terms(result, parent, query.region, query.year, byCode).find((x) => x.node === code) as TraceTerm;
    inParent = { ...t, parent: parent.code, method: result.options.aggregation[parent.level] };
  }

  // Share of the composite: product of effective weights when every level above is arithmetic.
  let compositeContribution: number | null = null;
  if (row.score !== null && chain.slice(0, -1).every((n) => result.options.aggregation[n.level] === 'arithmetic')) {
    compositeContribution = path.slice(1).reduce((acc, s) => acc * (s.effectiveWeight ?? 0), 1) * row.score;
  }

  let aggregation: Trace['aggregation'] = null;
  let leafContributions: Trace['leafContributions'] = null;
  if (!node.isLeaf) {
    const method = result.options.aggregation[node.level];
    const ts = terms(result, node, query.region, query.year, byCode);
    const present = ts.filter((t) => t.contribution !== null);
    let recomputed: number | null = null;
    let formula = '—';
    if (present.length > 0 && row.score !== null) {
      const sum = present.reduce((s, t) => s + (t.contribution as number), 0);
      recomputed = method === 'arithmetic' ? sum : Math.exp(sum);
      formula =
        method === 'arithmetic'
          ? `${present.map((t) => `${r4(t.effectiveWeight)} × ${r4(t.score as number)}`).join(' + ')} = ${r4(recomputed)}`
          : `${present.map((t) => `${r4(t.score as number)}^${r4(t.effectiveWeight)}`).join(' × ')} = ${r4(recomputed)}`;
    }
    aggregation = { method, formula, terms: ts, recomputed };

    // Leaf contributions when the subtree is arithmetic at every level.
    const subtreeArithmetic = (n: ResultNode): boolean =>
      n.isLeaf || (result.options.aggregation[n.level] === 'arithmetic' && n.children.every((c) => subtreeArithmetic(byCode.get(c) as ResultNode)));
    if (row.score !== null && subtreeArithmetic(node)) {
      leafContributions = [];
      const walk = (n: ResultNode, w: number) => {
        for (const t of terms(result, n, query.region, query.year, byCode)) {
          const child = byCode.get(t.node) as ResultNode;
          const cw = w * t.effectiveWeight;
          if (child.isLeaf) {
            leafContributions?.push({ indicator: child.code, normalized: t.score, weight: cw, contribution: t.score === null ? 0 : cw * t.score });
          } else {
            walk(child, cw);
          }
        }
      };
      walk(node, 1);
    }
  }

  let indicator: IndicatorTrace | null = null;
  if (node.isLeaf) {
    const ir = result.indicators.find((r) => r.indicator === code && r.region === query.region && r.year === query.year);
    const rec =
      result.normalization.find((n) => n.indicator === code && (n.year === null || n.year === query.year)) ?? null;
    const trec = result.treatment.find((t) => t.indicator === code && (t.year === null || t.year === query.year)) ?? null;
    indicator = {
      unit: node.unit,
      direction: node.direction ?? 1,
      raw: ir?.raw ?? null,
      imputation: ir?.imputation ?? null,
      value: ir?.value ?? null,
      treatment: { indicator: trec, point: ir?.treatment ?? null },
      treated: ir?.treated ?? null,
      normalization: rec,
      normalized: ir?.normalized ?? null,
      formula: normalizationFormula(rec, ir?.treated ?? null, ir?.normalized ?? null, {
        mean: result.options.normalization.zMean,
        sd: result.options.normalization.zSd,
      }),
    };
  }

  return {
    system: { code: result.system.code, version: result.system.version },
    region: query.region,
    year: query.year,
    node: { code: node.code, name: node.name, level: node.level, isLeaf: node.isLeaf },
    score: row.score,
    rank: row.rank,
    coverage: row.coverage,
    path,
    inParent,
    compositeContribution,
    aggregation,
    leafContributions,
    indicator,
  };
}
