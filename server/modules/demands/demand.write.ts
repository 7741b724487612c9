import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { demandEvents, demands, organizations } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../auth/audit.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize, type Resource } from '../../auth/policy.js';
import type { ReferenceData } from '../../reference/reference.js';
import { checkReferenceCodes } from '../shared/reference-check.js';
import { DUPLICATE_TITLE_THRESHOLD, titleSimilarity } from '../../shared/similarity.js';
import { jsonDates } from '../shared/listing.js';
import { availableActions, checkTransition, editableStatuses, reviews, transitions, type DemandAction, type DemandStatus } from './demand.lifecycle.js';
import * as repo from './demand.repo.js';
import type { DemandInput } from './demand.schema.js';

export interface DemandWriteDeps {
  db: Database;
  reference: ReferenceData;
  syncIndex?: (kind: 'demand', ids: number[]) => Promise<void>;
}

type Row = typeof demands.$inferSelect;

const entity = (ctx: RequestContext) => (ctx.locale === 'en' ? 'Demand' : '技术需求');

function resourceOf(d: Pick<Row, 'regionCode' | 'organizationId' | 'confidentiality' | 'status'>): Resource {
  return {
    regionCode: d.regionCode,
    organizationId: d.organizationId,
    confidentiality: d.confidentiality,
    published: (repo.publishedStatuses as readonly string[]).includes(d.status),
  };
}

/** Demands of the same organization whose titles are near-identical: likely entered twice. */
export async function findDuplicates(db: Database, d: { id?: number; organizationId: number | null; title: string }) {
  if (d.organizationId == null) return [];
  const same = await db
    .select({ id: demands.id, title: demands.title, status: demands.status })
    .from(demands)
    .where(and(eq(demands.organizationId, d.organizationId), d.id ? ne(demands.id, d.id) : undefined));
  return same
    .map((x) => ({ ...x, similarity: Number(titleSimilarity(x.title, d.title).toFixed(3)) }))
    .filter((x) => x.similarity >= DUPLICATE_TITLE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity);
}

async function present(db: Database, ctx: RequestContext, id: number) {
  const d = await repo.getDemand(db, id);
  if (!d) throw new AppError('NOT_FOUND', { entity: entity(ctx), id });
  return jsonDates({ ...d, summaryOnly: false });
}

async function respond(deps: DemandWriteDeps, ctx: RequestContext, row: Row) {
  const [demand, duplicates] = await Promise.all([present(deps.db, ctx, row.id), findDuplicates(deps.db, row)]);
  return { demand, duplicates, actions: availableActions(ctx.actor, row.status, resourceOf(row)) };
}

async function loadRow(db: Database, ctx: RequestContext, id: number): Promise<Row> {
  const [row] = await db.select().from(demands).where(eq(demands.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: entity(ctx), id });
  return row;
}

/**
 * Creates a demand as a draft. An enterprise member creates it for its own organization; the
 * region is the organization's. Near-identical titles of the same organization come back as
 * `duplicates` so the form can warn before the user submits.
 */
export async function createDemand(deps: DemandWriteDeps, ctx: RequestContext, input: DemandInput) {
  checkReferenceCodes(deps.reference, input);
  let regionCode = input.regionCode ?? null;
  let organizationName: string | null = null;
  if (input.organizationId != null) {
    const [org] = await deps.db.select().from(organizations).where(eq(organizations.id, input.organizationId));
    if (!org) throw new AppError('VALIDATION_FAILED', { detail: 'organizationId' }, [{ path: 'organizationId', message: 'unknown organization' }]);
    regionCode = org.regionCode ?? regionCode;
    organizationName = org.name;
  } else if (!ctx.actor.grants.some((g) => g.role === 'admin' || g.role === 'operator' || g.role === 'region_officer')) {
    // An enterprise member always writes for its own organization.
    const own = ctx.actor.grants.find((g) => g.role === 'enterprise_member')?.organizationId;
    if (own != null) return createDemand(deps, ctx, { ...input, organizationId: own });
  }
  authorize(ctx.actor, 'demand:create', { regionCode, organizationId: input.organizationId ?? null });
  const row = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [created] = await tx
      .insert(demands)
      .values({ ...input, regionCode, organizationName, status: 'draft', createdBy: ctx.actor.userId })
      .returning();
    await tx.insert(demandEvents).values({ demandId: created.id, action: 'create', fromStatus: null, toStatus: 'draft', userId: ctx.actor.userId, username: ctx.actor.username });
    await recordAudit(tx, ctx, { action: 'create', entity: 'demand', entityId: created.id, after: created });
    return created;
  });
  await deps.syncIndex?.('demand', [row.id]);
  return respond(deps, ctx, row);
}

/**
 * Edits a demand. Its owner may edit while it is a draft or returned; reviewers (staff, the
 * region's officer) may correct it at any stage before it is closed or withdrawn.
 */
export async function updateDemand(deps: DemandWriteDeps, ctx: RequestContext, id: number, patch: Partial<DemandInput>) {
  const before = await loadRow(deps.db, ctx, id);
  const resource = resourceOf(before);
  authorize(ctx.actor, 'demand:update', resource);
  const reviewer = reviews(ctx.actor, resource);
  if (!reviewer && !editableStatuses.includes(before.status)) throw new AppError('DEMAND_NOT_EDITABLE', { status: before.status });
  if (before.status === 'closed' || before.status === 'withdrawn') throw new AppError('DEMAND_NOT_EDITABLE', { status: before.status });
  checkReferenceCodes(deps.reference, patch);
  if (patch.organizationId != null && patch.organizationId !== before.organizationId && !reviewer) {
    throw new AppError('FORBIDDEN', { action: 'demand:update organizationId' });
  }
  const row = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [after] = await tx.update(demands).set({ ...patch, updatedAt: new Date() }).where(eq(demands.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'update', entity: 'demand', entityId: id, before, after });
    return after;
  });
  await deps.syncIndex?.('demand', [id]);
  return respond(deps, ctx, row);
}

/** Moves a demand along its life (submit, publish, return with a reason, …), recorded in its history. */
export async function transitionDemand(deps: DemandWriteDeps, ctx: RequestContext, id: number, action: DemandAction, reason?: string) {
  const before = await loadRow(deps.db, ctx, id);
  const resource = resourceOf(before);
  authorize(ctx.actor, 'demand:read', resource);
  const check = checkTransition(ctx.actor, action, before.status, resource, reason);
  if (!check.ok) {
    if (check.why === 'state') throw new AppError('DEMAND_BAD_TRANSITION', { status: before.status, action });
    if (check.why === 'reason') throw new AppError('REASON_REQUIRED', {}, [{ path: 'reason', message: 'required' }]);
    throw new AppError('FORBIDDEN', { action: `demand:${action}` });
  }
  const to: DemandStatus = check.to;
  const row = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    // The status in the WHERE makes two concurrent transitions of one demand impossible.
    const [after] = await tx
      .update(demands)
      .set({ status: to, updatedAt: new Date() })
      .where(and(eq(demands.id, id), eq(demands.status, before.status)))
      .returning();
    if (!after) throw new AppError('CONFLICT', { detail: 'the demand changed meanwhile; reload' });
    await tx.insert(demandEvents).values({ demandId: id, action, fromStatus: before.status, toStatus: to, reason: reason?.trim() || null, userId: ctx.actor.userId, username: ctx.actor.username });
    await recordAudit(tx, ctx, { action: `transition.${action}`, entity: 'demand', entityId: id, before: { status: before.status }, after: { status: to, reason: reason ?? null } });
    return after;
  });
  await deps.syncIndex?.('demand', [id]);
  return respond(deps, ctx, row);
}

/** The history of a demand, oldest first, for whoever may read the demand. */
export async function demandHistory(db: Database, ctx: RequestContext, id: number) {
  const d = await loadRow(db, ctx, id);
  try {
    authorize(ctx.actor, 'demand:read', resourceOf(d));
  } catch (e) {
    if (e instanceof AppError && e.code === 'FORBIDDEN') throw new AppError('NOT_FOUND', { entity: entity(ctx), id });
    throw e;
  }
  const rows = await db.select().from(demandEvents).where(eq(demandEvents.demandId, id)).orderBy(demandEvents.id);
  return {
    items: jsonDates(rows.map(({ id: eventId, action, fromStatus, toStatus, reason, username, at }) => ({ id: eventId, action, fromStatus, toStatus, reason, username, at }))),
    actions: availableActions(ctx.actor, d.status, resourceOf(d)),
  };
}

export { transitions };
