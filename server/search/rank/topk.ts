/**
 * A bounded min-heap of (document, score) in typed arrays: the k best seen so far, with the
 * k-th best as the threshold a new document must beat (MaxScore's θ).
 *
 * @example
 * const h = new TopK(2); h.push(7, 1.5); h.push(3, 2); h.push(9, 0.5);
 * h.sorted() // { docs: [3, 7], scores: [2, 1.5] }
 */
export class TopK {
  readonly k: number;
  size = 0;
  private readonly s: Float64Array;
  private readonly d: Int32Array;

  constructor(k: number) {
    this.k = Math.max(1, k | 0);
    this.s = new Float64Array(this.k);
    this.d = new Int32Array(this.k);
  }

  /** Score a document must exceed to enter (0 while not full). */
  threshold(): number {
    return this.size < this.k ? 0 : this.s[0];
  }

  /** Offers a document; returns the new threshold. */
  push(doc: number, score: number): number {
    const s = this.s;
    const d = this.d;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (s[p] < score || (s[p] === score && d[p] > doc)) break;
        s[i] = s[p];
        d[i] = d[p];
        i = p;
      }
      s[i] = score;
      d[i] = doc;
    } else {
      if (!(score > s[0] || (score === s[0] && doc < d[0]))) return s[0];
      const n = this.size;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        if (r < n && (s[r] < s[l] || (s[r] === s[l] && d[r] > d[l]))) c = r;
        if (s[c] > score || (s[c] === score && d[c] < doc)) break;
        s[i] = s[c];
        d[i] = d[c];
        i = c;
      }
      s[i] = score;
      d[i] = doc;
    }
    return this.size < this.k ? 0 : s[0];
  }

  /** Best first; ties by smaller document id (insertion order), so results are stable. */
  sorted(): { docs: number[]; scores: number[] } {
    const idx = Array.from({ length: this.size }, (_, i) => i);
    idx.sort((a, b) => this.s[b] - this.s[a] || this.d[a] - this.d[b]);
    return { docs: idx.map((i) => this.d[i]), scores: idx.map((i) => this.s[i]) };
  }
}
