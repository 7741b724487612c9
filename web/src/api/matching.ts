import { http } from './http';

/**
 * Mirrors server/modules/matching/matching.schema.ts and the reason shapes of
 * server/search/types.ts. A hit's reasons sum to its score.
 */
export const candidateKinds = ['expert', 'achievement', 'organization'] as const;
export type CandidateKind = (typeof candidateKinds)[number];
export const matchKinds = ['expert', 'achievement', 'organization', 'demand'] as const;
export type MatchKind = (typeof matchKinds)[number];

export interface FieldFrequencies {
  title: number;
  body: number;
  keywords: number;
}

export interface TermReason {
  signal: 'term';
  term: string;
  /** the query term this one was reached from, when it is a synonym */
  via?: string;
  idf: number;
  tf: FieldFrequencies;
  contribution: number;
}

export interface PublicationReason {
  signal: 'publication';
  /** a paper's id, or `a<id>` for an achievement given as an organization's evidence */
  id: string;
  title: string;
  year?: number;
  rank: number;
  relevance: number;
  share: number;
  contribution: number;
  terms: TermReason[];
}

export interface AgreementReason {
  signal: 'discipline' | 'industry';
  matched: string[];
  agreement: number;
  weight: number;
  contribution: number;
}

export interface PairingReason {
  signal: 'pairing';
  /** [west, east] region codes */
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

/** A signal added on the server later: shown with its contribution, under "other". */
export interface OtherReason {
  signal: string;
  contribution: number;
  [evidence: string]: unknown;
}

export type Reason = TermReason | PublicationReason | AgreementReason | PairingReason | LoadReason | RecencyReason | OtherReason;

export interface Hit {
  kind: MatchKind;
  id: number;
  ref: string | null;
  title: string;
  subtitle: string | null;
  regionCode: string | null;
  regionName: string | null;
  score: number;
  relevance: number;
  reasons: Reason[];
}

export const weightKeys = ['text', 'discipline', 'industry', 'pairing', 'load', 'recency'] as const;
export type WeightKey = (typeof weightKeys)[number];
export type MatchWeights = Record<WeightKey, number>;

export interface MatchResult {
  hits: Hit[];
  unknownTerms: string[];
  terms: { term: string; via?: string }[];
  weights: MatchWeights;
  tookMs: number;
}

export interface MatchFilters {
  region?: string;
  side?: 'east' | 'central' | 'west' | 'northeast';
  industry?: string;
  discipline?: string;
  status?: string;
}

export interface MatchBody {
  text: string;
  kind: MatchKind;
  limit?: number;
  filters?: MatchFilters;
  context?: { region?: string; industries?: string[]; disciplines?: string[] };
  weights?: Partial<MatchWeights>;
}

export interface Suggestions {
  keywords: { word: string; score: number }[];
  disciplines: { code: string; name: string; score: number }[];
  industries: { code: string; name: string; score: number }[];
}

export const matchingApi = {
  forDemand: (demandId: number | string, kind: CandidateKind, limit = 10, signal?: AbortSignal) =>
    http.get<MatchResult>(`/demands/${demandId}/matches`, { kind, limit }, signal),
  demandsForExpert: (expertId: number | string, limit = 10, signal?: AbortSignal) =>
    http.get<MatchResult>(`/experts/${expertId}/demands`, { limit }, signal),
  demandsForOrganization: (organizationId: number | string, limit = 10, signal?: AbortSignal) =>
    http.get<MatchResult>(`/organizations/${organizationId}/demands`, { limit }, signal),
  match: (body: MatchBody) => http.post<MatchResult>('/match', body),
  suggest: (text: string, limit = 8) => http.post<Suggestions>('/suggest', { text, limit }),
  search: (q: string, kind: MatchKind, limit = 10, signal?: AbortSignal) => http.get<MatchResult>('/search', { q, kind, limit }, signal),
};
