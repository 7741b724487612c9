/**
 * Plain-data types of the evaluation engine: indicator systems, observations, method options
 * and results. Everything here is JSON-serialisable so the platform can store a result as it
 * was published and reports can be regenerated from it without recomputing.
 */

/** +1: a higher value is better (R&D intensity); -1: a lower value is better (energy use per GDP). */
export type Direction = 1 | -1;

/** A text in both languages the platform speaks; Chinese is what reports print. */
export interface Text {
  zh: string;
  en: string;
}

/**
 * One node of an indicator system. Nodes whose `parent` is null are level 1 (一级指标); the
 * composite index itself is the implicit root, addressed by the system's `code`. Leaves carry
 * data; inner nodes are sub-indices aggregated from their children.
 *
 * @example
 * { code: 'B1', name: { zh: 'R&D经费投入强度', en: 'R&D expenditure intensity' }, parent: 'B',
 *   weight: 0.3, direction: 1, unit: '%', source: '统计局 R&D 统计', range: { min: 0, max: 20 } }
 */
export interface IndicatorDefinition {
  code: string;
  name: Text;
  /** Code of the parent node; null for a level-1 node. */
  parent: string | null;
  /** Weight within the parent (siblings sum to 1, or to 100 when written as percentages). */
  weight: number;
  /** Leaves only; defaults to 1. */
  direction?: Direction;
  /** Leaves only, required there: '%', '件', '万元', '人年/万人' … */
  unit?: string;
  /** Where the figure comes from (statistical yearbook, survey, the platform's ledger). */
  source?: string;
  notes?: string;
  /** Plausible bounds used by the data checks (a share cannot exceed 100 %). */
  range?: { min?: number; max?: number };
  /** Target for distance-to-target normalisation (x / target × 100, capped at 100). */
  target?: number;
  /** For indicators the platform computes itself: the name of the ledger query that yields it. */
  ledgerKey?: string;
}

/**
 * A versioned indicator system. A year is always scored with the version that was in force
 * for it (see {@link systemForYear}); `validFrom` is the first year a version applies to.
 */
export interface IndicatorSystem {
  code: string;
  version: string;
  name: Text;
  validFrom?: number;
  description?: Text;
  indicators: IndicatorDefinition[];
}

/** One figure: a region's value of a leaf indicator in a year. `null` records a known gap. */
export interface Observation {
  region: string;
  year: number;
  indicator: string;
  value: number | null;
  /** The unit the figure was reported in, checked against the indicator's unit when present. */
  unit?: string;
  source?: string;
  /** Where the figure came from in an upload (e.g. 'Sheet1!D7'), echoed back in data issues. */
  ref?: string;
}

/** A scored unit (county, city, province). `group` is used for group-mean imputation and peer groups. */
export interface RegionInfo {
  code: string;
  name?: string;
  group?: string;
}

/** The input data set: observations plus, optionally, the list of regions to score. */
export interface EvaluationData {
  observations: readonly Observation[];
  /** When omitted, the regions are those that appear in the observations. */
  regions?: readonly RegionInfo[];
}

export type ImputationMethod = 'none' | 'mean' | 'median' | 'group-mean' | 'carry-forward';
export type NormalizationMethod = 'minmax' | 'zscore' | 'target' | 'rank';
export type WeightMethod = 'expert' | 'equal' | 'entropy' | 'critic';
export type AggregationMethod = 'arithmetic' | 'geometric';
/** Whether a method's statistics are taken over all scored years at once or year by year. */
export type Scope = 'pooled' | 'year';

export interface TreatmentOptions {
  /** 'coinr' (default): winsorise while |skew| ≥ 2 and kurtosis ≥ 3.5, up to `winmax` points, else log. */
  method: 'coinr' | 'none';
  winmax?: number;
  skewThreshold?: number;
  kurtThreshold?: number;
  scope?: Scope;
  /** Indicator codes left untreated. */
  exclude?: string[];
}

export interface NormalizationOptions {
  method: NormalizationMethod;
  scope?: Scope;
  /** Output interval of min–max and rank; default [0, 100], or [1, 100] when any level is geometric. */
  range?: [number, number];
  /** Mean and standard deviation of z-scores; default 100 and 10 so scores stay positive. */
  zMean?: number;
  zSd?: number;
  /** Targets by indicator code, overriding the system's `target` fields. */
  targets?: Record<string, number>;
}

export interface WeightOptions {
  method: WeightMethod;
  /** Explicit weights by node code (within the parent), overriding the method's value for those nodes. */
  overrides?: Record<string, number>;
}

/** Every choice `computeIndex` makes, with the defaults filled in (recorded in the result). */
export interface ResolvedOptions {
  years: number[];
  baseYear: number;
  imputation: ImputationMethod[];
  treatment: Required<Omit<TreatmentOptions, 'exclude'>> & { exclude: string[] };
  normalization: Required<Omit<NormalizationOptions, 'targets'>> & { targets: Record<string, number> };
  weights: Required<WeightOptions>;
  /** Aggregation used by each parent level: [0] combines level-1 nodes into the composite, [1] level-2 into level-1 … */
  aggregation: AggregationMethod[];
  /** Values below this are raised to it before a geometric mean (log of zero is undefined). */
  geometricFloor: number;
  /** A parent is scored only when this share of its children's weight has data (0 = any). */
  minCoverage: number;
  /** Lower bounds of the performance groups as shares of the year's average composite score. */
  groupThresholds: [number, number, number];
  /** How many strengths and weaknesses to list per region. */
  profileSize: number;
  /** Peers for strengths and weaknesses: every scored region, or those of the same group. */
  peers: 'all' | 'group';
}

/** Options of {@link computeIndex}; every field is optional. */
export interface ComputeOptions {
  years?: number[];
  baseYear?: number;
  imputation?: ImputationMethod | ImputationMethod[];
  treatment?: TreatmentOptions['method'] | TreatmentOptions;
  normalization?: NormalizationMethod | NormalizationOptions;
  weights?: WeightMethod | WeightOptions;
  aggregation?: AggregationMethod | AggregationMethod[];
  geometricFloor?: number;
  minCoverage?: number;
  groupThresholds?: [number, number, number];
  profileSize?: number;
  peers?: 'all' | 'group';
}

export type IssueSeverity = 'error' | 'warning';

/** A problem found in a system or a data set, in both languages, pointing at what it concerns. */
export interface Issue {
  code: string;
  severity: IssueSeverity;
  message: Text;
  indicator?: string;
  region?: string;
  year?: number;
  value?: number | null;
  ref?: string;
}

/** A node of the scored tree, as recorded in a result. */
export interface ResultNode {
  code: string;
  name: Text;
  /** 0 for the composite, 1–3 for indicator levels. */
  level: number;
  parent: string | null;
  children: string[];
  isLeaf: boolean;
  direction: Direction | null;
  unit: string | null;
  /** Weight within the parent actually used (siblings sum to 1); 1 for the composite. */
  weight: number;
  /** Product of weights from the composite down to this node (its nominal share of the composite). */
  globalWeight: number;
}

/** A node's score for a region and year, with its rank and changes. */
export interface ScoreRow {
  node: string;
  region: string;
  year: number;
  score: number | null;
  /** 1 = best; ties share the better rank. */
  rank: number | null;
  /** Share of the children's weight that had data (1 for a leaf with data). */
  coverage: number;
  /** Score minus the score in the previous scored year / the base year. */
  change: { previous: number | null; base: number | null };
  /** Positions gained since the previous scored year / the base year (positive = moved up). */
  rankChange: { previous: number | null; base: number | null };
}

/** How one leaf value went through the pipeline. */
export interface IndicatorRow {
  indicator: string;
  region: string;
  year: number;
  raw: number | null;
  /** The value after imputation (equals raw when nothing was imputed). */
  value: number | null;
  imputation: ImputationMethod | null;
  treated: number | null;
  treatment: 'winsorised' | 'log' | null;
  normalized: number | null;
}

/** What outlier treatment did to one indicator (per year when the scope is 'year'). */
export interface TreatmentRecord {
  indicator: string;
  year: number | null;
  /** 'skipped' when the normalisation works on raw units (distance to target) or ranks, which need no treatment. */
  method: 'none' | 'winsorise' | 'log' | 'excluded' | 'too-few-values' | 'skipped';
  winsorised: number;
  skew: number | null;
  kurt: number | null;
  skewAfter: number | null;
  kurtAfter: number | null;
  /** Whether the treated values pass the skew/kurtosis check. */
  pass: boolean | null;
}

/** The parameters one indicator was normalised with (per year when the scope is 'year'). */
export interface NormalizationRecord {
  indicator: string;
  year: number | null;
  method: NormalizationMethod;
  direction: Direction;
  min?: number;
  max?: number;
  mean?: number;
  sd?: number;
  target?: number;
  targetSource?: 'system' | 'options' | 'best-observed';
  count: number;
  range?: [number, number];
}

export type PerformanceGroup = 'leading' | 'above-average' | 'below-average' | 'lagging';

/** An indicator or sub-index compared with the peer median on the normalised scale. */
export interface Gap {
  node: string;
  value: number;
  peerMedian: number;
  gap: number;
}

/** A region's year in brief: composite score, rank, group, strengths and weaknesses. */
export interface RegionProfile {
  region: string;
  year: number;
  score: number | null;
  rank: number | null;
  /** Composite score as a share of the year's average. */
  share: number | null;
  group: PerformanceGroup | null;
  strengths: Gap[];
  weaknesses: Gap[];
  /** Every level-1 sub-index against its peer median. */
  subIndices: Gap[];
}

/** One year across regions: the headline figures of a monitoring report. */
export interface YearSummary {
  year: number;
  scored: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  meanChangeFromPrevious: number | null;
  meanChangeFromBase: number | null;
  improvedFromPrevious: number;
  improvedFromBase: number;
  groups: Record<PerformanceGroup, number>;
}

/** Everything {@link computeIndex} produced, enough to trace every published number. */
export interface IndexResult {
  system: { code: string; version: string; name: Text };
  options: ResolvedOptions;
  years: number[];
  regions: RegionInfo[];
  /** Pre-order: composite first, then each level-1 node followed by its subtree. */
  nodes: ResultNode[];
  scores: ScoreRow[];
  indicators: IndicatorRow[];
  treatment: TreatmentRecord[];
  normalization: NormalizationRecord[];
  profiles: RegionProfile[];
  summary: YearSummary[];
  warnings: Issue[];
}
