import type { Component } from 'vue';
import { Collection, Connection, DataBoard, Document, Files, List, Medal, OfficeBuilding, Reading, Tickets, Upload, UserFilled } from '@element-plus/icons-vue';
import type { RoleName } from '@/api/auth';

/**
 * The side navigation. One entry per module that exists; adding a module is one line here plus
 * its route. `route` is a route name; `roles` hides the entry from everyone else.
 */
export interface MenuItem {
  key: string;
  titleKey: string;
  icon?: Component;
  route?: string;
  roles?: readonly RoleName[];
  children?: MenuItem[];
}

export const menu: MenuItem[] = [
  { key: 'home', titleKey: 'nav.home', icon: DataBoard, route: 'home' },
  {
    key: 'demands-group',
    titleKey: 'nav.demandsGroup',
    icon: Document,
    children: [
      { key: 'demands', titleKey: 'nav.demands', icon: Reading, route: 'demands' },
      { key: 'demand-lists', titleKey: 'nav.demandLists', icon: List, route: 'demand-lists' },
    ],
  },
  { key: 'matchmaking', titleKey: 'nav.matchmaking', icon: Connection, route: 'matchmaking' },
  { key: 'experts', titleKey: 'nav.experts', icon: UserFilled, route: 'experts' },
  { key: 'achievements', titleKey: 'nav.achievements', icon: Medal, route: 'achievements' },
  { key: 'organizations', titleKey: 'nav.organizations', icon: OfficeBuilding, route: 'organizations' },
  {
    key: 'data-group',
    titleKey: 'nav.dataGroup',
    icon: Files,
    children: [
      { key: 'imports', titleKey: 'nav.imports', icon: Upload, route: 'imports', roles: ['admin', 'operator'] },
      { key: 'jobs', titleKey: 'nav.jobs', icon: Tickets, route: 'jobs' },
    ],
  },
  { key: 'audit', titleKey: 'nav.audit', icon: Collection, route: 'audit', roles: ['admin', 'operator'] },
];

/** The menu as the given roles may see it (groups with no visible child disappear). */
export function visibleMenu(items: MenuItem[], allowed: (roles?: readonly RoleName[]) => boolean): MenuItem[] {
  const out: MenuItem[] = [];
  for (const item of items) {
    if (!allowed(item.roles)) continue;
    if (item.children) {
      const children = visibleMenu(item.children, allowed);
      if (children.length) out.push({ ...item, children });
    } else out.push(item);
  }
  return out;
}
