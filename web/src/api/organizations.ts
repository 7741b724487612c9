import { http, type ListParams, type Page } from './http';
import type { OrganizationKind, Side } from './common';

/** Mirrors server/modules/organizations/organization.schema.ts. */
export interface OrganizationSummary {
  id: number;
  ref?: string | null;
  uscc: string | null;
  name: string;
  kind: OrganizationKind;
  regionCode: string | null;
  regionName: string | null;
  side: string | null;
  industryCode: string | null;
  keyIndustry: string | null;
  keyIndustryName: string | null;
}

export interface Organization extends OrganizationSummary {
  description: string;
  industryName: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  counts: { experts: number; demands: number; achievements: number };
  contactsVisible: boolean;
  createdAt: string;
  updatedAt: string;
}

export const organizationSorts = ['relevance', 'name', 'newest'] as const;
export type OrganizationSort = (typeof organizationSorts)[number];

export interface OrganizationListParams extends ListParams {
  kind?: OrganizationKind;
  regionCode?: string;
  side?: Side;
  keyIndustry?: string;
  sort?: OrganizationSort;
}

/** Mirrors `organizationInput`. `region` is a code or a name as written (宁夏银川市西夏区). */
export interface OrganizationInput {
  name: string;
  uscc?: string | null;
  kind: OrganizationKind;
  region: string;
  industryCode?: string | null;
  keyIndustry?: string | null;
  description: string;
  contactName?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
}

export interface OrganizationWriteResponse {
  organization: Organization;
  /** Organizations with a near-identical name. */
  duplicates: { id: number; name: string; similarity: number }[];
}

export const organizationsApi = {
  list: (params: OrganizationListParams, signal?: AbortSignal) =>
    http.get<Page<OrganizationSummary>>('/organizations', { ...params }, signal),
  get: (id: number | string) => http.get<Organization>(`/organizations/${id}`),
  create: (input: OrganizationInput) => http.post<OrganizationWriteResponse>('/organizations', input),
  update: (id: number | string, patch: Partial<OrganizationInput>) => http.patch<OrganizationWriteResponse>(`/organizations/${id}`, patch),
};
