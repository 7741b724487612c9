import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Query-string paging shared by every list endpoint. */
export const pagingQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** `{items,total,page,pageSize}` around an item schema. */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** `col ILIKE %q%` for each column, OR-ed; `%` and `_` in q are taken literally. */
export function textMatch(q: string | undefined, ...cols: AnyPgColumn[]): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql.join(cols.map((c) => sql`${c} ILIKE ${pattern}`), sql` OR `);
}

/** `col LIKE 'prefix%'` — the region subtree of a code. */
export function regionUnder(col: AnyPgColumn, prefix: string): SQL {
  return sql`${col} LIKE ${prefix.replace(/[\\%_]/g, '') + '%'}`;
}

/** Timestamps travel as ISO 8601 strings; services convert rows with `jsonDates`. */
export const isoDate = z.string();

export type JsonDates<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? JsonDates<U>[]
    : T extends object
      ? { [K in keyof T]: JsonDates<T[K]> }
      : T;

/** Deep copy with every Date turned into its ISO string, typed accordingly. */
export function jsonDates<T>(value: T): JsonDates<T> {
  if (value instanceof Date) return value.toISOString() as JsonDates<T>;
  if (Array.isArray(value)) return value.map(jsonDates) as JsonDates<T>;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonDates(v);
    return out as JsonDates<T>;
  }
  return value as JsonDates<T>;
}

/** ORDER BY the position of each row's id in `ids` (a search ranking), or the given order without ids. */
export function rankOrder(ids: number[] | undefined, idCol: AnyPgColumn, otherwise: SQL[]): SQL[] {
  if (!ids?.length) return otherwise;
  return [sql`array_position(${sql.raw(`ARRAY[${ids.map((n) => Math.trunc(Number(n))).join(',')}]`)}::int[], ${idCol})`];
}
