import type { Database } from '../../db/client.js';
import { textSearchIds } from '../matching/matching.service.js';
import type { RegistryDeps } from '../shared/deps.js';
import { AppError } from '../../errors.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize, visibility } from '../../auth/policy.js';
import { jsonDates } from '../shared/listing.js';
import * as repo from './achievement.repo.js';
import type { AchievementListQuery } from './achievement.schema.js';

export async function listAchievements(deps: RegistryDeps, ctx: RequestContext, q: AchievementListQuery) {
  const db = deps.db;
  const ids = await textSearchIds(deps.index, 'achievement', q.q);
  authorize(ctx.actor, 'achievement:read');
  const { items, total } = await repo.listAchievements(db, visibility(ctx.actor), q, ids);
  return { items: jsonDates(items), total, page: q.page, pageSize: q.pageSize };
}

export async function getAchievement(db: Database, ctx: RequestContext, id: number) {
  const a = await repo.getAchievement(db, id);
  const notFound = () => new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Achievement' : '科技成果', id });
  if (!a) throw notFound();
  const published = (repo.publicAchievementStatuses as readonly string[]).includes(a.status);
  try {
    authorize(ctx.actor, 'achievement:read', { regionCode: a.regionCode, organizationId: a.organizationId, expertId: a.expertId, published });
  } catch (e) {
    if (e instanceof AppError && e.code === 'FORBIDDEN') throw notFound();
    throw e;
  }
  return jsonDates(a);
}
