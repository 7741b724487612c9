/**
 * Arithmetic over a hit's reasons: which signal each belongs to, the total per signal (the score
 * bar), and the evidence worth naming. The reasons of a hit sum to its score; so do the totals.
 */
import type { Hit, PublicationReason, Reason, TermReason } from '@/api/matching';
import { matchSignals, type MatchSignal } from './tones';

/** The signal a reason counts under; a signal this client does not know is `other`. */
export function signalOf(r: Reason): MatchSignal {
  if (r.signal === 'term') return 'text';
  return (matchSignals as readonly string[]).includes(r.signal) ? (r.signal as MatchSignal) : 'other';
}

/** Σ contributions per signal, in stacking order, signals without reasons left out. */
export function signalTotals(hit: Hit): { signal: MatchSignal; value: number }[] {
  const sums = new Map<MatchSignal, number>();
  for (const r of hit.reasons) {
    const s = signalOf(r);
    sums.set(s, (sums.get(s) ?? 0) + (Number.isFinite(r.contribution) ? r.contribution : 0));
  }
  return matchSignals.filter((s) => sums.has(s)).map((s) => ({ signal: s, value: sums.get(s) ?? 0 }));
}

/** Σ of the positive totals: the length of the bar before the deductions. */
export function positiveTotal(hit: Hit): number {
  return signalTotals(hit).reduce((a, t) => a + Math.max(0, t.value), 0);
}

export function termReasons(hit: Hit): TermReason[] {
  return hit.reasons.filter((r): r is TermReason => r.signal === 'term');
}

export function publicationReasons(hit: Hit): PublicationReason[] {
  return hit.reasons.filter((r): r is PublicationReason => r.signal === 'publication').sort((a, b) => a.rank - b.rank);
}

/** An organization's evidence may be one of its achievements (`a<id>`) rather than a paper. */
export function isAchievementEvidence(p: PublicationReason): boolean {
  return /^a\d+$/.test(p.id);
}

/**
 * The matched words worth naming: by contribution, without those that carry little (a word
 * found in most records, like 公司 or 研究, or a tenth of the best word's part), at most `max`.
 * The breakdown lists them all.
 */
export function notableTerms(terms: readonly TermReason[], max = 8): TermReason[] {
  const sorted = [...terms].filter((t) => t.contribution > 0).sort((a, b) => b.contribution - a.contribution);
  const top = sorted[0]?.contribution ?? 0;
  const notable = sorted.filter((t) => t.idf >= 1 && t.contribution >= top * 0.1).slice(0, max);
  return notable.length ? notable : sorted.slice(0, 1);
}

/** A contribution with its sign: `+0.081`, `−0.020`. */
export function signed(n: number, digits = 3): string {
  const s = Math.abs(n).toFixed(digits);
  if (Number(s) === 0) return `+${s}`;
  return n < 0 ? `−${s}` : `+${s}`;
}

export function fixed(n: number, digits = 3): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '';
}
