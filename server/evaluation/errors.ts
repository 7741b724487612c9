import type { Issue } from './types.js';

export type EvaluationErrorCode =
  /** The indicator system fails validation; `issues` lists every problem at once. */
  | 'INVALID_SYSTEM'
  /** An option is out of range or inconsistent (unknown method, a year with no data, a bad target). */
  | 'INVALID_OPTIONS'
  /** Nothing to score: no regions, no years or no leaf with data. */
  | 'NO_DATA'
  /** A region, year or node asked of a result that the result does not hold. */
  | 'NOT_FOUND';

/** Suggested HTTP status per code, so the front door needs no switch of its own. */
export const EVALUATION_ERROR_STATUS: Readonly<Record<EvaluationErrorCode, number>> = Object.freeze({
  INVALID_SYSTEM: 400,
  INVALID_OPTIONS: 400,
  NO_DATA: 400,
  NOT_FOUND: 404,
});

/**
 * The only error type the engine throws on bad input.
 *
 * @example
 * try { computeIndex(system, data, { normalization: 'target' }); }
 * catch (e) { if (e instanceof EvaluationError) console.log(e.code, e.issues.map((i) => i.message.zh)); }
 */
export class EvaluationError extends Error {
  readonly code: EvaluationErrorCode;
  readonly status: number;
  readonly issues: Issue[];
  constructor(code: EvaluationErrorCode, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'EvaluationError';
    this.code = code;
    this.status = EVALUATION_ERROR_STATUS[code];
    this.issues = issues;
  }
}

/** Narrows an unknown caught value to an {@link EvaluationError}. */
export function isEvaluationError(value: unknown): value is EvaluationError {
  return value instanceof EvaluationError;
}
