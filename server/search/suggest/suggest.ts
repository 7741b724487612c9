import { idf as jiebaIdfFile } from '@node-rs/jieba/dict.js';
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

let generalIdf: Map<string, number> | null = null;

/**
 * jieba's general-language IDF table (≈ 270k words), parsed on first use. It is the prior
 * that keeps a young platform's tiny corpus from calling 希望 or 提高 specific just because no
 * demand has used them yet.
 */
function general(): Map<string, number> {
  if (!generalIdf) {
    generalIdf = new Map();
    for (const line of Buffer.from(jiebaIdfFile).toString('utf8').split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp > 0) generalIdf.set(line.slice(0, sp), Number(line.slice(sp + 1)));
    }
  }
  return generalIdf;
}

/** IDF of a word jieba's table lacks: such words are compounds or new terms, rarely generic. */
const UNSEEN_GENERAL_IDF = 11;
/** Corpus size at which the platform's own IDF and the general one weigh the same. */
const PRIOR_DOCS = 2000;

/**
 * Keywords for a text by TF-IDF, with the IDF learned from everything the engine indexes.
 * Whole words (jieba's precise mode) are candidates; single characters, numbers and stopwords
 * are not. The corpus IDF is blended with jieba's general-language IDF, weighted by corpus
 * size (N / (N + 2000) for the corpus): a young platform's few records cannot tell a generic
 * word from a specific one, a large one can, and its own vocabulary then dominates.
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
  const prior = general();
  const lambda = n / (n + PRIOR_DOCS);
  for (const [term, { word, tf }] of byTerm) {
    const id = src.analyzer.idOf(term);
    let df = 0;
    if (id >= 0) for (const ix of src.indexes) df += ix.df(id);
    const corpusIdf = bm25Idf(Math.max(n, 1), df);
    const generalIdf = prior.get(word) ?? prior.get(term) ?? UNSEEN_GENERAL_IDF;
    const idf = lambda * corpusIdf + (1 - lambda) * generalIdf;
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
