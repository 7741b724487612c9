import { z } from 'zod';
import { isoDate, pagingQuery } from '../shared/listing.js';
import { emailField, orcidField, phoneField } from '../shared/fields.js';

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

export const publicationInput = z.object({
  title: z.string().trim().min(2).max(500),
  abstract: z.string().trim().max(20_000).default(''),
  keywords: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  year: z.number().int().min(1950).max(2100).nullable().optional(),
  venue: z.string().trim().max(300).nullable().optional(),
  coauthors: z.array(z.string().trim().min(1).max(60)).max(100).default([]),
});

/** The expert form; publications replace the expert's list when given. */
export const expertInput = z.object({
  name: z.string().trim().min(2).max(60),
  gender: z.enum(['male', 'female']).nullable().optional(),
  birthYear: z.number().int().min(1920).max(2010).nullable().optional(),
  title: z.string().trim().max(60).nullable().optional(),
  organizationId: z.number().int().positive().nullable().optional(),
  organizationName: z.string().trim().max(200).nullable().optional(),
  disciplines: z.array(z.string().trim().max(10)).max(10).default([]),
  fields: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
  keyIndustries: z.array(z.string().trim().max(10)).max(10).default([]),
  bio: z.string().trim().max(20_000).default(''),
  email: emailField.nullable().optional(),
  phone: phoneField.nullable().optional(),
  orcid: orcidField.nullable().optional(),
  publications: z.array(publicationInput).max(500).optional(),
});
export type ExpertInput = z.infer<typeof expertInput>;
export const expertPatch = expertInput.partial();

export const expertWriteResponse = z.object({
  expert: expertDetail,
  /** Experts with the same name at the same institution: likely the same person. */
  duplicates: z.array(z.object({ id: z.number(), name: z.string(), organizationName: z.string().nullable() })),
});
