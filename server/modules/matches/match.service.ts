import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { contracts, demandEvents, demands, matchEvents, matches } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../auth/audit.js';
import type { RequestContext } from '../../auth/context.js';
import type { Actor } from '../../auth/policy.js';
import { reviews } from '../demands/demand.lifecycle.js';
import { publishedStatuses } from '../demands/demand.repo.js';
import { jsonDates } from '../shared/listing.js';
import type { MatchingDeps } from '../matching/matching.service.js';
import { matchesForDemand } from '../matching/matching.service.js';
import { availableMatchActions, checkMatchTransition, isStaff, type MatchAction, type MatchParties, type MatchStatus } from './match.lifecycle.js';
import { funnel, type FunnelFilters, type FunnelGroup } from './funnel.repo.js';
import * as repo from './match.repo.js';

export interface MatchDeps extends MatchingDeps {
  syncIndex?: (kind: 'expert' | 'demand', ids: number[]) => Promise<void>;
}

type Demand = NonNullable<Awaited<ReturnType<typeof repo.demandRow>>>;

const notFound = (ctx: RequestContext, id: number | string) => new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Match' : '对接', id });

/** How the actor stands to a match: broker, owner of the demand, or the candidate. */
async function partiesOf(db: Database, actor: Actor, demand: Demand, m: Pick<repo.MatchRow, 'candidateKind' | 'candidateId'>): Promise<MatchParties> {
  const resource = { regionCode: demand.regionCode, organizationId: demand.organizationId };
  const owners = await repo.candidateOwners(db, m.candidateKind, m.candidateId);
  const orgs = actor.grants.filter((g) => g.role === 'enterprise_member').map((g) => g.organizationId);
  const selfExperts = actor.grants.filter((g) => g.role === 'expert').map((g) => g.expertId);
  return {
    broker: reviews(actor, resource),
    owner: demand.organizationId != null && orgs.includes(demand.organizationId),
    candidate: (owners.expertId != null && selfExperts.includes(owners.expertId)) || (owners.organizationId != null && orgs.includes(owners.organizationId)),
  };
}

/** Keeps the candidate's workload in the engine in step with its open matches. */
async function refreshLoad(deps: MatchDeps, m: Pick<repo.MatchRow, 'candidateKind' | 'candidateId'>) {
  if (m.candidateKind !== 'expert') return;
  const load = (await repo.expertLoads(deps.db, [m.candidateId])).get(m.candidateId) ?? 0;
  const index = await deps.index();
  index.engine.updateSignals('expert', String(m.candidateId), { load });
}

async function present(deps: MatchDeps, ctx: RequestContext, m: repo.MatchRow, demand: Demand) {
  const [events, contract, owners, parties] = await Promise.all([
    repo.eventsOf(deps.db, m.id),
    repo.contractOf(deps.db, m.id),
    repo.candidateOwners(deps.db, m.candidateKind, m.candidateId),
    partiesOf(deps.db, ctx.actor, demand, m),
  ]);
  return jsonDates({
    ...m,
    demandTitle: demand.title,
    candidateTitle: owners.title,
    contract: contract ?? null,
    events: events.map(({ matchId: _m, userId: _u, ...e }) => e),
    actions: availableMatchActions(parties, m.status),
  });
}

/**
 * Creates matches for a demand (the operator's shortlist), each with the engine's score and
 * reasons at this moment. Candidates already matched to the demand are returned as they are.
 */
export async function proposeMatches(deps: MatchDeps, ctx: RequestContext, demandId: number, candidates: { kind: 'expert' | 'achievement' | 'organization'; id: number }[]) {
  const demand = await repo.demandRow(deps.db, demandId);
  if (!demand) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Demand' : '技术需求', id: demandId });
  // Only brokers shortlist: staff, or the officer of the demand's region.
  if (!reviews(ctx.actor, { regionCode: demand.regionCode })) {
    throw ctx.actor.userId == null ? new AppError('AUTH_REQUIRED') : new AppError('FORBIDDEN', { action: 'match:propose' });
  }
  if (!(publishedStatuses as readonly string[]).includes(demand.status)) throw new AppError('DEMAND_BAD_TRANSITION', { status: demand.status, action: 'match' });
  const out: number[] = [];
  for (const kind of ['expert', 'achievement', 'organization'] as const) {
    const wanted = candidates.filter((c) => c.kind === kind);
    if (!wanted.length) continue;
    const ranked = await matchesForDemand(deps, ctx, demandId, kind, 100);
    for (const c of wanted) {
      const hit = ranked.hits.find((h) => h.id === c.id);
      const owners = await repo.candidateOwners(deps.db, kind, c.id);
      if (!owners.title) throw new AppError('VALIDATION_FAILED', { detail: 'candidates' }, [{ path: 'candidates', message: `unknown ${kind} ${c.id}` }]);
      const [existing] = await deps.db.select().from(matches).where(and(eq(matches.demandId, demandId), eq(matches.candidateKind, kind), eq(matches.candidateId, c.id)));
      if (existing) {
        out.push(existing.id);
        continue;
      }
      const id = await deps.db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Database;
        const [m] = await tx.insert(matches).values({ demandId, candidateKind: kind, candidateId: c.id, score: hit?.score ?? null, reasons: hit?.reasons ?? null, createdBy: ctx.actor.userId }).returning();
        await tx.insert(matchEvents).values({ matchId: m.id, action: 'propose', fromStatus: null, toStatus: 'proposed', userId: ctx.actor.userId, username: ctx.actor.username });
        await recordAudit(tx, ctx, { action: 'create', entity: 'match', entityId: m.id, after: m });
        return m.id;
      });
      out.push(id);
    }
  }
  return Promise.all(out.map((id) => getMatch(deps, ctx, id)));
}

/** A match with its timeline, for its parties. */
export async function getMatch(deps: MatchDeps, ctx: RequestContext, id: number) {
  const m = await repo.getMatchRow(deps.db, id);
  if (!m) throw notFound(ctx, id);
  const demand = (await repo.demandRow(deps.db, m.demandId)) as Demand;
  const parties = await partiesOf(deps.db, ctx.actor, demand, m);
  if (!parties.broker && !parties.owner && !parties.candidate) throw notFound(ctx, id);
  return present(deps, ctx, m, demand);
}

/** The matches of a demand, for its brokers and owner (candidates see only their own). */
export async function listDemandMatches(deps: MatchDeps, ctx: RequestContext, demandId: number) {
  const demand = await repo.demandRow(deps.db, demandId);
  if (!demand) throw new AppError('NOT_FOUND', { entity: ctx.locale === 'en' ? 'Demand' : '技术需求', id: demandId });
  if (ctx.actor.userId == null) throw new AppError('AUTH_REQUIRED');
  const rows = await repo.matchesOfDemand(deps.db, demandId);
  const visible = [];
  let party = reviews(ctx.actor, { regionCode: demand.regionCode, organizationId: demand.organizationId });
  for (const m of rows) {
    const p = await partiesOf(deps.db, ctx.actor, demand, m);
    party ||= p.owner;
    if (p.broker || p.owner || p.candidate) visible.push(await present(deps, ctx, m, demand));
  }
  // Brokers and the owner see every match of the demand; a candidate only its own; others none.
  if (!party && !visible.length) throw new AppError('FORBIDDEN', { action: 'match:read' });
  return visible;
}

export interface StepInput {
  notes?: string;
  declineReason?: (typeof import('../../db/schema/matches.js').declineReasons)[number];
  contract?: { type: '开发' | '转让' | '许可' | '咨询' | '服务'; amount: number; signedOn: string; registrationNo?: string; title?: string };
  attachments?: { name: string; file: string }[];
}

/** How a match moves its demand along: the first acceptance matches it, an agreement and a contract follow. */
const demandFollows: Partial<Record<MatchStatus, { from: string[]; to: 'matched' | 'negotiating' | 'contracted' }>> = {
  accepted: { from: ['published'], to: 'matched' },
  agreement: { from: ['published', 'matched'], to: 'negotiating' },
  contracted: { from: ['published', 'matched', 'negotiating'], to: 'contracted' },
};

/** One step of a match, checked against its state and the actor's part in it, recorded with notes. */
export async function stepMatch(deps: MatchDeps, ctx: RequestContext, id: number, action: MatchAction, input: StepInput = {}) {
  const m = await repo.getMatchRow(deps.db, id);
  if (!m) throw notFound(ctx, id);
  const demand = (await repo.demandRow(deps.db, m.demandId)) as Demand;
  const parties = await partiesOf(deps.db, ctx.actor, demand, m);
  if (!parties.broker && !parties.owner && !parties.candidate) throw notFound(ctx, id);
  const check = checkMatchTransition(parties, action, m.status);
  if (!check.ok) {
    if (check.why === 'state') throw new AppError('MATCH_BAD_TRANSITION', { status: m.status, action });
    throw new AppError('FORBIDDEN', { action: `match:${action}` });
  }
  if (action === 'decline' && !input.declineReason) throw new AppError('REASON_REQUIRED', {}, [{ path: 'declineReason', message: 'required' }]);
  if ((action === 'stall' || action === 'withdraw') && !input.notes?.trim()) throw new AppError('REASON_REQUIRED', {}, [{ path: 'notes', message: 'required' }]);
  if (action === 'contract' && !input.contract) throw new AppError('VALIDATION_FAILED', { detail: 'contract' }, [{ path: 'contract', message: 'required' }]);
  const to = check.to;
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [after] = await tx
      .update(matches)
      .set({
        status: to,
        statusChangedAt: new Date(),
        ...(action === 'decline' ? { declineReason: input.declineReason, declineNote: input.notes?.trim() || null } : {}),
      })
      .where(and(eq(matches.id, id), eq(matches.status, m.status)))
      .returning();
    if (!after) throw new AppError('CONFLICT', { detail: 'the match changed meanwhile; reload' });
    await tx.insert(matchEvents).values({ matchId: id, action, fromStatus: m.status, toStatus: to, notes: input.notes?.trim() || null, attachments: input.attachments ?? [], userId: ctx.actor.userId, username: ctx.actor.username });
    if (action === 'contract' && input.contract) {
      const c = input.contract;
      const [row] = await tx.insert(contracts).values({ matchId: id, demandId: m.demandId, type: c.type, amount: c.amount, signedOn: c.signedOn, registrationNo: c.registrationNo ?? null, title: c.title ?? demand.title }).returning();
      await recordAudit(tx, ctx, { action: 'create', entity: 'contract', entityId: row.id, after: row });
    }
    const follow = demandFollows[to];
    if (follow && follow.from.includes(demand.status)) {
      await tx.update(demands).set({ status: follow.to, updatedAt: new Date() }).where(eq(demands.id, demand.id));
      await tx.insert(demandEvents).values({ demandId: demand.id, action: `match.${action}`, fromStatus: demand.status, toStatus: follow.to, reason: `对接 #${id}`, userId: ctx.actor.userId, username: ctx.actor.username });
      await recordAudit(tx, ctx, { action: `transition.${follow.to}`, entity: 'demand', entityId: demand.id, before: { status: demand.status }, after: { status: follow.to, match: id } });
    }
    await recordAudit(tx, ctx, { action: `match.${action}`, entity: 'match', entityId: id, before: { status: m.status }, after: { status: to, notes: input.notes ?? null, declineReason: input.declineReason ?? null } });
  });
  await refreshLoad(deps, m);
  await deps.syncIndex?.('demand', [demand.id]);
  return getMatch(deps, ctx, id);
}

/** The matches where the actor is the candidate (an expert's inbox, an organization's), newest first. */
export async function myMatches(deps: MatchDeps, ctx: RequestContext) {
  if (ctx.actor.userId == null) throw new AppError('AUTH_REQUIRED');
  const rows = await repo.candidateMatchesOf(deps.db, ctx.actor);
  const out = [];
  for (const m of rows) out.push(await present(deps, ctx, m, (await repo.demandRow(deps.db, m.demandId)) as Demand));
  return out;
}

/** The funnel for staff (any region) and region officers (their region only). */
export async function funnelReport(deps: MatchDeps, ctx: RequestContext, filters: FunnelFilters, group: FunnelGroup) {
  const scopes = ctx.actor.grants.filter((g) => g.role === 'region_officer').map((g) => g.regionCode as string);
  if (!isStaff(ctx.actor)) {
    if (!scopes.length) throw ctx.actor.userId == null ? new AppError('AUTH_REQUIRED') : new AppError('FORBIDDEN', { action: 'funnel:read' });
    // An officer's funnel is its own region's, whatever region was asked for.
    const asked = filters.region;
    const inside = scopes.find((s) => asked?.startsWith(s));
    filters = { ...filters, region: inside ? asked : scopes[0] };
  }
  return funnel(deps.db, filters, group, undefined);
}
