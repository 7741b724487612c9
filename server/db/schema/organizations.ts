import { integer, pgTable, text, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { regions } from './reference.js';

export const organizationKinds = ['enterprise', 'university', 'institute', 'society', 'hospital', 'park', 'agency'] as const;

/** 单位 / 机构: enterprises, universities, institutes, societies, hospitals, parks, agencies. */
export const organizations = pgTable(
  'organizations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** External id from the source the record came from (import files); returned with every result. */
    ref: text('ref'),
    uscc: text('uscc'),
    name: text('name').notNull(),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    regionCode: text('region_code').references(() => regions.code),
    industryCode: text('industry_code'),
    keyIndustry: text('key_industry'),
    description: text('description').notNull().default(''),
    contactName: text('contact_name'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organizations_uscc_uq').on(t.uscc), uniqueIndex('organizations_ref_uq').on(t.ref), index('organizations_region_idx').on(t.regionCode)],
);
