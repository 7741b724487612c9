import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import type { RoleName } from '../db/schema/users.js';
import * as repo from './auth.repo.js';
import { recordAudit } from './audit.js';
import type { RequestContext } from './context.js';
import { assertStrongPassword, hashPassword, verifyPassword } from './password.js';
import type { Actor, RoleGrant } from './policy.js';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  locale: string;
  roles: {
    role: RoleName;
    regionCode?: string;
    regionName?: string;
    organizationId?: number;
    organizationName?: string;
    expertId?: number;
    expertName?: string;
  }[];
}

export interface SessionInfo {
  actor: Actor;
  me: Me;
  csrfToken: string;
  tokenHash: string;
}

export const sessionCookieName = 'shanhai_session';

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A hash made once so failed logins for unknown users cost the same time as for known ones. */
let decoyHash: Promise<string> | undefined;

async function presentMe(db: Database, user: repo.UserRow, grants: repo.GrantRow[]): Promise<Me> {
  const names = await repo.scopeNames(db, grants);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale,
    roles: grants.map((g) => ({
      role: g.role,
      ...(g.regionCode ? { regionCode: g.regionCode, regionName: names.region.get(g.regionCode) } : {}),
      ...(g.organizationId != null ? { organizationId: g.organizationId, organizationName: names.organization.get(g.organizationId) } : {}),
      ...(g.expertId != null ? { expertId: g.expertId, expertName: names.expert.get(g.expertId) } : {}),
    })),
  };
}

function toActor(user: repo.UserRow, grants: repo.GrantRow[]): Actor {
  return {
    userId: user.id,
    username: user.username,
    grants: grants.map<RoleGrant>((g) => ({ role: g.role, regionCode: g.regionCode, organizationId: g.organizationId, expertId: g.expertId })),
  };
}

export interface LoginInput {
  username: string;
  password: string;
  ip?: string;
  userAgent?: string;
  ttlMs: number;
}

/** Checks the password and opens a session. Returns the raw token for the cookie. */
export async function login(db: Database, input: LoginInput): Promise<{ token: string; session: SessionInfo }> {
  const user = await repo.findUserByUsername(db, input.username.trim());
  if (!user) {
    decoyHash ??= hashPassword('decoy-password-1');
    await verifyPassword(await decoyHash, input.password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new AppError('AUTH_INVALID_CREDENTIALS');
  if (!user.active) throw new AppError('AUTH_ACCOUNT_DISABLED');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await repo.deleteExpiredSessions(db, now);
  await repo.insertSession(db, {
    tokenHash: sha256(token),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(now.getTime() + input.ttlMs),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  await repo.updateUser(db, user.id, { lastLoginAt: now });
  const grants = await repo.grantsOf(db, user.id);
  const actor = toActor(user, grants);
  await recordAudit(db, { actor, locale: 'zh-CN', ip: input.ip }, { action: 'login', entity: 'user', entityId: user.id });
  return { token, session: { actor, me: await presentMe(db, user, grants), csrfToken, tokenHash: sha256(token) } };
}

/** The session behind a cookie token, or null when missing, expired or the user is disabled. */
export async function resolveSession(db: Database, token: string | undefined): Promise<SessionInfo | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = sha256(token);
  const row = await repo.findLiveSession(db, tokenHash, new Date());
  if (!row) return null;
  const user = await repo.findUserById(db, row.userId);
  if (!user || !user.active) return null;
  const grants = await repo.grantsOf(db, user.id);
  return { actor: toActor(user, grants), me: await presentMe(db, user, grants), csrfToken: row.csrfToken, tokenHash };
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(db: Database, ctx: RequestContext, tokenHash: string): Promise<void> {
  await repo.deleteSession(db, tokenHash);
  await recordAudit(db, ctx, { action: 'logout', entity: 'user', entityId: ctx.actor.userId });
}

/** Changes the password and closes the user's other sessions. */
export async function changePassword(
  db: Database,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string; keepTokenHash?: string },
): Promise<void> {
  if (ctx.actor.userId == null) throw new AppError('AUTH_REQUIRED');
  const user = await repo.findUserById(db, ctx.actor.userId);
  if (!user) throw new AppError('AUTH_REQUIRED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('AUTH_WRONG_PASSWORD', {}, [{ path: 'currentPassword', message: 'wrong' }]);
  }
  assertStrongPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx as unknown as Database, user.id, { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() });
    await repo.deleteSessionsOfUser(tx as unknown as Database, user.id, input.keepTokenHash);
    await recordAudit(tx as unknown as Database, ctx, { action: 'password.change', entity: 'user', entityId: user.id });
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  email?: string;
  roles: { role: RoleName; regionCode?: string; organizationId?: number; expertId?: number }[];
}

/** Creates a user with roles (admin only through the policy at the front door). */
export async function createUser(db: Database, ctx: RequestContext, input: NewUser): Promise<Me> {
  if (!/^[A-Za-z0-9_.-]{3,40}$/.test(input.username)) {
    throw new AppError('VALIDATION_FAILED', { detail: 'username' }, [{ path: 'username', message: '3–40 letters, digits, _ . -' }]);
  }
  if (await repo.findUserByUsername(db, input.username)) {
    throw new AppError('DUPLICATE', { entity: 'user', detail: input.username }, [{ path: 'username', message: 'taken' }]);
  }
  assertStrongPassword(input.password);
  for (const r of input.roles) {
    if (r.role === 'region_officer' && !r.regionCode) throw new AppError('VALIDATION_FAILED', { detail: 'region_officer needs regionCode' }, [{ path: 'regionCode', message: 'required' }]);
    if (r.role === 'enterprise_member' && r.organizationId == null) throw new AppError('VALIDATION_FAILED', { detail: 'enterprise_member needs organizationId' }, [{ path: 'organizationId', message: 'required' }]);
    if (r.role === 'expert' && r.expertId == null) throw new AppError('VALIDATION_FAILED', { detail: 'expert needs expertId' }, [{ path: 'expertId', message: 'required' }]);
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const user = await repo.insertUser(tx, { username: input.username, displayName: input.displayName, passwordHash, email: input.email ?? null });
    const grants: repo.GrantRow[] = [];
    for (const r of input.roles) {
      grants.push(await repo.insertGrant(tx, { userId: user.id, role: r.role, regionCode: r.regionCode ?? null, organizationId: r.organizationId ?? null, expertId: r.expertId ?? null }));
    }
    await recordAudit(tx, ctx, { action: 'create', entity: 'user', entityId: user.id, after: { ...user, roles: input.roles } });
    return presentMe(tx, user, grants);
  });
}
