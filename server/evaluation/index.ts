/**
 * Public API of the Shanhai evaluation engine — a pure library (no database, no HTTP): indicator
 * systems, data checks, composite indices with COINr's conventions, uncertainty analysis and
 * traceability. See docs/evaluation.md for the methods, formulas and examples.
 */
export { computeIndex, getRanking, getScore, getScoreRow, PERFORMANCE_GROUPS } from './compute.js';
export { checkData } from './check.js';
export type { CheckOptions, DataCheck, IndicatorCoverage, MissingCell, OutlierFlag } from './check.js';
export { sensitivity } from './sensitivity.js';
export type { RegionUncertainty, RemovalImpact, SensitivityOptions, SensitivityResult } from './sensitivity.js';
export { trace } from './trace.js';
export type { IndicatorTrace, Trace, TraceQuery, TraceStep, TraceTerm } from './trace.js';
export { assertValidSystem, leafIndicators, MAX_LEVEL, systemForYear, validateSystem } from './system.js';
export { copySystem, LEDGER_QUERIES, templates } from './templates/index.js';
export type { LedgerQuery } from './templates/index.js';
export { observationsFromLedger } from './ledger.js';
export type { LedgerValue } from './ledger.js';
export { EvaluationError, EVALUATION_ERROR_STATUS, isEvaluationError } from './errors.js';
export type { EvaluationErrorCode } from './errors.js';
export { sampleData } from './sample-data.js';
export type { SampleDataOptions } from './sample-data.js';
// The building blocks, for callers that need one method on its own (and for checking against R).
export { aggregate } from './aggregate.js';
export type { AggregateOptions, AggregateResult } from './aggregate.js';
export { imputePanel } from './impute.js';
export type { ImputeOptions, PanelImputation } from './impute.js';
export { normalizeValues } from './normalize.js';
export type { NormalizeParams, NormalizeResult, NormalizeSpec } from './normalize.js';
export { checkSkewKurt, logCT, treatOutliers, winsorise } from './treat.js';
export type { SkewKurtCheck, TreatResult, WinsoriseResult } from './treat.js';
export { criticWeights, entropyWeights, equalWeights, normalizeWeights, perturbWeights } from './weights.js';
export { createRandom } from './random.js';
export type { Random } from './random.js';
export { kurt, mean, median, pearson, quantile, rankDescending, sampleSd, skew } from './stats.js';
export type * from './types.js';
