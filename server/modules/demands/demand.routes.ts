import type { ZodApp } from '../../http/app.js';
import { idParams, pageOf } from '../shared/listing.js';
import { z } from 'zod';
import { demandDetail, demandEventItem, demandInput, demandListQuery, demandListSummary, demandListsQuery, demandPatch, demandSummary, demandWriteResponse, transitionBody } from './demand.schema.js';
import * as write from './demand.write.js';
import * as service from './demand.service.js';

export function demandRoutes(app: ZodApp) {
  app.get('/demands', {
    schema: { tags: ['demands'], summary: '技术需求列表 List demands', querystring: demandListQuery, response: { 200: pageOf(demandSummary) } },
  }, (req) => service.listDemands(app.platform, req.ctx, req.query));

  app.get('/demands/:id', {
    schema: { tags: ['demands'], summary: '技术需求详情 A demand', params: idParams, response: { 200: demandDetail } },
  }, (req) => service.getDemand(app.platform.db, req.ctx, req.params.id));

  app.get('/demand-lists', {
    schema: { tags: ['demands'], summary: '需求清单 Demand lists', querystring: demandListsQuery, response: { 200: pageOf(demandListSummary) } },
  }, (req) => service.listDemandLists(app.platform.db, req.ctx, req.query));

  app.get('/demand-lists/:id', {
    schema: { tags: ['demands'], summary: '需求清单详情 A demand list', params: idParams, response: { 200: demandListSummary } },
  }, (req) => service.getDemandList(app.platform.db, req.ctx, req.params.id));

  app.post('/demands', {
    schema: { tags: ['demands'], summary: '新建技术需求（草稿） Create a demand (draft)', body: demandInput, response: { 201: demandWriteResponse } },
  }, async (req, reply) => reply.status(201).send(await write.createDemand(app.platform, req.ctx, req.body)));

  app.patch('/demands/:id', {
    schema: { tags: ['demands'], summary: '修改技术需求 Edit a demand', params: idParams, body: demandPatch, response: { 200: demandWriteResponse } },
  }, (req) => write.updateDemand(app.platform, req.ctx, req.params.id, req.body));

  app.post('/demands/:id/transitions', {
    schema: {
      tags: ['demands'],
      summary: '需求流转（提交、发布、退回、撤回…） Move a demand along its life',
      params: idParams,
      body: transitionBody,
      response: { 200: demandWriteResponse },
    },
  }, (req) => write.transitionDemand(app.platform, req.ctx, req.params.id, req.body.action, req.body.reason));

  app.get('/demands/:id/history', {
    schema: {
      tags: ['demands'],
      summary: '需求流转记录 The history of a demand',
      params: idParams,
      response: { 200: z.object({ items: z.array(demandEventItem), actions: z.array(z.string()) }) },
    },
  }, (req) => write.demandHistory(app.platform.db, req.ctx, req.params.id));
}
