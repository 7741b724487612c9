import type { ZodApp } from '../../http/app.js';
import { idParams, pageOf } from '../shared/listing.js';
import { achievementDetail, achievementListQuery, achievementSummary } from './achievement.schema.js';
import * as service from './achievement.service.js';

export function achievementRoutes(app: ZodApp) {
  app.get('/achievements', {
    schema: { tags: ['achievements'], summary: '科技成果列表 List achievements', querystring: achievementListQuery, response: { 200: pageOf(achievementSummary) } },
  }, (req) => service.listAchievements(app.platform, req.ctx, req.query));

  app.get('/achievements/:id', {
    schema: { tags: ['achievements'], summary: '科技成果详情 An achievement', params: idParams, response: { 200: achievementDetail } },
  }, (req) => service.getAchievement(app.platform.db, req.ctx, req.params.id));
}
