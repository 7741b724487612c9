import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { demandLists, demands, disciplines, industries, keyIndustries, organizations, regions } from '../../db/schema/index.js';
import type { Visibility } from '../../auth/policy.js';
import { rankOrder, regionUnder, textMatch } from '../shared/listing.js';
import { visibleRows } from '../shared/visibility-sql.js';
import type { DemandListQuery } from './demand.schema.js';

/** Statuses a visitor may see: the demand has passed review. */
export const publishedStatuses = ['published', 'matched', 'negotiating', 'contracted', 'closed'] as const;

const listRegion = alias(regions, 'list_region');

const columns = {
  id: demands.id,
  ref: demands.ref,
  title: demands.title,
  status: demands.status,
  confidentiality: demands.confidentiality,
  organizationId: demands.organizationId,
  organizationName: sql<string | null>`coalesce(${organizations.name}, ${demands.organizationName})`,
  regionCode: demands.regionCode,
  regionName: regions.name,
  industryCode: demands.industryCode,
  industryName: industries.name,
  keyIndustry: demands.keyIndustry,
  keyIndustryName: keyIndustries.name,
  listId: demands.listId,
  listName: demandLists.name,
  cooperationMode: demands.cooperationMode,
  budget: demands.budget,
  createdAt: demands.createdAt,
};

function baseSelect(db: Database, extra: Record<string, unknown> = {}) {
  return db
    .select({ ...columns, ...extra } as typeof columns)
    .from(demands)
    .leftJoin(organizations, eq(organizations.id, demands.organizationId))
    .leftJoin(regions, eq(regions.code, demands.regionCode))
    .leftJoin(industries, eq(industries.code, demands.industryCode))
    .leftJoin(keyIndustries, eq(keyIndustries.code, demands.keyIndustry))
    .leftJoin(demandLists, eq(demandLists.id, demands.listId));
}

export function demandVisibility(v: Visibility) {
  return visibleRows(
    v,
    { region: demands.regionCode, organization: demands.organizationId },
    and(inArray(demands.status, [...publishedStatuses]), sql`${demands.confidentiality} <> 'confidential'`),
  );
}

export async function listDemands(db: Database, v: Visibility, q: DemandListQuery, ids?: number[]) {
  const where = and(
    demandVisibility(v),
    ids ? inArray(demands.id, ids.length ? ids : [-1]) : textMatch(q.q, demands.title, demands.description),
    q.status ? eq(demands.status, q.status) : undefined,
    q.confidentiality ? eq(demands.confidentiality, q.confidentiality) : undefined,
    q.regionCode ? regionUnder(demands.regionCode, q.regionCode) : undefined,
    q.keyIndustry ? eq(demands.keyIndustry, q.keyIndustry) : undefined,
    q.industryCode ? eq(demands.industryCode, q.industryCode) : undefined,
    q.listId ? eq(demands.listId, q.listId) : undefined,
    q.organizationId ? eq(demands.organizationId, q.organizationId) : undefined,
  );
  const order =
    q.sort === 'oldest' ? [asc(demands.createdAt), asc(demands.id)]
    : q.sort === 'title' ? [asc(demands.title), asc(demands.id)]
    : q.sort === 'budget' ? [sql`${demands.budget} DESC NULLS LAST`, asc(demands.id)]
    : [desc(demands.createdAt), desc(demands.id)];
  // A search ranks by relevance unless the user chose another order.
  const ranked = (q.sort ?? (ids ? 'relevance' : undefined)) === 'relevance' ? rankOrder(ids, demands.id, order) : order;
  const [items, [{ total }]] = await Promise.all([
    baseSelect(db).where(where).orderBy(...ranked).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(demands).where(where),
  ]);
  return { items, total: Number(total) };
}

export async function getDemand(db: Database, id: number) {
  const [row] = await baseSelect(db)
    .where(eq(demands.id, id))
    .limit(1);
  if (!row) return undefined;
  const [more] = await db
    .select({
      description: demands.description,
      keywords: demands.keywords,
      disciplineCode: demands.disciplineCode,
      disciplineName: disciplines.name,
      deadline: demands.deadline,
      updatedAt: demands.updatedAt,
    })
    .from(demands)
    .leftJoin(disciplines, eq(disciplines.code, demands.disciplineCode))
    .where(eq(demands.id, id));
  return { ...row, ...more };
}

export async function listDemandLists(db: Database, v: Visibility, q: { q?: string; page: number; pageSize: number; regionCode?: string; year?: number; id?: number }) {
  const visible = demandVisibility(v);
  const where = and(
    q.id ? eq(demandLists.id, q.id) : undefined,
    textMatch(q.q, demandLists.name, demandLists.description),
    q.regionCode ? regionUnder(demandLists.regionCode, q.regionCode) : undefined,
    q.year ? eq(demandLists.year, q.year) : undefined,
  );
  const demandCount = sql<number>`(select count(*)::int from ${demands} where ${demands.listId} = ${demandLists.id}${visible ? sql` and ${visible}` : sql``})`;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: demandLists.id,
        name: demandLists.name,
        source: demandLists.source,
        regionCode: demandLists.regionCode,
        regionName: listRegion.name,
        year: demandLists.year,
        description: demandLists.description,
        demandCount,
      })
      .from(demandLists)
      .leftJoin(listRegion, eq(listRegion.code, demandLists.regionCode))
      .where(where)
      .orderBy(desc(demandLists.year), asc(demandLists.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(demandLists).where(where),
  ]);
  return { items: items.map((r) => ({ ...r, demandCount: Number(r.demandCount) })), total: Number(total) };
}

/** A demand's id from its database id or its external ref. */
export async function findDemandByIdOrRef(db: Database, idOrRef: string): Promise<number | undefined> {
  const [byRef] = await db.select({ id: demands.id }).from(demands).where(eq(demands.ref, idOrRef)).limit(1);
  if (byRef) return byRef.id;
  if (!/^\d+$/.test(idOrRef)) return undefined;
  const [byId] = await db.select({ id: demands.id }).from(demands).where(eq(demands.id, Number(idOrRef))).limit(1);
  return byId?.id;
}
