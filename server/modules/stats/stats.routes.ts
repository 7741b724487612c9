import type { ZodApp } from '../../http/app.js';
import { overviewResponse } from './stats.schema.js';
import * as service from './stats.service.js';

export function statsRoutes(app: ZodApp) {
  app.get('/stats/overview', {
    schema: { tags: ['stats'], summary: '首页统计 Headline figures', response: { 200: overviewResponse } },
  }, (req) => service.overview(app.platform.db, req.ctx));
}
