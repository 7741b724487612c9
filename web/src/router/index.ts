import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Pinia } from 'pinia';
import type { RoleName } from '@/api/auth';
import { onUnauthorized } from '@/api/http';
import { useSessionStore } from '@/stores/session';
import { usePageStore } from '@/stores/page';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (breadcrumb). */
    titleKey?: string;
    /** Reachable without signing in. */
    public?: boolean;
    /** Only these roles may open the page. */
    roles?: readonly RoleName[];
    /** Route name of the breadcrumb parent. */
    parent?: string;
    /** i18n key of a non-link breadcrumb above the page (a menu group). */
    groupKey?: string;
    /** Menu entry to highlight (defaults to the route name). */
    menu?: string;
  }
}

const staff = ['admin', 'operator'] as const;
/** Who may open a create page at all (the server decides on the record itself). */
const creators = ['admin', 'operator', 'region_officer', 'enterprise_member'] as const;
const registrars = ['admin', 'operator', 'region_officer'] as const;

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/LoginView.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
  {
    path: '/',
    component: () => import('@/layouts/MainLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/views/home/HomeView.vue'), meta: { titleKey: 'nav.home' } },
      {
        path: 'demands',
        name: 'demands',
        component: () => import('@/views/demands/DemandListView.vue'),
        meta: { titleKey: 'nav.demands', groupKey: 'nav.demandsGroup' },
      },
      {
        path: 'demands/:id(\\d+)',
        name: 'demand',
        component: () => import('@/views/demands/DemandDetailView.vue'),
        meta: { titleKey: 'demands.detailTitle', parent: 'demands', menu: 'demands' },
      },
      {
        path: 'demands/new',
        name: 'demand-new',
        component: () => import('@/views/demands/DemandFormView.vue'),
        meta: { titleKey: 'demandForm.createTitle', parent: 'demands', menu: 'demands', roles: creators },
      },
      {
        path: 'demands/:id(\\d+)/edit',
        name: 'demand-edit',
        component: () => import('@/views/demands/DemandFormView.vue'),
        meta: { titleKey: 'demandForm.editTitle', parent: 'demands', menu: 'demands' },
      },
      {
        path: 'demand-lists',
        name: 'demand-lists',
        component: () => import('@/views/demand-lists/DemandListsView.vue'),
        meta: { titleKey: 'nav.demandLists', groupKey: 'nav.demandsGroup' },
      },
      {
        path: 'matchmaking',
        name: 'matchmaking',
        component: () => import('@/views/matchmaking/MatchmakingView.vue'),
        meta: { titleKey: 'nav.matchmaking' },
      },
      {
        path: 'experts',
        name: 'experts',
        component: () => import('@/views/experts/ExpertListView.vue'),
        meta: { titleKey: 'nav.experts' },
      },
      {
        path: 'experts/:id(\\d+)',
        name: 'expert',
        component: () => import('@/views/experts/ExpertDetailView.vue'),
        meta: { titleKey: 'experts.detailTitle', parent: 'experts', menu: 'experts' },
      },
      {
        path: 'experts/new',
        name: 'expert-new',
        component: () => import('@/views/experts/ExpertFormView.vue'),
        meta: { titleKey: 'expertForm.createTitle', parent: 'experts', menu: 'experts', roles: creators },
      },
      {
        path: 'experts/:id(\\d+)/edit',
        name: 'expert-edit',
        component: () => import('@/views/experts/ExpertFormView.vue'),
        meta: { titleKey: 'expertForm.editTitle', parent: 'experts', menu: 'experts' },
      },
      {
        path: 'achievements',
        name: 'achievements',
        component: () => import('@/views/achievements/AchievementListView.vue'),
        meta: { titleKey: 'nav.achievements' },
      },
      {
        path: 'achievements/:id(\\d+)',
        name: 'achievement',
        component: () => import('@/views/achievements/AchievementDetailView.vue'),
        meta: { titleKey: 'achievements.detailTitle', parent: 'achievements', menu: 'achievements' },
      },
      {
        path: 'achievements/new',
        name: 'achievement-new',
        component: () => import('@/views/achievements/AchievementFormView.vue'),
        meta: { titleKey: 'achievementForm.createTitle', parent: 'achievements', menu: 'achievements', roles: creators },
      },
      {
        path: 'achievements/:id(\\d+)/edit',
        name: 'achievement-edit',
        component: () => import('@/views/achievements/AchievementFormView.vue'),
        meta: { titleKey: 'achievementForm.editTitle', parent: 'achievements', menu: 'achievements' },
      },
      {
        path: 'organizations',
        name: 'organizations',
        component: () => import('@/views/organizations/OrganizationListView.vue'),
        meta: { titleKey: 'nav.organizations' },
      },
      {
        path: 'organizations/:id(\\d+)',
        name: 'organization',
        component: () => import('@/views/organizations/OrganizationDetailView.vue'),
        meta: { titleKey: 'organizations.detailTitle', parent: 'organizations', menu: 'organizations' },
      },
      {
        path: 'organizations/new',
        name: 'organization-new',
        component: () => import('@/views/organizations/OrganizationFormView.vue'),
        meta: { titleKey: 'organizationForm.createTitle', parent: 'organizations', menu: 'organizations', roles: registrars },
      },
      {
        path: 'organizations/:id(\\d+)/edit',
        name: 'organization-edit',
        component: () => import('@/views/organizations/OrganizationFormView.vue'),
        meta: { titleKey: 'organizationForm.editTitle', parent: 'organizations', menu: 'organizations' },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('@/views/audit/AuditLogView.vue'),
        meta: { titleKey: 'nav.audit', roles: staff },
      },
      {
        path: 'imports',
        name: 'imports',
        component: () => import('@/views/imports/ImportView.vue'),
        meta: { titleKey: 'nav.imports', groupKey: 'nav.dataGroup', roles: staff },
      },
      {
        path: 'jobs',
        name: 'jobs',
        component: () => import('@/views/jobs/JobsView.vue'),
        meta: { titleKey: 'nav.jobs', groupKey: 'nav.dataGroup' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/views/errors/ForbiddenView.vue'),
        meta: { titleKey: 'errors.forbiddenTitle' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/errors/NotFoundView.vue'),
        meta: { titleKey: 'errors.notFoundTitle' },
      },
    ],
  },
];

export function createAppRouter(pinia: Pinia) {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia);
    usePageStore(pinia).reset();
    await session.load();
    if (to.meta.public) {
      if (to.name === 'login' && session.user) return { name: 'home' };
      return true;
    }
    if (!session.user) {
      return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
    }
    if (!session.hasAnyRole(to.meta.roles)) return { name: 'forbidden' };
    return true;
  });

  // After a new release the old page may ask for chunks that no longer exist: load the new app.
  router.onError((err: Error, to) => {
    const stale = /dynamically imported module|Importing a module script failed|Failed to load module script/i.test(err.message);
    const key = 'shanhai.reloadedFor';
    if (stale && sessionStorage.getItem(key) !== to.fullPath) {
      sessionStorage.setItem(key, to.fullPath);
      window.location.assign(to.fullPath);
    }
  });

  // A request that finds the session gone sends the user back to the login page.
  onUnauthorized(() => {
    const session = useSessionStore(pinia);
    if (!session.user) return;
    session.clear();
    const current = router.currentRoute.value;
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  });

  return router;
}
