/**
 * computeIndex: scores every region in every year on the composite and each sub-index, ranks
 * them, measures change against the previous and the base year, groups regions by their share
 * of the average, and lists each region's strengths and weaknesses. The result keeps every
 * intermediate value so that {@link trace} can explain any number in it.
 */
import { aggregateTree, localWeights, normalizeAll, prepare, usesTreatment, anyGeometric } from './pipeline.js';
import { mean, median, rankDescending } from './stats.js';
import type {
  ComputeOptions,
  EvaluationData,
  Gap,
  IndexResult,
  IndicatorRow,
  IndicatorSystem,
  Issue,
  PerformanceGroup,
  RegionProfile,
  ResultNode,
  ScoreRow,
  YearSummary,
} from './types.js';

/** Performance groups by share of the year's average composite score, best first. */
export const PERFORMANCE_GROUPS: readonly { id: PerformanceGroup; name: { zh: string; en: string } }[] = [
  { id: 'leading', name: { zh: '领先型', en: 'Leading' } },
  { id: 'above-average', name: { zh: '较强型', en: 'Above average' } },
  { id: 'below-average', name: { zh: '追赶型', en: 'Catching up' } },
  { id: 'lagging', name: { zh: '薄弱型', en: 'Lagging' } },
];

const nul = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * Scores a data set with an indicator system.
 *
 * Defaults follow COINr: no imputation, COINr outlier treatment, min–max to 0–100 (pooled over
 * the scored years so that years are comparable), the system's expert weights, weighted
 * arithmetic means level by level.
 *
 * @example
 * const result = computeIndex(templates.countyInnovation, { observations, regions }, {
 *   imputation: ['carry-forward', 'mean'],
 *   weights: 'entropy',
 * });
 * getScore(result, '640104', 2024);          // composite score of 兴庆区 in 2024
 * getRanking(result, 2024).slice(0, 3);       // the top three
 * result.profiles.find((p) => p.region === '640104' && p.year === 2024)?.weaknesses;
 */
export function computeIndex(system: IndicatorSystem, data: EvaluationData, options: ComputeOptions = {}): IndexResult {
  const p = prepare(system, data, options);
  const { tree, R, Y, years, regions } = p;
  const o = p.options;
  const warnings: Issue[] = [...p.warnings];

  const explicitRange = typeof options.normalization === 'object' ? options.normalization.range : undefined;
  const norm = normalizeAll(p, o.normalization.method, anyGeometric(o.aggregation), explicitRange);
  const weights = localWeights(p, o.weights.method, norm.input, o.weights.overrides);
  const agg = aggregateTree(p, norm.values, weights, o.aggregation);
  if (agg.floored > 0) {
    warnings.push({
      code: 'geometric-floor',
      severity: 'warning',
      message: {
        zh: `几何平均前有 ${agg.floored} 个低于 ${o.geometricFloor} 的值被提升至 ${o.geometricFloor}`,
        en: `${agg.floored} values below ${o.geometricFloor} were raised to it before a geometric mean`,
      },
    });
  }

  // Nodes, with the weights actually used and their products down the tree.
  const global = new Float64Array(tree.nodes.length);
  global[0] = 1;
  const nodes: ResultNode[] = [];
  const preorder = (i: number) => {
    const n = tree.nodes[i];
    if (i > 0) global[i] = global[n.parent] * weights[i];
    nodes.push({
      code: n.code,
      name: n.name,
      level: n.level,
      parent: n.parent >= 0 ? tree.nodes[n.parent].code : null,
      children: n.children.map((c) => tree.nodes[c].code),
      isLeaf: n.leaf >= 0,
      direction: n.leaf >= 0 ? n.direction : null,
      unit: n.leaf >= 0 ? n.def?.unit ?? null : null,
      weight: weights[i],
      globalWeight: global[i],
    });
    n.children.forEach(preorder);
  };
  preorder(0);

  // Ranks per node and year; changes against the previous scored year and the base year.
  const baseY = years.indexOf(o.baseYear);
  const ranks: Float64Array[] = tree.nodes.map(() => new Float64Array(R * Y).fill(NaN));
  for (const node of tree.nodes) {
    for (let y = 0; y < Y; y++) {
      const col: number[] = [];
      for (let r = 0; r < R; r++) col.push(agg.scores[node.index][r * Y + y]);
      const rk = rankDescending(col);
      for (let r = 0; r < R; r++) ranks[node.index][r * Y + y] = rk[r];
    }
  }
  const scores: ScoreRow[] = [];
  for (const n of nodes) {
    const i = tree.byCode.get(n.code) as number;
    for (let r = 0; r < R; r++) {
      for (let y = 0; y < Y; y++) {
        const c = r * Y + y;
        const s = agg.scores[i][c];
        const rk = ranks[i][c];
        const prev = y > 0 ? c - 1 : -1;
        const base = r * Y + baseY;
        const diff = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) ? null : a - b);
        scores.push({
          node: n.code,
          region: regions[r].code,
          year: years[y],
          score: nul(s),
          rank: nul(rk),
          coverage: agg.coverage[i][c],
          change: { previous: prev >= 0 ? diff(s, agg.scores[i][prev]) : null, base: diff(s, agg.scores[i][base]) },
          // A smaller rank number is better, so positions gained = old rank − new rank.
          rankChange: { previous: prev >= 0 ? diff(ranks[i][prev], rk) : null, base: diff(ranks[i][base], rk) },
        });
      }
    }
  }

  // The pipeline, value by value, for the leaves.
  const treatedUsed = usesTreatment(o.normalization.method);
  const indicators: IndicatorRow[] = [];
  tree.leaves.forEach((node, l) => {
    for (let r = 0; r < R; r++) {
      for (let y = 0; y < Y; y++) {
        const c = r * Y + y;
        const flag = treatedUsed ? p.treatedFlag[l][c] : 0;
        indicators.push({
          indicator: tree.nodes[node].code,
          region: regions[r].code,
          year: years[y],
          raw: nul(p.raw[l][c]),
          value: nul(p.imputed[l][c]),
          imputation: p.imputedBy[l][c],
          treated: nul(norm.input[l][c]),
          treatment: flag === 1 ? 'winsorised' : flag === 2 ? 'log' : null,
          normalized: nul(norm.values[l][c]),
        });
      }
    }
  });
  const treatment = treatedUsed
    ? p.treatment
    : p.treatment.map((t) => ({ ...t, method: 'skipped' as const, winsorised: 0, skewAfter: t.skew, kurtAfter: t.kurt, pass: null }));

  const { profiles, summary } = profilesAndSummary(p, agg.scores, ranks, warnings);

  return {
    system: { code: system.code, version: system.version, name: system.name },
    options: o,
    years: [...years],
    regions: regions.map((r) => ({ ...r })),
    nodes,
    scores,
    indicators,
    treatment,
    normalization: norm.records,
    profiles,
    summary,
    warnings,
  };
}

function groupOf(share: number, t: readonly [number, number, number]): PerformanceGroup {
  if (share >= t[0]) return 'leading';
  if (share >= t[1]) return 'above-average';
  if (share >= t[2]) return 'below-average';
  return 'lagging';
}

function profilesAndSummary(
  p: ReturnType<typeof prepare>,
  scores: Float64Array[],
  ranks: Float64Array[],
  warnings: Issue[],
): { profiles: RegionProfile[]; summary: YearSummary[] } {
  const { tree, R, Y, years, regions, options: o } = p;
  const level1 = tree.nodes[0].children;
  const profiles: RegionProfile[] = [];
  const summary: YearSummary[] = [];
  const baseY = years.indexOf(o.baseYear);

  for (let y = 0; y < Y; y++) {
    const comp: number[] = [];
    for (let r = 0; r < R; r++) comp.push(scores[0][r * Y + y]);
    const avg = mean(comp);
    if (!(avg > 0) && comp.some((v) => !Number.isNaN(v))) {
      warnings.push({
        code: 'groups-undefined',
        severity: 'warning',
        year: years[y],
        message: { zh: `${years[y]} 年平均得分不为正，无法按平均值比例分组`, en: `${years[y]}: the average score is not positive, so groups by share of the average are undefined` },
      });
    }
    const groups: Record<PerformanceGroup, number> = { leading: 0, 'above-average': 0, 'below-average': 0, lagging: 0 };

    // Peer medians per leaf / level-1 node: all regions, or each region's own group.
    const peerKey = (r: number) => (o.peers === 'group' && regions[r].group !== undefined ? regions[r].group : '*');
    const medians = new Map<string, number>();
    const peerMedian = (node: number, r: number) => {
      const key = `${node}|${peerKey(r)}`;
      let m = medians.get(key);
      if (m === undefined) {
        const vals: number[] = [];
        for (let k = 0; k < R; k++) if (peerKey(k) === peerKey(r)) vals.push(scores[node][k * Y + y]);
        m = median(vals);
        medians.set(key, m);
      }
      return m;
    };
    const gapsFor = (list: readonly number[], r: number): Gap[] => {
      const out: Gap[] = [];
      for (const node of list) {
        const v = scores[node][r * Y + y];
        const m = peerMedian(node, r);
        if (Number.isNaN(v) || Number.isNaN(m)) continue;
        out.push({ node: tree.nodes[node].code, value: v, peerMedian: m, gap: v - m });
      }
      return out;
    };

    for (let r = 0; r < R; r++) {
      const s = scores[0][r * Y + y];
      const share = Number.isNaN(s) || !(avg > 0) ? null : s / avg;
      const group = share === null ? null : groupOf(share, o.groupThresholds);
      if (group) groups[group]++;
      const leafGaps = gapsFor(tree.leaves, r);
      const strengths = leafGaps.filter((g) => g.gap > 0).sort((a, b) => b.gap - a.gap).slice(0, o.profileSize);
      const weaknesses = leafGaps.filter((g) => g.gap < 0).sort((a, b) => a.gap - b.gap).slice(0, o.profileSize);
      profiles.push({
        region: regions[r].code,
        year: years[y],
        score: nul(s),
        rank: nul(ranks[0][r * Y + y]),
        share,
        group,
        strengths,
        weaknesses,
        subIndices: gapsFor(level1, r),
      });
    }

    const present = comp.filter((v) => !Number.isNaN(v));
    const changes = (ref: number) => {
      const d: number[] = [];
      if (ref < 0) return d;
      for (let r = 0; r < R; r++) {
        const a = scores[0][r * Y + y];
        const b = scores[0][r * Y + ref];
        if (!Number.isNaN(a) && !Number.isNaN(b)) d.push(a - b);
      }
      return d;
    };
    const dPrev = changes(y - 1);
    const dBase = y === baseY ? [] : changes(baseY);
    summary.push({
      year: years[y],
      scored: present.length,
      mean: present.length ? avg : null,
      median: present.length ? median(present) : null,
      min: present.length ? Math.min(...present) : null,
      max: present.length ? Math.max(...present) : null,
      meanChangeFromPrevious: dPrev.length ? mean(dPrev) : null,
      meanChangeFromBase: dBase.length ? mean(dBase) : null,
      improvedFromPrevious: dPrev.filter((d) => d > 0).length,
      improvedFromBase: dBase.filter((d) => d > 0).length,
      groups,
    });
  }
  return { profiles, summary };
}

const indexCache = new WeakMap<IndexResult, Map<string, ScoreRow>>();

function rowIndex(result: IndexResult): Map<string, ScoreRow> {
  let m = indexCache.get(result);
  if (!m) {
    m = new Map();
    for (const row of result.scores) m.set(`${row.node}|${row.region}|${row.year}`, row);
    indexCache.set(result, m);
  }
  return m;
}

/**
 * The score row of a node (default: the composite) for a region and year, or undefined.
 *
 * @example getScoreRow(result, '640104', 2024, 'B')?.rank
 */
export function getScoreRow(result: IndexResult, region: string, year: number, node: string = result.system.code): ScoreRow | undefined {
  return rowIndex(result).get(`${node}|${region}|${year}`);
}

/** A node's score (default: the composite) for a region and year; null when not scored. */
export function getScore(result: IndexResult, region: string, year: number, node: string = result.system.code): number | null {
  return getScoreRow(result, region, year, node)?.score ?? null;
}

/**
 * The regions of a year ordered by a node's score (default: the composite), best first;
 * regions without a score come last.
 */
export function getRanking(result: IndexResult, year: number, node: string = result.system.code): ScoreRow[] {
  return result.scores
    .filter((r) => r.node === node && r.year === year)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.region.localeCompare(b.region));
}
