import { describe, expect, it } from 'vitest';
import { availableMatchActions, checkMatchTransition, matchActions, matchTransitions, type MatchParties } from './match.lifecycle.js';
import { matchStatuses } from '../../db/schema/matches.js';

const as: Record<string, MatchParties> = {
  broker: { broker: true, owner: false, candidate: false },
  owner: { broker: false, owner: true, candidate: false },
  candidate: { broker: false, owner: false, candidate: true },
  nobody: { broker: false, owner: false, candidate: false },
};

/** Who may take each step, by hand. */
const who: Record<string, string[]> = {
  send: ['broker'],
  accept: ['broker', 'candidate'],
  decline: ['broker', 'candidate'],
  meet: ['broker', 'owner', 'candidate'],
  agree: ['broker', 'owner'],
  contract: ['broker'],
  close: ['broker'],
  stall: ['broker'],
  resume: ['broker'],
  withdraw: ['broker', 'owner'],
};

describe('match lifecycle: step × party', () => {
  for (const action of matchActions) {
    it(`${action}: ${who[action].join(', ')}`, () => {
      const from = matchTransitions[action].from[0];
      for (const [name, parties] of Object.entries(as)) {
        const r = checkMatchTransition(parties, action, from);
        expect(r.ok, `${name} ${action}`).toBe(who[action].includes(name));
      }
    });
  }

  it('no step can be skipped', () => {
    const all: MatchParties = { broker: true, owner: true, candidate: true };
    for (const status of matchStatuses) {
      for (const action of matchActions) {
        const ok = (matchTransitions[action].from as readonly string[]).includes(status);
        expect(checkMatchTransition(all, action, status).ok, `${status} → ${action}`).toBe(ok);
      }
    }
    // a contract cannot be recorded before an agreement, nor a meeting before an acceptance
    expect(checkMatchTransition(all, 'contract', 'meeting')).toEqual({ ok: false, why: 'state' });
    expect(checkMatchTransition(all, 'meet', 'sent')).toEqual({ ok: false, why: 'state' });
  });

  it('offers the candidate only its answer', () => {
    expect(availableMatchActions(as.candidate, 'sent')).toEqual(['accept', 'decline']);
    expect(availableMatchActions(as.owner, 'sent')).toEqual(['withdraw']);
    expect(availableMatchActions(as.nobody, 'sent')).toEqual([]);
  });
});
