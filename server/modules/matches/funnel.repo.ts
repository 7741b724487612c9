import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

export interface FunnelFilters {
  /** Region code prefix of the demand (a city, a county). */
  region?: string;
  keyIndustry?: string;
  listId?: number;
  /** Demands created from / to (ISO dates, inclusive). */
  from?: string;
  to?: string;
}

export type FunnelGroup = 'none' | 'region' | 'keyIndustry' | 'list' | 'year' | 'month';

export interface FunnelRow {
  group: string | null;
  published: number;
  matched: number;
  accepted: number;
  meeting: number;
  contracted: number;
  contractAmount: number;
  /** Median days: publication → first match sent, sent → accepted, accepted → first meeting, meeting → contract. */
  daysToMatch: number | null;
  daysToAccept: number | null;
  daysToMeeting: number | null;
  daysToContract: number | null;
}

/**
 * The matchmaking funnel, computed from the ledger (demands, match events, contracts): for each
 * group, how many published demands reached a sent match, an acceptance, a meeting and a contract,
 * the contract amount, and the median days between the stages. "Reached" means a match of the demand
 * was ever moved to that status, so a later decline or stall does not erase a meeting that happened.
 */
export async function funnel(db: Database, f: FunnelFilters, group: FunnelGroup, visible: SQL | undefined): Promise<FunnelRow[]> {
  const groupExpr =
    group === 'region' ? sql`substr(d.region_code, 1, 4)`
    : group === 'keyIndustry' ? sql`d.key_industry`
    : group === 'list' ? sql`d.list_id::text`
    : group === 'year' ? sql`to_char(d.created_at at time zone 'Asia/Shanghai', 'YYYY')`
    : group === 'month' ? sql`to_char(d.created_at at time zone 'Asia/Shanghai', 'YYYY-MM')`
    : sql`null::text`;
  const where = sql.join(
    [
      sql`d.status in ('published','matched','negotiating','contracted','closed')`,
      f.region ? sql`d.region_code like ${f.region.replace(/\D/g, '') + '%'}` : undefined,
      f.keyIndustry ? sql`d.key_industry = ${f.keyIndustry}` : undefined,
      f.listId ? sql`d.list_id = ${f.listId}` : undefined,
      f.from ? sql`d.created_at >= ${f.from}::date` : undefined,
      f.to ? sql`d.created_at < (${f.to}::date + 1)` : undefined,
      visible,
    ].filter((x): x is SQL => !!x),
    sql` and `,
  );
  const res = await db.execute(sql`
    with d as (select * from demands), stage as (
      select d.id, ${groupExpr} as grp, d.created_at as published_at,
        (select min(e.at) from match_events e join matches m on m.id = e.match_id where m.demand_id = d.id and e.to_status = 'sent') as sent_at,
        (select min(e.at) from match_events e join matches m on m.id = e.match_id where m.demand_id = d.id and e.to_status = 'accepted') as accepted_at,
        (select min(e.at) from match_events e join matches m on m.id = e.match_id where m.demand_id = d.id and e.to_status = 'meeting') as meeting_at,
        (select min(c.created_at) from contracts c where c.demand_id = d.id) as contracted_at,
        (select coalesce(sum(c.amount), 0) from contracts c where c.demand_id = d.id) as amount
      from d where ${where}
    )
    select grp as "group",
      count(*)::int as published,
      count(sent_at)::int as matched,
      count(accepted_at)::int as accepted,
      count(meeting_at)::int as meeting,
      count(contracted_at)::int as contracted,
      coalesce(sum(amount), 0)::float8 as "contractAmount",
      percentile_cont(0.5) within group (order by extract(epoch from sent_at - published_at) / 86400) as "daysToMatch",
      percentile_cont(0.5) within group (order by extract(epoch from accepted_at - sent_at) / 86400) as "daysToAccept",
      percentile_cont(0.5) within group (order by extract(epoch from meeting_at - accepted_at) / 86400) as "daysToMeeting",
      percentile_cont(0.5) within group (order by extract(epoch from contracted_at - meeting_at) / 86400) as "daysToContract"
    from stage group by grp order by grp nulls first`);
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  const num = (v: unknown) => (v == null ? null : Number(v));
  return rows.map((r) => ({
    group: (r.group as string | null) ?? null,
    published: Number(r.published),
    matched: Number(r.matched),
    accepted: Number(r.accepted),
    meeting: Number(r.meeting),
    contracted: Number(r.contracted),
    contractAmount: Number(r.contractAmount),
    daysToMatch: num(r.daysToMatch),
    daysToAccept: num(r.daysToAccept),
    daysToMeeting: num(r.daysToMeeting),
    daysToContract: num(r.daysToContract),
  }));
}
