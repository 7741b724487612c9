import { integer, jsonb, numeric, pgTable, text, timestamp, date, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { demands } from './demands.js';

export const matchStatuses = [
  'proposed', 'sent', 'accepted', 'declined', 'meeting', 'agreement', 'contracted', 'closed', 'stalled', 'withdrawn',
] as const;
export const candidateKinds = ['expert', 'achievement', 'organization'] as const;
export const contractTypes = ['开发', '转让', '许可', '咨询', '服务'] as const;
export const declineReasons = ['not_my_field', 'no_capacity', 'terms', 'distance', 'already_solved', 'other'] as const;

/** 撮合 / 对接: a demand linked to a candidate, with the engine's score and reasons at the time. */
export const matches = pgTable(
  'matches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    demandId: integer('demand_id').notNull().references(() => demands.id, { onDelete: 'cascade' }),
    candidateKind: text('candidate_kind', { enum: candidateKinds }).notNull(),
    candidateId: integer('candidate_id').notNull(),
    status: text('status', { enum: matchStatuses }).notNull().default('proposed'),
    score: numeric('score', { precision: 12, scale: 6, mode: 'number' }),
    reasons: jsonb('reasons'),
    declineReason: text('decline_reason', { enum: declineReasons }),
    declineNote: text('decline_note'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('matches_demand_candidate_uq').on(t.demandId, t.candidateKind, t.candidateId),
    index('matches_candidate_idx').on(t.candidateKind, t.candidateId),
    index('matches_status_idx').on(t.status),
  ],
);

/** Every step of a match: who, when, from, to, notes and attachments. */
export const matchEvents = pgTable(
  'match_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    matchId: integer('match_id').notNull().references(() => matches.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    notes: text('notes'),
    attachments: jsonb('attachments').$type<{ name: string; file: string }[]>().notNull().default([]),
    userId: integer('user_id'),
    username: text('username'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('match_events_match_idx').on(t.matchId)],
);

/** 技术合同: a registered technology contract and its amount (技术合同成交额 is the headline figure). */
export const contracts = pgTable(
  'contracts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    matchId: integer('match_id').references(() => matches.id),
    demandId: integer('demand_id').references(() => demands.id),
    type: text('type', { enum: contractTypes }).notNull(),
    /** 万元 */
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    signedOn: date('signed_on').notNull(),
    registrationNo: text('registration_no'),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contracts_match_idx').on(t.matchId)],
);
