import { z } from 'zod';
import { organizationKinds } from '../../db/schema/organizations.js';
import { isoDate, pagingQuery } from '../shared/listing.js';
import { emailField, phoneField, usccField } from '../shared/fields.js';

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

/** The organization form. `region` may be a code or a name as people write it (宁夏银川市西夏区). */
export const organizationInput = z.object({
  name: z.string().trim().min(2).max(200),
  uscc: usccField.nullable().optional(),
  kind: z.enum(organizationKinds),
  region: z.string().trim().min(2).max(100),
  industryCode: z.string().trim().max(10).nullable().optional(),
  keyIndustry: z.string().trim().max(10).nullable().optional(),
  description: z.string().trim().max(20_000).default(''),
  contactName: z.string().trim().max(50).nullable().optional(),
  phone: phoneField.nullable().optional(),
  email: emailField.nullable().optional(),
  website: z.url().nullable().optional(),
});
export type OrganizationInput = z.infer<typeof organizationInput>;
export const organizationPatch = organizationInput.partial();

export const organizationWriteResponse = z.object({
  organization: organizationDetail,
  /** Organizations with a near-identical name: likely the same one entered twice. */
  duplicates: z.array(z.object({ id: z.number(), name: z.string(), similarity: z.number() })),
});
