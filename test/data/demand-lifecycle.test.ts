import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp, backend } from '../helpers/platform.js';
import type { App } from '../../server/http/app.js';

describe(`a demand from draft to published, through the API (${backend})`, () => {
  let t: Awaited<ReturnType<typeof openTestApp>>;
  let app: App;
  const as: Record<string, { cookie: string; csrf: string; me: { roles: { organizationId?: number }[] } }> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: who === 'anon' ? {} : { cookie: as[who].cookie, 'x-csrf-token': as[who].csrf } });

  beforeAll(async () => {
    t = await openTestApp({ demo: true, config: { LOGIN_RATE_LIMIT: '100' } });
    app = t.app;
    for (const u of ['operator', 'enterprise', 'expert']) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'Shanhai@2024' } });
      as[u] = { cookie: `shanhai_session=${r.cookies[0].value}`, csrf: r.json().csrfToken, me: r.json().user };
    }
  });
  afterAll(() => t?.close());

  it('runs the whole review loop with its history, and flags a duplicate', async () => {
    const body = { title: '枸杞鲜果采后预冷与保鲜技术', description: '我公司每年收购鲜果2000吨，采后预冷不及时导致腐烂率达15%，希望合作开发预冷保鲜工艺。', keywords: ['预冷', '保鲜'], keyIndustry: 'T02', budget: 80 };
    const created = await call('enterprise', 'POST', '/api/demands', body);
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json().demand;
    expect(d).toMatchObject({ status: 'draft', organizationId: as.enterprise.me.roles[0].organizationId });
    expect(created.json().actions).toEqual(['submit', 'withdraw']);

    // the same need entered twice is flagged
    const twice = await call('enterprise', 'POST', '/api/demands', { ...body, title: '枸杞鲜果采后预冷及保鲜技术' });
    expect(twice.json().duplicates.map((x: { id: number }) => x.id)).toContain(d.id);

    // a visitor cannot see a draft
    expect((await call('anon', 'GET', `/api/demands/${d.id}`)).statusCode).toBe(404);
    // the enterprise cannot publish its own demand
    expect((await call('enterprise', 'POST', `/api/demands/${d.id}/transitions`, { action: 'publish' })).statusCode).toBe(409);
    expect((await call('enterprise', 'POST', `/api/demands/${d.id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    expect((await call('enterprise', 'POST', `/api/demands/${d.id}/transitions`, { action: 'publish' })).statusCode).toBe(403);
    // once submitted, the owner can no longer edit
    const locked = await call('enterprise', 'PATCH', `/api/demands/${d.id}`, { budget: 90 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('DEMAND_NOT_EDITABLE');

    const noReason = await call('operator', 'POST', `/api/demands/${d.id}/transitions`, { action: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    const returned = await call('operator', 'POST', `/api/demands/${d.id}/transitions`, { action: 'return', reason: '请补充预期技术指标' });
    expect(returned.json().demand.status).toBe('returned');

    const edited = await call('enterprise', 'PATCH', `/api/demands/${d.id}`, { description: `${body.description}预期腐烂率降至5%以下。` });
    expect(edited.statusCode).toBe(200);
    await call('enterprise', 'POST', `/api/demands/${d.id}/transitions`, { action: 'submit' });
    const published = await call('operator', 'POST', `/api/demands/${d.id}/transitions`, { action: 'publish' });
    expect(published.json().demand.status).toBe('published');

    // published: public, searchable at once
    expect((await call('anon', 'GET', `/api/demands/${d.id}`)).statusCode).toBe(200);
    const found = await call('anon', 'GET', `/api/demands?q=${encodeURIComponent('预冷保鲜')}`);
    expect(found.json().items.map((x: { id: number }) => x.id)).toContain(d.id);

    const history = await call('enterprise', 'GET', `/api/demands/${d.id}/history`);
    expect(history.json().items.map((e: { action: string; toStatus: string }) => `${e.action}:${e.toStatus}`)).toEqual([
      'create:draft', 'submit:submitted', 'return:returned', 'submit:submitted', 'publish:published',
    ]);
    expect(history.json().items[2]).toMatchObject({ reason: '请补充预期技术指标', username: 'operator' });

    const audit = await call('operator', 'GET', `/api/audit?entity=demand&entityId=${d.id}&pageSize=50`);
    expect(audit.json().items.map((a: { action: string }) => a.action).reverse()).toEqual([
      'create', 'transition.submit', 'transition.return', 'update', 'transition.submit', 'transition.publish',
    ]);
  });

  it('rejects unknown codes and bad fields by name, in the user language', async () => {
    const bad = await app.inject({
      method: 'POST', url: '/api/demands',
      headers: { cookie: as.operator.cookie, 'x-csrf-token': as.operator.csrf, 'accept-language': 'en' },
      payload: { title: '枸杞', description: 'too short', disciplineCode: '9999', confidentiality: 'secret' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.description', 'body.confidentiality']));
    const code = await call('operator', 'POST', '/api/demands', { title: '枸杞多糖提取工艺', description: '需要提高枸杞多糖的提取率，降低溶剂消耗和能耗。', disciplineCode: '9999' });
    expect(code.statusCode).toBe(400);
    expect(code.json().error.fields).toEqual([{ path: 'disciplineCode', message: 'unknown discipline 9999' }]);
  });

  it('checks organizations like a careful clerk: USCC check digit, duplicates, regions as written', async () => {
    const bad = await call('operator', 'POST', '/api/organizations', { name: '宁夏塞上枸杞有限公司', kind: 'enterprise', region: '中宁县', uscc: '91640521MA76XYK120', phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.phone', 'body.uscc']);
    const nowhere = await call('operator', 'POST', '/api/organizations', { name: '宁夏塞上枸杞有限公司', kind: 'enterprise', region: '火星基地' });
    expect(nowhere.json().error.fields[0].path).toBe('region');
    const ok = await call('operator', 'POST', '/api/organizations', { name: '宁夏塞上枸杞有限公司', kind: 'enterprise', region: '宁夏中卫市中宁县', phone: '0955-5012345' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().organization.regionCode).toBe('640521');
    const again = await call('operator', 'POST', '/api/organizations', { name: '宁夏塞上枸杞有限责任公司', kind: 'enterprise', region: '640521' });
    expect(again.json().duplicates.map((d: { id: number }) => d.id)).toContain(ok.json().organization.id);
    const [{ uscc }] = (await t.platform.db.execute(sql`select uscc from organizations where uscc is not null limit 1`) as unknown as { rows: { uscc: string }[] }).rows;
    const taken = await call('operator', 'POST', '/api/organizations', { name: '另一家公司', kind: 'enterprise', region: '640521', uscc });
    expect(taken.statusCode).toBe(409);
  });

  it('keeps an expert profile with publications, checks ORCID, and flags the same person twice', async () => {
    const body = { name: '周海涛', organizationName: '福州大学', title: '教授', orcid: '0000-0002-1825-0097', email: 'zhou@fzu.edu.cn', disciplines: ['0832'], publications: [{ title: '枸杞浆果真空冷冻干燥工艺研究', abstract: '以宁夏枸杞为原料研究真空冷冻干燥曲线。', keywords: ['枸杞', '冷冻干燥'], year: 2024 }] };
    const badOrcid = await call('operator', 'POST', '/api/experts', { ...body, orcid: '0000-0002-1825-0098' });
    expect(badOrcid.json().error.fields[0].path).toBe('body.orcid');
    const made = await call('operator', 'POST', '/api/experts', body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().expert.publications).toHaveLength(1);
    const twice = await call('operator', 'POST', '/api/experts', body);
    expect(twice.json().duplicates.map((d: { id: number }) => d.id)).toContain(made.json().expert.id);
    const found = await call('anon', 'GET', `/api/search?kind=expert&q=${encodeURIComponent('真空冷冻干燥')}`);
    expect(found.json().hits.map((h: { id: number }) => h.id)).toContain(made.json().expert.id);
  });
});
