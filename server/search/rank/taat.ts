import type { InvertedIndex } from '../index/inverted-index.js';
import type { Segment } from '../index/segment.js';
import type { DocFilter, RetrievalStats, WeightedTerm } from './maxscore.js';
import { TopK } from './topk.js';

/** Accumulators reused across queries of one partition (allocation would dominate short queries). */
interface Scratch {
  acc: Float64Array;
  mark: Uint8Array;
  touched: Int32Array;
}
const scratchOf = new WeakMap<InvertedIndex, Scratch>();

function scratch(index: InvertedIndex): Scratch {
  let s = scratchOf.get(index);
  const n = index.docLimit;
  if (!s || s.acc.length < n) {
    const cap = Math.max(1024, Math.ceil(n * 1.25));
    s = { acc: new Float64Array(cap), mark: new Uint8Array(cap), touched: new Int32Array(1024) };
    scratchOf.set(index, s);
  }
  return s;
}

/** First position ≥ p in docs[p..e) holding a document ≥ target (galloping search). */
function seek(docs: Int32Array, p: number, e: number, target: number): number {
  if (p >= e || docs[p] >= target) return p;
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

/**
 * Term-at-a-time MaxScore ("quit/continue", Moffat & Zobel 1996, with MaxScore bounds):
 * terms are processed from the highest upper bound down, adding every posting into an
 * accumulator. As soon as the bounds of the remaining terms cannot lift a new document above
 * the current k-th score, processing switches to "continue" mode: only the surviving
 * candidates (those that can still reach the top k) are updated, by galloping through the
 * remaining lists. Long queries — a demand's description, a list of twenty keywords — touch
 * many lists with similar bounds, where document-at-a-time spends its time choosing the next
 * document among dozens of cursors; here the inner loop is a plain array scan.
 *
 * Exact: same top k (and scores up to float rounding) as exhaustive evaluation.
 *
 * @example
 * topKTaat(index, [{ id: 3, weight: 4.2 }, …], 10, null, stats)
 */
export function topKTaat(
  index: InvertedIndex,
  terms: readonly WeightedTerm[],
  k: number,
  accept: DocFilter | null,
  stats: RetrievalStats,
): TopK {
  const heap = new TopK(k);
  const segs = index.segments;
  // Per term: its slots in every segment and its bound (weight × largest impact).
  interface Row {
    w: number;
    ub: number;
    df: number;
    slots: Int32Array;
  }
  const rows: Row[] = [];
  for (const t of terms) {
    if (!(t.weight > 0)) continue;
    const slots = new Int32Array(segs.length);
    let mx = 0;
    let df = 0;
    for (let s = 0; s < segs.length; s++) {
      const slot = segs[s].slotOf(t.id);
      slots[s] = slot;
      if (slot >= 0) {
        const seg = segs[s];
        if (seg.maxImpact[slot] > mx) mx = seg.maxImpact[slot];
        df += seg.offsets[slot + 1] - seg.offsets[slot];
      }
    }
    if (df === 0) continue;
    const w = t.weight / 65535;
    rows.push({ w, ub: w * mx, df, slots });
    stats.postings += df;
  }
  if (rows.length === 0) return heap;
  rows.sort((a, b) => b.ub - a.ub);
  const m = rows.length;
  const suffix = new Float64Array(m + 1);
  for (let i = m - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + rows[i].ub;

  const sc = scratch(index);
  const acc = sc.acc;
  const mark = sc.mark;
  let touched = sc.touched;
  let nTouched = 0;
  const deleted = index.deleted;
  let theta = 0;

  const accepted = (d: number): boolean => deleted[d] === 0 && (accept === null || accept(d));
  const computeTheta = (): number => {
    const h = new TopK(k);
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i];
      const a = acc[d];
      if (h.size === k && a < h.threshold()) continue;
      if (accepted(d)) h.push(d, a);
    }
    return h.size === k ? h.threshold() : 0;
  };

  let i = 0;
  for (; i < m; i++) {
    const row = rows[i];
    // Worth checking whether we can stop adding documents when the next list is at least
    // as long as what a threshold computation costs.
    if (i > 0 && nTouched >= k && row.df * 2 >= nTouched) {
      theta = computeTheta();
      if (suffix[i] <= theta) break;
    }
    if (nTouched + row.df > touched.length) {
      const next = new Int32Array(Math.max(touched.length * 2, nTouched + row.df));
      next.set(touched.subarray(0, nTouched));
      touched = sc.touched = next;
    }
    const w = row.w;
    for (let s = 0; s < segs.length; s++) {
      const slot = row.slots[s];
      if (slot < 0) continue;
      const seg = segs[s];
      const docs = seg.docs;
      const imp = seg.impacts;
      const end = seg.offsets[slot + 1];
      for (let p = seg.offsets[slot]; p < end; p++) {
        const d = docs[p];
        if (mark[d] === 0) {
          mark[d] = 1;
          touched[nTouched++] = d;
        }
        acc[d] += w * imp[p];
      }
    }
  }

  let cand: Int32Array;
  let nCand = 0;
  if (i < m) {
    // Continue mode: keep only documents that can still enter the top k.
    const rest = suffix[i];
    cand = new Int32Array(nTouched);
    for (let j = 0; j < nTouched; j++) {
      const d = touched[j];
      if (acc[d] + rest > theta && accepted(d)) cand[nCand++] = d;
    }
    cand = cand.subarray(0, nCand).sort();
    for (; i < m && nCand > 0; i++) {
      const row = rows[i];
      const w = row.w;
      for (let s = 0; s < segs.length; s++) {
        const slot = row.slots[s];
        if (slot < 0) continue;
        const seg: Segment = segs[s];
        const docs = seg.docs;
        const imp = seg.impacts;
        let p = seg.offsets[slot];
        const end = seg.offsets[slot + 1];
        for (let c = 0; c < nCand && p < end; c++) {
          const d = cand[c];
          p = seek(docs, p, end, d);
          if (p < end && docs[p] === d) acc[d] += w * imp[p];
        }
      }
      // Drop candidates that can no longer reach the threshold.
      const rest = suffix[i + 1];
      let n2 = 0;
      for (let c = 0; c < nCand; c++) {
        const d = cand[c];
        if (acc[d] + rest > theta) cand[n2++] = d;
      }
      nCand = n2;
    }
    for (let c = 0; c < nCand; c++) heap.push(cand[c], acc[cand[c]]);
    stats.candidates += nCand;
  } else {
    for (let j = 0; j < nTouched; j++) {
      const d = touched[j];
      const a = acc[d];
      if (heap.size === k && a < heap.threshold()) continue;
      if (accepted(d)) heap.push(d, a);
    }
    stats.candidates += nTouched;
  }
  for (let j = 0; j < nTouched; j++) {
    const d = touched[j];
    acc[d] = 0;
    mark[d] = 0;
  }
  return heap;
}
