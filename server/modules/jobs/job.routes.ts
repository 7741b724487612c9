import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ZodApp } from '../../http/app.js';
import { AppError } from '../../errors.js';
import { idParams, jsonDates } from '../shared/listing.js';

export const jobSchema = z.object({
  id: z.number(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.number(),
  message: z.string().nullable(),
  result: z.unknown(),
  error: z.unknown(),
  hasFile: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

type Row = Awaited<ReturnType<ZodApp['platform']['jobs']['get']>>;

export function presentJob(j: Row) {
  const { outputFile, params: _params, userId: _userId, ...rest } = j;
  return jsonDates({ ...rest, hasFile: !!outputFile });
}

export function jobRoutes(app: ZodApp) {
  app.get('/jobs', {
    schema: { tags: ['jobs'], summary: '我的任务 My recent jobs', response: { 200: z.array(jobSchema) } },
  }, async (req) => (await app.platform.jobs.mine(req.ctx)).map(presentJob));

  app.get('/jobs/:id', {
    schema: { tags: ['jobs'], summary: '任务进度 A job and its progress', params: idParams, response: { 200: jobSchema } },
  }, async (req) => presentJob(await app.platform.jobs.get(req.ctx, req.params.id)));

  app.get('/jobs/:id/file', {
    schema: { tags: ['jobs'], summary: '下载任务结果 Download the file a job produced', params: idParams },
  }, async (req, reply) => {
    const job = await app.platform.jobs.get(req.ctx, req.params.id);
    if (!job.outputFile) throw new AppError('NOT_FOUND', { entity: req.ctx.locale === 'en' ? 'File' : '文件', id: req.params.id });
    const file = path.join(app.platform.filesDir, job.outputFile);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { entity: req.ctx.locale === 'en' ? 'File' : '文件', id: req.params.id });
    const name = path.basename(job.outputFile);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    reply.type(name.endsWith('.csv') ? 'text/csv; charset=utf-8' : name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/octet-stream');
    return reply.send(fs.createReadStream(file));
  });
}
