import { z } from 'zod';
import type { ZodApp } from '../../http/app.js';
import { idParams, pageOf } from '../shared/listing.js';
import { expertDetail, expertInput, expertListQuery, expertPatch, expertPoolSummary, expertSummary, expertWriteResponse } from './expert.schema.js';
import * as write from './expert.write.js';
import * as service from './expert.service.js';

export function expertRoutes(app: ZodApp) {
  app.get('/experts', {
    schema: { tags: ['experts'], summary: '专家列表 List experts', querystring: expertListQuery, response: { 200: pageOf(expertSummary) } },
  }, (req) => service.listExperts(app.platform, req.ctx, req.query));

  app.get('/experts/:id', {
    schema: { tags: ['experts'], summary: '专家详情 An expert with publications', params: idParams, response: { 200: expertDetail } },
  }, (req) => service.getExpert(app.platform.db, req.ctx, req.params.id));

  app.get('/expert-pools', {
    schema: { tags: ['experts'], summary: '专家智库 Expert pools', response: { 200: z.array(expertPoolSummary) } },
  }, (req) => service.listPools(app.platform.db, req.ctx));

  app.post('/experts', {
    schema: { tags: ['experts'], summary: '新增专家 Add an expert', body: expertInput, response: { 201: expertWriteResponse } },
  }, async (req, reply) => reply.status(201).send(await write.createExpert(app.platform, req.ctx, req.body)));

  app.patch('/experts/:id', {
    schema: { tags: ['experts'], summary: '修改专家 Edit an expert (and replace publications)', params: idParams, body: expertPatch, response: { 200: expertWriteResponse } },
  }, (req) => write.updateExpert(app.platform, req.ctx, req.params.id, req.body));
}
