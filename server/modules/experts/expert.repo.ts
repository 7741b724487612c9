import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { disciplines, expertPoolMembers, expertPools, experts, organizations, publications, regions } from '../../db/schema/index.js';
import { rankOrder, regionUnder, textMatch } from '../shared/listing.js';
import type { ExpertListQuery } from './expert.schema.js';

const publicationCount = sql<number>`(select count(*)::int from ${publications} where ${publications.expertId} = ${experts.id})`;
/** The side (east/west…) comes from the province of the expert's region. */
const side = sql<string | null>`(select p.side from ${regions} p where p.code = substr(${experts.regionCode}, 1, 2))`;

function summarySelect(db: Database) {
  return db
    .select({
      id: experts.id,
      ref: experts.ref,
      name: experts.name,
      title: experts.title,
      organizationId: experts.organizationId,
      organizationName: sql<string | null>`coalesce(${organizations.name}, ${experts.organizationName})`,
      regionCode: experts.regionCode,
      regionName: regions.name,
      side,
      disciplines: experts.disciplines,
      fields: experts.fields,
      keyIndustries: experts.keyIndustries,
      publicationCount,
    })
    .from(experts)
    .leftJoin(organizations, eq(organizations.id, experts.organizationId))
    .leftJoin(regions, eq(regions.code, experts.regionCode));
}

export async function listExperts(db: Database, q: ExpertListQuery, ids?: number[]) {
  const where = and(
    ids ? inArray(experts.id, ids.length ? ids : [-1]) : textMatch(q.q, experts.name, experts.bio, sql`${experts.fields}::text` as never),
    q.regionCode ? regionUnder(experts.regionCode, q.regionCode) : undefined,
    q.side ? sql`${side} = ${q.side}` : undefined,
    q.discipline ? sql`${experts.disciplines} @> ${JSON.stringify([q.discipline])}::jsonb` : undefined,
    q.keyIndustry ? sql`${experts.keyIndustries} @> ${JSON.stringify([q.keyIndustry])}::jsonb` : undefined,
    q.organizationId ? eq(experts.organizationId, q.organizationId) : undefined,
    q.poolId ? sql`exists (select 1 from ${expertPoolMembers} m where m.pool_id = ${q.poolId} and m.expert_id = ${experts.id})` : undefined,
  );
  const order =
    q.sort === 'publications' ? [desc(publicationCount), asc(experts.id)]
    : q.sort === 'newest' ? [desc(experts.createdAt), desc(experts.id)]
    : [asc(experts.name), asc(experts.id)];
  // A search ranks by relevance unless the user chose another order.
  const ranked = (q.sort ?? (ids ? 'relevance' : undefined)) === 'relevance' ? rankOrder(ids, experts.id, order) : order;
  const [items, [{ total }]] = await Promise.all([
    summarySelect(db).where(where).orderBy(...ranked).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(experts).where(where),
  ]);
  return { items: items.map((r) => ({ ...r, publicationCount: Number(r.publicationCount) })), total: Number(total) };
}

export async function getExpert(db: Database, id: number) {
  const [row] = await summarySelect(db).where(eq(experts.id, id)).limit(1);
  if (!row) return undefined;
  const [[more], pubs, pools] = await Promise.all([
    db.select().from(experts).where(eq(experts.id, id)),
    db.select().from(publications).where(eq(publications.expertId, id)).orderBy(desc(publications.year), asc(publications.id)),
    db
      .select({ id: expertPools.id, name: expertPools.name })
      .from(expertPoolMembers)
      .innerJoin(expertPools, eq(expertPools.id, expertPoolMembers.poolId))
      .where(eq(expertPoolMembers.expertId, id)),
  ]);
  const disciplineNames = more.disciplines.length
    ? (await db.select({ code: disciplines.code, name: disciplines.name }).from(disciplines).where(inArray(disciplines.code, more.disciplines)))
    : [];
  const nameOf = new Map(disciplineNames.map((d) => [d.code, d.name]));
  return {
    ...row,
    publicationCount: Number(row.publicationCount),
    gender: more.gender,
    birthYear: more.birthYear,
    bio: more.bio,
    email: more.email,
    phone: more.phone,
    orcid: more.orcid,
    status: more.status,
    createdAt: more.createdAt,
    updatedAt: more.updatedAt,
    disciplineNames: more.disciplines.map((c) => nameOf.get(c) ?? c),
    pools,
    publications: pubs.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract, keywords: p.keywords, year: p.year, venue: p.venue, coauthors: p.coauthors })),
  };
}

export async function listPools(db: Database) {
  const memberCount = sql<number>`(select count(*)::int from ${expertPoolMembers} m where m.pool_id = ${expertPools.id})`;
  const rows = await db
    .select({ id: expertPools.id, name: expertPools.name, description: expertPools.description, regionCode: expertPools.regionCode, memberCount })
    .from(expertPools)
    .orderBy(asc(expertPools.id));
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount) }));
}
