import type { Analyzer } from '../tokenizer/analyzer.js';
import type { InvertedIndex } from '../index/inverted-index.js';
import { SearchError } from '../errors.js';
import { idf as bm25Idf, queryWeight } from './bm25f.js';
import type { WeightedTerm } from './maxscore.js';

/** A query term before partition statistics: id, query weight, and synonym origin. */
export interface QueryTerm {
  id: number;
  term: string;
  /** Query-side weight (saturated count; synonyms get a fraction of their source's). */
  qw: number;
  /** Source term when this one was added as a synonym. */
  via?: string;
}

export interface PreparedQuery {
  terms: QueryTerm[];
  unknown: string[];
}

export interface PrepareOptions {
  maxQueryChars: number;
  synonymWeight: number;
}

/**
 * Validates and analyses query text. Throws `SearchError`:
 * - `INVALID_ARGUMENT` when `text` is not a string;
 * - `QUERY_TOO_LONG` above `maxQueryChars` (checked before any work, so 100 kB costs nothing);
 * - `EMPTY_QUERY` when nothing searchable is left (blank, punctuation, stopwords, control
 *   characters).
 * Words that are valid but appear in no document are not an error: they are reported in
 * `unknown`, and the search returns what the other words find (possibly nothing).
 *
 * @example
 * prepareQuery(analyzer, '枸杞 深加工', { maxQueryChars: 32768, synonymWeight: 0.5 }).terms.length
 */
export function prepareQuery(analyzer: Analyzer, text: unknown, options: PrepareOptions): PreparedQuery {
  if (typeof text !== 'string') throw new SearchError('INVALID_ARGUMENT', 'query text must be a string');
  if (text.length > options.maxQueryChars) {
    throw new SearchError(
      'QUERY_TOO_LONG',
      `query text has ${text.length} characters; the limit is ${options.maxQueryChars}`,
    );
  }
  if (!text.trim()) throw new SearchError('EMPTY_QUERY', 'query text is empty');
  const a = analyzer.analyzeQuery(text);
  if (a.ids.length === 0 && a.unknown.length === 0) {
    throw new SearchError('EMPTY_QUERY', 'query has no searchable words (only stopwords, punctuation or control characters)');
  }
  const terms: QueryTerm[] = a.ids.map((id, i) => ({ id, term: analyzer.vocabulary[id], qw: queryWeight(a.counts[i]) }));
  return { terms: expandSynonyms(analyzer, terms, options.synonymWeight, a.unknown), unknown: a.unknown };
}

/**
 * Adds synonyms of the query terms with a fraction of their source's weight; a synonym already
 * in the query is left alone. Words no document contains are expanded too (weight 1 as
 * source): that is where a synonym helps most — the user wrote 电脑, the records say 计算机.
 *
 * @example
 * expandSynonyms(analyzer, terms, 0.5, ['电脑'])
 */
export function expandSynonyms(analyzer: Analyzer, terms: QueryTerm[], weight: number, unknown: readonly string[] = []): QueryTerm[] {
  if (!analyzer.hasSynonyms() || weight <= 0) return terms;
  const out = [...terms];
  const seen = new Set(terms.map((t) => t.id));
  const sources: Array<{ term: string; qw: number }> = [...terms, ...unknown.map((term) => ({ term, qw: 1 }))];
  for (const t of sources) {
    for (const syn of analyzer.synonymsOf(t.term)) {
      const id = analyzer.idOf(syn);
      if (id < 0 || seen.has(id)) continue;
      seen.add(id);
      out.push({ id, term: syn, qw: t.qw * weight, via: t.term });
    }
  }
  return out;
}

/** Query terms weighted by one partition's statistics. */
export interface WeightedQuery {
  /** Terms present in the partition, weight = qw × IDF. */
  terms: WeightedTerm[];
  /** Per weighted term: its query term (for explanations). */
  info: Array<QueryTerm & { idf: number }>;
  /**
   * Normalizer: Σ qw × IDF over the original (non-synonym) query words, including those the
   * partition or the whole engine lacks (at the IDF of an unseen term). Relevance = BM25F / norm is the share of the
   * query's weight a document matches — independent of the other candidates, so scores are
   * comparable across queries and kinds.
   */
  norm: number;
}

/**
 * Weighs prepared query terms with a partition's IDF, keeping at most `maxTerms` (the heaviest)
 * so that a pasted document cannot turn into a thousand-term query.
 *
 * @example
 * const w = weighQuery(index, prepared, 256); topKDocuments(index, w.terms, 10)
 */
export function weighQuery(index: InvertedIndex, prepared: PreparedQuery, maxTerms: number): WeightedQuery {
  index.commit();
  const n = index.indexedDocs();
  let norm = 0;
  const rows: Array<QueryTerm & { idf: number; weight: number }> = [];
  if (n === 0) return { terms: [], info: [], norm: 0 };
  for (const t of prepared.terms) {
    const df = index.df(t.id);
    const idf = bm25Idf(n, df);
    if (t.via === undefined) norm += t.qw * idf;
    if (df > 0) rows.push({ ...t, idf, weight: t.qw * idf });
  }
  // Words no document contains are part of the query too: they lower the share matched.
  norm += prepared.unknown.length * bm25Idf(n, 0);
  rows.sort((a, b) => b.weight - a.weight || a.id - b.id);
  if (rows.length > maxTerms) rows.length = maxTerms;
  return {
    terms: rows.map((r) => ({ id: r.id, weight: r.weight })),
    info: rows.map(({ weight: _w, ...rest }) => rest),
    norm,
  };
}
