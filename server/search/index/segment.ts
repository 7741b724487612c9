/**
 * An immutable slice of the inverted index: the postings of documents `[docStart, docEnd)`,
 * grouped by term and sorted by document id inside each term (so lists can be merged,
 * intersected and binary-searched).
 *
 * Layout ("compressed sparse row"): `termIds` lists the terms present, sorted; the postings of
 * `termIds[s]` are `docs/tfs/impacts[offsets[s] .. offsets[s+1])`. Per posting: 4 bytes of
 * document id, 2 bytes of packed field frequencies, 2 bytes of quantized BM25F impact.
 *
 * @example
 * const slot = seg.slotOf(termId);
 * for (let p = seg.offsets[slot]; p < seg.offsets[slot + 1]; p++) use(seg.docs[p], seg.impacts[p]);
 */
export class Segment {
  constructor(
    readonly docStart: number,
    readonly docEnd: number,
    /** Documents alive when the segment was sealed (the IDF's N counts them). */
    readonly docCount: number,
    readonly termIds: Int32Array,
    readonly offsets: Uint32Array,
    readonly docs: Int32Array,
    /** Packed term frequencies: title bits 0–3, keywords bits 4–7, body bits 8–15 (capped). */
    readonly tfs: Uint16Array,
    /** BM25F saturation tf~/(k1+tf~) in [0,1), quantized to 1/65535. */
    readonly impacts: Uint16Array,
    /** Largest impact of each term slot: the MaxScore upper bound. */
    readonly maxImpact: Uint16Array,
    /** Average field lengths the impacts were computed with. */
    readonly avgLengths: Float64Array,
  ) {}

  /** Documents deleted after sealing (their postings stay until a merge). */
  deleted = 0;

  get postings(): number {
    return this.docs.length;
  }

  /**
   * Slot of a term in this segment, or -1.
   *
   * @example
   * const s = seg.slotOf(42); if (s >= 0) seg.offsets[s + 1] - seg.offsets[s] // list length
   */
  slotOf(termId: number): number {
    const ids = this.termIds;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid];
      if (v < termId) lo = mid + 1;
      else if (v > termId) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /**
   * Position of `doc` in the postings of `slot`, or -1.
   *
   * @example
   * const p = seg.find(seg.slotOf(termId), doc); if (p >= 0) seg.impacts[p]
   */
  find(slot: number, doc: number): number {
    if (slot < 0 || doc < this.docStart || doc >= this.docEnd) return -1;
    const docs = this.docs;
    let lo = this.offsets[slot];
    let hi = this.offsets[slot + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = docs[mid];
      if (v < doc) lo = mid + 1;
      else if (v > doc) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Bytes held by the typed arrays. @example seg.bytes() */
  bytes(): number {
    return (
      this.termIds.byteLength +
      this.offsets.byteLength +
      this.docs.byteLength +
      this.tfs.byteLength +
      this.impacts.byteLength +
      this.maxImpact.byteLength
    );
  }
}

/** Field order in packed frequencies and length arrays. */
export const FIELDS = ['title', 'body', 'keywords'] as const;
export type FieldName = (typeof FIELDS)[number];

/**
 * Packs per-field term frequencies into 16 bits (title ≤ 15, keywords ≤ 15, body ≤ 255).
 * The caps cost nothing in ranking: BM25 saturates long before them.
 *
 * @example
 * unpackTf(packTf(1, 3, 2)) // { title: 1, body: 3, keywords: 2 }
 */
export function packTf(title: number, body: number, keywords: number): number {
  return (title > 15 ? 15 : title) | ((keywords > 15 ? 15 : keywords) << 4) | ((body > 255 ? 255 : body) << 8);
}

/** Inverse of {@link packTf}. @example unpackTf(0x0321) // { title: 1, body: 3, keywords: 2 } */
export function unpackTf(packed: number): { title: number; body: number; keywords: number } {
  return { title: packed & 15, keywords: (packed >> 4) & 15, body: packed >> 8 };
}
