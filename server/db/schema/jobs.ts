import { integer, jsonb, pgTable, real, text, timestamp, index } from 'drizzle-orm/pg-core';

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;

/**
 * Long work (a 100,000-row import, a large export, a batch of reports) runs as a job: its progress
 * is kept here so a page reload, or another tab, finds it again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    status: text('status', { enum: jobStatuses }).notNull().default('queued'),
    /** 0–1 */
    progress: real('progress').notNull().default(0),
    message: text('message'),
    params: jsonb('params'),
    result: jsonb('result'),
    error: jsonb('error'),
    /** A file the job produced (export, error workbook), relative to the data directory. */
    outputFile: text('output_file'),
    userId: integer('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_user_idx').on(t.userId)],
);
