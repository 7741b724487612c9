import { http } from './http';
import type { DemandStatus, Side } from './common';

export interface StatsOverview {
  counts: {
    organizations: number;
    experts: number;
    publications: number;
    demands: number;
    demandLists: number;
    achievements: number;
  };
  demandsByStatus: { status: DemandStatus; count: number }[];
  demandsByKeyIndustry: { code: string; name: string; group: string; count: number }[];
  expertsBySide: { side: Side; count: number }[];
  demandsByCity: { code: string; name: string; count: number }[];
  recentDemands: { id: number; title: string; organizationName: string | null; status: DemandStatus; createdAt: string }[];
}

export const statsApi = {
  overview: () => http.get<StatsOverview>('/stats/overview'),
};
