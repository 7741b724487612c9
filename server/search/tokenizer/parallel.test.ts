import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../index.js';
import { DEMANDS, EXPERTS } from '../test-fixtures.js';
import type { SearchRecord } from '../types.js';

describe('parallel bulk load', () => {
  it('builds the same index as a sequential load, user words included', async () => {
    const words = ['枸杞', '热泵', '干燥', '葡萄酒', '发酵', '乳酸菌', 'steel', 'defects', '滩羊', '冷链', '检测', '工艺'];
    const many: SearchRecord[] = Array.from({ length: 1500 }, (_, i) => ({
      id: `d${i}`,
      title: `${words[i % words.length]}${words[(i * 7) % words.length]}需求`,
      body: Array.from({ length: 12 }, (_, j) => words[(i * 31 + j * 17) % words.length]).join('，'),
      keywords: [words[(i * 5) % words.length]],
      region: i % 2 ? '640105' : '350203',
    }));
    const sequential = createSearchEngine({ userWords: ['滩羊'] });
    sequential.upsertMany('demand', [...DEMANDS, ...many]);
    sequential.upsertMany('expert', EXPERTS);
    const parallel = createSearchEngine({ userWords: ['滩羊'] });
    await parallel.upsertManyParallel('demand', [...DEMANDS, ...many], { threads: 2, batchSize: 64 });
    await parallel.upsertManyParallel('expert', EXPERTS, { threads: 2, batchSize: 1 });
    expect(parallel.size('demand')).toBe(sequential.size('demand'));
    expect(parallel.stats().kinds.expert.publications).toBe(sequential.stats().kinds.expert.publications);
    for (const text of ['枸杞热泵干燥', '滩羊 冷链', 'steel defects 检测', '葡萄酒 乳酸菌 发酵工艺']) {
      for (const kind of ['demand', 'expert'] as const) {
        const a = sequential.search({ text, kind, limit: 20 }).hits;
        const b = parallel.search({ text, kind, limit: 20 }).hits;
        expect(b.map((h) => h.id)).toEqual(a.map((h) => h.id));
        b.forEach((h, i) => expect(h.score).toBeCloseTo(a[i].score, 12));
      }
    }
  });
});
