import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organizations, regions, roleAssignments, sessions, users, experts } from '../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type GrantRow = typeof roleAssignments.$inferSelect;

export async function findUserByUsername(db: Database, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findUserById(db: Database, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function grantsOf(db: Database, userId: number): Promise<GrantRow[]> {
  return db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId)).orderBy(roleAssignments.id);
}

/** Names for the scopes of grants, for display ("西夏区", "宁夏红枸杞有限公司"). */
export async function scopeNames(db: Database, grants: GrantRow[]) {
  const regionCodes = [...new Set(grants.map((g) => g.regionCode).filter((c): c is string => !!c))];
  const orgIds = [...new Set(grants.map((g) => g.organizationId).filter((c): c is number => c != null))];
  const expertIds = [...new Set(grants.map((g) => g.expertId).filter((c): c is number => c != null))];
  const [regionRows, orgRows, expertRows] = await Promise.all([
    regionCodes.length ? db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, regionCodes)) : [],
    orgIds.length ? db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, orgIds)) : [],
    expertIds.length ? db.select({ id: experts.id, name: experts.name }).from(experts).where(inArray(experts.id, expertIds)) : [],
  ]);
  return {
    region: new Map(regionRows.map((r) => [r.code, r.name])),
    organization: new Map(orgRows.map((r) => [r.id, r.name])),
    expert: new Map(expertRows.map((r) => [r.id, r.name])),
  };
}

export async function insertSession(db: Database, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findLiveSession(db: Database, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Database, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function deleteSessionsOfUser(db: Database, userId: number, exceptTokenHash?: string): Promise<void> {
  const all = await db.select({ t: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, userId));
  const victims = all.map((r) => r.t).filter((t) => t !== exceptTokenHash);
  if (victims.length) await db.delete(sessions).where(inArray(sessions.tokenHash, victims));
}

export async function updateUser(db: Database, id: number, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function insertUser(db: Database, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  return created;
}

export async function insertGrant(db: Database, row: typeof roleAssignments.$inferInsert): Promise<GrantRow> {
  const [created] = await db.insert(roleAssignments).values(row).returning();
  return created;
}

export async function listUsers(db: Database) {
  return db.select().from(users).orderBy(users.id);
}
