import { http } from './http';

export type RoleName = 'admin' | 'operator' | 'region_officer' | 'enterprise_member' | 'expert' | 'reviewer';

export interface RoleAssignment {
  role: RoleName;
  regionCode?: string | null;
  regionName?: string | null;
  organizationId?: number | null;
  organizationName?: string | null;
  expertId?: number | null;
  expertName?: string | null;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  locale: string;
  roles: RoleAssignment[];
}

export interface SessionInfo {
  user: Me;
  csrfToken: string;
}

export const authApi = {
  login: (username: string, password: string) => http.post<SessionInfo>('/auth/login', { username, password }),
  me: () => http.get<SessionInfo>('/auth/me'),
  logout: () => http.post<void>('/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<void>('/auth/password', { currentPassword, newPassword }),
};
