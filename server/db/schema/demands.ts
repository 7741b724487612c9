import { integer, jsonb, numeric, pgTable, text, timestamp, date, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users } from './users.js';

export const demandStatuses = [
  'draft', 'submitted', 'returned', 'published', 'matched', 'negotiating', 'contracted', 'closed', 'withdrawn',
] as const;
export const confidentialities = ['public', 'summary', 'confidential'] as const;
export const cooperationModes = ['技术开发', '技术转让', '技术许可', '技术咨询', '技术服务', '联合攻关', '人才引进', '共建平台'] as const;

/** 需求清单: a named batch of demands (a survey, a conference release). */
export const demandLists = pgTable(
  'demand_lists',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    source: text('source', { enum: ['survey', 'conference', 'society', 'platform'] }).notNull(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('demand_lists_name_uq').on(t.name)],
);

/** 技术需求: a technical problem an enterprise wants solved. */
export const demands = pgTable(
  'demands',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ref: text('ref'),
    listId: integer('list_id').references(() => demandLists.id),
    organizationId: integer('organization_id').references(() => organizations.id),
    /** The enterprise as the source wrote it; kept when it matches no organization record. */
    organizationName: text('organization_name'),
    regionCode: text('region_code'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    industryCode: text('industry_code'),
    keyIndustry: text('key_industry'),
    disciplineCode: text('discipline_code'),
    budget: numeric('budget', { precision: 14, scale: 2, mode: 'number' }),
    cooperationMode: text('cooperation_mode'),
    deadline: date('deadline'),
    confidentiality: text('confidentiality', { enum: confidentialities }).notNull().default('public'),
    status: text('status', { enum: demandStatuses }).notNull().default('draft'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('demands_ref_uq').on(t.ref),
    index('demands_org_idx').on(t.organizationId),
    index('demands_region_idx').on(t.regionCode),
    index('demands_list_idx').on(t.listId),
    index('demands_status_idx').on(t.status),
  ],
);

/** Every status change of a demand: who, when, from, to, why. The history shown on the demand. */
export const demandEvents = pgTable(
  'demand_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    demandId: integer('demand_id').notNull().references(() => demands.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    userId: integer('user_id'),
    username: text('username'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('demand_events_demand_idx').on(t.demandId)],
);
