import { SearchError } from '../errors.js';
import type { MatchParams, MatchWeights } from '../types.js';

/**
 * Default weights. Text relevance is ≈ 0–1 (share of the query's weight a candidate matches);
 * the other signals are tie-breakers of a tenth of that or less, so they reorder candidates of
 * similar relevance but never lift an off-topic candidate over an on-topic one.
 */
export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  text: 1,
  discipline: 0.1,
  industry: 0.1,
  pairing: 0.05,
  load: 0.05,
  recency: 0.05,
});

/** Plain retrieval: text only. */
export const SEARCH_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  text: 1,
  discipline: 0,
  industry: 0,
  pairing: 0,
  load: 0,
  recency: 0,
});

export const DEFAULT_PARAMS: Readonly<MatchParams> = Object.freeze({
  profileShare: 0.3,
  publicationDecay: 0.5,
  maxPublications: 5,
  loadHalf: 3,
  recencyHalfLife: 5,
  candidatePool: 100,
  publicationPool: 500,
});

/**
 * Merges partial weights over defaults, rejecting non-finite or negative values.
 *
 * @example
 * resolveWeights({ pairing: 0.2 }, DEFAULT_WEIGHTS).pairing // 0.2
 */
export function resolveWeights(partial: Partial<MatchWeights> | undefined, base: Readonly<MatchWeights>): MatchWeights {
  const out = { ...base };
  for (const [k, v] of Object.entries(partial ?? {})) {
    if (!(k in base)) throw new SearchError('INVALID_ARGUMENT', `unknown weight "${k}"`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new SearchError('INVALID_ARGUMENT', `weight "${k}" must be a finite number ≥ 0`);
    }
    out[k as keyof MatchWeights] = v;
  }
  return out;
}

/**
 * Merges partial parameters over defaults, with range checks.
 *
 * @example
 * resolveParams({ maxPublications: 3 }, DEFAULT_PARAMS).maxPublications // 3
 */
export function resolveParams(partial: Partial<MatchParams> | undefined, base: Readonly<MatchParams>): MatchParams {
  const out = { ...base };
  for (const [k, v] of Object.entries(partial ?? {})) {
    if (!(k in base)) throw new SearchError('INVALID_ARGUMENT', `unknown parameter "${k}"`);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new SearchError('INVALID_ARGUMENT', `parameter "${k}" must be a finite number`);
    }
    out[k as keyof MatchParams] = v;
  }
  if (out.profileShare < 0 || out.profileShare > 1) throw new SearchError('INVALID_ARGUMENT', 'profileShare must be within [0, 1]');
  if (out.publicationDecay <= 0 || out.publicationDecay > 1) {
    throw new SearchError('INVALID_ARGUMENT', 'publicationDecay must be within (0, 1]');
  }
  out.maxPublications = Math.max(1, Math.min(100, Math.round(out.maxPublications)));
  out.candidatePool = Math.max(1, Math.min(10_000, Math.round(out.candidatePool)));
  out.publicationPool = Math.max(1, Math.min(100_000, Math.round(out.publicationPool)));
  if (out.loadHalf <= 0) throw new SearchError('INVALID_ARGUMENT', 'loadHalf must be > 0');
  if (out.recencyHalfLife <= 0) throw new SearchError('INVALID_ARGUMENT', 'recencyHalfLife must be > 0');
  return out;
}

/**
 * Weights of an owner's best publications: geometric decay, normalized to sum to 1 over
 * `max` slots. An expert with five relevant papers therefore outranks one with a single
 * equally relevant paper (evidence accumulates), while a single excellent paper still counts.
 *
 * @example
 * publicationShares(0.5, 3) // [0.571…, 0.285…, 0.142…]
 */
export function publicationShares(decay: number, max: number): number[] {
  const raw = Array.from({ length: max }, (_, i) => decay ** i);
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / sum);
}

/**
 * Agreement between the demand's values and a candidate's: 1 when a value is shared, 0.5 when
 * one is a prefix of the other (parent/child in a hierarchical code such as GB/T 4754 or NSFC),
 * else 0. Returns the matched candidate values.
 *
 * @example
 * agreement(['C1311'], ['C13']) // { agreement: 0.5, matched: ['C13'] }
 * agreement(['材料科学与工程'], ['材料科学与工程']) // { agreement: 1, matched: ['材料科学与工程'] }
 */
export function agreement(wanted: readonly string[], have: readonly string[]): { agreement: number; matched: string[] } {
  const exact = have.filter((h) => wanted.includes(h));
  if (exact.length) return { agreement: 1, matched: exact };
  const partial = have.filter((h) =>
    wanted.some((w) => Math.min(w.length, h.length) >= 2 && w !== h && (w.startsWith(h) || h.startsWith(w))),
  );
  return partial.length ? { agreement: 0.5, matched: partial } : { agreement: 0, matched: [] };
}

/**
 * The pairing that links a demand's region to a candidate's, if any. A pairing is a pair of
 * region prefixes in either order, e.g. ['64', '35'] for Ningxia–Fujian.
 *
 * @example
 * pairingOf([['64', '35']], '640105', '350203000') // ['64', '35']
 */
export function pairingOf(
  pairings: ReadonlyArray<readonly [string, string]>,
  demandRegion: string | undefined,
  candidateRegion: string,
): [string, string] | null {
  if (!demandRegion || !candidateRegion) return null;
  const dr = demandRegion.replace(/\D/g, '');
  for (const [a, b] of pairings) {
    if ((dr.startsWith(a) && candidateRegion.startsWith(b)) || (dr.startsWith(b) && candidateRegion.startsWith(a))) {
      return [a, b];
    }
  }
  return null;
}

/**
 * Load penalty fraction in [0, 1): load/(load + half).
 *
 * @example
 * loadFraction(3, 3) // 0.5
 */
export function loadFraction(load: number, half: number): number {
  return load > 0 ? load / (load + half) : 0;
}

/**
 * Recency in (0, 1]: 2^(−age/halfLife), 1 for the reference year or later.
 *
 * @example
 * recencyValue(2019, 2024, 5) // 0.5
 */
export function recencyValue(year: number, now: number, halfLife: number): number {
  const age = now - year;
  return age <= 0 ? 1 : 2 ** (-age / halfLife);
}

/**
 * A record date as a fractional year: accepts a year (2021), epoch milliseconds, an ISO string
 * or a Date. NaN when absent or unparsable (the recency signal is then skipped).
 *
 * @example
 * yearOf('2021-07-02') // ≈ 2021.5
 * yearOf(2019) // 2019
 */
export function yearOf(date: string | number | Date | undefined | null): number {
  if (date === undefined || date === null || date === '') return NaN;
  if (typeof date === 'number') {
    if (date >= 1000 && date < 10000) return date;
    return Number.isFinite(date) ? yearOf(new Date(date)) : NaN;
  }
  if (typeof date === 'string' && /^\d{4}$/.test(date.trim())) return Number(date.trim());
  const d = date instanceof Date ? date : new Date(date);
  const t = d.getTime();
  if (!Number.isFinite(t)) return NaN;
  const y = d.getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (t - start) / (end - start);
}
