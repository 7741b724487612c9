import { integer, jsonb, numeric, pgTable, text, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { experts } from './experts.js';

export const achievementKinds = ['patent', 'variety', 'software', 'process', 'equipment', 'material', 'standard', 'other'] as const;
export const achievementStatuses = ['draft', 'published', 'transferred', 'withdrawn'] as const;

/** 科技成果: a transferable result with its maturity and transfer mode. */
export const achievements = pgTable(
  'achievements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ref: text('ref'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    kind: text('kind', { enum: achievementKinds }).notNull(),
    maturity: integer('maturity'),
    transferMode: text('transfer_mode'),
    price: numeric('price', { precision: 14, scale: 2, mode: 'number' }),
    organizationId: integer('organization_id').references(() => organizations.id),
    expertId: integer('expert_id').references(() => experts.id),
    regionCode: text('region_code'),
    disciplineCode: text('discipline_code'),
    industryCode: text('industry_code'),
    keyIndustry: text('key_industry'),
    status: text('status', { enum: achievementStatuses }).notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('achievements_ref_uq').on(t.ref),
    index('achievements_org_idx').on(t.organizationId),
    index('achievements_region_idx').on(t.regionCode),
  ],
);
