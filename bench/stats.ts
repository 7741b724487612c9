/**
 * Percentile of a sample (nearest rank).
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5) // 2
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[idx];
}

/** Latency summary in milliseconds. */
export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** @example latency([0.4, 0.5, 2]) // { p50: 0.5, … } */
export function latency(ms: readonly number[]): Latency {
  return {
    p50: percentile(ms, 0.5),
    p95: percentile(ms, 0.95),
    p99: percentile(ms, 0.99),
    mean: ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length),
  };
}

/** Quality of a ranked list per query: reciprocal rank within 10 and hit within 10. */
export interface Quality {
  mrr10: number;
  recall10: number;
  n: number;
}

/**
 * MRR@10 and recall@10 over (ranked ids, target) pairs.
 *
 * @example
 * quality([[['a', 'b'], 'b']]) // { mrr10: 0.5, recall10: 1, n: 1 }
 */
export function quality(runs: ReadonlyArray<readonly [readonly string[], string]>): Quality {
  let mrr = 0;
  let hit = 0;
  for (const [ids, target] of runs) {
    const i = ids.slice(0, 10).indexOf(target);
    if (i >= 0) {
      mrr += 1 / (i + 1);
      hit++;
    }
  }
  const n = runs.length;
  return { mrr10: n ? mrr / n : NaN, recall10: n ? hit / n : NaN, n };
}

/**
 * Heap plus array buffers after full collections (needs `--expose-gc`). Collections are
 * repeated with pauses in between because array buffers are released by finalizers that run
 * after the collection that found them dead; measuring right away can count (or miss) a
 * previous engine's arrays and give nonsense deltas.
 *
 * @example
 * const before = await usedMemory(); build(); const perDoc = ((await usedMemory()) - before) / n;
 */
export async function usedMemory(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    for (let i = 0; i < 4; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
