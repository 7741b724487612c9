import { count, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { disciplines, industries, keyIndustries, pairings, regions } from '../../db/schema/index.js';
import { recordAudit } from '../../auth/audit.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize } from '../../auth/policy.js';
import { buildReference, bundledReferenceRows, parseIndustryCsv, parseRegionCsv, type Industry, type ReferenceData, type Region } from '../../reference/reference.js';

const chunk = <T>(rows: readonly T[], n = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += n) out.push(rows.slice(i, i + n));
  return out;
};

async function upsertRegions(db: Database, rows: readonly Region[]) {
  for (const part of chunk(rows)) {
    await db
      .insert(regions)
      .values(part.map((r) => ({ code: r.code, name: r.name, shortName: r.shortName, level: r.level, parentCode: r.parentCode, side: r.side })))
      .onConflictDoUpdate({
        target: regions.code,
        set: { name: sql`excluded.name`, shortName: sql`excluded.short_name`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code`, side: sql`excluded.side` },
      });
  }
}

async function upsertIndustries(db: Database, rows: readonly Industry[]) {
  for (const part of chunk(rows)) {
    await db
      .insert(industries)
      .values(part.map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode, level: r.level })))
      .onConflictDoUpdate({ target: industries.code, set: { name: sql`excluded.name`, parentCode: sql`excluded.parent_code`, level: sql`excluded.level` } });
  }
}

/**
 * Fills the reference tables with the data the product carries, once: on a database whose region
 * table is empty. Later changes come from deployer files (`shanhai import regions|industries`).
 */
export async function ensureReferenceData(db: Database): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(regions);
  if (Number(n) > 0) return false;
  const ref = bundledReferenceRows();
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    await upsertRegions(tx, ref.regions);
    await upsertIndustries(tx, ref.industries);
    await tx.insert(disciplines).values(ref.disciplines.map((d) => ({ code: d.code, name: d.name, parentCode: d.parentCode, level: d.level })));
    await tx.insert(keyIndustries).values(ref.keyIndustries.map((k) => ({ ...k, gbtCodes: [...k.gbtCodes], keywords: [...k.keywords] })));
    await tx.insert(pairings).values(ref.pairings.map((p) => ({ westCode: p.west, eastCode: p.east, kind: p.kind, name: p.name })));
  });
  return true;
}

export interface ImportSummary {
  kind: 'regions' | 'industries';
  rows: number;
  inserted: number;
  updated: number;
}

/**
 * Loads a deployer's region list (provinces/cities/counties CSV) into the database: new codes are
 * added, known codes renamed. All-or-nothing: a bad row aborts the file (the parser lists them all).
 */
export async function importRegions(db: Database, ctx: RequestContext, csvText: string): Promise<ImportSummary> {
  authorize(ctx.actor, 'reference:import');
  const rows = parseRegionCsv(csvText);
  // A county file names its parents only by code; the parents must exist first, so sort by level.
  const order = { province: 0, city: 1, county: 2 } as const;
  rows.sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const existing = new Set((await tx.select({ code: regions.code }).from(regions)).map((r) => r.code));
    await upsertRegions(tx, rows);
    const inserted = rows.filter((r) => !existing.has(r.code)).length;
    const summary: ImportSummary = { kind: 'regions', rows: rows.length, inserted, updated: rows.length - inserted };
    await recordAudit(tx, ctx, { action: 'import', entity: 'region', after: summary });
    return summary;
  });
}

/** Loads a full industry scheme (GB/T 4754 four levels) from a deployer's CSV; all-or-nothing. */
export async function importIndustries(db: Database, ctx: RequestContext, csvText: string): Promise<ImportSummary> {
  authorize(ctx.actor, 'reference:import');
  const rows = parseIndustryCsv(csvText);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const existing = new Set((await tx.select({ code: industries.code }).from(industries)).map((r) => r.code));
    await upsertIndustries(tx, rows);
    const inserted = rows.filter((r) => !existing.has(r.code)).length;
    const summary: ImportSummary = { kind: 'industries', rows: rows.length, inserted, updated: rows.length - inserted };
    await recordAudit(tx, ctx, { action: 'import', entity: 'industry', after: summary });
    return summary;
  });
}

/**
 * The reference data as stored (built-in rows plus whatever a deployer imported), indexed for
 * resolving names to codes. Built at start-up and again after a reference import.
 */
export async function referenceFromDb(db: Database): Promise<ReferenceData> {
  const [r, i, d, k, p] = await Promise.all([
    db.select().from(regions),
    db.select().from(industries),
    db.select().from(disciplines),
    db.select().from(keyIndustries),
    db.select().from(pairings),
  ]);
  return buildReference({
    regions: r.filter((x) => x.level !== 'town').map((x) => ({ ...x, level: x.level as Region['level'] })),
    industries: i,
    disciplines: d,
    keyIndustries: k,
    pairings: p.map((x) => ({ west: x.westCode, east: x.eastCode, kind: x.kind as 'province', name: x.name })),
  });
}
