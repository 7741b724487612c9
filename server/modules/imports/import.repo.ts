import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { achievements, auditLog, demandLists, demands, experts, organizations, publications } from '../../db/schema/index.js';
import type { RequestContext } from '../../auth/context.js';
import type { ImportKind } from './import.schema.js';
import type { ValidRow } from './import.service.js';

const BATCH = 500;

function chunks<T>(rows: T[], n = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += n) out.push(rows.slice(i, i + n));
  return out;
}

/** Organization ids by exact name, for rows that name their institution or enterprise. */
async function organizationsByName(db: Database, names: string[]) {
  const unique = [...new Set(names.filter(Boolean))];
  const map = new Map<string, { id: number; regionCode: string | null }>();
  for (const part of chunks(unique)) {
    const rows = await db.select({ id: organizations.id, name: organizations.name, regionCode: organizations.regionCode }).from(organizations).where(inArray(organizations.name, part));
    for (const r of rows) map.set(r.name, { id: r.id, regionCode: r.regionCode });
  }
  return map;
}

type Table = typeof experts | typeof achievements | typeof demands | typeof organizations;

const tables: Record<ImportKind, Table> = { experts, achievements, demands, organizations };
const entityOf: Record<ImportKind, string> = { experts: 'expert', achievements: 'achievement', demands: 'demand', organizations: 'organization' };

/** The refs an export gives records that have none: `DEMAND-12` is demand 12 (see `sheetRows`). */
const exportPrefix: Record<ImportKind, string> = { demands: 'DEMAND-', experts: 'EXPERT-', achievements: 'ACHIEVEMENT-', organizations: 'ORG-' };

/**
 * Existing rows with these refs: ref → full row (the audit's "before"). A ref an export made up
 * for a record without one (`DEMAND-12`) finds that record, so export → re-import updates it.
 */
async function existingByRef(db: Database, kind: ImportKind, refs: string[]) {
  const table = tables[kind];
  const map = new Map<string, Record<string, unknown> & { id: number }>();
  for (const part of chunks(refs)) {
    const rows = (await db.select().from(table as typeof experts).where(inArray(table.ref, part))) as (Record<string, unknown> & { id: number; ref: string })[];
    for (const r of rows) map.set(r.ref, r);
  }
  const prefix = exportPrefix[kind];
  const synthetic = refs.filter((r) => !map.has(r) && r.startsWith(prefix) && /^\d+$/.test(r.slice(prefix.length)));
  for (const part of chunks(synthetic)) {
    const rows = (await db.select().from(table as typeof experts).where(and(inArray(table.id, part.map((r) => Number(r.slice(prefix.length)))), isNull(table.ref)))) as (Record<string, unknown> & { id: number })[];
    for (const r of rows) map.set(`${prefix}${r.id}`, r);
  }
  return map;
}

/** Writes validated rows (insert or update by ref), their publications, and one audit row each. */
export async function writeRows(db: Database, ctx: RequestContext, kind: ImportKind, rows: ValidRow<ImportKind>[]) {
  const refs = rows.map((r) => (r.data as { ref?: string }).ref).filter((x): x is string => !!x);
  const before = await existingByRef(db, kind, refs);
  const orgNames = rows.map((r) => (r.data as { organization?: string }).organization).filter((x): x is string => !!x);
  const orgs = kind === 'organizations' ? new Map() : await organizationsByName(db, orgNames);
  const now = new Date();

  const values = rows.map((r) => {
    const d = r.data as Record<string, unknown> & { ref?: string; organization?: string };
    const res = r.resolved;
    const org = d.organization ? orgs.get(d.organization) : undefined;
    const regionCode = res.regionCode ?? org?.regionCode ?? null;
    const keywords = [...new Set([...((d.keywords as string[]) ?? []), ...res.extraKeywords])];
    switch (kind) {
      case 'experts':
        return {
          ref: d.ref ?? null, name: d.name as string, title: (d.title as string) ?? null, organizationId: org?.id ?? null,
          organizationName: d.organization ?? null, regionCode, disciplines: res.disciplineCodes,
          fields: [...new Set([...((d.fields as string[]) ?? []), ...res.extraKeywords])], bio: (d.bio as string) ?? '',
          email: (d.email as string) ?? null, phone: (d.phone as string) ?? null, updatedAt: now,
        };
      case 'achievements':
        return {
          ref: d.ref ?? null, title: d.title as string, summary: d.summary as string, keywords, kind: res.achievementKind,
          maturity: (d.maturity as number) ?? null, organizationId: org?.id ?? null, regionCode,
          disciplineCode: res.disciplineCodes[0] ?? null, industryCode: res.industryCode ?? null, keyIndustry: res.keyIndustry ?? null,
          status: 'published' as const, updatedAt: now,
        };
      case 'demands':
        return {
          ref: d.ref ?? null, title: d.title as string, description: d.description as string, keywords, organizationId: org?.id ?? null,
          organizationName: d.organization ?? null, regionCode, industryCode: res.industryCode ?? null, keyIndustry: res.keyIndustry ?? null,
          disciplineCode: res.disciplineCodes[0] ?? null, budget: (d.budget as number) ?? null, status: 'published' as const,
          confidentiality: 'public' as const, listName: (d.list as string) ?? null, updatedAt: now,
        };
      case 'organizations':
        return {
          ref: d.ref ?? null, name: d.name as string, uscc: (d.uscc as string) ?? null, kind: res.orgKind!, regionCode,
          industryCode: res.industryCode ?? null, keyIndustry: res.keyIndustry ?? null, description: (d.description as string) ?? '',
          website: (d.website as string) ?? null, updatedAt: now,
        };
    }
  });

  // Demand lists named in the file are created on first use.
  if (kind === 'demands') {
    const names = [...new Set(values.map((v) => (v as { listName: string | null }).listName).filter((n): n is string => !!n))];
    const listIds = new Map<string, number>();
    for (const name of names) {
      const [found] = await db.select({ id: demandLists.id }).from(demandLists).where(eq(demandLists.name, name));
      const id = found?.id ?? (await db.insert(demandLists).values({ name, source: 'platform', regionCode: '64', year: now.getFullYear() }).returning({ id: demandLists.id }))[0].id;
      listIds.set(name, id);
    }
    for (const v of values as { listName: string | null; listId?: number | null }[]) v.listId = v.listName ? (listIds.get(v.listName) ?? null) : null;
  }
  const clean = values.map((v) => {
    const { listName: _drop, ...rest } = v as Record<string, unknown>;
    return rest;
  });

  const ids: number[] = [];
  let created = 0;
  let updated = 0;
  const table = tables[kind];
  const audits: (typeof auditLog.$inferInsert)[] = [];
  for (const part of chunks(clean.map((v, i) => ({ v, i })))) {
    const inserts = part.filter(({ v }) => !(v.ref && before.has(v.ref as string)));
    const updates = part.filter(({ v }) => v.ref && before.has(v.ref as string));
    if (inserts.length) {
      const got = (await db.insert(table as typeof experts).values(inserts.map(({ v }) => v) as never).returning({ id: table.id })) as { id: number }[];
      inserts.forEach((x, j) => (ids[x.i] = got[j].id));
      created += inserts.length;
    }
    for (const { v, i } of updates) {
      const prev = before.get(v.ref as string)!;
      await db.update(table as typeof experts).set(v as never).where(eq(table.id, prev.id));
      ids[i] = prev.id;
      updated++;
    }
    for (const { v, i } of part) {
      const prev = v.ref ? before.get(v.ref as string) : undefined;
      audits.push({
        userId: ctx.actor.userId, username: ctx.actor.username, action: prev ? 'import.update' : 'import.create',
        entity: entityOf[kind], entityId: String(ids[i]), before: prev ? JSON.parse(JSON.stringify(prev)) : null, after: JSON.parse(JSON.stringify(v)),
        ip: ctx.ip ?? null, requestId: ctx.requestId ?? null,
      });
    }
  }

  if (kind === 'experts') {
    const updatedIds = rows.map((_, i) => ids[i]).filter((id, i) => before.has((rows[i].data as { ref?: string }).ref ?? '\u0000') && id);
    for (const part of chunks(updatedIds)) await db.delete(publications).where(inArray(publications.expertId, part));
    const pubs = rows.flatMap((r, i) =>
      ((r.data as { publications: { title: string; abstract?: string; keywords: string[]; year?: number | null; venue?: string; coauthors: string[] }[] }).publications).map((p) => ({
        expertId: ids[i], title: p.title, abstract: p.abstract ?? '', keywords: p.keywords, year: p.year ?? null, venue: p.venue ?? null, coauthors: p.coauthors,
      })),
    );
    for (const part of chunks(pubs)) await db.insert(publications).values(part);
  }
  for (const part of chunks(audits)) await db.insert(auditLog).values(part);
  return { ids, created, updated };
}

/**
 * Registry rows in the shape of their sheet (sheets.ts), for export: the same keys and the values a
 * person would type, so an exported file imports back onto the same records (by `ref`, or by id).
 */
export async function sheetRows(db: Database, kind: ImportKind, ids: number[]): Promise<Record<string, unknown>[]> {
  if (!ids.length) return [];
  const order = new Map(ids.map((id, i) => [id, i]));
  const byOrder = <T extends { id: number }>(rows: T[]) => rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const refOf = (prefix: string, r: { id: number; ref: string | null }) => r.ref ?? `${prefix}${r.id}`;
  const orgNames = async (orgIds: (number | null)[]) => {
    const wanted = [...new Set(orgIds.filter((x): x is number => x != null))];
    const rows = wanted.length ? await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, wanted)) : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  };
  switch (kind) {
    case 'demands': {
      const rows = byOrder(await db.select().from(demands).where(inArray(demands.id, ids)));
      const orgs = await orgNames(rows.map((r) => r.organizationId));
      const lists = await db.select({ id: demandLists.id, name: demandLists.name }).from(demandLists);
      const listName = new Map(lists.map((l) => [l.id, l.name]));
      return rows.map((d) => ({
        title: d.title, description: d.description, organization: (d.organizationId != null ? orgs.get(d.organizationId) : d.organizationName) ?? undefined,
        industry: d.keyIndustry ?? d.industryCode ?? undefined, discipline: d.disciplineCode ?? undefined, keywords: d.keywords,
        region: d.regionCode ?? undefined, budget: d.budget ?? undefined, list: d.listId != null ? listName.get(d.listId) : undefined, ref: refOf(exportPrefix.demands, d),
      }));
    }
    case 'experts': {
      const rows = byOrder(await db.select().from(experts).where(inArray(experts.id, ids)));
      const orgs = await orgNames(rows.map((r) => r.organizationId));
      const pubs = await db.select({ expertId: publications.expertId, title: publications.title }).from(publications).where(inArray(publications.expertId, ids)).orderBy(publications.id);
      const titles = new Map<number, string[]>();
      for (const p of pubs) titles.set(p.expertId, [...(titles.get(p.expertId) ?? []), p.title]);
      return rows.map((e) => ({
        name: e.name, organization: (e.organizationId != null ? orgs.get(e.organizationId) : e.organizationName) ?? undefined, title: e.title ?? undefined,
        disciplines: e.disciplines, fields: e.fields, publications: titles.get(e.id) ?? [], bio: e.bio || undefined, email: e.email ?? undefined,
        phone: e.phone ?? undefined, region: e.regionCode ?? undefined, ref: refOf(exportPrefix.experts, e),
      }));
    }
    case 'achievements': {
      const rows = byOrder(await db.select().from(achievements).where(inArray(achievements.id, ids)));
      const orgs = await orgNames(rows.map((r) => r.organizationId));
      const kindLabel: Record<string, string> = { patent: '专利', variety: '品种', software: '软件', process: '工艺', equipment: '装备', material: '材料', standard: '标准', other: '其他' };
      return rows.map((a) => ({
        title: a.title, summary: a.summary, keywords: a.keywords, kind: kindLabel[a.kind], maturity: a.maturity ?? undefined,
        discipline: a.disciplineCode ?? undefined, industry: a.keyIndustry ?? a.industryCode ?? undefined,
        organization: a.organizationId != null ? orgs.get(a.organizationId) : undefined, region: a.regionCode ?? undefined, ref: refOf(exportPrefix.achievements, a),
      }));
    }
    case 'organizations': {
      const rows = byOrder(await db.select().from(organizations).where(inArray(organizations.id, ids)));
      const kindLabel: Record<string, string> = { enterprise: '企业', university: '高校', institute: '科研院所', society: '学会', hospital: '医院', park: '园区', agency: '机构' };
      return rows.map((o) => ({
        name: o.name, uscc: o.uscc ?? undefined, kind: kindLabel[o.kind], region: o.regionCode ?? undefined, industry: o.keyIndustry ?? o.industryCode ?? undefined,
        description: o.description || undefined, website: o.website ?? undefined, ref: refOf(exportPrefix.organizations, o),
      }));
    }
  }
}
