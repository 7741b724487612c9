import type { Database } from '../../db/client.js';
import { textSearchIds } from '../matching/matching.service.js';
import type { RegistryDeps } from '../shared/deps.js';
import { AppError } from '../../errors.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize, seesDetails, visibility, type Resource } from '../../auth/policy.js';
import * as repo from './demand.repo.js';
import { jsonDates } from '../shared/listing.js';
import type { DemandListQuery } from './demand.schema.js';

type Row = Awaited<ReturnType<typeof repo.getDemand>> & object;

function resourceOf(d: { regionCode: string | null; organizationId: number | null; confidentiality: Resource['confidentiality']; status: string }): Resource {
  return {
    regionCode: d.regionCode,
    organizationId: d.organizationId,
    confidentiality: d.confidentiality,
    published: (repo.publishedStatuses as readonly string[]).includes(d.status),
  };
}

/** A 'summary' demand shows a visitor its title, industry and region only. */
function redact<T extends { budget: number | null }>(ctx: RequestContext, d: T & Parameters<typeof resourceOf>[0]) {
  const full = seesDetails(ctx.actor, resourceOf(d));
  if (full) return { ...d, summaryOnly: false };
  return { ...d, budget: null, organizationId: null, organizationName: null, summaryOnly: true };
}

/** Lists the demands the actor may see. `ids` restricts to a search result (in its order). */
export async function listDemands(deps: RegistryDeps, ctx: RequestContext, q: DemandListQuery) {
  const db = deps.db;
  const ids = await textSearchIds(deps.index, 'demand', q.q);
  authorize(ctx.actor, 'demand:read');
  const { items, total } = await repo.listDemands(db, visibility(ctx.actor), q, ids);
  return { items: items.map((d) => jsonDates(redact(ctx, d))), total, page: q.page, pageSize: q.pageSize };
}

export async function getDemand(db: Database, ctx: RequestContext, id: number) {
  const d = await repo.getDemand(db, id);
  if (!d) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Demand' : '技术需求', id });
  try {
    authorize(ctx.actor, 'demand:read', resourceOf(d));
  } catch (e) {
    // Do not reveal that a hidden demand exists.
    if (e instanceof AppError && e.code === 'FORBIDDEN') throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Demand' : '技术需求', id });
    throw e;
  }
  const shown = redact(ctx, d as Row);
  return jsonDates(shown.summaryOnly ? { ...shown, description: null, keywords: [] as string[] } : shown);
}

export async function listDemandLists(db: Database, ctx: RequestContext, q: Parameters<typeof repo.listDemandLists>[2]) {
  authorize(ctx.actor, 'demandList:read');
  const { items, total } = await repo.listDemandLists(db, visibility(ctx.actor), q);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** The id of a demand named by database id or external ref; NOT_FOUND otherwise. */
export async function resolveDemandId(db: Database, ctx: RequestContext, idOrRef: string): Promise<number> {
  const id = await repo.findDemandByIdOrRef(db, idOrRef);
  if (id == null) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Demand' : '技术需求', id: idOrRef });
  return id;
}

/** One demand list with the number of its demands the actor may see. */
export async function getDemandList(db: Database, ctx: RequestContext, id: number) {
  authorize(ctx.actor, 'demandList:read');
  const { items } = await repo.listDemandLists(db, visibility(ctx.actor), { id, page: 1, pageSize: 1 });
  if (!items[0]) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Demand list' : '需求清单', id });
  return items[0];
}
