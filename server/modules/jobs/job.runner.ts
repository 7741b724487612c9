import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import { AppError, formatMessage } from '../../errors.js';
import type { RequestContext } from '../../auth/context.js';
import { recordAudit } from '../../auth/audit.js';

export type JobRow = typeof jobs.$inferSelect;

/** What a job's work reports as it goes. */
export type Progress = (fraction: number, message?: string) => void;

export interface JobOutcome {
  result: unknown;
  outputFile?: string;
}

/** How often progress is written at most; a 100k-row import would otherwise write 100k times. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * Runs long work in this process, one job at a time (imports hold a whole file's rows), and keeps
 * status and progress in the jobs table so a reloaded page picks the job up again. Jobs that were
 * running when the process stopped are marked failed at the next start.
 */
export class JobRunner {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database) {}

  /** Marks jobs left running by a previous process as failed: their work is gone. */
  async recover(): Promise<number> {
    const stale = await this.db
      .update(jobs)
      .set({ status: 'failed', error: { code: 'INTERRUPTED', message: 'the server stopped while the job was running / 服务重启，任务中断' }, finishedAt: new Date() })
      .where(inArray(jobs.status, ['queued', 'running']))
      .returning({ id: jobs.id });
    return stale.length;
  }

  /** Queues work; returns the job row at once (status queued). */
  async start(ctx: RequestContext, kind: string, params: unknown, work: (progress: Progress) => Promise<JobOutcome>): Promise<JobRow> {
    const [job] = await this.db.insert(jobs).values({ kind, params: params as object, userId: ctx.actor.userId }).returning();
    const run = async () => {
      let last = 0;
      let pending: Promise<unknown> = Promise.resolve();
      const progress: Progress = (fraction, message) => {
        const now = Date.now();
        if (now - last < PROGRESS_INTERVAL_MS && fraction < 1) return;
        last = now;
        const p = Math.max(0, Math.min(1, fraction));
        // Progress is best effort: a failed write must not fail the work or go unhandled.
        pending = pending.then(() => this.db.update(jobs).set({ progress: p, message: message ?? null }).where(eq(jobs.id, job.id))).catch(() => undefined);
      };
      try {
        await this.db.update(jobs).set({ status: 'running', startedAt: new Date() }).where(eq(jobs.id, job.id));
        const outcome = await work(progress);
        await pending;
        await this.db
          .update(jobs)
          .set({ status: 'succeeded', progress: 1, result: outcome.result as object, outputFile: outcome.outputFile ?? null, finishedAt: new Date() })
          .where(eq(jobs.id, job.id));
      } catch (e) {
        await pending.catch(() => undefined);
        const error =
          e instanceof AppError
            ? { code: e.code, message: formatMessage(e.code, ctx.locale, e.params), fields: e.fields, details: e.details }
            : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
        // A refused import still leaves a file behind: the upload with its problems marked.
        const outputFile = (e as { outputFile?: string }).outputFile ?? null;
        // If the database is gone (shutting down), the next start marks the job interrupted.
        await this.db.update(jobs).set({ status: 'failed', error, outputFile, finishedAt: new Date() }).where(eq(jobs.id, job.id)).catch(() => undefined);
      }
    };
    this.queue = this.queue.then(run, run);
    await recordAudit(this.db, ctx, { action: 'job.start', entity: 'job', entityId: job.id, after: { kind, params } });
    return job;
  }

  /** Resolves when every queued job has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** A job, for the user who started it or staff. */
  async get(ctx: RequestContext, id: number): Promise<JobRow> {
    const [job] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    const staff = ctx.actor.grants.some((g) => g.role === 'admin' || g.role === 'operator');
    if (!job || (!staff && job.userId !== ctx.actor.userId)) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Job' : '任务', id });
    return job;
  }

  /** The user's recent jobs, newest first. */
  async mine(ctx: RequestContext, limit = 20): Promise<JobRow[]> {
    if (ctx.actor.userId == null) throw new AppError('AUTH_REQUIRED');
    return this.db.select().from(jobs).where(and(eq(jobs.userId, ctx.actor.userId))).orderBy(desc(jobs.id)).limit(limit);
  }
}
