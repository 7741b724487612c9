import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { achievements, disciplines, experts, industries, keyIndustries, organizations, regions } from '../../db/schema/index.js';
import type { Visibility } from '../../auth/policy.js';
import { rankOrder, regionUnder, textMatch } from '../shared/listing.js';
import { visibleRows } from '../shared/visibility-sql.js';
import type { AchievementListQuery } from './achievement.schema.js';

export const publicAchievementStatuses = ['published', 'transferred'] as const;

function summarySelect(db: Database) {
  return db
    .select({
      id: achievements.id,
      ref: achievements.ref,
      title: achievements.title,
      kind: achievements.kind,
      status: achievements.status,
      maturity: achievements.maturity,
      transferMode: achievements.transferMode,
      price: achievements.price,
      organizationId: achievements.organizationId,
      organizationName: organizations.name,
      expertId: achievements.expertId,
      expertName: experts.name,
      regionCode: achievements.regionCode,
      regionName: regions.name,
      keyIndustry: achievements.keyIndustry,
      keyIndustryName: keyIndustries.name,
      createdAt: achievements.createdAt,
    })
    .from(achievements)
    .leftJoin(organizations, eq(organizations.id, achievements.organizationId))
    .leftJoin(experts, eq(experts.id, achievements.expertId))
    .leftJoin(regions, eq(regions.code, achievements.regionCode))
    .leftJoin(keyIndustries, eq(keyIndustries.code, achievements.keyIndustry));
}

export async function listAchievements(db: Database, v: Visibility, q: AchievementListQuery, ids?: number[]) {
  const where = and(
    visibleRows(v, { region: achievements.regionCode, organization: achievements.organizationId, expert: achievements.expertId }, inArray(achievements.status, [...publicAchievementStatuses])),
    ids ? inArray(achievements.id, ids.length ? ids : [-1]) : textMatch(q.q, achievements.title, achievements.summary),
    q.kind ? eq(achievements.kind, q.kind) : undefined,
    q.status ? eq(achievements.status, q.status) : undefined,
    q.keyIndustry ? eq(achievements.keyIndustry, q.keyIndustry) : undefined,
    q.regionCode ? regionUnder(achievements.regionCode, q.regionCode) : undefined,
    q.organizationId ? eq(achievements.organizationId, q.organizationId) : undefined,
    q.expertId ? eq(achievements.expertId, q.expertId) : undefined,
  );
  const order =
    q.sort === 'title' ? [asc(achievements.title), asc(achievements.id)]
    : q.sort === 'maturity' ? [sql`${achievements.maturity} DESC NULLS LAST`, asc(achievements.id)]
    : q.sort === 'price' ? [sql`${achievements.price} DESC NULLS LAST`, asc(achievements.id)]
    : [desc(achievements.createdAt), desc(achievements.id)];
  // A search ranks by relevance unless the user chose another order.
  const ranked = (q.sort ?? (ids ? 'relevance' : undefined)) === 'relevance' ? rankOrder(ids, achievements.id, order) : order;
  const [items, [{ total }]] = await Promise.all([
    summarySelect(db).where(where).orderBy(...ranked).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(achievements).where(where),
  ]);
  return { items, total: Number(total) };
}

export async function getAchievement(db: Database, id: number) {
  const [row] = await summarySelect(db).where(eq(achievements.id, id)).limit(1);
  if (!row) return undefined;
  const [more] = await db
    .select({
      summary: achievements.summary,
      keywords: achievements.keywords,
      disciplineCode: achievements.disciplineCode,
      disciplineName: disciplines.name,
      industryCode: achievements.industryCode,
      industryName: industries.name,
      updatedAt: achievements.updatedAt,
    })
    .from(achievements)
    .leftJoin(disciplines, eq(disciplines.code, achievements.disciplineCode))
    .leftJoin(industries, eq(industries.code, achievements.industryCode))
    .where(eq(achievements.id, id));
  return { ...row, ...more };
}
