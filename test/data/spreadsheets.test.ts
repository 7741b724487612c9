import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { openTestApp, backend } from '../helpers/platform.js';
import { multipartFile } from '../helpers/multipart.js';
import type { App } from '../../server/http/app.js';

/** The 200-row demand sheet of a county survey, made from the downloaded template. */
async function fillTemplate(template: Buffer, rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const ws = wb.getWorksheet('技术需求')!;
  rows.forEach((r, i) => {
    const row = ws.getRow(2 + i); // over the example row, then below it
    r.forEach((v, j) => (row.getCell(j + 1).value = v));
    row.commit();
  });
  expect(ws.getRow(1).getCell(1).text).toMatch(/需求名称/);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`demand sheets: template → upload → errors → fix → export → re-import (${backend})`, () => {
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

  const upload = async (name: string, content: Buffer) => {
    const body = multipartFile('file', name, content);
    const res = await app.inject({ method: 'POST', url: '/api/imports/demands', payload: body.payload, headers: { ...body.headers, cookie: op.cookie, 'x-csrf-token': op.csrf } });
    expect(res.statusCode, res.body).toBe(202);
    await t.platform.jobs.idle();
    return (await app.inject({ url: `/api/jobs/${res.json().id}`, headers: { cookie: op.cookie } })).json();
  };
  const count = async () => Number(((await t.platform.db.execute(sql`select count(*)::int as n from demands`)) as unknown as { rows: { n: number }[] }).rows[0].n);

  it('round-trips a 200-row sheet with 3 bad rows', async () => {
    const tpl = await app.inject({ url: '/api/templates/demands', headers: { cookie: op.cookie } });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toMatch(/spreadsheetml/);
    const template = tpl.rawPayload;

    const good = (i: number): (string | number)[] => [
      `枸杞烘干线节能改造需求${i}`, `我公司枸杞烘干线能耗偏高（第${i}条），希望合作降低单位能耗20%，并保持色泽。`, '宁夏测试枸杞有限公司',
      '枸杞', '食品科学与工程', '烘干、节能', '中宁县', 30 + (i % 50), '2024年中卫市企业技术需求调查清单', `SURVEY-${i}`,
    ];
    const rows = Array.from({ length: 200 }, (_, i) => good(i + 1));
    rows[9][6] = '火星基地'; // unknown region (row 11 in the sheet)
    rows[99][7] = '五十万'; // budget not a number (row 101)
    rows[149][1] = ''; // description missing (row 151)
    const before = await count();
    const refused = await upload('需求调查.xlsx', await fillTemplate(template, rows));
    expect(refused.status).toBe('failed');
    expect(refused.error.code).toBe('IMPORT_INVALID');
    const problems = refused.error.details as { row: number; column: string }[];
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual(['11:所在地区', '101:拟投入资金（万元）', '151:需求描述*']);
    expect(await count()).toBe(before);

    // the marked workbook: the three cells filled red and commented
    expect(refused.hasFile).toBe(true);
    const marked = await app.inject({ url: `/api/jobs/${refused.id}/file`, headers: { cookie: op.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(marked.rawPayload as never);
    const ws = wb.getWorksheet('技术需求')!;
    const cell = ws.getCell('G11');
    expect(cell.value).toBe('火星基地');
    expect(JSON.stringify(cell.fill)).toMatch(/FFC7CE/i);
    expect(JSON.stringify(cell.note)).toMatch(/地区/);

    rows[9][6] = '中宁县';
    rows[99][7] = 50;
    rows[149][1] = '我公司枸杞烘干线能耗偏高，希望合作降低单位能耗。';
    const done = await upload('需求调查.xlsx', await fillTemplate(template, rows));
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.result).toMatchObject({ rows: 200, created: 200, updated: 0 });
    expect(await count()).toBe(before + 200);

    // searchable at once
    const found = await app.inject({ url: `/api/demands?q=${encodeURIComponent('烘干线节能改造')}&pageSize=5`, headers: { cookie: op.cookie } });
    expect(found.json().total).toBeGreaterThanOrEqual(200);

    // export the list → re-import → no duplicates
    const list = (await t.platform.db.execute(sql`select id from demand_lists where name = '2024年中卫市企业技术需求调查清单'`)) as unknown as { rows: { id: number }[] };
    const exp = await app.inject({ method: 'POST', url: '/api/exports/demands', headers: { cookie: op.cookie, 'x-csrf-token': op.csrf }, payload: { format: 'xlsx', filters: { listId: String(list.rows[0].id) } } });
    expect(exp.statusCode, exp.body).toBe(202);
    await t.platform.jobs.idle();
    const expJob = (await app.inject({ url: `/api/jobs/${exp.json().id}`, headers: { cookie: op.cookie } })).json();
    expect(expJob.result.rows).toBe(200);
    const file = await app.inject({ url: `/api/jobs/${exp.json().id}/file`, headers: { cookie: op.cookie } });
    const again = await upload('导出.xlsx', file.rawPayload);
    expect(again.status, JSON.stringify(again.error)).toBe('succeeded');
    expect(again.result).toMatchObject({ created: 0, updated: 200 });
    expect(await count()).toBe(before + 200);
  });

  it('explains a file that is not a spreadsheet, and a GBK CSV from WPS imports', async () => {
    const junk = await upload('需求.xlsx', Buffer.from('这不是表格'));
    expect(junk.status).toBe('failed');
    expect(junk.error.code).toBe('SPREADSHEET_UNREADABLE');
    const { default: iconv } = await import('iconv-lite');
    const csv = '需求名称,需求描述,所在地区\n冷凉蔬菜预冷保鲜技术,采后预冷不及时导致损耗严重，希望合作解决。,固原市\n';
    const gbk = await upload('wps.csv', iconv.encode(csv, 'gbk'));
    expect(gbk.status, JSON.stringify(gbk.error)).toBe('succeeded');
    expect(gbk.result.created).toBe(1);
  });
});
