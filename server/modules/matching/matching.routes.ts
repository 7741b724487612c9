import type { ZodApp } from '../../http/app.js';
import { idParams } from '../shared/listing.js';
import { demandMatchesQuery, demandsForQuery, matchBody, resultSchema, searchQuery, suggestBody, suggestResponse } from './matching.schema.js';
import * as service from './matching.service.js';

export function matchingRoutes(app: ZodApp) {
  const deps = () => app.platform;

  app.get('/search', {
    schema: { tags: ['matching'], summary: '全文检索 Search one registry', querystring: searchQuery, response: { 200: resultSchema } },
  }, (req) => {
    const { q, kind, limit, ...f } = req.query;
    return service.search(deps(), req.ctx, { text: q, kind, limit, filters: { region: f.region, side: f.side, industry: f.industry, discipline: f.discipline } });
  });

  app.post('/match', {
    schema: { tags: ['matching'], summary: '文本匹配 Match a text against a registry, with reasons', body: matchBody, response: { 200: resultSchema } },
  }, (req) => service.match(deps(), req.ctx, req.body));

  app.get('/demands/:id/matches', {
    schema: {
      tags: ['matching'],
      summary: '需求推荐 Recommended experts, achievements or organizations for a demand',
      params: idParams,
      querystring: demandMatchesQuery,
      response: { 200: resultSchema },
    },
  }, (req) => service.matchesForDemand(deps(), req.ctx, req.params.id, req.query.kind, req.query.limit));

  app.get('/experts/:id/demands', {
    schema: { tags: ['matching'], summary: '适合专家的需求 Demands that fit an expert', params: idParams, querystring: demandsForQuery, response: { 200: resultSchema } },
  }, (req) => service.demandsFor(deps(), req.ctx, 'expert', req.params.id, req.query.limit));

  app.get('/organizations/:id/demands', {
    schema: { tags: ['matching'], summary: '适合单位的需求 Demands that fit an organization', params: idParams, querystring: demandsForQuery, response: { 200: resultSchema } },
  }, (req) => service.demandsFor(deps(), req.ctx, 'organization', req.params.id, req.query.limit));

  app.post('/suggest', {
    schema: { tags: ['matching'], summary: '关键词与分类建议 Keyword, discipline and industry suggestions', body: suggestBody, response: { 200: suggestResponse } },
  }, (req) => service.suggest(deps(), req.ctx, req.body.text, req.body.limit));
}
