import { and, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Visibility } from '../../auth/policy.js';
import { regionUnder } from './listing.js';

/**
 * SQL form of `visibility(actor)`: rows in one of the actor's scopes, or rows that are public.
 * `publicRows` is the registry's own notion of "anyone may list it".
 */
export function visibleRows(
  v: Visibility,
  cols: { region: AnyPgColumn; organization?: AnyPgColumn; expert?: AnyPgColumn },
  publicRows: SQL | undefined,
): SQL | undefined {
  if (v.all) return undefined;
  const scoped: (SQL | undefined)[] = [
    ...v.regionPrefixes.map((p) => regionUnder(cols.region, p)),
    cols.organization && v.organizationIds.length ? inArray(cols.organization, v.organizationIds) : undefined,
    cols.expert && v.expertIds.length ? inArray(cols.expert, v.expertIds) : undefined,
  ];
  return or(publicRows ?? sql`true`, ...scoped);
}

export { and };
