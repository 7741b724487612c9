import { eq, ne, and } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../auth/audit.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize } from '../../auth/policy.js';
import type { ReferenceData } from '../../reference/reference.js';
import { checkReferenceCodes } from '../shared/reference-check.js';
import { DUPLICATE_TITLE_THRESHOLD, titleSimilarity } from '../../shared/similarity.js';
import type { OrganizationInput } from './organization.schema.js';
import { getOrganization } from './organization.service.js';

export interface OrganizationWriteDeps {
  db: Database;
  reference: ReferenceData;
  syncIndex?: (kind: 'organization', ids: number[]) => Promise<void>;
}

/** Region code from what the user wrote; the field is named when it cannot be resolved. */
function resolveRegionField(ref: ReferenceData, text: string): string {
  const code = ref.resolveRegion(text);
  if (!code) throw new AppError('VALIDATION_FAILED', { detail: 'region' }, [{ path: 'region', message: `无法识别的地区 / unknown region: ${text}` }]);
  return code;
}

async function similarNames(db: Database, name: string, exceptId?: number) {
  const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(exceptId ? ne(organizations.id, exceptId) : undefined);
  return rows
    .map((r) => ({ ...r, similarity: Number(titleSimilarity(r.name, name).toFixed(3)) }))
    .filter((r) => r.similarity >= DUPLICATE_TITLE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}

async function usccTaken(db: Database, uscc: string | null | undefined, exceptId?: number) {
  if (!uscc) return;
  const [other] = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(and(eq(organizations.uscc, uscc), exceptId ? ne(organizations.id, exceptId) : undefined));
  if (other) throw new AppError('DUPLICATE', { entity: '单位 / Organization', detail: `${uscc} (${other.name}, id ${other.id})` }, [{ path: 'uscc', message: `already used by ${other.name}` }]);
}

/** Registers an organization. A USCC already on file is refused; a near-identical name is flagged. */
export async function createOrganization(deps: OrganizationWriteDeps, ctx: RequestContext, input: OrganizationInput) {
  const regionCode = resolveRegionField(deps.reference, input.region);
  authorize(ctx.actor, 'organization:create', { regionCode });
  checkReferenceCodes(deps.reference, input);
  await usccTaken(deps.db, input.uscc);
  const { region: _region, ...values } = input;
  const row = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [created] = await tx.insert(organizations).values({ ...values, regionCode }).returning();
    await recordAudit(tx, ctx, { action: 'create', entity: 'organization', entityId: created.id, after: created });
    return created;
  });
  await deps.syncIndex?.('organization', [row.id]);
  return { organization: await getOrganization(deps.db, ctx, row.id), duplicates: await similarNames(deps.db, row.name, row.id) };
}

/** Edits an organization: staff, the officer of its region, or its own members. */
export async function updateOrganization(deps: OrganizationWriteDeps, ctx: RequestContext, id: number, patch: Partial<OrganizationInput>) {
  const [before] = await deps.db.select().from(organizations).where(eq(organizations.id, id));
  if (!before) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Organization' : '单位', id });
  authorize(ctx.actor, 'organization:update', { regionCode: before.regionCode, organizationId: id });
  const regionCode = patch.region ? resolveRegionField(deps.reference, patch.region) : before.regionCode;
  // Moving an organization to another region needs the right to create it there.
  if (regionCode !== before.regionCode) authorize(ctx.actor, 'organization:create', { regionCode });
  checkReferenceCodes(deps.reference, patch);
  await usccTaken(deps.db, patch.uscc, id);
  const { region: _region, ...values } = patch;
  const row = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [after] = await tx.update(organizations).set({ ...values, regionCode, updatedAt: new Date() }).where(eq(organizations.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'update', entity: 'organization', entityId: id, before, after });
    return after;
  });
  await deps.syncIndex?.('organization', [id]);
  return { organization: await getOrganization(deps.db, ctx, id), duplicates: await similarNames(deps.db, row.name, id) };
}
