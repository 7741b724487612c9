import type { InvertedIndex } from '../index/inverted-index.js';
import { unpackTf } from '../index/segment.js';
import type { WeightedQuery } from '../rank/query.js';
import type { Reason, TermReason } from '../types.js';

/**
 * The per-term decomposition of a document's text score: each term's BM25F part
 * (weight × impact) times `scale` (the signal weight over the query's normalizer). The
 * contributions sum exactly to `scale × BM25F(doc)` as the ranking computed it, because they
 * are the same products from the same stored impacts.
 *
 * @example
 * const terms = explainTerms(ix, weighted, doc, 1 / weighted.norm);
 * terms.reduce((s, r) => s + r.contribution, 0) // = relevance of doc
 */
export function explainTerms(index: InvertedIndex, q: WeightedQuery, doc: number, scale: number): TermReason[] {
  const out: TermReason[] = [];
  for (let i = 0; i < q.terms.length; i++) {
    const p = index.posting(q.terms[i].id, doc);
    if (!p) continue;
    const info = q.info[i];
    const reason: TermReason = {
      signal: 'term',
      term: info.term,
      idf: info.idf,
      tf: unpackTf(p.tf),
      contribution: ((q.terms[i].weight / 65535) * p.impact) * scale,
    };
    if (info.via !== undefined) reason.via = info.via;
    out.push(reason);
  }
  out.sort((a, b) => b.contribution - a.contribution);
  return out;
}

/**
 * The raw BM25F score of a document for a weighted query (Σ weight × impact), the same sum
 * the ranking uses.
 *
 * @example
 * rawScore(ix, weighted, doc) / weighted.norm // relevance
 */
export function rawScore(index: InvertedIndex, q: WeightedQuery, doc: number): number {
  let s = 0;
  for (let i = 0; i < q.terms.length; i++) {
    const p = index.posting(q.terms[i].id, doc);
    if (p) s += (q.terms[i].weight / 65535) * p.impact;
  }
  return s;
}

/**
 * Sums the contributions of top-level reasons — by definition the hit's score.
 *
 * @example
 * sumReasons(hit.reasons) === hit.score // true
 */
export function sumReasons(reasons: readonly Reason[]): number {
  let s = 0;
  for (const r of reasons) s += r.contribution;
  return s;
}
