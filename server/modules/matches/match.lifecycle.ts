import type { Actor } from '../../auth/policy.js';
import type { matchStatuses } from '../../db/schema/matches.js';

export type MatchStatus = (typeof matchStatuses)[number];

/**
 * Who takes part in a match, seen from one actor:
 *   broker    — staff, or the officer of a region containing the demand (runs the matchmaking)
 *   owner     — a member of the enterprise that posted the demand
 *   candidate — the expert themself, or a member of the candidate organization (or of the
 *               organization behind a candidate achievement)
 */
export interface MatchParties {
  broker: boolean;
  owner: boolean;
  candidate: boolean;
}

type Party = keyof MatchParties;

/**
 * A match's life: proposed → sent → accepted / declined → meeting(s) → agreement → contracted →
 * closed; or stalled / withdrawn while open. Staff may record a candidate's answer on their behalf
 * (a reply by phone), so brokers may also accept or decline.
 */
export const matchTransitions = {
  send: { from: ['proposed'], to: 'sent', by: ['broker'] },
  accept: { from: ['sent'], to: 'accepted', by: ['candidate', 'broker'] },
  decline: { from: ['sent', 'proposed'], to: 'declined', by: ['candidate', 'broker'] },
  meet: { from: ['accepted', 'meeting'], to: 'meeting', by: ['broker', 'owner', 'candidate'] },
  agree: { from: ['meeting'], to: 'agreement', by: ['broker', 'owner'] },
  contract: { from: ['agreement'], to: 'contracted', by: ['broker'] },
  close: { from: ['contracted'], to: 'closed', by: ['broker'] },
  stall: { from: ['sent', 'accepted', 'meeting', 'agreement'], to: 'stalled', by: ['broker'] },
  resume: { from: ['stalled'], to: 'sent', by: ['broker'] },
  withdraw: { from: ['proposed', 'sent', 'accepted', 'meeting', 'agreement', 'stalled'], to: 'withdrawn', by: ['broker', 'owner'] },
} as const satisfies Record<string, { from: readonly MatchStatus[]; to: MatchStatus; by: readonly Party[] }>;

export type MatchAction = keyof typeof matchTransitions;
export const matchActions = Object.keys(matchTransitions) as MatchAction[];

/** Statuses in which a match still occupies the candidate (their workload). */
export const openMatchStatuses: readonly MatchStatus[] = ['sent', 'accepted', 'meeting', 'agreement'];

/** The ladder the funnel counts: a match at a later rung has passed the earlier ones. */
export const funnelRungs = ['sent', 'accepted', 'meeting', 'agreement', 'contracted'] as const;

export type MatchCheck = { ok: true; to: MatchStatus } | { ok: false; why: 'state' | 'role' };

/** Decides one step (pure). */
export function checkMatchTransition(parties: MatchParties, action: MatchAction, status: MatchStatus): MatchCheck {
  const t = matchTransitions[action];
  if (!(t.from as readonly string[]).includes(status)) return { ok: false, why: 'state' };
  if (!(t.by as readonly Party[]).some((p) => parties[p])) return { ok: false, why: 'role' };
  return { ok: true, to: t.to };
}

/** The steps these parties may take now (for buttons). */
export function availableMatchActions(parties: MatchParties, status: MatchStatus): MatchAction[] {
  return matchActions.filter((a) => checkMatchTransition(parties, a, status).ok);
}

/** Admins and operators act for everyone; used where no record scope applies. */
export function isStaff(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'admin' || g.role === 'operator');
}
