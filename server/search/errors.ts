/**
 * Typed errors of the search engine. The HTTP layer maps every code to a 400 except
 * `NOT_FOUND` (404); none of them is a server fault, so none should be logged as one.
 */
export type SearchErrorCode =
  /** The query has no searchable words: empty, only punctuation, stopwords or control characters. */
  | 'EMPTY_QUERY'
  /** The query text is longer than `maxQueryChars` (default 32,768 characters). */
  | 'QUERY_TOO_LONG'
  /** A parameter is out of range or of the wrong type (kind, limit, filters, weights). */
  | 'INVALID_ARGUMENT'
  /** A record id that the engine does not hold. */
  | 'NOT_FOUND';

/** Suggested HTTP status per code, so the front door needs no switch of its own. */
export const SEARCH_ERROR_STATUS: Readonly<Record<SearchErrorCode, number>> = Object.freeze({
  EMPTY_QUERY: 400,
  QUERY_TOO_LONG: 400,
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
});

/**
 * The only error type the engine throws on bad input.
 *
 * @example
 * try { engine.search({ text: '的了吗' }); }
 * catch (e) { if (e instanceof SearchError && e.code === 'EMPTY_QUERY') reply.code(e.status); }
 */
export class SearchError extends Error {
  readonly code: SearchErrorCode;
  readonly status: number;
  constructor(code: SearchErrorCode, message: string) {
    super(message);
    this.name = 'SearchError';
    this.code = code;
    this.status = SEARCH_ERROR_STATUS[code];
  }
}

/**
 * Narrows an unknown caught value to a {@link SearchError}.
 *
 * @example
 * catch (e) { if (isSearchError(e)) return reply.code(e.status).send({ code: e.code }); throw e; }
 */
export function isSearchError(value: unknown): value is SearchError {
  return value instanceof SearchError;
}
