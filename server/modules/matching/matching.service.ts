import type { Database } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize, visibility, type Resource } from '../../auth/policy.js';
import type { ReferenceData } from '../../reference/reference.js';
import { isSearchError, type Kind, type SearchFilters, type SearchResult } from '../../search/index.js';
import * as demandRepo from '../demands/demand.repo.js';
import * as expertRepo from '../experts/expert.repo.js';
import * as achievementRepo from '../achievements/achievement.repo.js';
import * as organizationRepo from '../organizations/organization.repo.js';
import type { MatchingIndex } from './matching.index.js';
import { and, eq, inArray } from 'drizzle-orm';
import { demands as demandsTable, matches } from '../../db/schema/index.js';
import * as repo from './matching.repo.js';

export interface MatchingDeps {
  db: Database;
  reference: ReferenceData;
  index: () => Promise<MatchingIndex>;
}

/** A reason as the API carries it: its signal, its contribution, and the signal's own evidence. */
export type ReasonOut = { signal: string; contribution: number } & Record<string, unknown>;

interface Described {
  ref: string | null;
  title: string;
  subtitle: string | null;
  regionCode: string | null;
  regionName: string | null;
}

/** Engine errors are the user's input problems: they become catalogue errors (400). */
function engineCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isSearchError(e)) {
      if (e.code === 'EMPTY_QUERY') throw new AppError('EMPTY_QUERY');
      if (e.code === 'QUERY_TOO_LONG') throw new AppError('QUERY_TOO_LONG', { max: 32_768 });
      throw new AppError('BAD_REQUEST', { detail: e.message });
    }
    throw e;
  }
}

const page = (n: number) => ({ page: 1, pageSize: Math.max(1, n) });

/**
 * Titles of the records behind engine hits, for those the actor may see: hidden demands and
 * unpublished achievements drop out here, under the same visibility rules as the lists.
 */
async function describe(db: Database, ctx: RequestContext, kind: Kind, ids: number[]): Promise<Map<number, Described>> {
  const out = new Map<number, Described>();
  if (!ids.length) return out;
  const v = visibility(ctx.actor);
  if (kind === 'demand') {
    const { items } = await demandRepo.listDemands(db, v, { ...page(ids.length), sort: 'newest' }, ids);
    for (const d of items) out.set(d.id, { ref: d.ref, title: d.title, subtitle: d.confidentiality === 'public' ? d.organizationName : null, regionCode: d.regionCode, regionName: d.regionName });
  } else if (kind === 'expert') {
    const { items } = await expertRepo.listExperts(db, { ...page(ids.length), sort: 'name' }, ids);
    for (const e of items) out.set(e.id, { ref: e.ref, title: e.name, subtitle: [e.title, e.organizationName].filter(Boolean).join(' · ') || null, regionCode: e.regionCode, regionName: e.regionName });
  } else if (kind === 'achievement') {
    const { items } = await achievementRepo.listAchievements(db, v, { ...page(ids.length), sort: 'newest' }, ids);
    for (const a of items) out.set(a.id, { ref: a.ref, title: a.title, subtitle: a.organizationName, regionCode: a.regionCode, regionName: a.regionName });
  } else {
    const { items } = await organizationRepo.listOrganizations(db, { ...page(ids.length), sort: 'name' }, ids);
    for (const o of items) out.set(o.id, { ref: o.ref, title: o.name, subtitle: null, regionCode: o.regionCode, regionName: o.regionName });
  }
  return out;
}

/** Engine result → API result: visible hits only, each with what it is. */
async function present(db: Database, ctx: RequestContext, kind: Kind, result: SearchResult, limit: number) {
  const ids = result.hits.map((h) => Number(h.id));
  const known = await describe(db, ctx, kind, ids);
  const hits = result.hits
    .filter((h) => known.has(Number(h.id)))
    .slice(0, limit)
    .map((h) => ({ kind, id: Number(h.id), ...(known.get(Number(h.id)) as Described), score: h.score, relevance: h.relevance, reasons: h.reasons as unknown as ReasonOut[] }));
  return { hits, unknownTerms: result.unknownTerms, terms: result.terms, weights: { ...result.weights }, tookMs: result.tookMs };
}

/** Over-fetch so that hits the actor may not see can be dropped without coming up short. */
const overFetch = (limit: number) => Math.min(300, limit * 3 + 10);

export interface SearchInput {
  text: string;
  kind: Kind;
  limit: number;
  filters?: SearchFilters;
}

/** Plain retrieval over one registry (text relevance only). */
export async function search(deps: MatchingDeps, ctx: RequestContext, q: SearchInput) {
  authorize(ctx.actor, 'search:run');
  const index = await deps.index();
  const result = engineCall(() => index.engine.search({ text: q.text, kind: q.kind, limit: overFetch(q.limit), filters: q.filters }));
  return present(deps.db, ctx, q.kind, result, q.limit);
}

export interface MatchInput extends SearchInput {
  context?: { region?: string; industries?: string[]; disciplines?: string[] };
  weights?: Record<string, number>;
}

/** Matching for a free text (a demand being written): text plus the configured signals. */
export async function match(deps: MatchingDeps, ctx: RequestContext, q: MatchInput) {
  authorize(ctx.actor, 'search:run');
  const index = await deps.index();
  const result = engineCall(() =>
    index.engine.match({ text: q.text, kind: q.kind, limit: overFetch(q.limit), filters: q.filters, context: q.context, weights: q.weights }),
  );
  return present(deps.db, ctx, q.kind, result, q.limit);
}

/** The text of a demand as the engine should read it. */
export function demandText(d: { title: string; description: string | null; keywords: string[] }): string {
  return [d.title, d.description ?? '', d.keywords.join('，')].join('\n');
}

/** Recommended experts, achievements or organizations for a demand, with their reasons. */
export async function matchesForDemand(deps: MatchingDeps, ctx: RequestContext, demandId: number, kind: 'expert' | 'achievement' | 'organization', limit: number) {
  const d = await demandRepo.getDemand(deps.db, demandId);
  const resource: Resource | undefined = d
    ? { regionCode: d.regionCode, organizationId: d.organizationId, confidentiality: d.confidentiality, published: (demandRepo.publishedStatuses as readonly string[]).includes(d.status) }
    : undefined;
  if (!d || !resource) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Demand' : '技术需求', id: demandId });
  authorize(ctx.actor, 'demand:match', resource);
  const index = await deps.index();
  const filters: SearchFilters = kind === 'expert' ? { status: 'active' } : kind === 'achievement' ? { status: ['published', 'transferred'] } : {};
  const result = engineCall(() =>
    index.engine.match({
      text: demandText(d),
      kind,
      limit: overFetch(limit),
      filters,
      context: {
        region: d.regionCode ?? undefined,
        industries: [d.industryCode, d.keyIndustry].filter((x): x is string => !!x),
        disciplines: d.disciplineCode ? [d.disciplineCode] : [],
      },
    }),
  );
  const shown = await present(deps.db, ctx, kind, result, overFetch(limit));
  const withHistory = await applyOutcomes(deps.db, demandId, d.keyIndustry ?? null, kind, shown);
  return { ...withHistory, hits: withHistory.hits.slice(0, limit) };
}

/**
 * Weights of what past matches teach: a candidate who declined demands of the same key industry
 * ranks lower, one whose matches led to contracts ranks higher. Shown with the other weights.
 */
export const OUTCOME_WEIGHTS = { declined: 0.05, contracted: 0.03 } as const;

/**
 * Adds outcome reasons (`{signal:'outcome', …}`) so that the reasons still sum to the score, marks
 * candidates already matched to this demand (`matchStatus`), and re-ranks.
 */
async function applyOutcomes(db: Database, demandId: number, keyIndustry: string | null, kind: 'expert' | 'achievement' | 'organization', r: Awaited<ReturnType<typeof present>>) {
  const ids = r.hits.map((h) => h.id);
  const history = await outcomeHistory(db, kind, ids, demandId, keyIndustry);
  const hits = r.hits.map((h) => {
    const o = history.get(h.id);
    const reasons = [...h.reasons];
    let score = h.score;
    if (o?.declined) {
      const contribution = -OUTCOME_WEIGHTS.declined * Math.min(1, o.declined / 2);
      reasons.push({ signal: 'outcome', outcome: 'declined', count: o.declined, weight: OUTCOME_WEIGHTS.declined, contribution });
      score += contribution;
    }
    if (o?.contracted) {
      const contribution = OUTCOME_WEIGHTS.contracted * Math.min(1, o.contracted / 2);
      reasons.push({ signal: 'outcome', outcome: 'contracted', count: o.contracted, weight: OUTCOME_WEIGHTS.contracted, contribution });
      score += contribution;
    }
    return { ...h, score, reasons, matchStatus: o?.thisDemand ?? null };
  });
  hits.sort((a, b) => b.score - a.score || a.id - b.id);
  return { ...r, hits, weights: { ...r.weights, outcomeDeclined: OUTCOME_WEIGHTS.declined, outcomeContracted: OUTCOME_WEIGHTS.contracted } };
}

/** Per candidate: declines on demands of the same key industry, contracts anywhere, and its match to this demand. */
async function outcomeHistory(db: Database, kind: string, ids: number[], demandId: number, keyIndustry: string | null) {
  const out = new Map<number, { declined: number; contracted: number; thisDemand: string | null }>();
  if (!ids.length) return out;
  const rows = await db
    .select({ id: matches.candidateId, status: matches.status, demandId: matches.demandId, keyIndustry: demandsTable.keyIndustry })
    .from(matches)
    .innerJoin(demandsTable, eq(demandsTable.id, matches.demandId))
    .where(and(eq(matches.candidateKind, kind as 'expert'), inArray(matches.candidateId, ids)));
  for (const m of rows) {
    const o = out.get(m.id) ?? { declined: 0, contracted: 0, thisDemand: null };
    if (m.demandId === demandId) o.thisDemand = m.status;
    else if (m.status === 'declined' && keyIndustry && m.keyIndustry === keyIndustry) o.declined++;
    if (m.status === 'contracted' || m.status === 'closed') o.contracted++;
    out.set(m.id, o);
  }
  return out;
}

/** The reverse direction: demands that fit an expert (their profile and publications) or an organization. */
export async function demandsFor(deps: MatchingDeps, ctx: RequestContext, kind: 'expert' | 'organization', id: number, limit: number) {
  const [record] = kind === 'expert' ? await repo.expertRecords(deps.db, [id]) : await repo.organizationRecords(deps.db, [id]);
  if (!record) throw new AppError('NOT_FOUND', { entity: kind === 'expert' ? (ctx.locale === 'en' ? 'Expert' : '专家') : ctx.locale === 'en' ? 'Organization' : '单位', id });
  authorize(ctx.actor, kind === 'expert' ? 'expert:update' : 'organization:update', {
    regionCode: record.region ?? null,
    organizationId: kind === 'organization' ? id : null,
    expertId: kind === 'expert' ? id : null,
  });
  const index = await deps.index();
  const result = engineCall(() =>
    index.engine.matchDemandsFor(record, { limit: overFetch(limit), filters: { status: [...demandRepo.publishedStatuses].filter((s) => s !== 'closed') } }),
  );
  return present(deps.db, ctx, 'demand', result, limit);
}

/** Keywords, disciplines and industries for a text being typed. */
export async function suggest(deps: MatchingDeps, ctx: RequestContext, text: string, limit: number) {
  authorize(ctx.actor, 'search:run');
  const index = await deps.index();
  const s = engineCall(() => index.engine.suggest(text, { keywords: limit, disciplines: 5, industries: 5 }));
  const ref = deps.reference;
  const industryName = (code: string) => ref.keyIndustries.byCode.get(code)?.name ?? ref.industries.byCode.get(code)?.name;
  return {
    keywords: s.keywords.map((k) => ({ word: k.word, score: k.score })),
    disciplines: s.disciplines
      .map((x) => ({ code: x.value, name: ref.disciplines.byCode.get(x.value)?.name ?? '', score: x.score }))
      .filter((x) => x.name),
    industries: s.industries
      .map((x) => ({ code: x.value, name: industryName(x.value) ?? '', score: x.score }))
      .filter((x) => x.name),
  };
}

/**
 * Ids of the records matching a list's full-text box, best first, through the engine (Chinese
 * segmentation, synonyms, English stemming). Undefined when there is no text: the list is not
 * restricted. An empty or stopword-only text restricts to nothing.
 */
export async function textSearchIds(index: (() => Promise<MatchingIndex>) | undefined, kind: Kind, text: string | undefined): Promise<number[] | undefined> {
  if (!text || !index) return undefined;
  const engine = (await index()).engine;
  try {
    return engine.search({ text, kind, limit: 1000, explain: false }).hits.map((h) => Number(h.id));
  } catch (e) {
    if (isSearchError(e) && e.code === 'EMPTY_QUERY') return [];
    throw e;
  }
}
