import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { achievements, demands, experts, industries, keyIndustries, organizations, regions } from '../../db/schema/index.js';
import { rankOrder, regionUnder, textMatch } from '../shared/listing.js';
import type { OrganizationListQuery } from './organization.schema.js';

const side = sql<string | null>`(select p.side from ${regions} p where p.code = substr(${organizations.regionCode}, 1, 2))`;

function summarySelect(db: Database) {
  return db
    .select({
      id: organizations.id,
      ref: organizations.ref,
      uscc: organizations.uscc,
      name: organizations.name,
      kind: organizations.kind,
      regionCode: organizations.regionCode,
      regionName: regions.name,
      side,
      industryCode: organizations.industryCode,
      keyIndustry: organizations.keyIndustry,
      keyIndustryName: keyIndustries.name,
    })
    .from(organizations)
    .leftJoin(regions, eq(regions.code, organizations.regionCode))
    .leftJoin(keyIndustries, eq(keyIndustries.code, organizations.keyIndustry));
}

export async function listOrganizations(db: Database, q: OrganizationListQuery, ids?: number[]) {
  const where = and(
    ids ? inArray(organizations.id, ids.length ? ids : [-1]) : textMatch(q.q, organizations.name, organizations.description),
    q.kind ? eq(organizations.kind, q.kind) : undefined,
    q.regionCode ? regionUnder(organizations.regionCode, q.regionCode) : undefined,
    q.side ? sql`${side} = ${q.side}` : undefined,
    q.keyIndustry ? eq(organizations.keyIndustry, q.keyIndustry) : undefined,
  );
  const order = q.sort === 'newest' ? [desc(organizations.createdAt), desc(organizations.id)] : [asc(organizations.name), asc(organizations.id)];
  // A search ranks by relevance unless the user chose another order.
  const ranked = (q.sort ?? (ids ? 'relevance' : undefined)) === 'relevance' ? rankOrder(ids, organizations.id, order) : order;
  const [items, [{ total }]] = await Promise.all([
    summarySelect(db).where(where).orderBy(...ranked).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(organizations).where(where),
  ]);
  return { items, total: Number(total) };
}

export async function getOrganization(db: Database, id: number) {
  const [row] = await summarySelect(db).where(eq(organizations.id, id)).limit(1);
  if (!row) return undefined;
  const [[more], [e], [d], [a]] = await Promise.all([
    db
      .select({
        description: organizations.description,
        industryName: industries.name,
        contactName: organizations.contactName,
        phone: organizations.phone,
        email: organizations.email,
        website: organizations.website,
        createdAt: organizations.createdAt,
        updatedAt: organizations.updatedAt,
      })
      .from(organizations)
      .leftJoin(industries, eq(industries.code, organizations.industryCode))
      .where(eq(organizations.id, id)),
    db.select({ n: count() }).from(experts).where(eq(experts.organizationId, id)),
    db.select({ n: count() }).from(demands).where(eq(demands.organizationId, id)),
    db.select({ n: count() }).from(achievements).where(eq(achievements.organizationId, id)),
  ]);
  return { ...row, ...more, counts: { experts: Number(e.n), demands: Number(d.n), achievements: Number(a.n) } };
}
