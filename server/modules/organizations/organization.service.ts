import type { Database } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize, can } from '../../auth/policy.js';
import { jsonDates } from '../shared/listing.js';
import * as repo from './organization.repo.js';
import type { OrganizationListQuery } from './organization.schema.js';

export async function listOrganizations(db: Database, ctx: RequestContext, q: OrganizationListQuery, ids?: number[]) {
  authorize(ctx.actor, 'organization:read');
  const { items, total } = await repo.listOrganizations(db, q, ids);
  if (ids) items.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
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
