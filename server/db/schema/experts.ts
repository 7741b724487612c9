import { integer, jsonb, pgTable, text, timestamp, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';

/** 专家: a person with a profile; the evidence of their expertise is their publications. */
export const experts = pgTable(
  'experts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ref: text('ref'),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }),
    birthYear: integer('birth_year'),
    title: text('title'),
    organizationId: integer('organization_id').references(() => organizations.id),
    /** The institution as the source wrote it; kept when it matches no organization record. */
    organizationName: text('organization_name'),
    regionCode: text('region_code'),
    disciplines: jsonb('disciplines').$type<string[]>().notNull().default([]),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    keyIndustries: jsonb('key_industries').$type<string[]>().notNull().default([]),
    bio: text('bio').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    orcid: text('orcid'),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('experts_ref_uq').on(t.ref),
    index('experts_org_idx').on(t.organizationId),
    index('experts_region_idx').on(t.regionCode),
  ],
);

/** 代表性成果 / 论文: an expert's representative works. */
export const publications = pgTable(
  'publications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    expertId: integer('expert_id').notNull().references(() => experts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    abstract: text('abstract').notNull().default(''),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    year: integer('year'),
    venue: text('venue'),
    coauthors: jsonb('coauthors').$type<string[]>().notNull().default([]),
  },
  (t) => [index('publications_expert_idx').on(t.expertId)],
);

/** 专家智库: named expert lists (百名专家库, a 服务团). */
export const expertPools = pgTable(
  'expert_pools',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    regionCode: text('region_code'),
  },
  (t) => [uniqueIndex('expert_pools_name_uq').on(t.name)],
);

export const expertPoolMembers = pgTable(
  'expert_pool_members',
  {
    poolId: integer('pool_id').notNull().references(() => expertPools.id, { onDelete: 'cascade' }),
    expertId: integer('expert_id').notNull().references(() => experts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.expertId] })],
);
