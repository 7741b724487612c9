/**
 * Title similarity for duplicate detection: Dice coefficient over character bigrams of the
 * normalized text (NFKC, lower case, punctuation and spaces removed). Chinese titles differ by a
 * word or two when a demand is entered twice, which bigrams capture without segmentation.
 *
 * @example titleSimilarity('枸杞热风干燥褐变控制技术', '枸杞热风干燥过程褐变控制技术') // ≈ 0.86
 */
export function titleSimilarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (!A.size && !B.size) return normalize(a) === normalize(b) ? 1 : 0;
  let shared = 0;
  for (const [g, n] of A) shared += Math.min(n, B.get(g) ?? 0);
  const total = [...A.values()].reduce((s, n) => s + n, 0) + [...B.values()].reduce((s, n) => s + n, 0);
  return total ? (2 * shared) / total : 0;
}

function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const t = normalize(s);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Threshold above which two titles of the same organization are flagged as a likely duplicate. */
export const DUPLICATE_TITLE_THRESHOLD = 0.8;
