import { Worker } from 'node:worker_threads';
import { grow } from '../index/growable.js';
import type { Analyzer } from './analyzer.js';
import { IntList } from './analyzer.js';

interface BatchResult {
  seq: number;
  ids: Int32Array;
  offsets: Uint32Array;
  base: number;
  newTerms: string[];
}

interface Lane {
  worker: Worker;
  /** Worker-local term id → id in the main analyzer's vocabulary. */
  map: Int32Array;
  inflight: number;
}

/**
 * Runs jieba segmentation and term filtering on worker threads, for bulk loads: analysis is
 * ~90 % of indexing time and the platform's machines have several cores, while the index
 * itself stays single-threaded and deterministic. Results are delivered strictly in
 * submission order, with term ids already mapped to the main analyzer's vocabulary, so the
 * index built is identical to a sequential build.
 *
 * @example
 * const pa = new ParallelAnalysis(analyzer, 2);
 * await pa.run(batches, (batch, fields) => { … fields(i) … });
 * await pa.close();
 */
export class ParallelAnalysis {
  private readonly lanes: Lane[];
  private readonly analyzer: Analyzer;
  private readonly scratch = [new IntList(64), new IntList(1024), new IntList(64)] as const;

  constructor(analyzer: Analyzer, threads: number) {
    this.analyzer = analyzer;
    const snapshot = analyzer.snapshot();
    this.lanes = Array.from({ length: Math.max(1, threads) }, () => ({
      worker: new Worker(new URL('./analysis-worker.mjs', import.meta.url), { workerData: snapshot }),
      map: new Int32Array(1024),
      inflight: 0,
    }));
  }

  /**
   * Analyses batches of texts (three per unit: title, body, keywords) and calls `apply` for
   * each batch in order with an accessor for unit i's term ids.
   */
  async run(
    batches: ReadonlyArray<readonly string[]>,
    apply: (batch: number, fields: (unit: number) => readonly [IntList, IntList, IntList]) => void,
  ): Promise<void> {
    const results = new Map<number, { lane: Lane; r: BatchResult }>();
    let next = 0;
    let applied = 0;
    await new Promise<void>((resolve, reject) => {
      const pump = (): void => {
        // Keep two batches in flight per worker so no thread waits for the main thread.
        for (const lane of this.lanes) {
          while (lane.inflight < 2 && next < batches.length) {
            lane.inflight++;
            lane.worker.postMessage({ seq: next, texts: batches[next] });
            laneOf.set(next, lane);
            next++;
          }
        }
        while (results.has(applied)) {
          const { lane, r } = results.get(applied)!;
          results.delete(applied);
          try {
            this.applyBatch(lane, r, apply);
          } catch (e) {
            reject(e);
            return;
          }
          applied++;
        }
        if (applied === batches.length) resolve();
      };
      const laneOf = new Map<number, Lane>();
      for (const lane of this.lanes) {
        lane.worker.removeAllListeners('message');
        lane.worker.removeAllListeners('error');
        lane.worker.on('message', (r: BatchResult) => {
          lane.inflight--;
          results.set(r.seq, { lane: laneOf.get(r.seq)!, r });
          laneOf.delete(r.seq);
          pump();
        });
        lane.worker.on('error', reject);
      }
      pump();
    });
  }

  private applyBatch(
    lane: Lane,
    r: BatchResult,
    apply: (batch: number, fields: (unit: number) => readonly [IntList, IntList, IntList]) => void,
  ): void {
    // New worker-local terms arrive in id order; intern them in the main vocabulary.
    lane.map = grow(lane.map, r.base + r.newTerms.length);
    for (let i = 0; i < r.newTerms.length; i++) lane.map[r.base + i] = this.analyzer.intern(r.newTerms[i]);
    const map = lane.map;
    const { ids, offsets } = r;
    const lists = this.scratch;
    apply(r.seq, (unit) => {
      for (let f = 0; f < 3; f++) {
        const list = lists[f];
        list.clear();
        const end = offsets[unit * 3 + f + 1];
        for (let p = offsets[unit * 3 + f]; p < end; p++) list.push(map[ids[p]]);
      }
      return lists;
    });
  }

  /** Stops the worker threads. @example await pa.close() */
  async close(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.worker.terminate()));
  }
}
