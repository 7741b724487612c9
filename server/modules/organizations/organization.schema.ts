import { z } from 'zod';
import { organizationKinds } from '../../db/schema/organizations.js';
import { isoDate, pagingQuery } from '../shared/listing.js';

export const organizationListQuery = pagingQuery.extend({
  kind: z.enum(organizationKinds).optional(),
  regionCode: z.string().regex(/^\d{2,9}$/, 'region code: 2–9 digits').optional(),
  side: z.enum(['east', 'central', 'west', 'northeast', 'other']).optional(),
  keyIndustry: z.string().max(20).optional(),
  /** default: relevance when `q` is given, else name */
  sort: z.enum(['relevance', 'name', 'newest']).optional(),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuery>;

export const organizationSummary = z.object({
  id: z.number(),
  ref: z.string().nullable(),
  uscc: z.string().nullable(),
  name: z.string(),
  kind: z.enum(organizationKinds),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  side: z.string().nullable(),
  industryCode: z.string().nullable(),
  keyIndustry: z.string().nullable(),
  keyIndustryName: z.string().nullable(),
});

export const organizationDetail = organizationSummary.extend({
  description: z.string(),
  industryName: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  counts: z.object({ experts: z.number(), demands: z.number(), achievements: z.number() }),
  contactsVisible: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
