import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestPlatform, backend, type TestPlatform } from '../helpers/platform.js';
import { systemContext } from '../../server/auth/context.js';
import { importJsonl } from '../../server/modules/imports/import.service.js';
import * as matching from '../../server/modules/matching/matching.service.js';
import { AppError } from '../../server/errors.js';

const ctx = systemContext('en');
const lines = (...rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');

const experts = lines(
  {
    ref: 'E-GOJI', name: '马晓燕', organization: '宁夏大学', title: '教授', disciplines: ['食品科学与工程'],
    publications: [
      { title: '枸杞多糖超声辅助提取工艺优化', abstract: '以宁夏中宁枸杞为原料，采用响应面法优化枸杞多糖的超声辅助提取条件，提取率提高。', keywords: ['枸杞', '多糖', '提取'], year: 2023 },
      { title: '枸杞热风干燥过程中的褐变机理', abstract: '研究了热风干燥温度对枸杞色泽褐变的影响。', keywords: ['枸杞', '干燥', '褐变'], year: 2022 },
    ],
  },
  {
    ref: 'E-PV', name: 'Li Wei', organization: 'Zhejiang University', title: 'Professor', disciplines: ['电气工程'],
    publications: [
      { title: 'Dust accumulation on photovoltaic modules in desert regions', abstract: 'We measure soiling losses of PV panels and design a cleaning robot.', keywords: ['photovoltaic', 'soiling', 'cleaning robot'], year: 2024 },
    ],
  },
);

describe(`import and matching through the platform (${backend})`, () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform();
    await p.index(); // built before the imports: they must keep it in step
  });
  afterAll(() => p?.close());

  it('imports experts with their publications and finds them at once, Chinese and English', async () => {
    const report = await importJsonl(p, ctx, 'experts', experts);
    expect(report).toMatchObject({ rows: 2, created: 2, updated: 0, skipped: [] });
    const zh = await matching.match(p, ctx, { kind: 'expert', text: '枸杞烘干褐变严重，希望提高多糖提取率', limit: 5 });
    expect(zh.hits[0]).toMatchObject({ ref: 'E-GOJI', title: '马晓燕' });
    const pubReasons = zh.hits[0].reasons.filter((r) => r.signal === 'publication');
    expect(pubReasons.length).toBe(2);
    const sum = zh.hits[0].reasons.reduce((s, r) => s + r.contribution, 0);
    expect(Math.abs(sum - zh.hits[0].score)).toBeLessThan(1e-9);
    const en = await matching.search(p, ctx, { kind: 'expert', text: 'cleaning robots for dusty PV panels', limit: 5 });
    expect(en.hits[0]?.ref).toBe('E-PV');
  });

  it('re-importing the same refs updates instead of duplicating, and the index follows', async () => {
    const changed = experts.replace('枸杞热风干燥过程中的褐变机理', '酿酒葡萄霜霉病的绿色防控');
    const report = await importJsonl(p, ctx, 'experts', changed);
    expect(report).toMatchObject({ created: 0, updated: 2 });
    const rows = (await p.db.execute(sql`select count(*)::int as n from experts where ref in ('E-GOJI','E-PV')`)) as unknown as { rows: { n: number }[] };
    expect(rows.rows[0].n).toBe(2);
    const pubs = (await p.db.execute(sql`select count(*)::int as n from publications`)) as unknown as { rows: { n: number }[] };
    expect(pubs.rows[0].n).toBe(3);
    const hits = await matching.search(p, ctx, { kind: 'expert', text: '霜霉病', limit: 5 });
    expect(hits.hits.map((h) => h.ref)).toEqual(['E-GOJI']);
    const gone = await matching.search(p, ctx, { kind: 'expert', text: '褐变机理', limit: 5 });
    expect(gone.hits.find((h) => h.ref === 'E-GOJI')?.reasons.some((r) => r.signal === 'publication' && String(r.title).includes('褐变'))).toBeFalsy();
  });

  it('refuses a file with bad rows, naming row and field, and writes nothing', async () => {
    const bad = lines(
      { ref: 'A-1', title: '枸杞真空冷冻干燥工艺', summary: '降低能耗30%', keywords: ['枸杞'] },
      { ref: 'A-2', title: '', summary: 'x' },
      { ref: 'A-3', title: '光伏清洗机器人', summary: '无水清洗', region: '火星' },
    ) + '\n{broken';
    let err: AppError | undefined;
    try {
      await importJsonl(p, ctx, 'achievements', bad);
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.code).toBe('IMPORT_INVALID');
    const problems = err?.details as { row: number; column: string }[];
    expect(problems.map((x) => `${x.row}:${x.column}`)).toEqual(['2:title', '3:region', '4:(line)']);
    const n = (await p.db.execute(sql`select count(*)::int as n from achievements`)) as unknown as { rows: { n: number }[] };
    expect(n.rows[0].n).toBe(0);
    const partial = await importJsonl(p, ctx, 'achievements', bad, { skipInvalid: true });
    expect(partial.created).toBe(1);
    expect(partial.skipped).toHaveLength(3);
  });

  it('resolves names to codes and keeps unknown classes as keywords', async () => {
    const r = await importJsonl(p, ctx, 'demands', lines({ ref: 'D-1', title: '枸杞原浆杀菌后风味劣变', description: '我公司年产枸杞原浆2000吨，巴氏杀菌后风味劣变明显。', organization: '宁夏某枸杞公司', industry: '枸杞', discipline: '食品科学与工程', region: '宁夏中卫市中宁县', keywords: '杀菌，风味' }, { ref: 'D-2', title: '新型储能电池热失控预警', description: '储能电站电池热失控预警技术需求。', industry: '新型储能' }));
    expect(r.created).toBe(2);
    const rows = (await p.db.execute(sql`select ref, region_code, key_industry, discipline_code, keywords, status from demands order by ref`)) as unknown as { rows: { ref: string; region_code: string | null; key_industry: string | null; discipline_code: string | null; keywords: string[]; status: string }[] };
    expect(rows.rows[0]).toMatchObject({ ref: 'D-1', region_code: '640521', discipline_code: '0832', status: 'published' });
    expect(rows.rows[0].key_industry).toBeTruthy();
    expect(rows.rows[0].keywords).toEqual(['杀菌', '风味']);
    expect(rows.rows[1].keywords).toContain('新型储能');
    const found = await matching.search(p, ctx, { kind: 'demand', text: '枸杞原浆杀菌', limit: 3 });
    expect(found.hits[0].ref).toBe('D-1');
  });

  it('answers an empty or stopword-only query with EMPTY_QUERY, never a crash', async () => {
    for (const text of ['的了吗', '   ', '，。！']) {
      await expect(matching.search(p, ctx, { kind: 'expert', text, limit: 5 })).rejects.toMatchObject({ code: 'EMPTY_QUERY' });
    }
    await expect(matching.search(p, ctx, { kind: 'expert', text: '枸杞'.repeat(20_000), limit: 5 })).rejects.toMatchObject({ code: 'QUERY_TOO_LONG' });
  });
});
