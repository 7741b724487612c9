import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp, backend } from '../helpers/platform.js';
import { multipartFile } from '../helpers/multipart.js';
import type { App } from '../../server/http/app.js';

const roles = ['anon', 'admin', 'operator', 'yinchuan', 'xixia', 'enterprise', 'expert', 'reviewer'] as const;
type Role = (typeof roles)[number];

interface Probe {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  body?: unknown;
  multipart?: { name: string; content: string };
}

/**
 * Every API route, how to call it, and the status each role must get (in the order of `roles`).
 * A route added to the app without a line here fails the first test.
 */
/** A status that depends on whether the enterprise's organization lies in 银川 (6401) / 西夏区 (640105). */
const inCity = (yes: number, no: number) => (ids: Ids) => (ids.ownRegion.startsWith('6401') ? yes : no);
const inCounty = (yes: number, no: number) => (ids: Ids) => (ids.ownRegion.startsWith('640105') ? yes : no);

const matrix: Record<string, { probe: (ids: Ids) => Probe; expect: (number | ((ids: Ids) => number))[] }> = {
  'GET /api/health': { probe: () => ({ method: 'GET', url: '/api/health' }), expect: [200, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/auth/login': {
    probe: () => ({ method: 'POST', url: '/api/auth/login', body: { username: 'reviewer', password: 'Shanhai@2024' } }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  'GET /api/auth/me': { probe: () => ({ method: 'GET', url: '/api/auth/me' }), expect: [401, 200, 200, 200, 200, 200, 200, 200] },
  'POST /api/auth/logout': { probe: () => ({ method: 'POST', url: '/api/auth/logout' }), expect: [204, 204, 204, 204, 204, 204, 204, 204] },
  // a wrong current password proves the request reached the rule, without changing anything
  'POST /api/auth/password': {
    probe: () => ({ method: 'POST', url: '/api/auth/password', body: { currentPassword: 'not-it-1', newPassword: 'Whatever123' } }),
    expect: [401, 400, 400, 400, 400, 400, 400, 400],
  },
  'POST /api/users': {
    probe: (ids) => ({ method: 'POST', url: '/api/users', body: { username: `matrix${ids.seq()}`, displayName: 'x', password: 'Password123', roles: [{ role: 'reviewer' }] } }),
    expect: [401, 201, 403, 403, 403, 403, 403, 403],
  },
  'GET /api/audit': { probe: () => ({ method: 'GET', url: '/api/audit' }), expect: [401, 200, 200, 403, 403, 403, 403, 403] },
  'GET /api/stats/overview': { probe: () => ({ method: 'GET', url: '/api/stats/overview' }), expect: Array(8).fill(200) },
  'GET /api/reference/regions': { probe: () => ({ method: 'GET', url: '/api/reference/regions?parentCode=64' }), expect: Array(8).fill(200) },
  'GET /api/reference/industries': { probe: () => ({ method: 'GET', url: '/api/reference/industries?level=1' }), expect: Array(8).fill(200) },
  'GET /api/reference/disciplines': { probe: () => ({ method: 'GET', url: '/api/reference/disciplines' }), expect: Array(8).fill(200) },
  'GET /api/reference/key-industries': { probe: () => ({ method: 'GET', url: '/api/reference/key-industries' }), expect: Array(8).fill(200) },
  'GET /api/demands': { probe: () => ({ method: 'GET', url: '/api/demands' }), expect: Array(8).fill(200) },
  'GET /api/demands/:id': { probe: (ids) => ({ method: 'GET', url: `/api/demands/${ids.publicDemand}` }), expect: Array(8).fill(200) },
  'GET /api/demand-lists': { probe: () => ({ method: 'GET', url: '/api/demand-lists' }), expect: Array(8).fill(200) },
  'GET /api/demand-lists/:id': { probe: (ids) => ({ method: 'GET', url: `/api/demand-lists/${ids.demandList}` }), expect: Array(8).fill(200) },
  'GET /api/experts': { probe: () => ({ method: 'GET', url: '/api/experts' }), expect: Array(8).fill(200) },
  'GET /api/experts/:id': { probe: (ids) => ({ method: 'GET', url: `/api/experts/${ids.expert}` }), expect: Array(8).fill(200) },
  'GET /api/expert-pools': { probe: () => ({ method: 'GET', url: '/api/expert-pools' }), expect: Array(8).fill(200) },
  'GET /api/achievements': { probe: () => ({ method: 'GET', url: '/api/achievements' }), expect: Array(8).fill(200) },
  'GET /api/achievements/:id': { probe: (ids) => ({ method: 'GET', url: `/api/achievements/${ids.publicAchievement}` }), expect: Array(8).fill(200) },
  'GET /api/organizations': { probe: () => ({ method: 'GET', url: '/api/organizations' }), expect: Array(8).fill(200) },
  'GET /api/organizations/:id': { probe: (ids) => ({ method: 'GET', url: `/api/organizations/${ids.organization}` }), expect: Array(8).fill(200) },
  'GET /api/search': { probe: () => ({ method: 'GET', url: `/api/search?kind=expert&q=${encodeURIComponent('枸杞 干燥')}` }), expect: Array(8).fill(200) },
  'POST /api/match': { probe: () => ({ method: 'POST', url: '/api/match', body: { kind: 'expert', text: '光伏组件积灰清洗' } }), expect: Array(8).fill(200) },
  'POST /api/suggest': { probe: () => ({ method: 'POST', url: '/api/suggest', body: { text: '枸杞烘干过程中褐变严重' } }), expect: Array(8).fill(200) },
  // the enterprise's own demand, in 西夏区 or elsewhere: officers get it only when it lies in their region
  'GET /api/demands/:id/matches': {
    probe: (ids) => ({ method: 'GET', url: `/api/demands/${ids.ownDemand}/matches?kind=expert` }),
    expect: [401, 200, 200, inCity(200, 403), inCounty(200, 403), 200, 403, 403],
  },
  'GET /api/experts/:id/demands': {
    probe: (ids) => ({ method: 'GET', url: `/api/experts/${ids.ownExpert}/demands` }),
    expect: [401, 200, 200, 403, 403, 403, 200, 403],
  },
  'GET /api/organizations/:id/demands': {
    probe: (ids) => ({ method: 'GET', url: `/api/organizations/${ids.ownOrganization}/demands` }),
    expect: [401, 200, 200, inCity(200, 403), inCounty(200, 403), 200, 403, 403],
  },
  'POST /api/organizations': {
    probe: (ids) => ({ method: 'POST', url: '/api/organizations', body: { name: `宁夏测试农业科技有限公司${ids.seq()}`, kind: 'enterprise', region: '宁夏银川市西夏区' } }),
    expect: [401, 201, 201, 201, 201, 403, 403, 403],
  },
  'PATCH /api/organizations/:id': {
    probe: (ids) => ({ method: 'PATCH', url: `/api/organizations/${ids.ownOrganization}`, body: { website: 'https://example.cn' } }),
    expect: [401, 200, 200, inCity(200, 403), inCounty(200, 403), 200, 403, 403],
  },
  'POST /api/experts': {
    probe: (ids) => ({ method: 'POST', url: '/api/experts', body: { name: `测试专家${ids.seq()}`, organizationId: ids.ownOrganization, fields: ['枸杞'] } }),
    expect: [401, 201, 201, inCity(201, 403), inCounty(201, 403), 201, 403, 403],
  },
  'PATCH /api/experts/:id': {
    probe: (ids) => ({ method: 'PATCH', url: `/api/experts/${ids.ownExpert}`, body: { fields: ['枸杞多糖', '功能食品'] } }),
    expect: [401, 200, 200, 403, 403, 403, 200, 403],
  },
  'POST /api/achievements': {
    probe: (ids) => ({ method: 'POST', url: '/api/achievements', body: { title: `枸杞低温干燥装备${ids.seq()}`, summary: '一种枸杞低温热泵干燥装备，能耗降低30%，色泽保持良好。', kind: 'equipment', organizationId: ids.ownOrganization } }),
    expect: [401, 201, 201, inCity(201, 403), inCounty(201, 403), 201, 403, 403],
  },
  'PATCH /api/achievements/:id': {
    probe: (ids) => ({ method: 'PATCH', url: `/api/achievements/${ids.ownAchievement}`, body: { maturity: 6 } }),
    expect: [401, 200, 200, inCity(200, 403), inCounty(200, 403), 200, 403, 403],
  },
  'POST /api/imports/:kind': {
    probe: (ids) => ({ method: 'POST', url: '/api/imports/organizations', multipart: { name: 'o.jsonl', content: JSON.stringify({ ref: `O-M-${ids.seq()}`, name: `矩阵测试单位${ids.seq()}`, region: '640105' }) } }),
    expect: [401, 202, 202, 403, 403, 403, 403, 403],
  },
  'GET /api/templates/:kind': { probe: () => ({ method: 'GET', url: '/api/templates/experts' }), expect: Array(8).fill(200) },
  'POST /api/exports/:kind': {
    probe: () => ({ method: 'POST', url: '/api/exports/demands', body: { format: 'csv', filters: { status: 'published' } } }),
    expect: [401, 202, 202, 202, 202, 202, 202, 202],
  },
  'GET /api/jobs': { probe: () => ({ method: 'GET', url: '/api/jobs' }), expect: [401, 200, 200, 200, 200, 200, 200, 200] },
  // the operator's job: the operator and admin see it; others are told it does not exist
  'GET /api/jobs/:id': { probe: (ids) => ({ method: 'GET', url: `/api/jobs/${ids.operatorJob}` }), expect: [404, 200, 200, 404, 404, 404, 404, 404] },
  'GET /api/jobs/:id/file': { probe: (ids) => ({ method: 'GET', url: `/api/jobs/${ids.operatorJob}/file` }), expect: [404, 404, 404, 404, 404, 404, 404, 404] },
  'POST /api/demands/:id/matches': {
    probe: (ids) => ({ method: 'POST', url: `/api/demands/${ids.ownDemand}/matches`, body: { candidates: [{ kind: 'expert', id: ids.ownExpert }] } }),
    expect: [401, 201, 201, inCity(201, 403), inCounty(201, 403), 403, 403, 403],
  },
  'GET /api/demands/:id/match-records': {
    probe: (ids) => ({ method: 'GET', url: `/api/demands/${ids.ownDemand}/match-records` }),
    expect: [401, 200, 200, inCity(200, 403), inCounty(200, 403), 200, 200, 403],
  },
  'GET /api/matches/mine': { probe: () => ({ method: 'GET', url: '/api/matches/mine' }), expect: [401, 200, 200, 200, 200, 200, 200, 200] },
  'GET /api/matches/:id': {
    probe: (ids) => ({ method: 'GET', url: `/api/matches/${ids.sentMatch}` }),
    expect: [404, 200, 200, inCity(200, 404), inCounty(200, 404), 200, 200, 404],
  },
  // declining without a reason: those who may decline get 400, the owner 403, non-parties 404
  'POST /api/matches/:id/steps': {
    probe: (ids) => ({ method: 'POST', url: `/api/matches/${ids.sentMatch}/steps`, body: { action: 'decline' } }),
    expect: [404, 400, 400, inCity(400, 404), inCounty(400, 404), 403, 400, 404],
  },
  'GET /api/funnel': { probe: () => ({ method: 'GET', url: '/api/funnel' }), expect: [401, 200, 200, 200, 200, 403, 403, 403] },
  'POST /api/demands': {
    probe: (ids) => ({ method: 'POST', url: '/api/demands', body: { title: `枸杞烘干能耗优化需求${ids.seq()}`, description: '我公司枸杞烘干线能耗偏高，希望与高校合作降低单位能耗并保证色泽。', regionCode: '640105' } }),
    expect: [401, 201, 201, 201, 201, 201, 403, 403],
  },
  'PATCH /api/demands/:id': {
    probe: (ids) => ({ method: 'PATCH', url: `/api/demands/${ids.draftDemand}`, body: { keywords: ['烘干', '能耗'] } }),
    expect: [401, 200, 200, inCity(200, 403), inCounty(200, 403), 200, 403, 403],
  },
  // withdrawing needs a reason: roles that may withdraw get 400 (no reason given), the rest 403
  'POST /api/demands/:id/transitions': {
    probe: (ids) => ({ method: 'POST', url: `/api/demands/${ids.draftDemand}/transitions`, body: { action: 'withdraw' } }),
    expect: [403, 400, 400, inCity(400, 403), inCounty(400, 403), 400, 403, 403],
  },
  'GET /api/demands/:id/history': {
    probe: (ids) => ({ method: 'GET', url: `/api/demands/${ids.draftDemand}/history` }),
    expect: [404, 200, 200, inCity(200, 404), inCounty(200, 404), 200, 404, 404],
  },
};

interface Ids {
  /** a sent match between the enterprise's demand and the expert account's profile */
  sentMatch: number;
  /** a job started by the operator (it produced no file) */
  operatorJob: number;
  demandList: number;
  /** an achievement of the enterprise's organization */
  ownAchievement: number;
  /** a draft demand of the enterprise's organization */
  draftDemand: number;
  ownDemand: number;
  ownExpert: number;
  ownOrganization: number;
  /** region of the enterprise's organization: decides the officers' column (-1 银川, -2 西夏区) */
  ownRegion: string;
  publicDemand: number;
  expert: number;
  publicAchievement: number;
  organization: number;
  seq: () => number;
}

describe(`permission matrix over every route (${backend})`, () => {
  let t: Awaited<ReturnType<typeof openTestApp>>;
  let app: App;
  const sessions = new Map<Role, { cookie?: string; csrf?: string }>();
  let ids: Ids;

  async function signIn(role: Role) {
    if (role === 'anon') return {};
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: role, password: 'Shanhai@2024' } });
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: `shanhai_session=${res.cookies[0].value}`, csrf: res.json().csrfToken as string };
  }

  async function call(role: Role, p: Probe) {
    let s = sessions.get(role);
    if (!s) sessions.set(role, (s = await signIn(role)));
    const headers: Record<string, string> = {};
    if (s.cookie) headers.cookie = s.cookie;
    if (s.csrf && p.method !== 'GET') headers['x-csrf-token'] = s.csrf;
    const form = p.multipart ? multipartFile('file', p.multipart.name, p.multipart.content) : undefined;
    const res = await app.inject({ method: p.method, url: p.url, headers: { ...headers, ...form?.headers }, payload: form ? form.payload : (p.body as object | undefined) });
    // logging out ends the session; sign in again next time
    if (p.url === '/api/auth/logout') sessions.delete(role);
    return res;
  }

  beforeAll(async () => {
    t = await openTestApp({ demo: true, config: { LOGIN_RATE_LIMIT: '1000' } });
    app = t.app;
    const db = t.platform.db;
    const one = async (q: ReturnType<typeof sql>) => Number(((await db.execute(q)) as unknown as { rows: { id: number }[] }).rows[0].id);
    let n = 0;
    const own = (await db.execute(sql`select o.id, o.region_code from users u join role_assignments r on r.user_id = u.id join organizations o on o.id = r.organization_id where u.username = 'enterprise'`)) as unknown as { rows: { id: number; region_code: string }[] };
    const ownOrg = own.rows[0];
    ids = {
      operatorJob: await one(sql`insert into jobs (kind, status, user_id) select 'import.experts', 'succeeded', id from users where username = 'operator' returning id`),
      demandList: await one(sql`select id from demand_lists order by id limit 1`),
      draftDemand: await one(sql`insert into demands (title, description, organization_id, region_code, status) values ('枸杞鲜果预冷保鲜技术', '鲜果采后预冷不及时，腐烂率高，需要预冷保鲜技术。', ${ownOrg.id}, ${ownOrg.region_code}, 'draft') returning id`),
      ownAchievement: await one(sql`insert into achievements (title, summary, kind, organization_id, region_code, status) values ('枸杞色泽保持工艺', '一种枸杞干燥过程中的色泽保持工艺。', 'process', ${ownOrg.id}, ${ownOrg.region_code}, 'published') returning id`),
      ownOrganization: ownOrg.id,
      ownRegion: ownOrg.region_code,
      ownDemand: await one(sql`select id from demands where organization_id = ${ownOrg.id} order by id limit 1`),
      ownExpert: await one(sql`select r.expert_id as id from users u join role_assignments r on r.user_id = u.id where u.username = 'expert'`),
      sentMatch: 0,
      publicDemand: await one(sql`select id from demands where confidentiality = 'public' and status = 'published' order by id limit 1`),
      expert: await one(sql`select id from experts order by id limit 1`),
      publicAchievement: await one(sql`select id from achievements where status = 'published' order by id limit 1`),
      organization: await one(sql`select id from organizations order by id limit 1`),
      seq: () => ++n,
    };
    await db.execute(sql`update demands set status = 'published' where id = ${ids.ownDemand}`);
    // another demand of the enterprise carries a match already sent to the expert
    const second = await one(sql`insert into demands (title, description, organization_id, region_code, status) values ('枸杞原浆杀菌风味保持', '原浆杀菌后风味劣变，需要低温杀菌技术。', ${ownOrg.id}, ${ownOrg.region_code}, 'published') returning id`);
    ids.sentMatch = await one(sql`insert into matches (demand_id, candidate_kind, candidate_id, status) values (${second}, 'expert', ${ids.ownExpert}, 'sent') returning id`);
  });
  afterAll(() => t?.close());

  it('lists every route of the app', () => {
    expect([...app.apiRoutes].sort()).toEqual(Object.keys(matrix).sort());
  });

  for (const [route, spec] of Object.entries(matrix)) {
    it(route, async () => {
      const got: number[] = [];
      for (const role of roles) got.push((await call(role, spec.probe(ids))).statusCode);
      const expected = spec.expect.map((e) => (typeof e === 'function' ? e(ids) : e));
      expect(Object.fromEntries(roles.map((r, i) => [r, got[i]]))).toEqual(Object.fromEntries(roles.map((r, i) => [r, expected[i]])));
    });
  }
});

describe(`scopes: who sees which records (${backend})`, () => {
  let t: Awaited<ReturnType<typeof openTestApp>>;
  let app: App;
  const login = async (u: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Shanhai@2024' } });
    return { cookie: `shanhai_session=${res.cookies[0].value}`, me: res.json().user };
  };
  const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.platform.db.execute(q)) as unknown as { rows: T[] }).rows;

  beforeAll(async () => {
    t = await openTestApp({ demo: true });
    app = t.app;
  });
  afterAll(() => t?.close());

  it('a visitor lists only published, non-confidential demands', async () => {
    const res = await app.inject({ url: '/api/demands?pageSize=200' });
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from demands where status in ('published','matched','negotiating','contracted','closed') and confidentiality <> 'confidential'`);
    expect(res.json().total).toBe(n);
    const [{ all }] = await rows<{ all: number }>(sql`select count(*)::int as "all" from demands`);
    expect(n).toBeLessThan(all);
    for (const d of res.json().items) {
      expect(d.confidentiality).not.toBe('confidential');
      expect(['published', 'matched', 'negotiating', 'contracted', 'closed']).toContain(d.status);
    }
  });

  it("a summary-only demand shows a visitor its title, industry and region, not its details", async () => {
    const [d] = await rows<{ id: number }>(sql`select id from demands where confidentiality = 'summary' and status = 'published' order by id limit 1`);
    const res = await app.inject({ url: `/api/demands/${d.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ summaryOnly: true, description: null, organizationName: null, budget: null });
    expect(res.json().title).toBeTruthy();
    const op = await login('operator');
    const full = await app.inject({ url: `/api/demands/${d.id}`, headers: { cookie: op.cookie } });
    expect(full.json().summaryOnly).toBe(false);
    expect(full.json().description.length).toBeGreaterThan(20);
  });

  it("a county officer sees its county's non-public demands and no other county's", async () => {
    const county = await login('xixia');
    const mine = await rows<{ id: number }>(sql`select id from demands where region_code like '640105%' and (confidentiality = 'confidential' or status in ('draft','submitted','returned','withdrawn'))`);
    const others = await rows<{ id: number }>(sql`select id from demands where region_code not like '640105%' and confidentiality = 'confidential'`);
    expect(mine.length, 'demo data has non-public demands in 西夏区').toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    for (const d of mine.slice(0, 5)) {
      expect((await app.inject({ url: `/api/demands/${d.id}`, headers: { cookie: county.cookie } })).statusCode).toBe(200);
    }
    for (const d of others.slice(0, 5)) {
      expect((await app.inject({ url: `/api/demands/${d.id}`, headers: { cookie: county.cookie } })).statusCode).toBe(404);
    }
    const list = await app.inject({ url: '/api/demands?pageSize=200&confidentiality=confidential', headers: { cookie: county.cookie } });
    for (const d of list.json().items) expect(d.regionCode.startsWith('640105')).toBe(true);
  });

  it("an enterprise member sees its own organization's unpublished demands", async () => {
    const member = await login('enterprise');
    const orgId = member.me.roles[0].organizationId;
    const own = await rows<{ id: number }>(sql`select id from demands where organization_id = ${orgId}`);
    expect(own.length).toBeGreaterThan(0);
    const list = await app.inject({ url: `/api/demands?organizationId=${orgId}&pageSize=200`, headers: { cookie: member.cookie } });
    expect(list.json().total).toBe(own.length);
    const anon = await app.inject({ url: `/api/demands?organizationId=${orgId}&pageSize=200` });
    expect(anon.json().total).toBeLessThanOrEqual(own.length);
  });

  it('expert contacts are shown to staff and to the expert, not to visitors', async () => {
    const expert = await login('expert');
    const id = expert.me.roles[0].expertId;
    const anon = await app.inject({ url: `/api/experts/${id}` });
    expect(anon.json()).toMatchObject({ email: null, phone: null, contactsVisible: false });
    expect(anon.json().publications.length).toBeGreaterThanOrEqual(3);
    const self = await app.inject({ url: `/api/experts/${id}`, headers: { cookie: expert.cookie } });
    expect(self.json().contactsVisible).toBe(true);
    expect(self.json().email).toMatch(/@/);
  });

  it("home counts follow the viewer's scope", async () => {
    const op = await login('operator');
    const a = (await app.inject({ url: '/api/stats/overview' })).json();
    const b = (await app.inject({ url: '/api/stats/overview', headers: { cookie: op.cookie } })).json();
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from demands`);
    expect(b.counts.demands).toBe(n);
    expect(a.counts.demands).toBeLessThan(n);
    expect(b.demandsByStatus.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(n);
  });
});
