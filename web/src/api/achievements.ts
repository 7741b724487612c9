import { http, type ListParams, type Page } from './http';
import type { AchievementKind, AchievementStatus } from './common';

/** Mirrors server/modules/achievements/achievement.schema.ts. */
export interface AchievementSummary {
  id: number;
  ref: string | null;
  title: string;
  kind: AchievementKind;
  status: AchievementStatus;
  maturity: number | null;
  transferMode: string | null;
  price: number | null;
  organizationId: number | null;
  organizationName: string | null;
  expertId: number | null;
  expertName: string | null;
  regionCode: string | null;
  regionName: string | null;
  keyIndustry: string | null;
  keyIndustryName: string | null;
  createdAt: string;
}

export interface Achievement extends AchievementSummary {
  summary: string;
  keywords: string[];
  disciplineCode: string | null;
  disciplineName: string | null;
  industryCode: string | null;
  industryName: string | null;
  updatedAt: string;
}

export const achievementSorts = ['relevance', 'newest', 'title', 'maturity', 'price'] as const;
export type AchievementSort = (typeof achievementSorts)[number];

export interface AchievementListParams extends ListParams {
  kind?: AchievementKind;
  status?: AchievementStatus;
  keyIndustry?: string;
  regionCode?: string;
  organizationId?: number;
  expertId?: number;
  sort?: AchievementSort;
}

export const achievementsApi = {
  list: (params: AchievementListParams, signal?: AbortSignal) =>
    http.get<Page<AchievementSummary>>('/achievements', { ...params }, signal),
  get: (id: number | string) => http.get<Achievement>(`/achievements/${id}`),
};
