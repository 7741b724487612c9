import { http, type ListParams, type Page } from './http';
import type { AchievementKind, AchievementStatus, TransferMode } from './common';

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

/** Mirrors `achievementInput`. Maturity is a TRL (1–9), price in 万元. */
export interface AchievementInput {
  title: string;
  summary: string;
  keywords: string[];
  kind: AchievementKind;
  maturity?: number | null;
  transferMode?: TransferMode | null;
  price?: number | null;
  organizationId?: number | null;
  expertId?: number | null;
  disciplineCode?: string | null;
  industryCode?: string | null;
  keyIndustry?: string | null;
  status: AchievementStatus;
}

export const achievementsApi = {
  list: (params: AchievementListParams, signal?: AbortSignal) =>
    http.get<Page<AchievementSummary>>('/achievements', { ...params }, signal),
  get: (id: number | string) => http.get<Achievement>(`/achievements/${id}`),
  /** The server answers 201 with the record itself (no duplicate check for achievements). */
  create: (input: AchievementInput) => http.post<Achievement>('/achievements', input),
  update: (id: number | string, patch: Partial<AchievementInput>) => http.patch<Achievement>(`/achievements/${id}`, patch),
};
