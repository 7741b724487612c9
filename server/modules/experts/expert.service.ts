import type { Database } from '../../db/client.js';
import { textSearchIds } from '../matching/matching.service.js';
import type { RegistryDeps } from '../shared/deps.js';
import { AppError } from '../../errors.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize, can } from '../../auth/policy.js';
import * as repo from './expert.repo.js';
import { jsonDates } from '../shared/listing.js';
import type { ExpertListQuery } from './expert.schema.js';

export async function listExperts(deps: RegistryDeps, ctx: RequestContext, q: ExpertListQuery) {
  const db = deps.db;
  const ids = await textSearchIds(deps.index, 'expert', q.q);
  authorize(ctx.actor, 'expert:read');
  const { items, total } = await repo.listExperts(db, q, ids);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Expert profiles are public; their phone and e-mail only reach people who administer them. */
export async function getExpert(db: Database, ctx: RequestContext, id: number) {
  const e = await repo.getExpert(db, id);
  if (!e) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Expert' : '专家', id });
  const resource = { regionCode: e.regionCode, organizationId: e.organizationId, expertId: e.id };
  authorize(ctx.actor, 'expert:read', resource);
  const contactsVisible = can(ctx.actor, 'expert:update', resource);
  return jsonDates(contactsVisible ? { ...e, contactsVisible } : { ...e, email: null, phone: null, contactsVisible });
}

export async function listPools(db: Database, ctx: RequestContext) {
  authorize(ctx.actor, 'expert:read');
  return repo.listPools(db);
}
