import { and, count, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { RequestContext } from './context.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy: Dates become ISO strings, secrets are never written to the log. */
function scrub(value: unknown): unknown {
  if (value == null) return null;
  return JSON.parse(
    JSON.stringify(value, (k, v) => (k === 'passwordHash' || k === 'password' || k === 'tokenHash' ? '[redacted]' : v)),
  );
}

/**
 * Writes one audit row. Call it with the transaction that performs the write so the change and
 * its record commit or roll back together.
 */
export async function recordAudit(db: Database, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: ctx.actor.userId,
    username: ctx.actor.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: scrub(entry.before),
    after: scrub(entry.after),
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
  });
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  entity?: string;
  entityId?: string;
  userId?: number;
}

/** Newest first, paginated. */
export async function listAudit(db: Database, q: AuditQuery) {
  const where = and(
    q.entity ? eq(auditLog.entity, q.entity) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.userId != null ? eq(auditLog.userId, q.userId) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}
