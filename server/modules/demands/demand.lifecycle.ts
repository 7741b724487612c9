import type { Actor, Resource } from '../../auth/policy.js';
import { can } from '../../auth/policy.js';
import type { demandStatuses } from '../../db/schema/demands.js';

export type DemandStatus = (typeof demandStatuses)[number];

/**
 * The life of a demand. An enterprise drafts and submits; an operator or the region's officer
 * publishes it or returns it with a reason; it is then matched, negotiated, contracted and closed,
 * or withdrawn. Each action names who may take it:
 *   owner   — a member of the demand's organization (or anyone who governs it)
 *   reviewer— staff, or the officer of a region containing the demand (not the enterprise itself)
 */
export const transitions = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'owner', reason: false },
  publish: { from: ['submitted'], to: 'published', by: 'reviewer', reason: false },
  return: { from: ['submitted'], to: 'returned', by: 'reviewer', reason: true },
  match: { from: ['published'], to: 'matched', by: 'reviewer', reason: false },
  negotiate: { from: ['matched'], to: 'negotiating', by: 'reviewer', reason: false },
  contract: { from: ['negotiating'], to: 'contracted', by: 'reviewer', reason: false },
  close: { from: ['contracted', 'published', 'matched', 'negotiating'], to: 'closed', by: 'reviewer', reason: true },
  withdraw: { from: ['draft', 'submitted', 'returned', 'published', 'matched', 'negotiating'], to: 'withdrawn', by: 'owner', reason: true },
} as const satisfies Record<string, { from: readonly DemandStatus[]; to: DemandStatus; by: 'owner' | 'reviewer'; reason: boolean }>;

export type DemandAction = keyof typeof transitions;
export const demandActions = Object.keys(transitions) as DemandAction[];

/** Whether the actor reviews demands of this region: staff, or an officer whose region contains it. */
export function reviews(actor: Actor, r: Resource): boolean {
  return actor.grants.some(
    (g) => g.role === 'admin' || g.role === 'operator' || (g.role === 'region_officer' && !!g.regionCode && !!r.regionCode && r.regionCode.startsWith(g.regionCode)),
  );
}

export type TransitionCheck =
  | { ok: true; to: DemandStatus }
  | { ok: false; why: 'state' | 'role' | 'reason' };

/** Decides one transition (pure): is it allowed from this state, for this actor, with this reason? */
export function checkTransition(actor: Actor, action: DemandAction, status: DemandStatus, r: Resource, reason?: string): TransitionCheck {
  const t = transitions[action];
  if (!(t.from as readonly string[]).includes(status)) return { ok: false, why: 'state' };
  const allowed = t.by === 'reviewer' ? reviews(actor, r) : can(actor, 'demand:update', r);
  if (!allowed) return { ok: false, why: 'role' };
  if (t.reason && !reason?.trim()) return { ok: false, why: 'reason' };
  return { ok: true, to: t.to };
}

/** The actions this actor may take now (for buttons in the UI). */
export function availableActions(actor: Actor, status: DemandStatus, r: Resource): DemandAction[] {
  return demandActions.filter((a) => {
    const c = checkTransition(actor, a, status, r, 'x');
    return c.ok;
  });
}

/** States in which the owner may still edit the text of a demand. */
export const editableStatuses: readonly DemandStatus[] = ['draft', 'returned'];
