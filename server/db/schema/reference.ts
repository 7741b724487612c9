import { integer, pgTable, text, jsonb, index } from 'drizzle-orm/pg-core';

/** Administrative divisions (GB/T 2260 style codes: 2-digit province, 4-digit city, 6-digit county). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: text('level', { enum: ['province', 'city', 'county', 'town'] }).notNull(),
    parentCode: text('parent_code'),
    side: text('side', { enum: ['east', 'central', 'west', 'northeast', 'other'] }).notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/** Industry classification (GB/T 4754-2017 by default: 门类 level 1, 大类 level 2, 中类 3, 小类 4). */
export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  level: integer('level').notNull(),
});

/** Discipline scheme (MoE 学科门类 level 1, 一级学科 level 2). */
export const disciplines = pgTable('disciplines', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  level: integer('level').notNull(),
});

/** The deployment's key-industry list (Ningxia: 六新六特六优). */
export const keyIndustries = pgTable('key_industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  group: text('group').notNull(),
  gbtCodes: jsonb('gbt_codes').$type<string[]>().notNull().default([]),
  keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
});

/** Standing East–West partnerships (结对) used by matching. */
export const pairings = pgTable('pairings', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  westCode: text('west_code').notNull(),
  eastCode: text('east_code').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
});
