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

/** The achievement form. */
export const achievementInput = z.object({
  title: z.string().trim().min(4).max(300),
  summary: z.string().trim().min(20, 'at least 20 characters').max(20_000),
  keywords: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  kind: z.enum(achievementKinds),
  maturity: z.number().int().min(1).max(9).nullable().optional(),
  transferMode: z.enum(['转让', '许可', '作价入股', '合作开发', '技术服务']).nullable().optional(),
  price: z.number().min(0).max(10_000_000).nullable().optional(),
  organizationId: z.number().int().positive().nullable().optional(),
  expertId: z.number().int().positive().nullable().optional(),
  disciplineCode: z.string().trim().max(10).nullable().optional(),
  industryCode: z.string().trim().max(10).nullable().optional(),
  keyIndustry: z.string().trim().max(10).nullable().optional(),
  status: z.enum(achievementStatuses).default('draft'),
});
export type AchievementInput = z.infer<typeof achievementInput>;
export const achievementPatch = achievementInput.partial();
