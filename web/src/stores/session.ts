import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi, type Me, type RoleName } from '@/api/auth';
import type { RegistryKind } from '@/api/common';
import { isApiError, setCsrfToken } from '@/api/http';

/**
 * A hint (not a credential: the session cookie is httpOnly) that this browser signed in, so a
 * visitor who never did goes straight to the login page without a failing `/auth/me` request.
 */
const signedInHint = 'shanhai.signedIn';

function readHint(): boolean {
  try {
    return localStorage.getItem(signedInHint) === '1';
  } catch {
    return true;
  }
}

function writeHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(signedInHint, '1');
    else localStorage.removeItem(signedInHint);
  } catch {
    // storage unavailable: every page load asks the server
  }
}

export const useSessionStore = defineStore('session', () => {
  const user = ref<Me | null>(null);
  const loaded = ref(false);
  let loading: Promise<void> | null = null;

  const roles = computed<RoleName[]>(() => user.value?.roles.map((r) => r.role) ?? []);
  const primaryRole = computed(() => user.value?.roles[0] ?? null);

  function hasAnyRole(wanted: readonly RoleName[] | undefined): boolean {
    if (!wanted || wanted.length === 0) return true;
    return roles.value.some((r) => wanted.includes(r));
  }

  /**
   * Whether the user administers a record (mirrors `governs` in server/auth/policy.ts): staff,
   * the officer of its region, a member of its organization, or the expert themself. Used to
   * leave out panels the server would refuse; the server still decides.
   */
  function governs(r: { regionCode?: string | null; organizationId?: number | null; expertId?: number | null }): boolean {
    for (const g of user.value?.roles ?? []) {
      if (g.role === 'admin' || g.role === 'operator') return true;
      if (g.role === 'region_officer' && g.regionCode && r.regionCode?.startsWith(g.regionCode)) return true;
      if (g.role === 'enterprise_member' && g.organizationId != null && g.organizationId === r.organizationId) return true;
      if (g.role === 'expert' && g.expertId != null && g.expertId === r.expertId) return true;
    }
    return false;
  }

  /** Staff: admin or operator (see everything, import, review every demand). */
  const isStaff = computed(() => roles.value.some((r) => r === 'admin' || r === 'operator'));

  /** The organization of an enterprise member (their records belong to it). */
  const ownOrganization = computed(() => {
    const g = user.value?.roles.find((r) => r.role === 'enterprise_member' && r.organizationId != null);
    return g ? { id: g.organizationId as number, name: g.organizationName ?? `#${g.organizationId}` } : null;
  });

  /**
   * Whether the user may create records of a registry (mirrors the `*:create` rules of
   * server/auth/policy.ts): staff and region officers everywhere they govern; enterprise members
   * demands, achievements and experts of their own organization. The server still decides.
   */
  function mayCreate(kind: RegistryKind): boolean {
    for (const g of user.value?.roles ?? []) {
      if (g.role === 'admin' || g.role === 'operator') return true;
      if (g.role === 'region_officer' && g.regionCode) return true;
      if (g.role === 'enterprise_member' && g.organizationId != null && kind !== 'organizations') return true;
    }
    return false;
  }

  /** Whether the user reviews demands of a region (mirrors `reviews` in demand.lifecycle.ts). */
  function reviews(regionCode: string | null | undefined): boolean {
    return (user.value?.roles ?? []).some(
      (g) => g.role === 'admin' || g.role === 'operator' || (g.role === 'region_officer' && !!g.regionCode && !!regionCode && regionCode.startsWith(g.regionCode)),
    );
  }

  function set(me: Me | null, csrf: string | null): void {
    user.value = me;
    setCsrfToken(csrf);
    loaded.value = true;
    writeHint(me !== null);
  }

  /** Asks the server who is signed in, once; later calls reuse the answer. */
  function load(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    if (!readHint()) {
      set(null, null);
      return Promise.resolve();
    }
    loading ??= authApi
      .me()
      .then((r) => set(r.user, r.csrfToken))
      .catch((e: unknown) => {
        if (isApiError(e) && e.status === 401) set(null, null);
        else {
          loading = null;
          throw e;
        }
      });
    return loading;
  }

  async function login(username: string, password: string): Promise<void> {
    const r = await authApi.login(username, password);
    set(r.user, r.csrfToken);
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      clear();
    }
  }

  /** Forgets the user locally (after logout or when the server says the session is gone). */
  function clear(): void {
    set(null, null);
  }

  return { user, loaded, roles, primaryRole, isStaff, ownOrganization, hasAnyRole, governs, mayCreate, reviews, load, login, logout, clear };
});
