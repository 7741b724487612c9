import fs from 'node:fs';
import path from 'node:path';
import type { RequestContext } from '../../auth/context.js';
import { writeXlsx } from '../../documents/xlsx/export.js';
import { writeCsv } from '../../documents/csv/export.js';
import type { RegistryDeps } from '../shared/deps.js';
import { listDemands } from '../demands/demand.service.js';
import { listExperts } from '../experts/expert.service.js';
import { listAchievements } from '../achievements/achievement.service.js';
import { listOrganizations } from '../organizations/organization.service.js';
import type { ImportKind } from './import.schema.js';
import { AppError } from '../../errors.js';
import { demandListQuery } from '../demands/demand.schema.js';
import { expertListQuery } from '../experts/expert.schema.js';
import { achievementListQuery } from '../achievements/achievement.schema.js';
import { organizationListQuery } from '../organizations/organization.schema.js';
import { sheets } from './sheets.js';
import { sheetRows } from './import.repo.js';

const queries = {
  demands: demandListQuery,
  experts: expertListQuery,
  achievements: achievementListQuery,
  organizations: organizationListQuery,
} as const;

const lists = {
  demands: listDemands,
  experts: listExperts,
  achievements: listAchievements,
  organizations: listOrganizations,
} as const;

/** Ids of every row of a filtered list the actor may see, in the list's order. */
async function allIds(deps: RegistryDeps, ctx: RequestContext, kind: ImportKind, query: Record<string, unknown>): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const list = lists[kind] as (d: RegistryDeps, c: RequestContext, q: never) => Promise<{ items: { id: number }[]; total: number }>;
    const { items, total } = await list(deps, ctx, { ...query, page, pageSize: 1000 } as never);
    ids.push(...items.map((i) => i.id));
    if (!items.length || ids.length >= total) return ids;
  }
}

/**
 * Writes a filtered registry list to XLSX or CSV with the template's headers, so the file can be
 * edited and imported back. Returns the file's path relative to `filesDir` and the row count.
 */
export async function exportRegistry(
  deps: RegistryDeps & { filesDir: string },
  ctx: RequestContext,
  kind: ImportKind,
  format: 'xlsx' | 'csv',
  query: Record<string, unknown>,
  progress?: (fraction: number, message?: string) => void,
): Promise<{ file: string; rows: number }> {
  // The list page's own query string: the same parsing, so the export holds what the page showed.
  const parsed = queries[kind].safeParse(query);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: `filters.${i.path.join('.')}`, message: i.message }));
    throw new AppError('VALIDATION_FAILED', { detail: fields.map((f) => f.path).join(', ') }, fields);
  }
  const { page: _page, pageSize: _size, ...filters } = parsed.data as Record<string, unknown>;
  const ids = await allIds(deps, ctx, kind, filters);
  progress?.(0.2, `${ids.length} rows`);
  const spec = sheets[kind];
  const stamp = new Date().toISOString().slice(0, 10);
  const file = path.join('exports', `${spec.sheet.zh}-${stamp}-${Date.now()}.${format}`);
  fs.mkdirSync(path.join(deps.filesDir, 'exports'), { recursive: true });
  const out = path.join(deps.filesDir, file);
  const chunk = 1000;
  async function* rows() {
    for (let i = 0; i < ids.length; i += chunk) {
      yield* await sheetRows(deps.db, kind, ids.slice(i, i + chunk));
      progress?.(0.2 + 0.8 * Math.min(1, (i + chunk) / Math.max(1, ids.length)));
    }
  }
  const locale = ctx.locale === 'en' ? 'en' : 'zh';
  const n = format === 'xlsx' ? await writeXlsx(spec, rows(), out, { locale }) : await writeCsv(spec, rows(), out, { locale });
  return { file, rows: n };
}
