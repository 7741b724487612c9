import { z } from 'zod';
import { confidentialities, cooperationModes, demandStatuses } from '../../db/schema/demands.js';
import { isoDate, pagingQuery } from '../shared/listing.js';

export const demandListQuery = pagingQuery.extend({
  status: z.enum(demandStatuses).optional(),
  confidentiality: z.enum(confidentialities).optional(),
  regionCode: z.string().regex(/^\d{2,9}$/, 'region code: 2–9 digits').optional(),
  keyIndustry: z.string().max(20).optional(),
  industryCode: z.string().max(10).optional(),
  listId: z.coerce.number().int().positive().optional(),
  organizationId: z.coerce.number().int().positive().optional(),
  /** default: relevance when `q` is given, else newest */
  sort: z.enum(['relevance', 'newest', 'oldest', 'title', 'budget']).optional(),
});
export type DemandListQuery = z.infer<typeof demandListQuery>;

export const demandSummary = z.object({
  id: z.number(),
  ref: z.string().nullable(),
  title: z.string(),
  status: z.enum(demandStatuses),
  confidentiality: z.enum(confidentialities),
  organizationId: z.number().nullable(),
  organizationName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  keyIndustry: z.string().nullable(),
  keyIndustryName: z.string().nullable(),
  listId: z.number().nullable(),
  listName: z.string().nullable(),
  cooperationMode: z.string().nullable(),
  budget: z.number().nullable(),
  createdAt: isoDate,
  /** true when the viewer sees only the public summary (title, industry, region) */
  summaryOnly: z.boolean(),
});

export const demandDetail = demandSummary.extend({
  description: z.string().nullable(),
  keywords: z.array(z.string()),
  disciplineCode: z.string().nullable(),
  disciplineName: z.string().nullable(),
  deadline: z.string().nullable(),
  updatedAt: isoDate,
});

export const demandListSummary = z.object({
  id: z.number(),
  name: z.string(),
  source: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  year: z.number(),
  description: z.string(),
  demandCount: z.number(),
});

export const demandListsQuery = pagingQuery.extend({
  regionCode: z.string().regex(/^\d{2,9}$/).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});

export { cooperationModes };

const code = (max: number) => z.string().trim().max(max);

/** The demand form. Region comes from the organization when there is one. */
export const demandInput = z.object({
  title: z.string().trim().min(4, 'at least 4 characters').max(200),
  description: z.string().trim().min(20, 'at least 20 characters').max(20_000),
  organizationId: z.number().int().positive().optional(),
  listId: z.number().int().positive().nullable().optional(),
  keywords: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  industryCode: code(10).nullable().optional(),
  keyIndustry: code(10).nullable().optional(),
  disciplineCode: code(10).nullable().optional(),
  regionCode: z.string().regex(/^\d{2,9}$/).nullable().optional(),
  budget: z.number().min(0).max(1_000_000).nullable().optional(),
  cooperationMode: z.enum(cooperationModes).nullable().optional(),
  deadline: z.iso.date().nullable().optional(),
  confidentiality: z.enum(confidentialities).default('public'),
});
export type DemandInput = z.infer<typeof demandInput>;
export const demandPatch = demandInput.partial();

export const transitionBody = z.object({
  action: z.enum(['submit', 'publish', 'return', 'match', 'negotiate', 'contract', 'close', 'withdraw']),
  reason: z.string().trim().max(2000).optional(),
});

export const demandEventItem = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reason: z.string().nullable(),
  username: z.string().nullable(),
  at: isoDate,
});

export const duplicateWarning = z.object({ id: z.number(), title: z.string(), similarity: z.number(), status: z.string() });

export const demandWriteResponse = z.object({
  demand: demandDetail,
  /** Demands of the same organization with a near-identical title. */
  duplicates: z.array(duplicateWarning),
  /** What the viewer may do next with this demand. */
  actions: z.array(z.string()),
});
