import { http, type ListParams, type Page } from './http';

/** Mirrors `demandListSummary` in server/modules/demands/demand.schema.ts. */
export interface DemandList {
  id: number;
  name: string;
  /** survey | conference | society | platform */
  source: string;
  regionCode: string;
  regionName: string | null;
  year: number;
  description: string;
  demandCount: number;
}

export interface DemandListParams extends ListParams {
  regionCode?: string;
  year?: number;
}

export const demandListsApi = {
  list: (params: DemandListParams, signal?: AbortSignal) => http.get<Page<DemandList>>('/demand-lists', { ...params }, signal),
  get: (id: number | string) => http.get<DemandList>(`/demand-lists/${id}`),
};
