import { describe, expect, it } from 'vitest';
import { actions, anonymous, authorize, can, seesDetails, visibility, type Action, type Actor, type Resource } from './policy.js';
import { AppError } from '../errors.js';

const actors: Record<string, Actor> = {
  anon: anonymous,
  admin: { userId: 1, username: 'admin', grants: [{ role: 'admin' }] },
  operator: { userId: 2, username: 'operator', grants: [{ role: 'operator' }] },
  city: { userId: 3, username: 'yinchuan', grants: [{ role: 'region_officer', regionCode: '6401' }] },
  county: { userId: 4, username: 'xixia', grants: [{ role: 'region_officer', regionCode: '640105' }] },
  member: { userId: 5, username: 'enterprise', grants: [{ role: 'enterprise_member', organizationId: 7 }] },
  expert: { userId: 6, username: 'expert', grants: [{ role: 'expert', expertId: 9 }] },
  reviewer: { userId: 7, username: 'reviewer', grants: [{ role: 'reviewer' }] },
};
const actorOrder = Object.keys(actors);

/** Records as seen by the policy: where they are, whose they are, how open they are. */
const resources: Record<string, Resource> = {
  // 西夏区 (under 银川), organization 7, public and published
  pubIn: { regionCode: '640105', organizationId: 7, confidentiality: 'public', published: true },
  // 利通区 (吴忠), another organization
  pubOut: { regionCode: '640302', organizationId: 8, confidentiality: 'public', published: true },
  sumOut: { regionCode: '640302', organizationId: 8, confidentiality: 'summary', published: true },
  confOut: { regionCode: '640302', organizationId: 8, confidentiality: 'confidential', published: true },
  draftOut: { regionCode: '640302', organizationId: 8, confidentiality: 'public', published: false },
  // 金凤区 (银川 but not 西夏区), confidential
  confCity: { regionCode: '640106', organizationId: 8, confidentiality: 'confidential', published: true },
  // organization 7's own draft located elsewhere
  draftOwn: { regionCode: '640302', organizationId: 7, confidentiality: 'public', published: false },
  // expert 9's own profile and another expert's, in Fujian
  expertOwn: { regionCode: '3501', organizationId: 20, expertId: 9, published: true },
  expertOther: { regionCode: '3501', organizationId: 20, expertId: 10, published: true },
  // creating something with no record yet, in 西夏区 for organization 7
  newIn: { regionCode: '640105', organizationId: 7 },
  newOut: { regionCode: '640302', organizationId: 8 },
};

/**
 * The expected decisions, written out by hand. One line per (action, resource); one letter per
 * actor in the order anon admin operator city county member expert reviewer. Y = allowed.
 */
const matrix: [Action, keyof typeof resources, string][] = [
  ['demand:read', 'pubIn', 'YYYYYYYY'],
  ['demand:read', 'pubOut', 'YYYYYYYY'],
  ['demand:read', 'sumOut', 'YYYYYYYY'],
  ['demand:read', 'confOut', 'NYYNNNNN'],
  ['demand:read', 'draftOut', 'NYYNNNNN'],
  ['demand:read', 'confCity', 'NYYYNNNN'],
  ['demand:read', 'draftOwn', 'NYYNNYNN'],
  ['demand:create', 'newIn', 'NYYYYYNN'],
  ['demand:create', 'newOut', 'NYYNNNNN'],
  ['demand:update', 'pubIn', 'NYYYYYNN'],
  ['demand:update', 'pubOut', 'NYYNNNNN'],
  ['demand:update', 'confCity', 'NYYYNNNN'],
  ['demand:update', 'draftOwn', 'NYYNNYNN'],
  ['demand:match', 'pubIn', 'NYYYYYNN'],
  ['demand:match', 'pubOut', 'NYYNNNNN'],
  ['demandList:read', 'pubOut', 'YYYYYYYY'],
  ['demandList:create', 'newIn', 'NYYYYNNN'],
  ['demandList:create', 'newOut', 'NYYNNNNN'],
  ['demandList:update', 'pubIn', 'NYYYYYNN'],
  ['organization:read', 'pubOut', 'YYYYYYYY'],
  ['organization:create', 'newIn', 'NYYYYNNN'],
  ['organization:create', 'newOut', 'NYYNNNNN'],
  ['organization:update', 'pubIn', 'NYYYYYNN'],
  ['organization:update', 'pubOut', 'NYYNNNNN'],
  ['expert:read', 'expertOther', 'YYYYYYYY'],
  ['expert:create', 'newIn', 'NYYYYYNN'],
  ['expert:create', 'newOut', 'NYYNNNNN'],
  ['expert:update', 'expertOwn', 'NYYNNNYN'],
  ['expert:update', 'expertOther', 'NYYNNNNN'],
  ['achievement:read', 'pubOut', 'YYYYYYYY'],
  ['achievement:read', 'draftOut', 'NYYNNNNN'],
  ['achievement:read', 'draftOwn', 'NYYNNYNN'],
  ['achievement:create', 'newIn', 'NYYYYYNN'],
  ['achievement:create', 'newOut', 'NYYNNNNN'],
  ['achievement:update', 'pubIn', 'NYYYYYNN'],
  ['achievement:update', 'expertOwn', 'NYYNNNYN'],
  ['achievement:update', 'pubOut', 'NYYNNNNN'],
  ['audit:read', 'newOut', 'NYYNNNNN'],
  ['user:manage', 'newOut', 'NYNNNNNN'],
  ['reference:import', 'newOut', 'NYNNNNNN'],
  ['reference:read', 'newOut', 'YYYYYYYY'],
  ['search:run', 'newOut', 'YYYYYYYY'],
  ['stats:read', 'newOut', 'YYYYYYYY'],
];

describe('permission matrix (role × action × scope)', () => {
  it('covers every action', () => {
    const covered = new Set(matrix.map(([a]) => a));
    expect([...actions].filter((a) => !covered.has(a))).toEqual([]);
  });

  for (const [action, res, expected] of matrix) {
    it(`${action} on ${res}: ${expected}`, () => {
      const got = actorOrder.map((k) => (can(actors[k], action, resources[res]) ? 'Y' : 'N')).join('');
      expect(got).toBe(expected);
    });
  }

  it('authorize throws AUTH_REQUIRED for a visitor and FORBIDDEN for a signed-in user', () => {
    expect(() => authorize(actors.anon, 'audit:read')).toThrowError(AppError);
    try {
      authorize(actors.anon, 'demand:create', resources.newIn);
    } catch (e) {
      expect((e as AppError).code).toBe('AUTH_REQUIRED');
    }
    try {
      authorize(actors.member, 'demand:update', resources.pubOut);
    } catch (e) {
      expect((e as AppError).code).toBe('FORBIDDEN');
    }
    expect(() => authorize(actors.county, 'demand:update', resources.pubIn)).not.toThrow();
  });

  it('details of summary-only records reach staff, officers in scope and owners only', () => {
    const got = actorOrder.map((k) => (seesDetails(actors[k], resources.sumOut) ? 'Y' : 'N')).join('');
    expect(got).toBe('NYYNNNNN');
    const own = { ...resources.sumOut, organizationId: 7 };
    expect(seesDetails(actors.member, own)).toBe(true);
    expect(seesDetails(actors.anon, resources.pubOut)).toBe(true);
  });

  it('list visibility: staff see all, others get their scopes', () => {
    expect(visibility(actors.operator)).toEqual({ all: true });
    expect(visibility(actors.county)).toEqual({ all: false, regionPrefixes: ['640105'], organizationIds: [], expertIds: [] });
    expect(visibility(actors.member)).toEqual({ all: false, regionPrefixes: [], organizationIds: [7], expertIds: [] });
    expect(visibility(actors.anon)).toEqual({ all: false, regionPrefixes: [], organizationIds: [], expertIds: [] });
  });

  it('a region code prefix does not leak to a sibling with a shared prefix of digits', () => {
    // 6401 (银川) must not govern 640105's sibling province code 64 or city 6402
    expect(can(actors.city, 'demand:update', { regionCode: '6402', organizationId: 1 })).toBe(false);
    expect(can(actors.city, 'demand:update', { regionCode: '64', organizationId: 1 })).toBe(false);
    expect(can(actors.city, 'demand:update', { regionCode: null, organizationId: 1 })).toBe(false);
  });
});
