import { createBm25f, idf as bm25Idf, type ImpactModel } from '../rank/bm25f.js';
import { grow, trim } from './growable.js';
import { packTf, Segment } from './segment.js';

/** Term ids of one field of a document: a plain array, or a growable list (`data` + `length`). */
export type TermSequence = ArrayLike<number> | { readonly length: number; readonly data: ArrayLike<number> };

/** Per-document attributes used by filters and ranking signals, already encoded as numbers. */
export interface DocAttributes {
  /** Region code as a 9-digit number (see `encodeRegion`); 0 = unknown. */
  region?: number;
  /** Side code (see `SIDES`); 0 = unknown. */
  side?: number;
  /** Interned status id + 1; 0 = none. */
  status?: number;
  /** Interned discipline ids. */
  disciplines?: readonly number[];
  /** Interned industry ids. */
  industries?: readonly number[];
  /** Year with fraction (2021.5); NaN = unknown. */
  year?: number;
  /** Open matches (experts). */
  load?: number;
  /** Owner group id (a publication's expert); -1 = none. */
  group?: number;
}

export interface InvertedIndexOptions {
  impactModel?: ImpactModel;
  /** Merge the newest segment into the previous one when it reaches this fraction of it. */
  mergeRatio?: number;
  /** Merge everything when this fraction of indexed documents is deleted. */
  compactDeletedRatio?: number;
}

const LEN_CAP = 65535;

function itemsOf(seq: TermSequence): ArrayLike<number> {
  return 'data' in seq ? seq.data : seq;
}

/**
 * One partition of the inverted index (one record kind): documents with three fields, their
 * postings in immutable {@link Segment}s plus a write buffer, per-document attributes in
 * typed arrays, tombstones for deletes.
 *
 * Writes go to the buffer; `commit()` seals it into a segment (queries call it first) and
 * merges segments logarithmically (the newest into its predecessor once comparable in size),
 * so each posting is rewritten O(log n) times. Deleted documents stay in their segment,
 * flagged, until a merge drops them; `compact()` merges everything.
 *
 * @example
 * const ix = new InvertedIndex();
 * ix.add('a1', [[1, 2], [3, 4, 4], []], { region: encodeRegion('640105') });
 * ix.commit();
 * ix.df(4) // 1
 */
export class InvertedIndex {
  readonly impactModel: ImpactModel;
  private readonly mergeRatio: number;
  private readonly compactDeletedRatio: number;

  segments: Segment[] = [];

  /** Next internal document id; ids only grow, so postings stay sorted without renumbering. */
  docLimit = 0;
  live = 0;
  readonly keys: string[] = [];
  readonly keyToDoc = new Map<string, number>();

  // Per-document arrays (index = internal id).
  deleted = new Uint8Array(16);
  lenTitle = new Uint16Array(16);
  lenBody = new Uint16Array(16);
  lenKeywords = new Uint16Array(16);
  region = new Uint32Array(16);
  side = new Uint8Array(16);
  status = new Uint16Array(16);
  discipline = new Int32Array(16).fill(-1);
  industry = new Int32Array(16).fill(-1);
  year = new Float32Array(16).fill(NaN);
  load = new Uint16Array(16);
  group = new Int32Array(16).fill(-1);
  /** Second and further discipline/industry values (most documents have at most one). */
  readonly extraDisciplines = new Map<number, number[]>();
  readonly extraIndustries = new Map<number, number[]>();

  /** Sum of live field lengths, for average lengths. */
  private readonly sumLen = new Float64Array(3);

  // Write buffer: (term, doc, packed tf) triples in document order.
  private bufTerm = new Int32Array(1024);
  private bufDoc = new Int32Array(1024);
  private bufTf = new Uint16Array(1024);
  private bufLen = 0;
  private bufDocStart = 0;

  // Scratch per-term counters for the document being added.
  private scTitle = new Uint16Array(1024);
  private scBody = new Uint16Array(1024);
  private scKeywords = new Uint16Array(1024);
  private touched = new Int32Array(256);

  constructor(options: InvertedIndexOptions = {}) {
    this.impactModel = options.impactModel ?? createBm25f();
    this.mergeRatio = options.mergeRatio ?? 0.5;
    this.compactDeletedRatio = options.compactDeletedRatio ?? 0.25;
  }

  /** Number of live documents. @example ix.size */
  get size(): number {
    return this.live;
  }

  /** Internal id of a key, or -1. @example ix.docOf('a1') */
  docOf(key: string): number {
    return this.keyToDoc.get(key) ?? -1;
  }

  /**
   * Adds (or replaces) a document. `fields` are the term ids of title, body and keywords.
   * Returns the internal id.
   *
   * @example
   * ix.add('d1', [titleIds, bodyIds, keywordIds], { year: 2021 });
   */
  add(key: string, fields: readonly [TermSequence, TermSequence, TermSequence], attrs: DocAttributes = {}): number {
    if (this.keyToDoc.has(key)) this.remove(key);
    const d = this.docLimit++;
    this.ensureDocs(d + 1);
    this.keys[d] = key;
    this.keyToDoc.set(key, d);
    this.live++;

    const ft = itemsOf(fields[0]);
    const fb = itemsOf(fields[1]);
    const fk = itemsOf(fields[2]);
    const nt = fields[0].length;
    const nb = fields[1].length;
    const nk = fields[2].length;
    let maxTerm = -1;
    for (let i = 0; i < nt; i++) if (ft[i] > maxTerm) maxTerm = ft[i];
    for (let i = 0; i < nb; i++) if (fb[i] > maxTerm) maxTerm = fb[i];
    for (let i = 0; i < nk; i++) if (fk[i] > maxTerm) maxTerm = fk[i];
    if (maxTerm >= this.scTitle.length) {
      this.scTitle = grow(this.scTitle, maxTerm + 1);
      this.scBody = grow(this.scBody, maxTerm + 1);
      this.scKeywords = grow(this.scKeywords, maxTerm + 1);
    }
    const sct = this.scTitle;
    const scb = this.scBody;
    const sck = this.scKeywords;
    let nTouched = 0;
    const total = nt + nb + nk;
    if (this.touched.length < total) this.touched = grow(this.touched, total);
    const touched = this.touched;
    for (let i = 0; i < nt; i++) {
      const t = ft[i];
      if (sct[t] === 0 && scb[t] === 0 && sck[t] === 0) touched[nTouched++] = t;
      if (sct[t] < 65535) sct[t]++;
    }
    for (let i = 0; i < nb; i++) {
      const t = fb[i];
      if (sct[t] === 0 && scb[t] === 0 && sck[t] === 0) touched[nTouched++] = t;
      if (scb[t] < 65535) scb[t]++;
    }
    for (let i = 0; i < nk; i++) {
      const t = fk[i];
      if (sct[t] === 0 && scb[t] === 0 && sck[t] === 0) touched[nTouched++] = t;
      if (sck[t] < 65535) sck[t]++;
    }
    const need = this.bufLen + nTouched;
    if (need > this.bufTerm.length) {
      this.bufTerm = grow(this.bufTerm, need);
      this.bufDoc = grow(this.bufDoc, need);
      this.bufTf = grow(this.bufTf, need);
    }
    const bt = this.bufTerm;
    const bd = this.bufDoc;
    const bf = this.bufTf;
    let n = this.bufLen;
    for (let i = 0; i < nTouched; i++) {
      const t = touched[i];
      bt[n] = t;
      bd[n] = d;
      bf[n] = packTf(sct[t], scb[t], sck[t]);
      n++;
      sct[t] = 0;
      scb[t] = 0;
      sck[t] = 0;
    }
    this.bufLen = n;

    const lt = Math.min(nt, LEN_CAP);
    const lb = Math.min(nb, LEN_CAP);
    const lk = Math.min(nk, LEN_CAP);
    this.lenTitle[d] = lt;
    this.lenBody[d] = lb;
    this.lenKeywords[d] = lk;
    this.sumLen[0] += lt;
    this.sumLen[1] += lb;
    this.sumLen[2] += lk;
    this.setAttributes(d, attrs);
    return d;
  }

  /**
   * Replaces the ranking/filter attributes of a live document without touching its text
   * (e.g. an expert's load after a new match). Returns false for an unknown key.
   *
   * @example
   * ix.setAttributesOf('e1', { load: 3 });
   */
  setAttributesOf(key: string, attrs: DocAttributes): boolean {
    const d = this.docOf(key);
    if (d < 0) return false;
    this.setAttributes(d, attrs, true);
    return true;
  }

  private setAttributes(d: number, a: DocAttributes, partial = false): void {
    if (!partial || a.region !== undefined) this.region[d] = a.region ?? 0;
    if (!partial || a.side !== undefined) this.side[d] = a.side ?? 0;
    if (!partial || a.status !== undefined) this.status[d] = a.status ?? 0;
    if (!partial || a.year !== undefined) this.year[d] = a.year ?? NaN;
    if (!partial || a.load !== undefined) this.load[d] = Math.max(0, Math.min(65535, Math.round(a.load ?? 0)));
    if (!partial || a.group !== undefined) this.group[d] = a.group ?? -1;
    if (!partial || a.disciplines !== undefined) {
      const v = a.disciplines ?? [];
      this.discipline[d] = v.length ? v[0] : -1;
      if (v.length > 1) this.extraDisciplines.set(d, v.slice(1));
      else this.extraDisciplines.delete(d);
    }
    if (!partial || a.industries !== undefined) {
      const v = a.industries ?? [];
      this.industry[d] = v.length ? v[0] : -1;
      if (v.length > 1) this.extraIndustries.set(d, v.slice(1));
      else this.extraIndustries.delete(d);
    }
  }

  /** All discipline ids of a document. @example ix.disciplinesOf(d) // [3, 7] */
  disciplinesOf(d: number): number[] {
    const p = this.discipline[d];
    if (p < 0) return [];
    const extra = this.extraDisciplines.get(d);
    return extra ? [p, ...extra] : [p];
  }

  /** All industry ids of a document. @example ix.industriesOf(d) */
  industriesOf(d: number): number[] {
    const p = this.industry[d];
    if (p < 0) return [];
    const extra = this.extraIndustries.get(d);
    return extra ? [p, ...extra] : [p];
  }

  /**
   * Deletes a document (a tombstone until the next merge). Returns false for an unknown key.
   *
   * @example
   * ix.remove('d1') // true
   */
  remove(key: string): boolean {
    const d = this.keyToDoc.get(key);
    if (d === undefined) return false;
    this.keyToDoc.delete(key);
    this.keys[d] = '';
    this.deleted[d] = 1;
    this.live--;
    this.sumLen[0] -= this.lenTitle[d];
    this.sumLen[1] -= this.lenBody[d];
    this.sumLen[2] -= this.lenKeywords[d];
    this.extraDisciplines.delete(d);
    this.extraIndustries.delete(d);
    const seg = this.segmentOf(d);
    if (seg) seg.deleted++;
    return true;
  }

  /** The sealed segment holding a document, if any. */
  segmentOf(d: number): Segment | undefined {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = segs[mid];
      if (d < s.docStart) hi = mid - 1;
      else if (d >= s.docEnd) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  /** Whether writes are waiting for `commit()`. @example ix.dirty */
  get dirty(): boolean {
    return this.bufDocStart < this.docLimit;
  }

  /**
   * Seals buffered writes into a segment and applies the merge policy. Cheap when nothing
   * changed; queries call it first so readers always see every write.
   *
   * @example
   * ix.add('x', fields); ix.commit();
   */
  commit(): void {
    if (this.dirty) {
      const seg = this.sealBuffer();
      this.bufDocStart = this.docLimit;
      if (seg) this.segments.push(seg);
      // Logarithmic merging: while the newest segment is comparable to its predecessor,
      // merge the two, so there are O(log n) segments and each posting is copied O(log n) times.
      while (this.segments.length >= 2) {
        const a = this.segments[this.segments.length - 2];
        const b = this.segments[this.segments.length - 1];
        if (b.postings < a.postings * this.mergeRatio) break;
        this.segments.splice(this.segments.length - 2, 2, this.merge([a, b]));
      }
    }
    let indexed = 0;
    let dead = 0;
    for (const s of this.segments) {
      indexed += s.docCount;
      dead += s.deleted;
    }
    if (dead > 0 && dead >= indexed * this.compactDeletedRatio) this.compact();
  }

  /**
   * Merges every segment into one, dropping deleted documents and recomputing impacts with
   * the current average field lengths.
   *
   * @example
   * ix.compact(); ix.segments.length // 1
   */
  compact(): void {
    if (this.dirty) this.commit();
    if (this.segments.length === 0) return;
    if (this.segments.length === 1 && this.segments[0].deleted === 0) return;
    this.segments = [this.merge(this.segments)];
  }

  /** Current average field lengths over live documents. */
  averageLengths(): Float64Array {
    const n = Math.max(1, this.live);
    return new Float64Array([this.sumLen[0] / n, this.sumLen[1] / n, this.sumLen[2] / n]);
  }

  private sealBuffer(): Segment | null {
    const n = this.bufLen;
    const docStart = this.bufDocStart;
    const docEnd = this.docLimit;
    const bt = this.bufTerm;
    const bd = this.bufDoc;
    const bf = this.bufTf;
    let docCount = 0;
    for (let d = docStart; d < docEnd; d++) if (!this.deleted[d]) docCount++;
    // Distinct terms: a dense counter when the buffer is large relative to the vocabulary,
    // otherwise sort the distinct ids (a one-document commit must not cost O(vocabulary)).
    let maxTerm = -1;
    for (let i = 0; i < n; i++) if (bt[i] > maxTerm) maxTerm = bt[i];
    let termIds: Int32Array;
    let counts: Uint32Array;
    if (n * 4 >= maxTerm) {
      const dense = new Uint32Array(maxTerm + 1);
      for (let i = 0; i < n; i++) if (!this.deleted[bd[i]]) dense[bt[i]]++;
      let nt = 0;
      for (let t = 0; t <= maxTerm; t++) if (dense[t] > 0) nt++;
      termIds = new Int32Array(nt);
      counts = new Uint32Array(nt);
      let j = 0;
      for (let t = 0; t <= maxTerm; t++)
        if (dense[t] > 0) {
          termIds[j] = t;
          counts[j++] = dense[t];
        }
    } else {
      const m = new Map<number, number>();
      for (let i = 0; i < n; i++) if (!this.deleted[bd[i]]) m.set(bt[i], (m.get(bt[i]) ?? 0) + 1);
      termIds = Int32Array.from(m.keys()).sort();
      counts = new Uint32Array(termIds.length);
      for (let j = 0; j < termIds.length; j++) counts[j] = m.get(termIds[j])!;
    }
    const nt = termIds.length;
    const offsets = new Uint32Array(nt + 1);
    for (let j = 0; j < nt; j++) offsets[j + 1] = offsets[j] + counts[j];
    const total = offsets[nt];
    const docs = new Int32Array(total);
    const tfs = new Uint16Array(total);
    // Slot lookup for the fill pass.
    const cursor = offsets.slice(0, nt);
    let slotOf: (t: number) => number;
    if (n * 4 >= maxTerm) {
      const dense = new Int32Array(maxTerm + 1);
      for (let j = 0; j < nt; j++) dense[termIds[j]] = j;
      slotOf = (t) => dense[t];
    } else {
      const m = new Map<number, number>();
      for (let j = 0; j < nt; j++) m.set(termIds[j], j);
      slotOf = (t) => m.get(t)!;
    }
    for (let i = 0; i < n; i++) {
      const d = bd[i];
      if (this.deleted[d]) continue;
      const p = cursor[slotOf(bt[i])]++;
      docs[p] = d;
      tfs[p] = bf[i];
    }
    this.bufLen = 0;
    // Release a large build buffer; keep a small one for incremental writes.
    if (this.bufTerm.length > 1 << 16) {
      this.bufTerm = new Int32Array(1024);
      this.bufDoc = new Int32Array(1024);
      this.bufTf = new Uint16Array(1024);
    }
    if (total === 0 && docCount === 0) return null;
    return this.finish(docStart, docEnd, docCount, termIds, offsets, docs, tfs);
  }

  /** Computes impacts and per-term maxima, producing the immutable segment. */
  private finish(
    docStart: number,
    docEnd: number,
    docCount: number,
    termIds: Int32Array,
    offsets: Uint32Array,
    docs: Int32Array,
    tfs: Uint16Array,
  ): Segment {
    const avg = this.averageLengths();
    const impacts = new Uint16Array(docs.length);
    const maxImpact = new Uint16Array(termIds.length);
    const model = this.impactModel;
    const lt = this.lenTitle;
    const lb = this.lenBody;
    const lk = this.lenKeywords;
    // Impacts depend only on (packed tf, doc); memoize the common case tf=1 in one field per doc?
    // Not needed: this loop is ~5% of build time.
    for (let s = 0; s < termIds.length; s++) {
      let mx = 0;
      for (let p = offsets[s]; p < offsets[s + 1]; p++) {
        const d = docs[p];
        const tf = tfs[p];
        const v = model.impact(tf & 15, tf >> 8, (tf >> 4) & 15, lt[d], lb[d], lk[d], avg);
        let q = Math.round(v * 65535);
        if (q > 65535) q = 65535;
        impacts[p] = q;
        if (q > mx) mx = q;
      }
      maxImpact[s] = mx;
    }
    return new Segment(docStart, docEnd, docCount, termIds, offsets, docs, tfs, impacts, maxImpact, avg);
  }

  /** Merges adjacent segments (ascending document ranges) into one, dropping tombstones. */
  private merge(segs: Segment[]): Segment {
    const deleted = this.deleted;
    // Union of term ids by k-way merge of the sorted term lists.
    const ptr = new Int32Array(segs.length);
    const termList: number[] = [];
    const countList: number[] = [];
    for (;;) {
      let t = 0x7fffffff;
      for (let i = 0; i < segs.length; i++) {
        const ids = segs[i].termIds;
        if (ptr[i] < ids.length && ids[ptr[i]] < t) t = ids[ptr[i]];
      }
      if (t === 0x7fffffff) break;
      let c = 0;
      for (let i = 0; i < segs.length; i++) {
        const s = segs[i];
        if (ptr[i] < s.termIds.length && s.termIds[ptr[i]] === t) {
          const slot = ptr[i];
          if (s.deleted === 0) c += s.offsets[slot + 1] - s.offsets[slot];
          else for (let p = s.offsets[slot]; p < s.offsets[slot + 1]; p++) if (!deleted[s.docs[p]]) c++;
        }
      }
      if (c > 0) {
        termList.push(t);
        countList.push(c);
      }
      for (let i = 0; i < segs.length; i++) {
        const ids = segs[i].termIds;
        if (ptr[i] < ids.length && ids[ptr[i]] === t) ptr[i]++;
      }
    }
    const nt = termList.length;
    const termIds = Int32Array.from(termList);
    const offsets = new Uint32Array(nt + 1);
    for (let j = 0; j < nt; j++) offsets[j + 1] = offsets[j] + countList[j];
    const docs = new Int32Array(offsets[nt]);
    const tfs = new Uint16Array(offsets[nt]);
    ptr.fill(0);
    let out = 0;
    for (let j = 0; j < nt; j++) {
      const t = termIds[j];
      for (let i = 0; i < segs.length; i++) {
        const s = segs[i];
        while (ptr[i] < s.termIds.length && s.termIds[ptr[i]] < t) ptr[i]++;
        if (ptr[i] < s.termIds.length && s.termIds[ptr[i]] === t) {
          const slot = ptr[i];
          const sd = s.docs;
          const st = s.tfs;
          for (let p = s.offsets[slot]; p < s.offsets[slot + 1]; p++) {
            const d = sd[p];
            if (s.deleted !== 0 && deleted[d]) continue;
            docs[out] = d;
            tfs[out++] = st[p];
          }
        }
      }
    }
    const docStart = segs[0].docStart;
    const docEnd = segs[segs.length - 1].docEnd;
    let docCount = 0;
    for (let d = docStart; d < docEnd; d++) if (!deleted[d]) docCount++;
    return this.finish(docStart, docEnd, docCount, termIds, offsets, docs, tfs);
  }

  /** Documents counted by IDF: every document in a segment, including not-yet-merged deletes. */
  indexedDocs(): number {
    let n = 0;
    for (const s of this.segments) n += s.docCount;
    return n;
  }

  /** Document frequency of a term (sealed segments). @example ix.df(termId) */
  df(termId: number): number {
    let df = 0;
    for (const s of this.segments) {
      const slot = s.slotOf(termId);
      if (slot >= 0) df += s.offsets[slot + 1] - s.offsets[slot];
    }
    return df;
  }

  /** BM25 IDF of a term in this partition (0 when no document is indexed). @example ix.idf(t) */
  idf(termId: number): number {
    const n = this.indexedDocs();
    return n === 0 ? 0 : bm25Idf(n, this.df(termId));
  }

  /**
   * The posting of (term, doc): quantized impact and packed field frequencies, or null.
   *
   * @example
   * const p = ix.posting(termId, doc); if (p) p.impact / 65535
   */
  posting(termId: number, doc: number): { impact: number; tf: number } | null {
    const seg = this.segmentOf(doc);
    if (!seg) return null;
    const p = seg.find(seg.slotOf(termId), doc);
    return p < 0 ? null : { impact: seg.impacts[p], tf: seg.tfs[p] };
  }

  /** Bytes held by typed arrays (postings and per-document arrays). @example ix.bytes() */
  bytes(): number {
    let b = 0;
    for (const s of this.segments) b += s.bytes();
    for (const a of [
      this.deleted,
      this.lenTitle,
      this.lenBody,
      this.lenKeywords,
      this.region,
      this.side,
      this.status,
      this.discipline,
      this.industry,
      this.year,
      this.load,
      this.group,
    ])
      b += a.byteLength;
    return b;
  }

  private ensureDocs(n: number): void {
    if (n <= this.deleted.length) return;
    this.deleted = grow(this.deleted, n);
    this.lenTitle = grow(this.lenTitle, n);
    this.lenBody = grow(this.lenBody, n);
    this.lenKeywords = grow(this.lenKeywords, n);
    this.region = grow(this.region, n);
    this.side = grow(this.side, n);
    this.status = grow(this.status, n);
    this.discipline = grow(this.discipline, n, -1);
    this.industry = grow(this.industry, n, -1);
    this.year = grow(this.year, n, NaN);
    this.load = grow(this.load, n);
    this.group = grow(this.group, n, -1);
  }

  /**
   * Trims per-document arrays to the documents held, after a bulk build (growth by doubling
   * can leave up to half of them unused).
   *
   * @example
   * ix.commit(); ix.shrink();
   */
  shrink(): void {
    const n = Math.max(16, this.docLimit);
    this.deleted = trim(this.deleted, n);
    this.lenTitle = trim(this.lenTitle, n);
    this.lenBody = trim(this.lenBody, n);
    this.lenKeywords = trim(this.lenKeywords, n);
    this.region = trim(this.region, n);
    this.side = trim(this.side, n);
    this.status = trim(this.status, n);
    this.discipline = trim(this.discipline, n);
    this.industry = trim(this.industry, n);
    this.year = trim(this.year, n);
    this.load = trim(this.load, n);
    this.group = trim(this.group, n);
  }
}
