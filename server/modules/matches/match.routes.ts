import { z } from 'zod';
import type { ZodApp } from '../../http/app.js';
import { idParams } from '../shared/listing.js';
import { funnelQuery, funnelRowSchema, matchSchema, proposeBody, stepBody } from './match.schema.js';
import * as service from './match.service.js';

export function matchRoutes(app: ZodApp) {
  app.post('/demands/:id/matches', {
    schema: { tags: ['matches'], summary: '建立对接 Shortlist candidates for a demand', params: idParams, body: proposeBody, response: { 201: z.array(matchSchema) } },
  }, async (req, reply) => reply.status(201).send(await service.proposeMatches(app.platform, req.ctx, req.params.id, req.body.candidates)));

  app.get('/demands/:id/match-records', {
    schema: { tags: ['matches'], summary: '需求的对接记录 The matches of a demand', params: idParams, response: { 200: z.array(matchSchema) } },
  }, (req) => service.listDemandMatches(app.platform, req.ctx, req.params.id));

  app.get('/matches/mine', {
    schema: { tags: ['matches'], summary: '给我的对接 Matches where I am the candidate', response: { 200: z.array(matchSchema) } },
  }, (req) => service.myMatches(app.platform, req.ctx));

  app.get('/matches/:id', {
    schema: { tags: ['matches'], summary: '对接详情 A match and its timeline', params: idParams, response: { 200: matchSchema } },
  }, (req) => service.getMatch(app.platform, req.ctx, req.params.id));

  app.post('/matches/:id/steps', {
    schema: { tags: ['matches'], summary: '对接进展 Move a match a step (send, accept, decline, meet, agree, contract …)', params: idParams, body: stepBody, response: { 200: matchSchema } },
  }, (req) => service.stepMatch(app.platform, req.ctx, req.params.id, req.body.action, req.body));

  app.get('/funnel', {
    schema: { tags: ['matches'], summary: '撮合漏斗 The matchmaking funnel', querystring: funnelQuery, response: { 200: z.array(funnelRowSchema) } },
  }, (req) => {
    const { group, ...filters } = req.query;
    return service.funnelReport(app.platform, req.ctx, filters, group);
  });
}
