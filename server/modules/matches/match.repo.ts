import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { achievements, contracts, demands, experts, matchEvents, matches, organizations } from '../../db/schema/index.js';
import { openMatchStatuses } from './match.lifecycle.js';

export type MatchRow = typeof matches.$inferSelect;

export async function getMatchRow(db: Database, id: number): Promise<MatchRow | undefined> {
  const [row] = await db.select().from(matches).where(eq(matches.id, id));
  return row;
}

export async function matchesOfDemand(db: Database, demandId: number) {
  return db.select().from(matches).where(eq(matches.demandId, demandId)).orderBy(matches.id);
}

export async function eventsOf(db: Database, matchId: number) {
  return db.select().from(matchEvents).where(eq(matchEvents.matchId, matchId)).orderBy(matchEvents.id);
}

export async function contractOf(db: Database, matchId: number) {
  const [row] = await db.select().from(contracts).where(eq(contracts.matchId, matchId));
  return row;
}

/** The organization and expert behind a candidate: whose members answer for it. */
export async function candidateOwners(db: Database, kind: MatchRow['candidateKind'], id: number): Promise<{ organizationId: number | null; expertId: number | null; title: string | null; regionCode: string | null }> {
  if (kind === 'expert') {
    const [e] = await db.select({ org: experts.organizationId, name: experts.name, region: experts.regionCode }).from(experts).where(eq(experts.id, id));
    return { organizationId: null, expertId: e ? id : null, title: e?.name ?? null, regionCode: e?.region ?? null };
  }
  if (kind === 'organization') {
    const [o] = await db.select({ name: organizations.name, region: organizations.regionCode }).from(organizations).where(eq(organizations.id, id));
    return { organizationId: o ? id : null, expertId: null, title: o?.name ?? null, regionCode: o?.region ?? null };
  }
  const [a] = await db.select({ org: achievements.organizationId, expert: achievements.expertId, title: achievements.title, region: achievements.regionCode }).from(achievements).where(eq(achievements.id, id));
  return { organizationId: a?.org ?? null, expertId: a?.expert ?? null, title: a?.title ?? null, regionCode: a?.region ?? null };
}

/** Open matches per expert: the workload signal of the engine. */
export async function expertLoads(db: Database, expertIds?: number[]): Promise<Map<number, number>> {
  const rows = await db
    .select({ id: matches.candidateId, n: sql<number>`count(*)::int` })
    .from(matches)
    .where(and(eq(matches.candidateKind, 'expert'), inArray(matches.status, [...openMatchStatuses]), expertIds ? inArray(matches.candidateId, expertIds.length ? expertIds : [-1]) : undefined))
    .groupBy(matches.candidateId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export async function demandRow(db: Database, id: number) {
  const [d] = await db.select().from(demands).where(eq(demands.id, id));
  return d;
}

/** Matches whose candidate is the actor's own expert profile or organization (not proposals yet unsent). */
export async function candidateMatchesOf(db: Database, actor: import('../../auth/policy.js').Actor) {
  const expertIds = actor.grants.filter((g) => g.role === 'expert' && g.expertId != null).map((g) => g.expertId as number);
  const orgIds = actor.grants.filter((g) => g.role === 'enterprise_member' && g.organizationId != null).map((g) => g.organizationId as number);
  const conds = [];
  if (expertIds.length) conds.push(and(eq(matches.candidateKind, 'expert'), inArray(matches.candidateId, expertIds)));
  if (orgIds.length) conds.push(and(eq(matches.candidateKind, 'organization'), inArray(matches.candidateId, orgIds)));
  if (!conds.length) return [];
  return db.select().from(matches).where(and(or(...conds), sql`${matches.status} <> 'proposed'`)).orderBy(sql`${matches.statusChangedAt} desc`).limit(200);
}
