import type { Side } from './index/facets.js';

/** Record kinds the engine ranks (publications are evidence attached to experts/organizations). */
export const KINDS = ['demand', 'expert', 'achievement', 'organization'] as const;
export type Kind = (typeof KINDS)[number];

/** A publication (paper, work) — the evidence of an expert's or organization's expertise. */
export interface PublicationRecord {
  /** Unique within its owner; returned in explanations. */
  id: string;
  title: string;
  abstract?: string;
  keywords?: readonly string[];
  /** Publication year (recency of the expertise). */
  year?: number;
  /** Disciplines of the paper, added to the owner's for suggestions. */
  disciplines?: readonly string[];
}

/**
 * What the engine indexes for any record. Field use per kind:
 * - demand: title, body = description, keywords; industries, disciplines, region (of the
 *   enterprise), status, date (published).
 * - expert: title = name and position line, body = profile / research fields, keywords =
 *   fields; disciplines, region (institution's), status, load (open matches), publications.
 * - achievement: title, body = summary, keywords; industries, disciplines, region, date.
 * - organization: title = name, body = description, keywords; region, industries,
 *   disciplines, publications (optional).
 */
export interface SearchRecord {
  /** The caller's id (database id or external ref), unique within the kind. */
  id: string;
  title: string;
  body?: string;
  keywords?: readonly string[];
  /** GB/T 2260 code of any level: '64', '6401', '640105'. */
  region?: string;
  /** East/west/central/northeast; derived from `region` when absent. */
  side?: Side;
  industries?: readonly string[];
  disciplines?: readonly string[];
  status?: string;
  /** Record date for recency: ISO date, Date, year (2021) or epoch milliseconds. */
  date?: string | number | Date;
  /** Experts: open matches, the workload penalty. */
  load?: number;
  /** Experts and organizations: their publications. */
  publications?: readonly PublicationRecord[];
}

/** Filters; within a facet values are alternatives, facets combine with AND. */
export interface SearchFilters {
  /** Region code prefixes: '64' matches '640105'. */
  region?: string | readonly string[];
  side?: Side | readonly Side[];
  status?: string | readonly string[];
  /** Exact values, or a prefix with a trailing '*': 'C13*'. */
  industry?: string | readonly string[];
  discipline?: string | readonly string[];
  /** Record ids to leave out (e.g. already matched). */
  exclude?: readonly string[];
}

/** Weights of the matching signals. The score is their weighted sum; see docs/search.md. */
export interface MatchWeights {
  /** Text relevance (normalized BM25F, ≈ 0–1). */
  text: number;
  /** Candidate shares the demand's discipline (1) or a parent/child code (0.5). */
  discipline: number;
  /** Candidate shares the demand's industry (1) or a parent/child code (0.5). */
  industry: number;
  /** Candidate's province is paired with the demand's region. */
  pairing: number;
  /** Penalty for open matches: −weight × load/(load + loadHalf). */
  load: number;
  /** Recency: weight × 2^(−age/recencyHalfLife). */
  recency: number;
}

/** Shape parameters of the signals. */
export interface MatchParams {
  /** Share of an expert's text relevance taken from the profile when publications exist. */
  profileShare: number;
  /** Geometric decay over an expert's best publications (1st, 2nd, … weighted 1, d, d², …). */
  publicationDecay: number;
  /** Publications aggregated per expert. */
  maxPublications: number;
  /** Open matches at which the load penalty is half its weight. */
  loadHalf: number;
  /** Years after which recency is worth half. */
  recencyHalfLife: number;
  /** Candidates retrieved by text before the other signals rerank them. */
  candidatePool: number;
  /** Publications retrieved when ranking experts/organizations by their evidence. */
  publicationPool: number;
}

/** What is known about the demand (or profile) being matched, for the non-text signals. */
export interface MatchContext {
  disciplines?: readonly string[];
  industries?: readonly string[];
  /** Region code of the demand's enterprise (pairing). */
  region?: string;
  /** Reference year for recency (default: the current year). */
  year?: number;
}

/** Plain retrieval: text relevance only. */
export interface SearchQuery {
  text: string;
  /** One kind, several, or all when omitted. */
  kind?: Kind | readonly Kind[];
  limit?: number;
  offset?: number;
  filters?: SearchFilters;
  /** Compute reasons (default true). */
  explain?: boolean;
}

/** Matching: text relevance plus the configured signals, for one kind. */
export interface MatchQuery {
  text: string;
  kind: Kind;
  limit?: number;
  offset?: number;
  filters?: SearchFilters;
  context?: MatchContext;
  weights?: Partial<MatchWeights>;
  params?: Partial<MatchParams>;
  /** East–West pairings `[west, east]` (order free); overrides the engine's. */
  pairings?: ReadonlyArray<readonly [string, string]>;
  explain?: boolean;
}

/** Field frequencies of a matched term in the document. */
export interface FieldFrequencies {
  title: number;
  body: number;
  keywords: number;
}

/** A query term's part of the score. */
export interface TermReason {
  signal: 'term';
  term: string;
  /** The query term this one was reached from, when it is a synonym. */
  via?: string;
  idf: number;
  tf: FieldFrequencies;
  contribution: number;
}

/** One publication's part of an expert's (or organization's) score. */
export interface PublicationReason {
  signal: 'publication';
  id: string;
  title: string;
  year?: number;
  /** Rank among the owner's matching publications (1 = best). */
  rank: number;
  /** Normalized text relevance of the publication alone. */
  relevance: number;
  /** Its weight in the aggregate (profile share and decay folded in). */
  share: number;
  contribution: number;
  /** Terms of this publication; their contributions sum to this reason's. */
  terms: TermReason[];
}

export interface AgreementReason {
  signal: 'discipline' | 'industry';
  matched: string[];
  /** 1 for the same value, 0.5 for a parent/child code. */
  agreement: number;
  weight: number;
  contribution: number;
}

export interface PairingReason {
  signal: 'pairing';
  pair: [string, string];
  candidateRegion: string;
  weight: number;
  contribution: number;
}

export interface LoadReason {
  signal: 'load';
  load: number;
  weight: number;
  contribution: number;
}

export interface RecencyReason {
  signal: 'recency';
  year: number;
  weight: number;
  contribution: number;
}

export type Reason = TermReason | PublicationReason | AgreementReason | PairingReason | LoadReason | RecencyReason;

export interface SearchHit {
  id: string;
  kind: Kind;
  /** Σ reasons' contributions (exactly, up to floating-point rounding). */
  score: number;
  /** Text relevance before weighting (≈ 0–1). */
  relevance: number;
  reasons: Reason[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Query words found in no indexed document. */
  unknownTerms: string[];
  /** Query terms used, with synonyms marked. */
  terms: Array<{ term: string; via?: string }>;
  /** The weights and parameters the scores were computed with. */
  weights: MatchWeights;
  params: MatchParams;
  tookMs: number;
}
