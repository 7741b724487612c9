import { z } from 'zod';
import type { ZodApp } from '../../http/app.js';
import { idParams, pageOf } from '../shared/listing.js';
import { expertDetail, expertListQuery, expertPoolSummary, expertSummary } from './expert.schema.js';
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
}
