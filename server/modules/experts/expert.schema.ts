import { z } from 'zod';
import { isoDate, pagingQuery } from '../shared/listing.js';

export const expertListQuery = pagingQuery.extend({
  regionCode: z.string().regex(/^\d{2,9}$/, 'region code: 2–9 digits').optional(),
  side: z.enum(['east', 'central', 'west', 'northeast', 'other']).optional(),
  discipline: z.string().max(10).optional(),
  keyIndustry: z.string().max(20).optional(),
  poolId: z.coerce.number().int().positive().optional(),
  organizationId: z.coerce.number().int().positive().optional(),
  /** default: relevance when `q` is given, else name */
  sort: z.enum(['relevance', 'name', 'publications', 'newest']).optional(),
});
export type ExpertListQuery = z.infer<typeof expertListQuery>;

export const expertSummary = z.object({
  id: z.number(),
  ref: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  organizationId: z.number().nullable(),
  organizationName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  side: z.string().nullable(),
  disciplines: z.array(z.string()),
  fields: z.array(z.string()),
  keyIndustries: z.array(z.string()),
  publicationCount: z.number(),
});

export const publicationItem = z.object({
  id: z.number(),
  title: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  year: z.number().nullable(),
  venue: z.string().nullable(),
  coauthors: z.array(z.string()),
});

export const expertDetail = expertSummary.extend({
  gender: z.string().nullable(),
  birthYear: z.number().nullable(),
  bio: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  orcid: z.string().nullable(),
  status: z.string(),
  disciplineNames: z.array(z.string()),
  pools: z.array(z.object({ id: z.number(), name: z.string() })),
  publications: z.array(publicationItem),
  createdAt: isoDate,
  updatedAt: isoDate,
  /** false when contact details are withheld from this viewer */
  contactsVisible: z.boolean(),
});

export const expertPoolSummary = z.object({ id: z.number(), name: z.string(), description: z.string(), regionCode: z.string().nullable(), memberCount: z.number() });
