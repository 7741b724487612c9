import { http, type ListParams, type Page } from './http';
import type { Confidentiality, DemandStatus } from './common';

/** Mirrors `demandSummary` in server/modules/demands/demand.schema.ts. */
export interface DemandSummary {
  id: number;
  ref: string | null;
  title: string;
  status: DemandStatus;
  confidentiality: Confidentiality;
  organizationId: number | null;
  organizationName: string | null;
  regionCode: string | null;
  regionName: string | null;
  industryCode: string | null;
  industryName: string | null;
  keyIndustry: string | null;
  keyIndustryName: string | null;
  listId: number | null;
  listName: string | null;
  cooperationMode: string | null;
  budget: number | null;
  createdAt: string;
  /** true when the viewer sees only the public summary (title, industry, region) */
  summaryOnly: boolean;
}

export interface Demand extends DemandSummary {
  description: string | null;
  keywords: string[];
  disciplineCode: string | null;
  disciplineName: string | null;
  deadline: string | null;
  updatedAt: string;
}

export const demandSorts = ['relevance', 'newest', 'oldest', 'title', 'budget'] as const;
export type DemandSort = (typeof demandSorts)[number];

export interface DemandListParams extends ListParams {
  status?: DemandStatus;
  confidentiality?: Confidentiality;
  regionCode?: string;
  keyIndustry?: string;
  industryCode?: string;
  listId?: number;
  organizationId?: number;
  sort?: DemandSort;
}

export const demandsApi = {
  list: (params: DemandListParams, signal?: AbortSignal) => http.get<Page<DemandSummary>>('/demands', { ...params }, signal),
  get: (id: number | string) => http.get<Demand>(`/demands/${id}`),
};
