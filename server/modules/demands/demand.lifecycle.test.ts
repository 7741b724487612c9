import { describe, expect, it } from 'vitest';
import { availableActions, checkTransition, demandActions, transitions, type DemandAction, type DemandStatus } from './demand.lifecycle.js';
import type { Actor } from '../../auth/policy.js';
import { demandStatuses } from '../../db/schema/demands.js';

const actors: Record<string, Actor> = {
  operator: { userId: 2, username: 'operator', grants: [{ role: 'operator' }] },
  county: { userId: 4, username: 'xixia', grants: [{ role: 'region_officer', regionCode: '640105' }] },
  otherCounty: { userId: 5, username: 'litong', grants: [{ role: 'region_officer', regionCode: '640302' }] },
  owner: { userId: 6, username: 'enterprise', grants: [{ role: 'enterprise_member', organizationId: 7 }] },
  stranger: { userId: 7, username: 'other', grants: [{ role: 'enterprise_member', organizationId: 8 }] },
  expert: { userId: 8, username: 'expert', grants: [{ role: 'expert', expertId: 1 }] },
};
const demand = { regionCode: '640105', organizationId: 7, confidentiality: 'public' as const, published: true };

/** Who may take each action (from a state where it applies), by hand. */
const who: Record<DemandAction, string[]> = {
  submit: ['operator', 'county', 'owner'],
  publish: ['operator', 'county'],
  return: ['operator', 'county'],
  match: ['operator', 'county'],
  negotiate: ['operator', 'county'],
  contract: ['operator', 'county'],
  close: ['operator', 'county'],
  withdraw: ['operator', 'county', 'owner'],
};

describe('demand lifecycle: transition × role', () => {
  for (const action of demandActions) {
    it(`${action}: allowed for ${who[action].join(', ')}`, () => {
      const from = transitions[action].from[0] as DemandStatus;
      for (const [name, actor] of Object.entries(actors)) {
        const r = checkTransition(actor, action, from, demand, 'because');
        expect(r.ok, `${name} ${action}`).toBe(who[action].includes(name));
        if (!r.ok) expect(r.why).toBe('role');
      }
    });
  }

  it('no step can be skipped: every other (state, action) pair is refused for the operator', () => {
    for (const status of demandStatuses) {
      for (const action of demandActions) {
        const allowedFrom = (transitions[action].from as readonly string[]).includes(status);
        const r = checkTransition(actors.operator, action, status, demand, 'because');
        expect(r.ok, `${status} → ${action}`).toBe(allowedFrom);
        if (!allowedFrom && !r.ok) expect(r.why).toBe('state');
      }
    }
  });

  it('returning, closing and withdrawing need a reason', () => {
    expect(checkTransition(actors.operator, 'return', 'submitted', demand)).toEqual({ ok: false, why: 'reason' });
    expect(checkTransition(actors.operator, 'return', 'submitted', demand, '  ')).toEqual({ ok: false, why: 'reason' });
    expect(checkTransition(actors.operator, 'return', 'submitted', demand, '缺少技术指标')).toEqual({ ok: true, to: 'returned' });
    expect(checkTransition(actors.owner, 'withdraw', 'draft', demand)).toEqual({ ok: false, why: 'reason' });
  });

  it('offers each actor the buttons it may press', () => {
    expect(availableActions(actors.owner, 'draft', demand)).toEqual(['submit', 'withdraw']);
    expect(availableActions(actors.county, 'submitted', demand)).toEqual(['publish', 'return', 'withdraw']);
    expect(availableActions(actors.otherCounty, 'submitted', demand)).toEqual([]);
    expect(availableActions(actors.expert, 'published', demand)).toEqual([]);
  });
});
