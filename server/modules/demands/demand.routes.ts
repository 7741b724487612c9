import type { ZodApp } from '../../http/app.js';
import { idParams, pageOf } from '../shared/listing.js';
import { demandDetail, demandListQuery, demandListSummary, demandListsQuery, demandSummary } from './demand.schema.js';
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
}
