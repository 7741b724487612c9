import { count } from 'drizzle-orm';
import type { Database } from '../client.js';
import {
  achievements, contracts, demandEvents, demandLists, demands, matchEvents, matches, expertPoolMembers, expertPools, experts, organizations, publications, roleAssignments, users,
} from '../schema/index.js';
import { hashPassword } from '../../auth/password.js';
import { recordAudit } from '../../auth/audit.js';
import type { RequestContext } from '../../auth/context.js';
import type { DemoDataSet } from './demo/demo.types.js';

export interface SeedSummary {
  organizations: number;
  experts: number;
  publications: number;
  demandLists: number;
  demands: number;
  achievements: number;
  users: { username: string; password: string; role: string; scope?: string }[];
}

async function insertChunked<T, R>(rows: T[], n: number, insert: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += n) out.push(...(await insert(rows.slice(i, i + n))));
  return out;
}

/** True when the database already holds registry data (seeding is for empty databases only). */
export async function hasRegistryData(db: Database): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(organizations);
  return Number(n) > 0;
}

/**
 * Inserts a demo data set in one transaction, resolving its natural keys (USCC, refs, names) to
 * ids. Refuses a database that already has organizations, so real data is never mixed with demo data.
 */
export async function seedDemo(db: Database, ctx: RequestContext, data: DemoDataSet): Promise<SeedSummary | null> {
  if (await hasRegistryData(db)) return null;
  const hashes = new Map<string, string>();
  for (const u of data.users) if (!hashes.has(u.password)) hashes.set(u.password, await hashPassword(u.password));

  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const orgRows = await insertChunked(data.organizations, 500, (part) =>
      tx.insert(organizations).values(part.map((o) => ({
        uscc: o.uscc, name: o.name, kind: o.kind, regionCode: o.regionCode, industryCode: o.industryCode ?? null,
        keyIndustry: o.keyIndustry ?? null, description: o.description, contactName: o.contactName, phone: o.phone,
        email: o.email, website: o.website ?? null,
      }))).returning({ id: organizations.id, uscc: organizations.uscc, regionCode: organizations.regionCode }));
    const org = new Map(orgRows.map((o) => [o.uscc as string, o]));
    const orgOf = (uscc: string) => {
      const o = org.get(uscc);
      if (!o) throw new Error(`demo data: unknown organization ${uscc}`);
      return o;
    };

    const poolRows = data.expertPools.length
      ? await tx.insert(expertPools).values(data.expertPools.map((p) => ({ name: p.name, description: p.description, regionCode: p.regionCode ?? null }))).returning()
      : [];
    const pool = new Map(poolRows.map((p) => [p.name, p.id]));

    const expertRows = await insertChunked(data.experts, 300, (part) =>
      tx.insert(experts).values(part.map((e) => {
        const o = orgOf(e.organizationUscc);
        return {
          ref: e.ref, name: e.name, gender: e.gender, birthYear: e.birthYear, title: e.title, organizationId: o.id,
          regionCode: o.regionCode, disciplines: e.disciplines, fields: e.fields, keyIndustries: e.keyIndustries, bio: e.bio,
          email: e.email, phone: e.phone, orcid: e.orcid ?? null,
        };
      })).returning({ id: experts.id, ref: experts.ref }));
    const expert = new Map(expertRows.map((e) => [e.ref as string, e.id]));

    const pubValues = data.experts.flatMap((e) => e.publications.map((p) => ({
      expertId: expert.get(e.ref) as number, title: p.title, abstract: p.abstract, keywords: p.keywords, year: p.year, venue: p.venue, coauthors: p.coauthors,
    })));
    await insertChunked(pubValues, 500, (part) => tx.insert(publications).values(part).returning({ id: publications.id }));
    const memberValues = data.experts.flatMap((e) => e.pools.map((name) => ({ poolId: pool.get(name) as number, expertId: expert.get(e.ref) as number })))
      .filter((m) => m.poolId != null);
    await insertChunked(memberValues, 1000, (part) => tx.insert(expertPoolMembers).values(part).returning({ p: expertPoolMembers.poolId }));

    const listRows = data.demandLists.length
      ? await tx.insert(demandLists).values(data.demandLists.map((l) => ({ name: l.name, source: l.source, regionCode: l.regionCode, year: l.year, description: l.description }))).returning()
      : [];
    const list = new Map(listRows.map((l) => [l.name, l.id]));

    const demandRows = await insertChunked(data.demands, 300, (part) =>
      tx.insert(demands).values(part.map((d) => {
        const o = orgOf(d.organizationUscc);
        return {
          ref: d.ref, listId: list.get(d.listName) ?? null, organizationId: o.id, regionCode: o.regionCode, title: d.title,
          description: d.description, keywords: d.keywords, industryCode: d.industryCode ?? null, keyIndustry: d.keyIndustry ?? null,
          disciplineCode: d.disciplineCode ?? null, budget: d.budget ?? null, cooperationMode: d.cooperationMode,
          deadline: d.deadline ?? null, confidentiality: d.confidentiality, status: d.status,
          createdAt: new Date(d.createdAt), updatedAt: new Date(d.createdAt),
        };
      })).returning({ id: demands.id, status: demands.status, createdAt: demands.createdAt }));
    // Each demo demand's history: created, then (when it moved on) its present state.
    const events = demandRows.flatMap((d) => [
      { demandId: d.id, action: 'create', fromStatus: null, toStatus: 'draft', at: d.createdAt, username: 'seed' },
      ...(d.status === 'draft' ? [] : [{ demandId: d.id, action: 'seed', fromStatus: 'draft', toStatus: d.status, at: d.createdAt, username: 'seed' }]),
    ]);
    await insertChunked(events, 500, (part) => tx.insert(demandEvents).values(part).returning({ id: demandEvents.id }));

    // Demands the demo shows as matched or further have the matches that got them there, with an
    // expert of the same key industry, their steps, and for contracted ones the contract.
    const ladder: Record<string, string[]> = {
      matched: ['sent', 'accepted'],
      negotiating: ['sent', 'accepted', 'meeting', 'agreement'],
      contracted: ['sent', 'accepted', 'meeting', 'agreement', 'contracted'],
      closed: ['sent', 'accepted', 'meeting', 'agreement', 'contracted', 'closed'],
    };
    const actionOf: Record<string, string> = { sent: 'send', accepted: 'accept', meeting: 'meet', agreement: 'agree', contracted: 'contract', closed: 'close' };
    const expertsByIndustry = new Map<string, number[]>();
    data.experts.forEach((e) => e.keyIndustries.forEach((k) => expertsByIndustry.set(k, [...(expertsByIndustry.get(k) ?? []), expert.get(e.ref) as number])));
    const day = 86_400_000;
    for (let i = 0; i < data.demands.length; i++) {
      const src = data.demands[i];
      const steps = ladder[src.status];
      const pool = src.keyIndustry ? expertsByIndustry.get(src.keyIndustry) : undefined;
      if (!steps || !pool?.length) continue;
      const d = demandRows[i];
      const candidateId = pool[i % pool.length];
      const final = steps[steps.length - 1] as 'accepted';
      const [m] = await tx.insert(matches).values({ demandId: d.id, candidateKind: 'expert', candidateId, status: final, createdAt: d.createdAt, statusChangedAt: new Date(d.createdAt.getTime() + steps.length * 9 * day) }).returning({ id: matches.id });
      await tx.insert(matchEvents).values([
        { matchId: m.id, action: 'propose', fromStatus: null, toStatus: 'proposed', at: new Date(d.createdAt.getTime() + 3 * day), username: 'seed' },
        ...steps.map((to, k) => ({ matchId: m.id, action: actionOf[to], fromStatus: k ? steps[k - 1] : 'proposed', toStatus: to, at: new Date(d.createdAt.getTime() + (4 + k * 9 + (i % 5)) * day), username: 'seed' })),
      ]);
      if (steps.includes('contracted')) {
        const signed = new Date(d.createdAt.getTime() + (4 + steps.indexOf('contracted') * 9) * day);
        await tx.insert(contracts).values({ matchId: m.id, demandId: d.id, type: (['开发', '转让', '许可', '咨询', '服务'] as const)[i % 5], amount: src.budget ?? 20 + (i % 7) * 15, signedOn: signed.toISOString().slice(0, 10), title: src.title, createdAt: signed });
      }
    }

    await insertChunked(data.achievements, 300, (part) =>
      tx.insert(achievements).values(part.map((a) => {
        const o = orgOf(a.organizationUscc);
        return {
          ref: a.ref, title: a.title, summary: a.summary, keywords: a.keywords, kind: a.kind, maturity: a.maturity,
          transferMode: a.transferMode, price: a.price ?? null, organizationId: o.id, expertId: a.expertRef ? (expert.get(a.expertRef) ?? null) : null,
          regionCode: o.regionCode, disciplineCode: a.disciplineCode ?? null, industryCode: a.industryCode ?? null,
          keyIndustry: a.keyIndustry ?? null, status: a.status, createdAt: new Date(a.createdAt), updatedAt: new Date(a.createdAt),
        };
      })).returning({ id: achievements.id }));

    const created: SeedSummary['users'] = [];
    for (const u of data.users) {
      const [row] = await tx.insert(users).values({ username: u.username, displayName: u.displayName, passwordHash: hashes.get(u.password) as string }).returning();
      const organizationId = u.organizationUscc ? orgOf(u.organizationUscc).id : null;
      const expertId = u.expertRef ? (expert.get(u.expertRef) ?? null) : null;
      await tx.insert(roleAssignments).values({ userId: row.id, role: u.role, regionCode: u.regionCode ?? null, organizationId, expertId });
      created.push({ username: u.username, password: u.password, role: u.role, scope: u.regionCode ?? u.organizationUscc ?? u.expertRef });
    }

    const summary: SeedSummary = {
      organizations: orgRows.length,
      experts: expertRows.length,
      publications: pubValues.length,
      demandLists: listRows.length,
      demands: data.demands.length,
      achievements: data.achievements.length,
      users: created,
    };
    await recordAudit(tx, ctx, { action: 'seed.demo', entity: 'platform', after: { ...summary, users: created.map((u) => u.username) } });
    return summary;
  });
}
