import type { Analyzer } from '../tokenizer/analyzer.js';
import type { InvertedIndex } from '../index/inverted-index.js';
import type { FacetDictionary } from '../index/facets.js';
import { idf as bm25Idf } from '../rank/bm25f.js';
import { topKDocuments } from '../rank/maxscore.js';
import { weighQuery, type PreparedQuery } from '../rank/query.js';

/** What suggestions read from the engine. */
export interface SuggestSource {
  analyzer: Analyzer;
  /** Every partition, publications included: the corpus the IDF and the neighbours come from. */
  indexes: readonly InvertedIndex[];
  disciplines: FacetDictionary;
  industries: FacetDictionary;
  maxQueryTerms: number;
}

export interface KeywordSuggestion {
  /** The word as it appears in the text (lower-cased, simplified). */
  word: string;
  /** The index term (stemmed for English). */
  term: string;
  /** (1 + ln tf) × IDF over the engine's corpus. */
  score: number;
}

export interface FacetSuggestion {
  value: string;
  /** Share of the neighbours' relevance voting for this value (the list sums to ≤ 1). */
  score: number;
  /** Number of neighbours carrying the value. */
  support: number;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Keywords for a text by TF-IDF, with the IDF learned from everything the engine indexes.
 * Whole words (jieba's precise mode) are candidates; single characters, numbers and stopwords
 * are not. Words the corpus has never seen get the IDF of a word seen once: they may be the
 * most specific words of the text, but they may also be typos, so they do not outrank
 * everything.
 *
 * @example
 * suggestKeywords(src, '枸杞多糖的提取与纯化工艺研究', 5)
 * // [{ word: '枸杞多糖', term: '枸杞多糖', score: 9.1 }, { word: '纯化', … }, …]
 */
export function suggestKeywords(src: SuggestSource, text: string, limit: number): KeywordSuggestion[] {
  const words = src.analyzer.words(text);
  const byTerm = new Map<string, { word: string; tf: number }>();
  for (const { word, term } of words) {
    const isCjk = CJK.test(term);
    if (isCjk ? [...term].length < 2 : term.length < 3) continue;
    if (/^\d+$/.test(term)) continue;
    const e = byTerm.get(term);
    if (e) e.tf++;
    else byTerm.set(term, { word, tf: 1 });
  }
  let n = 0;
  for (const ix of src.indexes) n += ix.indexedDocs();
  const out: KeywordSuggestion[] = [];
  for (const [term, { word, tf }] of byTerm) {
    const id = src.analyzer.idOf(term);
    let df = 0;
    if (id >= 0) for (const ix of src.indexes) df += ix.df(id);
    const idf = bm25Idf(Math.max(n, 1), Math.max(df, 1));
    out.push({ word, term, score: (1 + Math.log(tf)) * idf });
  }
  out.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
  return out.slice(0, limit);
}

/**
 * Disciplines or industries for a text from its nearest labelled records (k-nearest
 * neighbours by BM25F relevance across every partition): each neighbour votes for its values
 * with its relevance. Records without the facet are not neighbours.
 *
 * @example
 * suggestFacet(src, prepared, 'discipline', 3, 30) // [{ value: '食品科学与工程', score: 0.62, support: 14 }, …]
 */
export function suggestFacet(
  src: SuggestSource,
  prepared: PreparedQuery,
  facet: 'discipline' | 'industry',
  limit: number,
  neighbours: number,
): FacetSuggestion[] {
  const pool: Array<{ ix: InvertedIndex; doc: number; rel: number }> = [];
  for (const ix of src.indexes) {
    const wq = weighQuery(ix, prepared, src.maxQueryTerms);
    if (wq.terms.length === 0 || wq.norm <= 0) continue;
    const arr = facet === 'discipline' ? ix.discipline : ix.industry;
    const top = topKDocuments(ix, wq.terms, neighbours, (d) => arr[d] >= 0);
    top.docs.forEach((doc, i) => pool.push({ ix, doc, rel: top.scores[i] / wq.norm }));
  }
  pool.sort((a, b) => b.rel - a.rel);
  pool.length = Math.min(pool.length, neighbours);
  const dict = facet === 'discipline' ? src.disciplines : src.industries;
  const votes = new Map<number, { score: number; support: number }>();
  let total = 0;
  for (const { ix, doc, rel } of pool) {
    const values = facet === 'discipline' ? ix.disciplinesOf(doc) : ix.industriesOf(doc);
    for (const v of values) {
      const e = votes.get(v) ?? { score: 0, support: 0 };
      e.score += rel / values.length;
      e.support++;
      votes.set(v, e);
    }
    total += rel;
  }
  const out: FacetSuggestion[] = [...votes].map(([v, e]) => ({
    value: dict.values[v],
    score: total > 0 ? e.score / total : 0,
    support: e.support,
  }));
  out.sort((a, b) => b.score - a.score || a.value.localeCompare(b.value));
  return out.slice(0, limit);
}
