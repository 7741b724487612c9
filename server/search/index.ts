/**
 * Public API of the Shanhai matching engine — a pure library (no database, no HTTP).
 * See docs/search.md for the design and examples.
 */
export { createSearchEngine, SearchEngine } from './engine.js';
export type { DemandsForOptions, EngineStats, SearchEngineOptions, SuggestOptions, Suggestions } from './engine.js';
export { SearchError, isSearchError, SEARCH_ERROR_STATUS } from './errors.js';
export type { SearchErrorCode } from './errors.js';
export { KINDS } from './types.js';
export type {
  AgreementReason,
  FieldFrequencies,
  Kind,
  LoadReason,
  MatchContext,
  MatchParams,
  MatchQuery,
  MatchWeights,
  PairingReason,
  PublicationReason,
  PublicationRecord,
  Reason,
  RecencyReason,
  SearchFilters,
  SearchHit,
  SearchQuery,
  SearchRecord,
  SearchResult,
  TermReason,
} from './types.js';
export { DEFAULT_PARAMS, DEFAULT_WEIGHTS } from './rank/signals.js';
export { DEFAULT_BM25F, createBm25f, createPlainBm25 } from './rank/bm25f.js';
export type { Bm25fParams, ImpactModel } from './rank/bm25f.js';
export { SIDES, encodeRegion, sideOfRegion } from './index/facets.js';
export type { Side } from './index/facets.js';
export { Analyzer } from './tokenizer/analyzer.js';
export type { AnalyzerOptions } from './tokenizer/analyzer.js';
export { normalizeText } from './tokenizer/normalize.js';
export { loadUserDictionary, parseUserDictionary } from './tokenizer/dictionary.js';
export type { UserWord, UserDictionaryOptions } from './tokenizer/dictionary.js';
export { loadStopwordFile, parseStopwords, CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './tokenizer/stopwords.js';
export { loadSynonymFile, parseSynonyms } from './tokenizer/synonyms.js';
export { sumReasons } from './explain/explain.js';
export type { FacetSuggestion, KeywordSuggestion } from './suggest/suggest.js';
