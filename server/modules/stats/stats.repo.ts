import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { demandLists, demands, experts, keyIndustries, organizations, publications, regions } from '../../db/schema/index.js';
import type { Visibility } from '../../auth/policy.js';
import { demandVisibility } from '../demands/demand.repo.js';
import { listAchievements } from '../achievements/achievement.repo.js';

/** Headline figures for the home page, counting only what the viewer may see. */
export async function overview(db: Database, v: Visibility, homeProvince: string) {
  const dv = demandVisibility(v);
  const num = (rows: { n: number | string }[]) => Number(rows[0]?.n ?? 0);
  const [orgs, exps, pubs, dems, lists, achs, byStatus, byKey, bySide, byCity, recent] = await Promise.all([
    db.select({ n: count() }).from(organizations),
    db.select({ n: count() }).from(experts),
    db.select({ n: count() }).from(publications),
    db.select({ n: count() }).from(demands).where(dv),
    db.select({ n: count() }).from(demandLists),
    listAchievements(db, v, { page: 1, pageSize: 1, sort: 'newest' }),
    db.select({ status: demands.status, count: count() }).from(demands).where(dv).groupBy(demands.status).orderBy(demands.status),
    db
      .select({ code: keyIndustries.code, name: keyIndustries.name, group: keyIndustries.group, count: sql<number>`count(${demands.id})::int` })
      .from(keyIndustries)
      .leftJoin(demands, and(eq(demands.keyIndustry, keyIndustries.code), dv))
      .groupBy(keyIndustries.code, keyIndustries.name, keyIndustries.group)
      .orderBy(keyIndustries.code),
    db
      .select({ side: sql<string>`coalesce(${regions.side}, 'other')`, count: sql<number>`count(*)::int` })
      .from(experts)
      .leftJoin(regions, eq(regions.code, sql`substr(${experts.regionCode}, 1, 2)`))
      .groupBy(sql`1`)
      .orderBy(sql`2 desc`),
    db
      .select({ code: regions.code, name: regions.name, count: sql<number>`count(${demands.id})::int` })
      .from(regions)
      .leftJoin(demands, and(sql`${demands.regionCode} like ${regions.code} || '%'`, dv))
      .where(and(eq(regions.parentCode, homeProvince), eq(regions.level, 'city')))
      .groupBy(regions.code, regions.name)
      .orderBy(regions.code),
    db
      .select({ id: demands.id, title: demands.title, organizationName: organizations.name, status: demands.status, createdAt: demands.createdAt, confidentiality: demands.confidentiality })
      .from(demands)
      .leftJoin(organizations, eq(organizations.id, demands.organizationId))
      .where(dv)
      .orderBy(desc(demands.createdAt), desc(demands.id))
      .limit(8),
  ]);
  return {
    counts: {
      organizations: num(orgs),
      experts: num(exps),
      publications: num(pubs),
      demands: num(dems),
      demandLists: num(lists),
      achievements: achs.total,
    },
    demandsByStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.count) })),
    demandsByKeyIndustry: byKey.map((r) => ({ ...r, count: Number(r.count) })),
    expertsBySide: bySide.map((r) => ({ side: r.side, count: Number(r.count) })),
    demandsByCity: byCity.map((r) => ({ ...r, count: Number(r.count) })),
    recentDemands: recent,
  };
}
