import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { ZodApp } from '../../http/app.js';
import { AppError } from '../../errors.js';
import { authorize } from '../../auth/policy.js';
import { writeTemplate } from '../../documents/xlsx/template.js';
import { importKinds } from './import.schema.js';
import { importJsonl, createActionOf } from './import.service.js';
import { ImportRefused, importSheet } from './import.sheet.js';
import { exportRegistry } from './export.service.js';
import { sheets } from './sheets.js';
import { jobSchema, presentJob } from '../jobs/job.routes.js';

const readAction = { demands: 'demand:read', experts: 'expert:read', achievements: 'achievement:read', organizations: 'organization:read' } as const;

/** Import templates, uploads (run as jobs; poll /api/jobs/:id) and exports of the four registries. */
export function importRoutes(app: ZodApp) {
  const kindParams = z.object({ kind: z.enum(importKinds) });

  app.get('/templates/:kind', {
    schema: { tags: ['imports'], summary: '导入模板 The XLSX import template of a registry', params: kindParams, querystring: z.object({ lang: z.enum(['zh', 'en']).optional() }) },
  }, async (req, reply) => {
    const lang = req.query.lang ?? (req.ctx.locale === 'en' ? 'en' : 'zh');
    const spec = sheets[req.params.kind];
    const buf = await writeTemplate(spec, { locale: lang });
    const name = `${lang === 'en' ? spec.sheet.en : spec.sheet.zh}-${lang === 'en' ? 'template' : '导入模板'}.xlsx`;
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(buf);
  });

  app.post('/imports/:kind', {
    schema: {
      tags: ['imports'],
      summary: '上传导入 Upload an XLSX, CSV or JSONL file into a registry (runs as a job)',
      params: kindParams,
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
    if (!['.jsonl', '.json', '.xlsx', '.csv'].includes(ext)) {
      file.file.resume();
      throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    }
    const stored = path.join('uploads', `${randomUUID()}${ext}`);
    fs.mkdirSync(path.join(app.platform.filesDir, 'uploads'), { recursive: true });
    await pipeline(file.file, fs.createWriteStream(path.join(app.platform.filesDir, stored)));
    if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
    const skipInvalid = req.query.skipInvalid === 'true';
    const ctx = req.ctx;
    const filename = file.filename;
    const job = await app.platform.jobs.start(ctx, `import.${kind}`, { kind, file: filename, skipInvalid }, async (progress) => {
      const input = fs.readFileSync(path.join(app.platform.filesDir, stored));
      if (ext === '.jsonl' || ext === '.json') {
        const report = await importJsonl(app.platform, ctx, kind, input.toString('utf8'), { skipInvalid, progress });
        return { result: { ...report, ids: undefined } };
      }
      // The marked workbook is kept as the job's file, whether the import was refused or partial.
      const marked = (buf: Buffer) => {
        const out = path.join('outputs', `${path.parse(filename).name}-错误标注.xlsx`);
        fs.mkdirSync(path.join(app.platform.filesDir, 'outputs'), { recursive: true });
        fs.writeFileSync(path.join(app.platform.filesDir, out), buf);
        return out;
      };
      try {
        const { annotated, ids: _ids, ...report } = await importSheet(app.platform, ctx, kind, input, { skipInvalid, progress, filename });
        return { result: report, outputFile: annotated ? marked(annotated) : undefined };
      } catch (e) {
        if (e instanceof ImportRefused && e.annotated) Object.assign(e, { outputFile: marked(e.annotated) });
        throw e;
      }
    });
    return reply.status(202).send(presentJob(job));
  });

  app.post('/exports/:kind', {
    schema: {
      tags: ['imports'],
      summary: '导出列表 Export a filtered registry list to XLSX or CSV (runs as a job)',
      params: kindParams,
      body: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), filters: z.record(z.string(), z.union([z.string(), z.number()])).default({}) }),
      response: { 202: jobSchema },
    },
  }, async (req, reply) => {
    const { kind } = req.params;
    authorize(req.ctx.actor, readAction[kind]);
    if (req.ctx.actor.userId == null) throw new AppError('AUTH_REQUIRED');
    const ctx = req.ctx;
    const { format, filters } = req.body;
    const job = await app.platform.jobs.start(ctx, `export.${kind}`, { kind, format, filters }, async (progress) => {
      const { file, rows } = await exportRegistry(app.platform, ctx, kind, format, filters, progress);
      return { result: { rows, format }, outputFile: file };
    });
    return reply.status(202).send(presentJob(job));
  });
}
