import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp, backend } from '../helpers/platform.js';
import type { App } from '../../server/http/app.js';

describe(`matchmaking from recommendation to contract (${backend})`, () => {
  let t: Awaited<ReturnType<typeof openTestApp>>;
  let app: App;
  const as: Record<string, { cookie: string; csrf: string }> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { cookie: as[who].cookie, 'x-csrf-token': as[who].csrf } });
  const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.platform.db.execute(q)) as unknown as { rows: T[] }).rows;

  beforeAll(async () => {
    t = await openTestApp({ demo: true, config: { LOGIN_RATE_LIMIT: '100' } });
    app = t.app;
    // a second expert account, for the candidate who declines
    const [other] = await rows<{ id: number }>(sql`select id from experts where ref <> 'EXP-0001' and key_industries @> '["T02"]'::jsonb order by id limit 1`);
    const { createUser } = await import('../../server/auth/auth.service.js');
    const { systemContext } = await import('../../server/auth/context.js');
    await createUser(t.platform.db, systemContext(), { username: 'expert2', displayName: '专家二', password: 'Shanhai@2024', roles: [{ role: 'expert', expertId: other.id }] });
    for (const u of ['operator', 'enterprise', 'expert', 'expert2', 'reviewer']) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Shanhai@2024' } });
      as[u] = { cookie: `shanhai_session=${r.cookies[0].value}`, csrf: r.json().csrfToken };
    }
  });
  afterAll(() => t?.close());

  it('follows two candidates: one declines with a reason, one accepts, meets and signs', async () => {
    // a demand of the enterprise's own organization, published
    const [demand] = await rows<{ id: number }>(sql`update demands set status = 'published' where id = (select d.id from demands d join role_assignments r on r.organization_id = d.organization_id join users u on u.id = r.user_id where u.username = 'enterprise' order by d.id limit 1) returning id`);
    const [{ id: e1 }] = await rows<{ id: number }>(sql`select r.expert_id as id from role_assignments r join users u on u.id = r.user_id where u.username = 'expert'`);
    const [{ id: e2 }] = await rows<{ id: number }>(sql`select r.expert_id as id from role_assignments r join users u on u.id = r.user_id where u.username = 'expert2'`);
    const funnelBefore = (await call('operator', 'GET', '/api/funnel')).json()[0];

    // only brokers shortlist
    expect((await call('enterprise', 'POST', `/api/demands/${demand.id}/matches`, { candidates: [{ kind: 'expert', id: e1 }] })).statusCode).toBe(403);
    const made = await call('operator', 'POST', `/api/demands/${demand.id}/matches`, { candidates: [{ kind: 'expert', id: e1 }, { kind: 'expert', id: e2 }] });
    expect(made.statusCode, made.body).toBe(201);
    const [m1, m2] = made.json() as { id: number; status: string; actions: string[] }[];
    expect(m1.status).toBe('proposed');
    expect(m1.actions).toContain('send');

    // the expert cannot answer before the match is sent, and cannot send it
    expect((await call('expert', 'POST', `/api/matches/${m1.id}/steps`, { action: 'accept' })).statusCode).toBe(409);
    for (const m of [m1, m2]) expect((await call('operator', 'POST', `/api/matches/${m.id}/steps`, { action: 'send' })).statusCode).toBe(200);
    // an expert cannot answer for a colleague (not a party: the match does not exist for them)
    expect((await call('expert2', 'POST', `/api/matches/${m1.id}/steps`, { action: 'accept' })).statusCode).toBe(404);
    // the demand's owner is a party, but may not answer for the candidate
    expect((await call('enterprise', 'POST', `/api/matches/${m1.id}/steps`, { action: 'accept' })).statusCode).toBe(403);
    expect((await call('reviewer', 'GET', `/api/matches/${m1.id}`)).statusCode).toBe(404);

    const mine = await call('expert', 'GET', '/api/matches/mine');
    expect(mine.json().map((m: { id: number }) => m.id)).toContain(m1.id);

    const noReason = await call('expert2', 'POST', `/api/matches/${m2.id}/steps`, { action: 'decline' });
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    const declined = await call('expert2', 'POST', `/api/matches/${m2.id}/steps`, { action: 'decline', declineReason: 'no_capacity', notes: '本季度项目已满' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'no_capacity', declineNote: '本季度项目已满' });

    const accepted = await call('expert', 'POST', `/api/matches/${m1.id}/steps`, { action: 'accept', notes: '可以对接' });
    expect(accepted.json().status).toBe('accepted');
    // the demand follows: it is now matched
    expect((await call('operator', 'GET', `/api/demands/${demand.id}`)).json().status).toBe('matched');
    // the workload the engine sees is the expert's open matches
    const index = await t.platform.index();
    const [{ n: open }] = await rows<{ n: number }>(sql`select count(*)::int as n from matches where candidate_kind = 'expert' and candidate_id = ${e1} and status in ('sent','accepted','meeting','agreement')`);
    expect(open).toBeGreaterThan(0);
    // the 枸杞 expert is among the recommendations for the 枸杞 enterprise's demand, carrying its workload
    const recs = await call('operator', 'GET', `/api/demands/${demand.id}/matches?kind=expert&limit=100`);
    const hit = recs.json().hits.find((h: { id: number }) => h.id === e1);
    expect(hit, 'expert among the recommendations').toBeTruthy();
    expect(hit.reasons.find((r: { signal: string }) => r.signal === 'load')?.load).toBe(open);
    expect(index.engine.size('expert')).toBeGreaterThan(0);
    // candidates already matched are marked, not hidden
    expect(hit.matchStatus).toBe('accepted');
    expect(recs.json().weights).toMatchObject({ outcomeDeclined: expect.any(Number) });

    // a decline teaches: on another demand of the same key industry the expert who declined ranks lower, visibly
    const [another] = await rows<{ id: number }>(sql`select id from demands where status = 'published' and id <> ${demand.id} and key_industry = (select key_industry from demands where id = ${demand.id}) order by id limit 1`);
    const other = await call('operator', 'GET', `/api/demands/${another.id}/matches?kind=expert&limit=100`);
    const e2hit = other.json().hits.find((h: { id: number }) => h.id === e2);
    expect(e2hit, 'the declining expert is still recommended elsewhere').toBeTruthy();
    const outcome = e2hit.reasons.find((r: { signal: string }) => r.signal === 'outcome');
    expect(outcome).toMatchObject({ outcome: 'declined', count: 1 });
    expect(outcome.contribution).toBeLessThan(0);
    const sum = e2hit.reasons.reduce((a: number, r: { contribution: number }) => a + r.contribution, 0);
    expect(sum).toBeCloseTo(e2hit.score, 9);

    expect((await call('enterprise', 'POST', `/api/matches/${m1.id}/steps`, { action: 'meet', notes: '线上会议，确定技术路线' })).statusCode).toBe(200);
    expect((await call('enterprise', 'POST', `/api/matches/${m1.id}/steps`, { action: 'agree', notes: '签订意向书' })).statusCode).toBe(200);
    // skipping is impossible, and only a broker records the contract
    expect((await call('enterprise', 'POST', `/api/matches/${m1.id}/steps`, { action: 'contract', contract: { type: '开发', amount: 80, signedOn: '2026-11-20' } })).statusCode).toBe(403);
    const signed = await call('operator', 'POST', `/api/matches/${m1.id}/steps`, { action: 'contract', notes: '技术开发合同', contract: { type: '开发', amount: 80, signedOn: '2026-11-20', registrationNo: '2026640100001' } });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().contract).toMatchObject({ type: '开发', amount: 80 });
    expect(signed.json().events.map((e: { action: string }) => e.action)).toEqual(['propose', 'send', 'accept', 'meet', 'agree', 'contract']);
    expect((await call('operator', 'GET', `/api/demands/${demand.id}`)).json().status).toBe('contracted');

    const funnelAfter = (await call('operator', 'GET', '/api/funnel')).json()[0];
    expect(funnelAfter.matched - funnelBefore.matched).toBe(1);
    expect(funnelAfter.contracted - funnelBefore.contracted).toBe(1);
    expect(funnelAfter.contractAmount - funnelBefore.contractAmount).toBeCloseTo(80, 6);
  });

  it('funnel figures agree with a count made by hand from the ledger', async () => {
    const res = await call('operator', 'GET', '/api/funnel?group=region');
    const byGroup = new Map(res.json().map((r: { group: string }) => [r.group, r]));
    // recount in plain code from the raw tables
    const ds = await rows<{ id: number; region_code: string; status: string }>(sql`select id, region_code, status from demands`);
    const ev = await rows<{ demand_id: number; to_status: string }>(sql`select m.demand_id, e.to_status from match_events e join matches m on m.id = e.match_id`);
    const cs = await rows<{ demand_id: number; amount: number }>(sql`select demand_id, amount from contracts`);
    const published = ds.filter((d) => ['published', 'matched', 'negotiating', 'contracted', 'closed'].includes(d.status));
    const groups = new Map<string, { published: number; matched: number; accepted: number; contracted: number; amount: number }>();
    for (const d of published) {
      const g = d.region_code.slice(0, 4);
      const s = groups.get(g) ?? { published: 0, matched: 0, accepted: 0, contracted: 0, amount: 0 };
      s.published++;
      if (ev.some((e) => e.demand_id === d.id && e.to_status === 'sent')) s.matched++;
      if (ev.some((e) => e.demand_id === d.id && e.to_status === 'accepted')) s.accepted++;
      if (cs.some((c) => c.demand_id === d.id)) s.contracted++;
      s.amount += cs.filter((c) => c.demand_id === d.id).reduce((a, c) => a + Number(c.amount), 0);
      groups.set(g, s);
    }
    expect(byGroup.size).toBe(groups.size);
    for (const [g, s] of groups) {
      expect(byGroup.get(g), g).toMatchObject({ published: s.published, matched: s.matched, accepted: s.accepted, contracted: s.contracted });
      expect((byGroup.get(g) as { contractAmount: number }).contractAmount).toBeCloseTo(s.amount, 6);
    }
  });

  it("an officer's funnel is its own region's", async () => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xixia', password: 'Shanhai@2024' } });
    const cookie = `shanhai_session=${r.cookies[0].value}`;
    const res = await app.inject({ url: '/api/funnel?region=6403', headers: { cookie } });
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from demands where region_code like '640105%' and status in ('published','matched','negotiating','contracted','closed')`);
    expect(res.json()[0]?.published ?? 0).toBe(n);
    expect((await call('expert', 'GET', '/api/funnel')).statusCode).toBe(403);
  });
});
