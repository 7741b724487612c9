import { http, type ListParams, type Page } from './http';
import type { Side } from './common';

/** Mirrors server/modules/experts/expert.schema.ts. */
export interface Publication {
  id: number;
  title: string;
  abstract: string;
  keywords: string[];
  year: number | null;
  venue: string | null;
  coauthors: string[];
}

export interface ExpertSummary {
  id: number;
  ref: string | null;
  name: string;
  title: string | null;
  organizationId: number | null;
  organizationName: string | null;
  regionCode: string | null;
  regionName: string | null;
  side: string | null;
  disciplines: string[];
  fields: string[];
  keyIndustries: string[];
  publicationCount: number;
}

export interface Expert extends ExpertSummary {
  gender: string | null;
  birthYear: number | null;
  bio: string;
  email: string | null;
  phone: string | null;
  orcid: string | null;
  status: string;
  disciplineNames: string[];
  pools: { id: number; name: string }[];
  publications: Publication[];
  createdAt: string;
  updatedAt: string;
  /** false when contact details are withheld from this viewer */
  contactsVisible: boolean;
}

export interface ExpertPool {
  id: number;
  name: string;
  description: string;
  regionCode: string | null;
  memberCount: number;
}

export const expertSorts = ['relevance', 'name', 'publications', 'newest'] as const;
export type ExpertSort = (typeof expertSorts)[number];

export interface ExpertListParams extends ListParams {
  regionCode?: string;
  side?: Side;
  discipline?: string;
  keyIndustry?: string;
  poolId?: number;
  organizationId?: number;
  sort?: ExpertSort;
}

/** Mirrors `publicationInput`. */
export interface PublicationInput {
  title: string;
  abstract: string;
  keywords: string[];
  year?: number | null;
  venue?: string | null;
  coauthors: string[];
}

/** Mirrors `expertInput`; `publications`, when given, replace the expert's list. */
export interface ExpertInput {
  name: string;
  gender?: 'male' | 'female' | null;
  birthYear?: number | null;
  title?: string | null;
  organizationId?: number | null;
  organizationName?: string | null;
  disciplines: string[];
  fields: string[];
  keyIndustries: string[];
  bio: string;
  email?: string | null;
  phone?: string | null;
  orcid?: string | null;
  publications?: PublicationInput[];
}

export interface ExpertWriteResponse {
  expert: Expert;
  /** Experts with the same name at the same institution. */
  duplicates: { id: number; name: string; organizationName: string | null }[];
}

export const expertsApi = {
  list: (params: ExpertListParams, signal?: AbortSignal) => http.get<Page<ExpertSummary>>('/experts', { ...params }, signal),
  get: (id: number | string) => http.get<Expert>(`/experts/${id}`),
  pools: () => http.get<ExpertPool[]>('/expert-pools'),
  create: (input: ExpertInput) => http.post<ExpertWriteResponse>('/experts', input),
  update: (id: number | string, patch: Partial<ExpertInput>) => http.patch<ExpertWriteResponse>(`/experts/${id}`, patch),
};
