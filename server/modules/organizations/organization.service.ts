import type { Database } from '../../db/client.js';
import { textSearchIds } from '../matching/matching.service.js';
import type { RegistryDeps } from '../shared/deps.js';
import { AppError } from '../../errors.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize, can } from '../../auth/policy.js';
import { jsonDates } from '../shared/listing.js';
import * as repo from './organization.repo.js';
import type { OrganizationListQuery } from './organization.schema.js';

export async function listOrganizations(deps: RegistryDeps, ctx: RequestContext, q: OrganizationListQuery) {
  const db = deps.db;
  const ids = await textSearchIds(deps.index, 'organization', q.q);
  authorize(ctx.actor, 'organization:read');
  const { items, total } = await repo.listOrganizations(db, q, ids);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Organizations are public; contact people and phones only reach those who administer them. */
export async function getOrganization(db: Database, ctx: RequestContext, id: number) {
  const o = await repo.getOrganization(db, id);
  if (!o) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Organization' : '单位', id });
  const resource = { regionCode: o.regionCode, organizationId: o.id };
  authorize(ctx.actor, 'organization:read', resource);
  const contactsVisible = can(ctx.actor, 'organization:update', resource);
  return jsonDates(contactsVisible ? { ...o, contactsVisible } : { ...o, contactName: null, phone: null, email: null, contactsVisible });
}
