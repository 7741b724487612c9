import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { ZodApp } from '../../http/app.js';
import { AppError } from '../../errors.js';
import { authorize } from '../../auth/policy.js';
import { importKinds } from './import.schema.js';
import { importJsonl, createActionOf } from './import.service.js';
import { jobSchema, presentJob } from '../jobs/job.routes.js';

/** Upload a file to import into a registry; the import runs as a job (poll /api/jobs/:id). */
export function importRoutes(app: ZodApp) {
  app.post('/imports/:kind', {
    schema: {
      tags: ['imports'],
      summary: '上传导入 Upload a file into a registry (runs as a job)',
      params: z.object({ kind: z.enum(importKinds) }),
      querystring: z.object({ skipInvalid: z.enum(['true', 'false']).default('false') }),
      consumes: ['multipart/form-data'],
      response: { 202: jobSchema },
    },
  }, async (req, reply) => {
    const { kind } = req.params;
    authorize(req.ctx.actor, createActionOf(kind));
    const file = await req.file();
    if (!file) throw new AppError('VALIDATION_FAILED', { detail: 'file' }, [{ path: 'file', message: 'required' }]);
    const ext = path.extname(file.filename).toLowerCase();
    if (!['.jsonl', '.json'].includes(ext)) {
      file.file.resume();
      throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    }
    const stored = path.join('uploads', `${randomUUID()}${ext}`);
    fs.mkdirSync(path.join(app.platform.filesDir, 'uploads'), { recursive: true });
    await pipeline(file.file, fs.createWriteStream(path.join(app.platform.filesDir, stored)));
    if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
    const skipInvalid = req.query.skipInvalid === 'true';
    const ctx = req.ctx;
    const job = await app.platform.jobs.start(ctx, `import.${kind}`, { kind, file: file.filename, skipInvalid }, async (progress) => {
      const text = fs.readFileSync(path.join(app.platform.filesDir, stored), 'utf8');
      const report = await importJsonl(app.platform, ctx, kind, text, { skipInvalid, progress });
      return { result: { ...report, ids: undefined } };
    });
    return reply.status(202).send(presentJob(job));
  });
}
