import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { achievements, experts, organizations } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../auth/audit.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize } from '../../auth/policy.js';
import type { ReferenceData } from '../../reference/reference.js';
import { checkReferenceCodes } from '../shared/reference-check.js';
import type { AchievementInput } from './achievement.schema.js';
import { getAchievement } from './achievement.service.js';

export interface AchievementWriteDeps {
  db: Database;
  reference: ReferenceData;
  syncIndex?: (kind: 'achievement', ids: number[]) => Promise<void>;
}

/** Where an achievement belongs: its organization (or its expert's), which decides region and owner. */
async function ownerOf(db: Database, input: Partial<AchievementInput>) {
  let organizationId = input.organizationId ?? null;
  if (input.expertId != null) {
    const [e] = await db.select({ organizationId: experts.organizationId }).from(experts).where(eq(experts.id, input.expertId));
    if (!e) throw new AppError('VALIDATION_FAILED', { detail: 'expertId' }, [{ path: 'expertId', message: 'unknown expert' }]);
    organizationId ??= e.organizationId;
  }
  if (organizationId == null) return { organizationId: null, regionCode: null };
  const [o] = await db.select({ id: organizations.id, regionCode: organizations.regionCode }).from(organizations).where(eq(organizations.id, organizationId));
  if (!o) throw new AppError('VALIDATION_FAILED', { detail: 'organizationId' }, [{ path: 'organizationId', message: 'unknown organization' }]);
  return { organizationId: o.id, regionCode: o.regionCode };
}

/** Registers an achievement for an organization (and optionally the expert behind it). */
export async function createAchievement(deps: AchievementWriteDeps, ctx: RequestContext, input: AchievementInput) {
  checkReferenceCodes(deps.reference, input);
  const owner = await ownerOf(deps.db, input);
  authorize(ctx.actor, 'achievement:create', { ...owner, expertId: input.expertId ?? null });
  const row = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [created] = await tx.insert(achievements).values({ ...input, ...owner }).returning();
    await recordAudit(tx, ctx, { action: 'create', entity: 'achievement', entityId: created.id, after: created });
    return created;
  });
  await deps.syncIndex?.('achievement', [row.id]);
  return getAchievement(deps.db, ctx, row.id);
}

/** Edits an achievement: staff, the region's officer, its organization, or its expert. */
export async function updateAchievement(deps: AchievementWriteDeps, ctx: RequestContext, id: number, patch: Partial<AchievementInput>) {
  const [before] = await deps.db.select().from(achievements).where(eq(achievements.id, id));
  if (!before) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Achievement' : '科技成果', id });
  authorize(ctx.actor, 'achievement:update', { regionCode: before.regionCode, organizationId: before.organizationId, expertId: before.expertId });
  checkReferenceCodes(deps.reference, patch);
  const moves = patch.organizationId !== undefined || patch.expertId !== undefined;
  const owner = moves ? await ownerOf(deps.db, { organizationId: patch.organizationId ?? before.organizationId, expertId: patch.expertId ?? before.expertId }) : {};
  if (moves) authorize(ctx.actor, 'achievement:create', { ...owner, expertId: patch.expertId ?? before.expertId });
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [after] = await tx.update(achievements).set({ ...patch, ...owner, updatedAt: new Date() }).where(eq(achievements.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'update', entity: 'achievement', entityId: id, before, after });
  });
  await deps.syncIndex?.('achievement', [id]);
  return getAchievement(deps.db, ctx, id);
}
