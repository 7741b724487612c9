import type { ZodApp } from '../../http/app.js';
import { idParams, pageOf } from '../shared/listing.js';
import { achievementDetail, achievementInput, achievementListQuery, achievementPatch, achievementSummary } from './achievement.schema.js';
import * as write from './achievement.write.js';
import * as service from './achievement.service.js';

export function achievementRoutes(app: ZodApp) {
  app.get('/achievements', {
    schema: { tags: ['achievements'], summary: '科技成果列表 List achievements', querystring: achievementListQuery, response: { 200: pageOf(achievementSummary) } },
  }, (req) => service.listAchievements(app.platform, req.ctx, req.query));

  app.get('/achievements/:id', {
    schema: { tags: ['achievements'], summary: '科技成果详情 An achievement', params: idParams, response: { 200: achievementDetail } },
  }, (req) => service.getAchievement(app.platform.db, req.ctx, req.params.id));

  app.post('/achievements', {
    schema: { tags: ['achievements'], summary: '登记科技成果 Register an achievement', body: achievementInput, response: { 201: achievementDetail } },
  }, async (req, reply) => reply.status(201).send(await write.createAchievement(app.platform, req.ctx, req.body)));

  app.patch('/achievements/:id', {
    schema: { tags: ['achievements'], summary: '修改科技成果 Edit an achievement', params: idParams, body: achievementPatch, response: { 200: achievementDetail } },
  }, (req) => write.updateAchievement(app.platform, req.ctx, req.params.id, req.body));
}
