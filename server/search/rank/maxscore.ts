import type { InvertedIndex } from '../index/inverted-index.js';
import type { Segment } from '../index/segment.js';
import { TopK } from './topk.js';

/** A weighted query term: its id and weight = query weight × IDF. */
export interface WeightedTerm {
  id: number;
  weight: number;
}

/** Accepts or rejects a document (filters); called only for candidates that matched a term. */
export type DocFilter = (doc: number) => boolean;

export interface RetrievalStats {
  /** Documents whose score was fully evaluated. */
  candidates: number;
  /** Postings in the lists of the query terms (what an exhaustive scan would read). */
  postings: number;
}

const END = 0x7fffffff;

/**
 * First position in `docs[p..e)` holding a document ≥ `target`, given `docs[p] < target`.
 * Galloping (exponential then binary search) costs O(log gap), so skipping far ahead in a long
 * list is cheap and stepping to the next posting is nearly free.
 */
function gallop(docs: Int32Array, p: number, e: number, target: number): number {
  let lo = p;
  let step = 1;
  let hi = p + 1;
  while (hi < e && docs[hi] < target) {
    lo = hi;
    step <<= 1;
    hi = lo + step;
  }
  if (hi > e) hi = e;
  let l = lo + 1;
  let h = hi;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if (docs[mid] < target) l = mid + 1;
    else h = mid;
  }
  return l;
}

const WINDOW = 4096;
const winAcc = new Float64Array(WINDOW);
const winBits = new Uint32Array(WINDOW >>> 5);

/**
 * MaxScore (Turtle & Flood 1995) evaluated in document windows, the way Lucene's
 * MaxScoreBulkScorer does it.
 *
 * Query terms are sorted by their upper bound (weight × the term's largest impact); the
 * longest prefix of low-bound terms whose summed bound cannot lift a document above the
 * current k-th score θ is "non-essential". Inside a window of 4,096 document ids, the essential
 * lists are scanned term-at-a-time into a small accumulator (a plain array loop, no per-document
 * choice among cursors); then each document hit in the window, in id order, probes the
 * non-essential lists by galloping — strongest first, stopping as soon as it can no longer
 * beat θ. As θ rises, frequent terms become non-essential and are only probed, so latency
 * follows the rare terms' work, not the corpus size.
 */
function scoreSegment(
  seg: Segment,
  terms: readonly WeightedTerm[],
  heap: TopK,
  deleted: Uint8Array,
  accept: DocFilter | null,
  stats: RetrievalStats,
): void {
  const m0 = terms.length;
  const slots: number[] = [];
  const ws: number[] = [];
  const ubs: number[] = [];
  for (let i = 0; i < m0; i++) {
    const slot = seg.slotOf(terms[i].id);
    if (slot < 0) continue;
    const w = terms[i].weight / 65535;
    slots.push(slot);
    ws.push(w);
    ubs.push(w * seg.maxImpact[slot]);
  }
  const m = slots.length;
  if (m === 0) return;
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => ubs[a] - ubs[b]);
  const pos = new Int32Array(m);
  const end = new Int32Array(m);
  const w = new Float64Array(m);
  const cum = new Float64Array(m);
  let total = 0;
  for (let j = 0; j < m; j++) {
    const i = order[j];
    pos[j] = seg.offsets[slots[i]];
    end[j] = seg.offsets[slots[i] + 1];
    w[j] = ws[i];
    total += ubs[i];
    cum[j] = total;
    stats.postings += end[j] - pos[j];
  }
  const docs = seg.docs;
  const imp = seg.impacts;
  const hasDeletes = seg.deleted > 0;
  const acc = winAcc;
  const bits = winBits;
  let theta = heap.threshold();
  let firstEss = 0;
  while (firstEss < m && cum[firstEss] <= theta) firstEss++;
  let candidates = 0;

  while (firstEss < m) {
    // The next window starts at the smallest document among the essential lists.
    let start = END;
    for (let i = firstEss; i < m; i++) if (pos[i] < end[i] && docs[pos[i]] < start) start = docs[pos[i]];
    if (start === END) break;
    const stop = start + WINDOW;
    for (let i = firstEss; i < m; i++) {
      let p = pos[i];
      const e = end[i];
      const wi = w[i];
      while (p < e) {
        const d = docs[p];
        if (d >= stop) break;
        const o = d - start;
        bits[o >>> 5] |= 1 << (o & 31);
        acc[o] += wi * imp[p];
        p++;
      }
      pos[i] = p;
    }
    const ess = firstEss;
    for (let word = 0; word < bits.length; word++) {
      let b = bits[word];
      if (b === 0) continue;
      bits[word] = 0;
      while (b !== 0) {
        const low = b & -b;
        b ^= low;
        const o = (word << 5) + 31 - Math.clz32(low);
        let score = acc[o];
        acc[o] = 0;
        const d = start + o;
        if (hasDeletes && deleted[d] === 1) continue;
        if (accept !== null && !accept(d)) continue;
        candidates++;
        // Probe non-essential lists from the strongest down while the document can still enter.
        let i = ess - 1;
        for (; i >= 0; i--) {
          if (score + cum[i] <= theta) break;
          let p = pos[i];
          const e = end[i];
          if (p < e && docs[p] < d) {
            p = gallop(docs, p, e, d);
            pos[i] = p;
          }
          if (p < e && docs[p] === d) score += w[i] * imp[p];
        }
        if (i >= 0) continue;
        if (score > theta || (score === theta && heap.size === heap.k)) {
          theta = heap.push(d, score);
          while (firstEss < m && cum[firstEss] <= theta) firstEss++;
        }
      }
    }
  }
  stats.candidates += candidates;
}

/**
 * The k best documents of a partition for weighted terms, scored Σ weight × impact/65535
 * (BM25F when weights are query weight × IDF), optionally filtered. Exact: returns the same
 * top k as scoring every document (ties broken by insertion order).
 *
 * @example
 * const { docs, scores } = topKDocuments(ix, [{ id: 12, weight: 2.3 }, { id: 40, weight: 0.4 }], 10);
 */
export function topKDocuments(
  index: InvertedIndex,
  terms: readonly WeightedTerm[],
  k: number,
  accept: DocFilter | null = null,
  stats: RetrievalStats = { candidates: 0, postings: 0 },
): { docs: number[]; scores: number[]; stats: RetrievalStats } {
  index.commit();
  const heap = new TopK(k);
  const positive = terms.filter((t) => t.weight > 0);
  if (positive.length > 0) {
    for (const seg of index.segments) scoreSegment(seg, positive, heap, index.deleted, accept, stats);
  }
  const { docs, scores } = heap.sorted();
  return { docs, scores, stats };
}

/**
 * Scores one document exhaustively (the reference the pruned search must agree with, and the
 * source of explanations): Σ weight × impact/65535 over the terms it contains.
 *
 * @example
 * scoreDocument(ix, terms, doc) // same value topKDocuments reports for doc
 */
export function scoreDocument(index: InvertedIndex, terms: readonly WeightedTerm[], doc: number): number {
  let s = 0;
  for (const t of terms) {
    const p = index.posting(t.id, doc);
    if (p) s += (t.weight / 65535) * p.impact;
  }
  return s;
}
