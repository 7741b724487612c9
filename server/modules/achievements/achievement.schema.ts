import { z } from 'zod';
import { achievementKinds, achievementStatuses } from '../../db/schema/achievements.js';
import { isoDate, pagingQuery } from '../shared/listing.js';

export const achievementListQuery = pagingQuery.extend({
  kind: z.enum(achievementKinds).optional(),
  status: z.enum(achievementStatuses).optional(),
  keyIndustry: z.string().max(20).optional(),
  regionCode: z.string().regex(/^\d{2,9}$/, 'region code: 2–9 digits').optional(),
  organizationId: z.coerce.number().int().positive().optional(),
  expertId: z.coerce.number().int().positive().optional(),
  /** default: relevance when `q` is given, else newest */
  sort: z.enum(['relevance', 'newest', 'title', 'maturity', 'price']).optional(),
});
export type AchievementListQuery = z.infer<typeof achievementListQuery>;

export const achievementSummary = z.object({
  id: z.number(),
  ref: z.string().nullable(),
  title: z.string(),
  kind: z.enum(achievementKinds),
  status: z.enum(achievementStatuses),
  maturity: z.number().nullable(),
  transferMode: z.string().nullable(),
  price: z.number().nullable(),
  organizationId: z.number().nullable(),
  organizationName: z.string().nullable(),
  expertId: z.number().nullable(),
  expertName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  keyIndustry: z.string().nullable(),
  keyIndustryName: z.string().nullable(),
  createdAt: isoDate,
});

export const achievementDetail = achievementSummary.extend({
  summary: z.string(),
  keywords: z.array(z.string()),
  disciplineCode: z.string().nullable(),
  disciplineName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  updatedAt: isoDate,
});
