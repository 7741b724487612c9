import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, backend } from '../helpers/platform.js';
import { multipartFile } from '../helpers/multipart.js';
import type { App } from '../../server/http/app.js';

describe(`uploads run as jobs with progress (${backend})`, () => {
  let t: Awaited<ReturnType<typeof openTestApp>>;
  let app: App;
  let op: { cookie: string; csrf: string };
  beforeAll(async () => {
    t = await openTestApp({ demo: true });
    app = t.app;
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator', password: 'Shanhai@2024' } });
    op = { cookie: `shanhai_session=${r.cookies[0].value}`, csrf: r.json().csrfToken };
  });
  afterAll(() => t?.close());

  const upload = (kind: string, name: string, content: string, query = '') => {
    const body = multipartFile('file', name, content);
    return app.inject({ method: 'POST', url: `/api/imports/${kind}${query}`, payload: body.payload, headers: { ...body.headers, cookie: op.cookie, 'x-csrf-token': op.csrf } });
  };
  const finished = async (id: number) => {
    await t.platform.jobs.idle();
    return (await app.inject({ url: `/api/jobs/${id}`, headers: { cookie: op.cookie } })).json();
  };

  it('imports an uploaded file as a job and reports the result', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ ref: `ACH-UP-${i}`, title: `枸杞低温干燥新工艺${i}`, summary: '热泵低温干燥，能耗降低，色泽保持。', keywords: ['枸杞', '干燥'] })).join('\n');
    const res = await upload('achievements', 'achievements.jsonl', lines);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().status).toBe('queued');
    const job = await finished(res.json().id);
    expect(job).toMatchObject({ status: 'succeeded', progress: 1, kind: 'import.achievements' });
    expect(job.result).toMatchObject({ rows: 50, created: 50 });
    const mine = await app.inject({ url: '/api/jobs', headers: { cookie: op.cookie } });
    expect(mine.json()[0].id).toBe(res.json().id);
  });

  it('a file with bad rows fails the job with every problem, and imports nothing', async () => {
    const res = await upload('demands', 'demands.jsonl', `${JSON.stringify({ ref: 'D-X1', title: '标题', description: '' })}\n{oops`);
    const job = await finished(res.json().id);
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('IMPORT_INVALID');
    expect(job.error.details.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual(['1:description', '2:(line)']);
  });

  it('refuses other file types, and jobs of other users stay private', async () => {
    const res = await upload('experts', 'experts.pdf', '%PDF-1.4');
    expect(res.statusCode).toBe(415);
    const done = await upload('organizations', 'o.jsonl', JSON.stringify({ ref: 'O-UP-1', name: '宁夏测试科技有限公司', region: '西夏区' }));
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'expert', password: 'Shanhai@2024' } });
    const other = await app.inject({ url: `/api/jobs/${done.json().id}`, headers: { cookie: `shanhai_session=${r.cookies[0].value}` } });
    expect(other.statusCode).toBe(404);
  });
});
