import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  achievements, demands, disciplines, experts, industries, keyIndustries, organizations, publications,
} from '../../db/schema/index.js';
import type { PublicationRecord, SearchRecord } from '../../search/index.js';

/** Non-empty distinct strings. */
const codes = (...xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/**
 * The records the engine indexes, read from the registries. `ids` restricts to some rows (keeping
 * the index in step after a write); without it, everything (start-up).
 */
export async function demandRecords(db: Database, ids?: number[]): Promise<SearchRecord[]> {
  const rows = await db.select().from(demands).where(ids ? inArray(demands.id, ids) : undefined).orderBy(asc(demands.id));
  return rows.map((d) => ({
    id: String(d.id),
    title: d.title,
    body: d.description,
    keywords: d.keywords,
    region: d.regionCode ?? undefined,
    industries: codes(d.industryCode, d.keyIndustry),
    disciplines: codes(d.disciplineCode),
    status: d.status,
    date: d.createdAt,
  }));
}

export async function achievementRecords(db: Database, ids?: number[]): Promise<SearchRecord[]> {
  const rows = await db.select().from(achievements).where(ids ? inArray(achievements.id, ids) : undefined).orderBy(asc(achievements.id));
  return rows.map((a) => ({
    id: String(a.id),
    title: a.title,
    body: a.summary,
    keywords: a.keywords,
    region: a.regionCode ?? undefined,
    industries: codes(a.industryCode, a.keyIndustry),
    disciplines: codes(a.disciplineCode),
    status: a.status,
    date: a.createdAt,
  }));
}

function publicationRecord(p: typeof publications.$inferSelect): PublicationRecord {
  return { id: String(p.id), title: p.title, abstract: p.abstract, keywords: p.keywords, year: p.year ?? undefined };
}

/** Experts with all their publications: the evidence of their expertise. */
export async function expertRecords(db: Database, ids?: number[], load?: Map<number, number>): Promise<SearchRecord[]> {
  const rows = await db
    .select({ e: experts, orgName: organizations.name })
    .from(experts)
    .leftJoin(organizations, eq(organizations.id, experts.organizationId))
    .where(ids ? inArray(experts.id, ids) : undefined)
    .orderBy(asc(experts.id));
  const pubs = await db.select().from(publications).where(ids ? inArray(publications.expertId, ids) : undefined).orderBy(asc(publications.id));
  const byExpert = new Map<number, PublicationRecord[]>();
  for (const p of pubs) {
    let list = byExpert.get(p.expertId);
    if (!list) byExpert.set(p.expertId, (list = []));
    list.push(publicationRecord(p));
  }
  return rows.map(({ e, orgName }) => ({
    id: String(e.id),
    title: [e.name, e.title, orgName ?? e.organizationName].filter(Boolean).join(' '),
    body: e.bio,
    keywords: e.fields,
    region: e.regionCode ?? undefined,
    industries: e.keyIndustries,
    disciplines: e.disciplines,
    status: e.status,
    load: load?.get(e.id) ?? 0,
    publications: byExpert.get(e.id) ?? [],
  }));
}

/**
 * Organizations; their evidence is their experts' publications and their achievements, so a
 * university is found by what its people have done, not by its name.
 */
export async function organizationRecords(db: Database, ids?: number[]): Promise<SearchRecord[]> {
  const rows = await db.select().from(organizations).where(ids ? inArray(organizations.id, ids) : undefined).orderBy(asc(organizations.id));
  if (!rows.length) return [];
  const orgIds = rows.map((o) => o.id);
  const [pubs, achs] = await Promise.all([
    db
      .select({ p: publications, orgId: experts.organizationId })
      .from(publications)
      .innerJoin(experts, eq(experts.id, publications.expertId))
      .where(ids ? inArray(experts.organizationId, orgIds) : undefined),
    db.select().from(achievements).where(ids ? inArray(achievements.organizationId, orgIds) : undefined),
  ]);
  const evidence = new Map<number, PublicationRecord[]>();
  const add = (orgId: number | null, rec: PublicationRecord) => {
    if (orgId == null) return;
    let list = evidence.get(orgId);
    if (!list) evidence.set(orgId, (list = []));
    list.push(rec);
  };
  for (const { p, orgId } of pubs) add(orgId, publicationRecord(p));
  for (const a of achs) add(a.organizationId, { id: `a${a.id}`, title: a.title, abstract: a.summary, keywords: a.keywords, year: a.createdAt.getUTCFullYear() });
  return rows.map((o) => ({
    id: String(o.id),
    title: o.name,
    body: o.description,
    region: o.regionCode ?? undefined,
    // A university's or institute's own class (83 教育, 73 研究和试验发展) says nothing about the
    // industries it serves; only enterprises carry their industry into matching and suggestions.
    industries: o.kind === 'enterprise' ? codes(o.industryCode, o.keyIndustry) : codes(o.keyIndustry),
    status: o.kind,
    publications: evidence.get(o.id) ?? [],
  }));
}

/** Words the segmenter should keep whole: the platform's own vocabulary. */
export async function vocabulary(db: Database): Promise<string[]> {
  const [ki, ind, dis, orgs, dk, ak, ef, pk] = await Promise.all([
    db.select({ name: keyIndustries.name, keywords: keyIndustries.keywords }).from(keyIndustries),
    db.select({ name: industries.name }).from(industries),
    db.select({ name: disciplines.name }).from(disciplines),
    db.select({ name: organizations.name }).from(organizations),
    db.select({ k: demands.keywords }).from(demands),
    db.select({ k: achievements.keywords }).from(achievements),
    db.select({ k: experts.fields }).from(experts),
    db.select({ k: publications.keywords }).from(publications),
  ]);
  const words = new Set<string>();
  for (const k of ki) {
    words.add(k.name);
    for (const w of k.keywords) words.add(w);
  }
  for (const r of [...ind, ...dis, ...orgs]) words.add(r.name);
  for (const r of [...dk, ...ak, ...ef, ...pk]) for (const w of r.k) words.add(w);
  // Long phrases would swallow their parts; keep the words a person would search for.
  return [...words].filter((w) => w.length >= 2 && w.length <= 12 && /[\u4e00-\u9fff]/.test(w));
}

/** Organizations of some experts or achievements (whose evidence they are). */
export async function organizationsOf(db: Database, kind: 'expert' | 'achievement', ids: number[]): Promise<number[]> {
  const table = kind === 'expert' ? experts : achievements;
  const rows = await db.select({ o: table.organizationId }).from(table).where(inArray(table.id, ids));
  return [...new Set(rows.map((r) => r.o).filter((o): o is number => o != null))];
}
