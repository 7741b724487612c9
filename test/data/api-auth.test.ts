import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, backend } from '../helpers/platform.js';
import type { App } from '../../server/http/app.js';

let clients = 0;
/** A new client address per sign-in, so the login rate limit (5 a minute here) stays out of the way. */
const nextClient = () => `10.0.${Math.floor(++clients / 250)}.${clients % 250}`;

/** Signs in through the API; returns the cookie and CSRF token for later requests. */
async function signIn(app: App, username: string, password = 'Shanhai@2024') {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextClient(), payload: { username, password } });
  expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'shanhai_session');
  return { cookie: `shanhai_session=${cookie?.value}`, csrf: res.json().csrfToken as string, user: res.json().user };
}

describe(`accounts, sessions and errors over HTTP (${backend})`, () => {
  let t: Awaited<ReturnType<typeof openTestApp>>;
  let app: App;
  beforeAll(async () => {
    t = await openTestApp({ demo: true, config: { LOGIN_RATE_LIMIT: '5' } });
    app = t.app;
  });
  afterAll(() => t?.close());

  it('logs in with an httpOnly cookie, tells who is signed in, and logs out', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextClient(), payload: { username: 'operator', password: 'Shanhai@2024' } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/shanhai_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = `shanhai_session=${res.cookies[0].value}`;
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.roles[0].role).toBe('operator');
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': res.json().csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('names region and organization scopes of the signed-in user', async () => {
    const county = await signIn(app, 'xixia');
    expect(county.user.roles[0]).toMatchObject({ role: 'region_officer', regionCode: '640105', regionName: '西夏区' });
    const member = await signIn(app, 'enterprise');
    expect(member.user.roles[0].role).toBe('enterprise_member');
    expect(member.user.roles[0].organizationName).toBeTruthy();
  });

  it('refuses a wrong password in the language asked for', async () => {
    const zh = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextClient(), payload: { username: 'admin', password: 'nope' } });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const en = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextClient(), headers: { 'accept-language': 'en-US,en;q=0.9' }, payload: { username: 'ghost', password: 'nope' } });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('rejects writes without the CSRF token', async () => {
    const s = await signIn(app, 'reviewer');
    const res = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: s.cookie }, payload: { currentPassword: 'Shanhai@2024', newPassword: 'Another1pass' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': 'forged' }, payload: { currentPassword: 'Shanhai@2024', newPassword: 'Another1pass' } });
    expect(wrong.statusCode).toBe(403);
  });

  it('changes a password: the old one stops working, the change is audited', async () => {
    const s = await signIn(app, 'expert');
    const weak = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { currentPassword: 'Shanhai@2024', newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('AUTH_WEAK_PASSWORD');
    const bad = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { currentPassword: 'wrong-one1', newPassword: 'NewSecret2024' } });
    expect(bad.json().error.code).toBe('AUTH_WRONG_PASSWORD');
    const ok = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { currentPassword: 'Shanhai@2024', newPassword: 'NewSecret2024' } });
    expect(ok.statusCode).toBe(204);
    const old = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextClient(), payload: { username: 'expert', password: 'Shanhai@2024' } });
    expect(old.statusCode).toBe(401);
    await signIn(app, 'expert', 'NewSecret2024');
    const admin = await signIn(app, 'admin');
    const audit = await app.inject({ url: '/api/audit?entity=user&pageSize=100', headers: { cookie: admin.cookie } });
    const actions = audit.json().items.filter((i: { userId: number }) => i.userId === s.user.id).map((i: { action: string }) => i.action);
    expect(actions).toContain('password.change');
    expect(actions).toContain('login');
    expect(JSON.stringify(audit.json())).not.toMatch(/argon2/);
  });

  it('answers malformed requests with a 400 naming the field, never a 500', async () => {
    const q = await app.inject({ url: '/api/demands?pageSize=abc&status=nonsense' });
    expect(q.statusCode).toBe(400);
    const paths = q.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring.pageSize', 'querystring.status']));
    expect(q.json().error.message).toMatch(/^请求数据有误/);
    const en = await app.inject({ url: '/api/demands/abc', headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toMatch(/^Invalid request: params\.id/);
    const json = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextClient(), headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(json.statusCode).toBe(400);
    const missing = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextClient(), payload: { username: 'admin' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([{ path: 'body.password', message: '必填' }]);
    const form = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextClient(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'username=a&password=b' });
    expect(form.statusCode).toBe(415);
    const nf = await app.inject({ url: '/api/nothing-here' });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error.code).toBe('ROUTE_NOT_FOUND');
    const missingDemand = await app.inject({ url: '/api/demands/999999' });
    expect(missingDemand.statusCode).toBe(404);
    expect(missingDemand.json().error.code).toBe('NOT_FOUND');
  });

  it('carries a request id on every answer and error', async () => {
    const res = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.json()).toMatchObject({ status: 'ok' });
    const err = await app.inject({ url: '/api/demands/0' });
    expect(err.json().error.requestId).toBe(err.headers['x-request-id']);
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    const res = await app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/demands', '/api/auth/login', '/api/stats/overview']));
    expect(doc.paths['/api/demands'].get.parameters.map((p: { name: string }) => p.name)).toContain('pageSize');
  });

  it('limits login attempts per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'admin', password: 'bad' } });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const last = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', headers: { 'accept-language': 'en' }, payload: { username: 'admin', password: 'bad' } });
    expect(last.json().error.code).toBe('RATE_LIMITED');
  });

  it('creates users only for an administrator, audited', async () => {
    const admin = await signIn(app, 'admin');
    const op = await signIn(app, 'operator');
    const body = { username: 'zhongwei', displayName: '中卫市科技局', password: 'Zhongwei2024', roles: [{ role: 'region_officer', regionCode: '6405' }] };
    const denied = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: op.cookie, 'x-csrf-token': op.csrf }, payload: body });
    expect(denied.statusCode).toBe(403);
    const made = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: body });
    expect(made.statusCode).toBe(201);
    expect(made.json().roles[0]).toMatchObject({ role: 'region_officer', regionCode: '6405', regionName: '中卫市' });
    const again = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: body });
    expect(again.statusCode).toBe(409);
    const audit = await app.inject({ url: '/api/audit?entity=user&pageSize=5', headers: { cookie: admin.cookie } });
    const entry = audit.json().items.find((i: { action: string; entityId: string }) => i.action === 'create' && i.entityId === String(made.json().id));
    expect(entry.after.username).toBe('zhongwei');
    expect(entry.after.passwordHash).toBe('[redacted]');
    await signIn(app, 'zhongwei', 'Zhongwei2024');
  });
});
