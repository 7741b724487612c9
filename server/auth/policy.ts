import type { RoleName } from '../db/schema/users.js';
import { AppError } from '../errors.js';

/**
 * Every permission decision in Shanhai is made here. Routes, CLI commands and services ask
 * `authorize(actor, action, resource)`; list queries ask `visibility(actor, entity)` for the rows
 * a person may see. The matrix test (policy.test.ts) walks role × action × scope.
 */

export interface RoleGrant {
  role: RoleName;
  /** region officers: the region code whose whole subtree they administer */
  regionCode?: string | null;
  /** enterprise members: their organization */
  organizationId?: number | null;
  /** experts: their own profile */
  expertId?: number | null;
}

export interface Actor {
  userId: number | null;
  username: string | null;
  grants: RoleGrant[];
}

export const anonymous: Actor = Object.freeze({ userId: null, username: null, grants: [] });

export const actions = [
  'stats:read',
  'reference:read',
  'reference:import',
  'audit:read',
  'user:manage',
  'organization:read',
  'organization:create',
  'organization:update',
  'expert:read',
  'expert:create',
  'expert:update',
  'achievement:read',
  'achievement:create',
  'achievement:update',
  'demandList:read',
  'demandList:create',
  'demandList:update',
  'demand:read',
  'demand:create',
  'demand:update',
  /** see the engine's recommendations for a demand */
  'demand:match',
  'search:run',
] as const;
export type Action = (typeof actions)[number];

export type Confidentiality = 'public' | 'summary' | 'confidential';

/**
 * What an action is applied to. Absent fields mean "not tied to one record" (e.g. creating).
 * `published` says whether a record is out of its draft/review stages (public may read it).
 */
export interface Resource {
  regionCode?: string | null;
  organizationId?: number | null;
  expertId?: number | null;
  confidentiality?: Confidentiality;
  published?: boolean;
}

/** True when `code` is `scope` or lies under it (640105 is under 6401 and 64). */
export function regionWithin(code: string | null | undefined, scope: string): boolean {
  return !!code && code.startsWith(scope);
}

const everyone: Action[] = ['reference:read', 'organization:read', 'expert:read', 'achievement:read', 'demandList:read', 'demand:read', 'search:run', 'stats:read'];

function isStaff(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'admin' || g.role === 'operator');
}

function officerScopes(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'region_officer' && g.regionCode).map((g) => g.regionCode as string);
}

function memberOrgs(actor: Actor): number[] {
  return actor.grants.filter((g) => g.role === 'enterprise_member' && g.organizationId != null).map((g) => g.organizationId as number);
}

function ownExperts(actor: Actor): number[] {
  return actor.grants.filter((g) => g.role === 'expert' && g.expertId != null).map((g) => g.expertId as number);
}

/** Whether the actor administers the resource: staff, an officer of its region, or its owner. */
function governs(actor: Actor, r: Resource): boolean {
  if (isStaff(actor)) return true;
  if (officerScopes(actor).some((s) => regionWithin(r.regionCode, s))) return true;
  if (r.organizationId != null && memberOrgs(actor).includes(r.organizationId)) return true;
  if (r.expertId != null && ownExperts(actor).includes(r.expertId)) return true;
  return false;
}

/** The decision. Pure: no I/O, so it can be tested exhaustively. */
export function can(actor: Actor, action: Action, r: Resource = {}): boolean {
  if (actor.grants.some((g) => g.role === 'admin')) return true;
  const staff = isStaff(actor);
  const signedIn = actor.userId != null;
  switch (action) {
    case 'reference:read':
    case 'search:run':
    case 'stats:read':
      return true;
    case 'reference:import':
    case 'user:manage':
      return false; // admin only (handled above)
    case 'audit:read':
      return staff;
    case 'organization:read':
    case 'expert:read':
    case 'achievement:read':
    case 'demandList:read':
    case 'demand:read': {
      if (governs(actor, r)) return true;
      if (r.published === false) return false;
      if (r.confidentiality === 'confidential') return false;
      return true; // 'summary' records are readable, their details are redacted by `seesDetails`
    }
    case 'organization:create':
    case 'demandList:create':
      return staff || (r.regionCode != null && officerScopes(actor).some((s) => regionWithin(r.regionCode, s)));
    case 'expert:create':
    case 'achievement:create':
      return staff
        || (r.regionCode != null && officerScopes(actor).some((s) => regionWithin(r.regionCode, s)))
        || (r.organizationId != null && memberOrgs(actor).includes(r.organizationId));
    case 'demand:create':
      return signedIn && (staff
        || (r.regionCode != null && officerScopes(actor).some((s) => regionWithin(r.regionCode, s)))
        || (r.organizationId != null && memberOrgs(actor).includes(r.organizationId)));
    case 'demand:match':
    case 'organization:update':
    case 'demandList:update':
    case 'achievement:update':
    case 'demand:update':
    case 'expert:update':
      return governs(actor, r);
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Throws FORBIDDEN (or AUTH_REQUIRED for a visitor) unless `can(...)`. */
export function authorize(actor: Actor, action: Action, r: Resource = {}): void {
  if (can(actor, action, r)) return;
  if (actor.userId == null && !everyone.includes(action)) throw new AppError('AUTH_REQUIRED');
  throw new AppError('FORBIDDEN', { action });
}

/** Whether the actor sees a record's full details (contacts, descriptions of 'summary' demands). */
export function seesDetails(actor: Actor, r: Resource): boolean {
  if (actor.grants.some((g) => g.role === 'admin')) return true;
  if (governs(actor, r)) return true;
  return r.confidentiality === 'public' || r.confidentiality === undefined;
}

/**
 * Which rows of a registry the actor may list. `all`: every row. Otherwise rows in one of the
 * actor's scopes are visible whatever their state, and other rows only once published and not
 * confidential.
 */
export type Visibility =
  | { all: true }
  | { all: false; regionPrefixes: string[]; organizationIds: number[]; expertIds: number[] };

export function visibility(actor: Actor): Visibility {
  if (isStaff(actor)) return { all: true };
  return {
    all: false,
    regionPrefixes: officerScopes(actor),
    organizationIds: memberOrgs(actor),
    expertIds: ownExperts(actor),
  };
}

/** A short human label of an actor's scope, e.g. for logs: 'region_officer@640105'. */
export function describeGrants(actor: Actor): string {
  return actor.grants
    .map((g) => g.role + (g.regionCode ? `@${g.regionCode}` : g.organizationId ? `@org:${g.organizationId}` : g.expertId ? `@expert:${g.expertId}` : ''))
    .join(',') || 'public';
}
