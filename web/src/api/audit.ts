import { http, type Page } from './http';

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

export interface AuditParams {
  page?: number;
  pageSize?: number;
  entity?: string;
}

export const auditApi = {
  list: (params: AuditParams, signal?: AbortSignal) => http.get<Page<AuditEntry>>('/audit', { ...params }, signal),
};
