import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { experts, organizations, publications } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../auth/audit.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize } from '../../auth/policy.js';
import type { ReferenceData } from '../../reference/reference.js';
import { checkReferenceCodes } from '../shared/reference-check.js';
import type { ExpertInput } from './expert.schema.js';
import { getExpert } from './expert.service.js';

export interface ExpertWriteDeps {
  db: Database;
  reference: ReferenceData;
  syncIndex?: (kind: 'expert', ids: number[]) => Promise<void>;
}

async function organizationOf(db: Database, id: number | null | undefined) {
  if (id == null) return null;
  const [org] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!org) throw new AppError('VALIDATION_FAILED', { detail: 'organizationId' }, [{ path: 'organizationId', message: 'unknown organization' }]);
  return org;
}

/** Same name at the same institution (by record or as written): likely the same person twice. */
async function sameNameSameInstitution(db: Database, e: { id?: number; name: string; organizationId: number | null; organizationName: string | null }) {
  if (e.organizationId == null && !e.organizationName) return [];
  const institution = sql<string | null>`coalesce(${organizations.name}, ${experts.organizationName})`;
  return db
    .select({ id: experts.id, name: experts.name, organizationName: institution })
    .from(experts)
    .leftJoin(organizations, eq(organizations.id, experts.organizationId))
    .where(
      and(
        eq(experts.name, e.name),
        e.id ? ne(experts.id, e.id) : undefined,
        or(e.organizationId != null ? eq(experts.organizationId, e.organizationId) : undefined, e.organizationName ? sql`${institution} = ${e.organizationName}` : undefined),
      ),
    );
}

async function replacePublications(tx: Database, expertId: number, pubs: ExpertInput['publications']) {
  if (!pubs) return;
  await tx.delete(publications).where(eq(publications.expertId, expertId));
  if (pubs.length) await tx.insert(publications).values(pubs.map((p) => ({ ...p, expertId })));
}

/** Adds an expert to the library: staff and region officers (in their region), or an institution's members. */
export async function createExpert(deps: ExpertWriteDeps, ctx: RequestContext, input: ExpertInput) {
  checkReferenceCodes(deps.reference, input);
  const org = await organizationOf(deps.db, input.organizationId);
  const regionCode = org?.regionCode ?? null;
  authorize(ctx.actor, 'expert:create', { regionCode, organizationId: org?.id ?? null });
  const { publications: pubs, ...values } = input;
  const organizationName = org?.name ?? input.organizationName ?? null;
  const row = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [created] = await tx.insert(experts).values({ ...values, organizationName, regionCode }).returning();
    await replacePublications(tx, created.id, pubs);
    await recordAudit(tx, ctx, { action: 'create', entity: 'expert', entityId: created.id, after: { ...created, publications: pubs ?? [] } });
    return created;
  });
  await deps.syncIndex?.('expert', [row.id]);
  const duplicates = await sameNameSameInstitution(deps.db, { id: row.id, name: row.name, organizationId: row.organizationId, organizationName });
  return { expert: await getExpert(deps.db, ctx, row.id), duplicates };
}

/** Edits an expert: the expert themself, staff, the officer of the region, or the institution. */
export async function updateExpert(deps: ExpertWriteDeps, ctx: RequestContext, id: number, patch: Partial<ExpertInput>) {
  const [before] = await deps.db.select().from(experts).where(eq(experts.id, id));
  if (!before) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Expert' : '专家', id });
  authorize(ctx.actor, 'expert:update', { regionCode: before.regionCode, organizationId: before.organizationId, expertId: id });
  checkReferenceCodes(deps.reference, patch);
  const org = patch.organizationId !== undefined ? await organizationOf(deps.db, patch.organizationId) : undefined;
  if (org) authorize(ctx.actor, 'expert:create', { regionCode: org.regionCode, organizationId: org.id, expertId: id });
  const { publications: pubs, ...values } = patch;
  const beforePubs = pubs ? await deps.db.select().from(publications).where(eq(publications.expertId, id)) : undefined;
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [after] = await tx
      .update(experts)
      .set({ ...values, ...(org !== undefined ? { regionCode: org?.regionCode ?? null, organizationName: org?.name ?? patch.organizationName ?? null } : {}), updatedAt: new Date() })
      .where(eq(experts.id, id))
      .returning();
    await replacePublications(tx, id, pubs);
    await recordAudit(tx, ctx, { action: 'update', entity: 'expert', entityId: id, before: { ...before, publications: beforePubs }, after: { ...after, publications: pubs } });
  });
  await deps.syncIndex?.('expert', [id]);
  return { expert: await getExpert(deps.db, ctx, id), duplicates: [] };
}
