import { http, type ListParams, type Page } from './http';
import type { Confidentiality, CooperationMode, DemandStatus } from './common';

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

/** Mirrors `demandInput` (the create/edit form). Budget in 万元, deadline `YYYY-MM-DD`. */
export interface DemandInput {
  title: string;
  description: string;
  organizationId?: number;
  listId?: number | null;
  keywords: string[];
  industryCode?: string | null;
  keyIndustry?: string | null;
  disciplineCode?: string | null;
  regionCode?: string | null;
  budget?: number | null;
  cooperationMode?: CooperationMode | null;
  deadline?: string | null;
  confidentiality: Confidentiality;
}

/** The steps of a demand's life (`transitionBody.action`). */
export const demandActions = ['submit', 'publish', 'return', 'match', 'negotiate', 'contract', 'close', 'withdraw'] as const;
export type DemandAction = (typeof demandActions)[number];
/** Actions that need a reason (the server answers REASON_REQUIRED without one). */
export const actionsWithReason: readonly DemandAction[] = ['return', 'close', 'withdraw'];

export interface DemandDuplicate {
  id: number;
  title: string;
  similarity: number;
  status: DemandStatus;
}

/** Mirrors `demandWriteResponse`. `actions` are what the viewer may do next. */
export interface DemandWriteResponse {
  demand: Demand;
  duplicates: DemandDuplicate[];
  actions: DemandAction[];
}

/** Mirrors `demandEventItem`: one step of the history. */
export interface DemandEvent {
  id: number;
  /** create or one of the {@link demandActions} */
  action: string;
  fromStatus: DemandStatus | null;
  toStatus: DemandStatus;
  reason: string | null;
  username: string | null;
  at: string;
}

export interface DemandHistory {
  items: DemandEvent[];
  actions: DemandAction[];
}

export const demandsApi = {
  list: (params: DemandListParams, signal?: AbortSignal) => http.get<Page<DemandSummary>>('/demands', { ...params }, signal),
  get: (id: number | string) => http.get<Demand>(`/demands/${id}`),
  create: (input: DemandInput) => http.post<DemandWriteResponse>('/demands', input),
  update: (id: number | string, patch: Partial<DemandInput>) => http.patch<DemandWriteResponse>(`/demands/${id}`, patch),
  transition: (id: number | string, action: DemandAction, reason?: string) =>
    http.post<DemandWriteResponse>(`/demands/${id}/transitions`, reason ? { action, reason } : { action }),
  history: (id: number | string) => http.get<DemandHistory>(`/demands/${id}/history`),
};
