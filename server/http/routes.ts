import { z } from 'zod';
import type { Config } from '../config.js';
import type { ZodApp } from './app.js';
import { authRoutes } from '../auth/auth.routes.js';
import { demandRoutes } from '../modules/demands/demand.routes.js';
import { expertRoutes } from '../modules/experts/expert.routes.js';
import { achievementRoutes } from '../modules/achievements/achievement.routes.js';
import { organizationRoutes } from '../modules/organizations/organization.routes.js';
import { statsRoutes } from '../modules/stats/stats.routes.js';
import { referenceRoutes } from '../modules/reference/reference.routes.js';
import { matchingRoutes } from '../modules/matching/matching.routes.js';
import { jobRoutes } from '../modules/jobs/job.routes.js';
import { importRoutes } from '../modules/imports/import.routes.js';
import { matchRoutes } from '../modules/matches/match.routes.js';

/** Every API route, mounted under /api. */
export function registerRoutes(app: ZodApp, config: Config) {
  app.get('/health', {
    schema: { tags: ['system'], summary: '健康检查 Health', response: { 200: z.object({ status: z.literal('ok'), database: z.string(), uptimeSeconds: z.number() }) } },
  }, async () => {
    await app.platform.ping();
    return { status: 'ok' as const, database: app.platform.kind, uptimeSeconds: Math.round(process.uptime()) };
  });
  authRoutes(app, config);
  statsRoutes(app);
  referenceRoutes(app);
  demandRoutes(app);
  expertRoutes(app);
  achievementRoutes(app);
  organizationRoutes(app);
  matchingRoutes(app);
  jobRoutes(app);
  importRoutes(app);
  matchRoutes(app);
}
