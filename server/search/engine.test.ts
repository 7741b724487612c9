import { describe, expect, it } from 'vitest';
import { createSearchEngine, SearchError, sumReasons, type Reason, type SearchHit } from './index.js';
import { ACHIEVEMENTS, DEMANDS, EXPERTS, platformEngine } from './test-fixtures.js';

const engine = platformEngine();

function expectReasonsSumToScore(hits: SearchHit[]): void {
  expect(hits.length).toBeGreaterThan(0);
  for (const h of hits) {
    expect(Math.abs(sumReasons(h.reasons) - h.score)).toBeLessThan(1e-9);
    for (const r of h.reasons) {
      if (r.signal === 'publication') {
        const inner = r.terms.reduce((s, t) => s + t.contribution, 0);
        expect(Math.abs(inner - r.contribution)).toBeLessThan(1e-12);
      }
    }
  }
}

const signals = (h: SearchHit): string[] => h.reasons.map((r: Reason) => r.signal);

describe('search', () => {
  it('finds Chinese records by meaning-bearing words and explains them', () => {
    const r = engine.search({ text: '热泵干燥', kind: 'achievement' });
    expect(r.hits[0].id).toBe('a-heatpump');
    expectReasonsSumToScore(r.hits);
    expect(r.hits[0].reasons.some((x) => x.signal === 'term' && x.term === '热泵干燥')).toBe(true);
  });

  it('finds English records with stemming', () => {
    const r = engine.search({ text: 'detecting defects with neural network', kind: 'expert' });
    expect(r.hits[0].id).toBe('e-cv');
    expectReasonsSumToScore(r.hits);
  });

  it('searches every kind when none is given, best first', () => {
    const r = engine.search({ text: '葡萄酒 乳酸菌', limit: 10 });
    const kinds = new Set(r.hits.map((h) => h.kind));
    expect(kinds.has('demand') && kinds.has('expert') && kinds.has('achievement')).toBe(true);
    for (let i = 1; i < r.hits.length; i++) expect(r.hits[i - 1].score).toBeGreaterThanOrEqual(r.hits[i].score);
  });

  it('reports words no record contains without failing', () => {
    const r = engine.search({ text: '量子计算 枸杞', kind: 'demand' });
    expect(r.unknownTerms).toEqual(expect.arrayContaining(['量子', '计算']));
    expect(r.hits.map((h) => h.id)).toContain('d-goji');
    expect(engine.search({ text: '量子计算', kind: 'demand' }).hits).toEqual([]);
  });

  it('pages with offset', () => {
    const all = engine.search({ text: '枸杞 葡萄酒 发酵 干燥', kind: 'achievement', limit: 3 }).hits.map((h) => h.id);
    const second = engine.search({ text: '枸杞 葡萄酒 发酵 干燥', kind: 'achievement', limit: 2, offset: 1 }).hits.map((h) => h.id);
    expect(second).toEqual(all.slice(1, 3));
  });
});

describe('filters', () => {
  it('filters by region prefix, side, status, industry and discipline', () => {
    const ids = (filters: object, kind: 'demand' | 'achievement' | 'expert' = 'demand'): string[] =>
      engine.search({ text: '枸杞 葡萄酒 钢材 牛奶 干燥 发酵 检测 冷链', kind, limit: 20, filters }).hits.map((h) => h.id).sort();
    expect(ids({})).toEqual(['d-goji', 'd-milk', 'd-vision', 'd-wine']);
    expect(ids({ region: '6401' })).toEqual(['d-goji', 'd-wine']);
    expect(ids({ region: '640181' })).toEqual(['d-goji']);
    expect(ids({ status: 'published' })).toEqual(['d-goji', 'd-milk', 'd-wine']);
    expect(ids({ industry: ['葡萄酒', '牛奶'] })).toEqual(['d-milk', 'd-wine']);
    expect(ids({ exclude: ['d-goji'] })).toEqual(['d-milk', 'd-vision', 'd-wine']);
    expect(ids({ side: 'east' }, 'achievement')).toEqual(['a-heatpump']);
    expect(ids({ side: 'west' }, 'achievement')).toEqual(['a-old', 'a-yeast']);
    expect(ids({ discipline: '农业工程' }, 'achievement')).toEqual(['a-heatpump']);
    // Experts are filtered on their own attributes even when found through publications.
    expect(ids({ region: '35' }, 'expert')).toEqual(['e-goji']);
  });
});

describe('incremental updates', () => {
  it('adds, updates and deletes records, visible to the next query', () => {
    const e = createSearchEngine({ userWords: ['滩羊'] });
    e.upsert('demand', { id: 'x', title: '滩羊肉品质提升' });
    expect(e.search({ text: '滩羊', kind: 'demand' }).hits.map((h) => h.id)).toEqual(['x']);
    e.upsert('demand', { id: 'x', title: '冷凉蔬菜保鲜' });
    expect(e.search({ text: '滩羊', kind: 'demand' }).hits).toEqual([]);
    expect(e.search({ text: '蔬菜保鲜', kind: 'demand' }).hits.map((h) => h.id)).toEqual(['x']);
    expect(e.size('demand')).toBe(1);
    expect(e.remove('demand', 'x')).toBe(true);
    expect(e.remove('demand', 'x')).toBe(false);
    expect(e.search({ text: '蔬菜保鲜', kind: 'demand' }).hits).toEqual([]);
    expect(e.has('demand', 'x')).toBe(false);
  });

  it('replaces and removes an expert together with all their publications', () => {
    const e = createSearchEngine({ userWords: ['滩羊'] });
    e.upsert('expert', { id: 'e', title: '张三', publications: [{ id: 'p', title: '滩羊肉品质评价' }] });
    expect(e.search({ text: '滩羊', kind: 'expert' }).hits.map((h) => h.id)).toEqual(['e']);
    e.upsert('expert', { id: 'e', title: '张三', publications: [{ id: 'p', title: '冷凉蔬菜育种' }] });
    expect(e.search({ text: '滩羊', kind: 'expert' }).hits).toEqual([]);
    expect(e.search({ text: '蔬菜育种', kind: 'expert' }).hits.map((h) => h.id)).toEqual(['e']);
    e.remove('expert', 'e');
    expect(e.search({ text: '蔬菜育种', kind: 'expert' }).hits).toEqual([]);
    expect(e.stats().kinds.expert.publications).toBe(0);
  });

  it('updates load and status without reindexing', () => {
    const e = platformEngine();
    const before = e.match({ kind: 'expert', text: '热泵干燥', weights: { load: 1 } }).hits.find((h) => h.id === 'e-goji')!;
    expect(e.updateSignals('expert', 'e-goji', { load: 9 })).toBe(true);
    const after = e.match({ kind: 'expert', text: '热泵干燥', weights: { load: 1 } }).hits.find((h) => h.id === 'e-goji')!;
    expect(after.score).toBeLessThan(before.score);
    expect(after.reasons.find((r) => r.signal === 'load')).toMatchObject({ load: 9 });
    expect(e.updateSignals('expert', 'nobody', { load: 1 })).toBe(false);
  });
});

describe('matching', () => {
  const demand = DEMANDS[0];
  const query = { text: `${demand.title}\n${demand.body}`, context: { disciplines: demand.disciplines, industries: demand.industries, region: demand.region } };

  it('ranks experts by the evidence of all their publications, and shows which', () => {
    const r = engine.match({ kind: 'expert', ...query });
    expect(r.hits.map((h) => h.id).slice(0, 2)).toEqual(['e-goji', 'e-drying']);
    expectReasonsSumToScore(r.hits);
    const pubs = r.hits[0].reasons.filter((x) => x.signal === 'publication');
    expect(pubs.map((p) => p.signal === 'publication' && p.id)).toContain('p2');
    const first = pubs[0];
    expect(first.signal === 'publication' && first.title).toBe('枸杞热泵干燥特性与品质研究');
  });

  it('aggregates: two relevant papers beat one equally relevant paper', () => {
    const e = createSearchEngine({ userWords: ['滩羊'] });
    const paper = { title: '滩羊肉品质评价', abstract: '滩羊肉的嫩度与风味评价' };
    e.upsert('expert', { id: 'one', title: 'A', publications: [{ id: '1', ...paper }, { id: '2', title: '玉米育种' }] });
    e.upsert('expert', { id: 'two', title: 'B', publications: [{ id: '1', ...paper }, { id: '2', title: '滩羊肉风味物质分析', abstract: '滩羊肉风味' }] });
    const hits = e.search({ text: '滩羊肉风味评价', kind: 'expert' }).hits;
    expect(hits.map((h) => h.id)).toEqual(['two', 'one']);
    expectReasonsSumToScore(hits);
  });

  it('applies discipline, industry, pairing, load and recency with their weights, shown in the output', () => {
    const r = engine.match({ kind: 'expert', ...query });
    expect(r.weights).toMatchObject({ text: 1, discipline: 0.1, pairing: 0.05 });
    const goji = r.hits.find((h) => h.id === 'e-goji')!;
    expect(signals(goji)).toEqual(expect.arrayContaining(['discipline', 'pairing', 'recency']));
    expect(goji.reasons.find((x) => x.signal === 'pairing')).toMatchObject({ pair: ['64', '35'], candidateRegion: '350102' });
    const drying = r.hits.find((h) => h.id === 'e-drying')!;
    expect(drying.reasons.find((x) => x.signal === 'load')!.contribution).toBeCloseTo(-0.05 * (4 / 7), 12);
    // Zero weights remove the signals; a heavy pairing weight reorders.
    const plain = engine.match({ kind: 'expert', ...query, weights: { discipline: 0, industry: 0, pairing: 0, load: 0, recency: 0 } });
    expect(plain.hits.every((h) => h.reasons.every((x) => x.signal === 'term' || x.signal === 'publication'))).toBe(true);
    const wine = engine.match({ kind: 'expert', text: '葡萄酒 干燥', context: { region: '6401' }, weights: { pairing: 5 } });
    expect(wine.hits[0].reasons.some((x) => x.signal === 'pairing')).toBe(true);
    expectReasonsSumToScore(wine.hits);
  });

  it('prefers the recent of two equally relevant achievements when recency weighs', () => {
    const r = engine.match({ kind: 'achievement', text: '枸杞干燥', weights: { recency: 0.5 } });
    const ids = r.hits.map((h) => h.id);
    expect(ids.indexOf('a-heatpump')).toBeLessThan(ids.indexOf('a-old'));
    expectReasonsSumToScore(r.hits);
  });

  it('finds demands for an expert (reverse direction)', () => {
    const r = engine.matchDemandsFor(EXPERTS[2], { filters: { status: 'published' } });
    expect(r.hits[0].id).toBe('d-wine');
    expect(r.hits.map((h) => h.id)).not.toContain('d-vision');
    expectReasonsSumToScore(r.hits);
    const cv = engine.matchDemandsFor(EXPERTS[3]);
    expect(cv.hits[0].id).toBe('d-vision');
  });

  it('matches achievements and organizations for a demand', () => {
    // The old hot-air process shares most words with the demand; both lead, the yeast does not.
    expect(engine.match({ kind: 'achievement', ...query }).hits.slice(0, 2).map((h) => h.id).sort()).toEqual(['a-heatpump', 'a-old']);
    const orgs = engine.match({ kind: 'organization', text: '枸杞深加工' });
    expect(orgs.hits[0].id).toBe('o-ningxia');
    expectReasonsSumToScore(orgs.hits);
  });

  it('keeps explanations exact across random queries and kinds', () => {
    const words = ['枸杞', '干燥', '葡萄酒', '发酵', '热泵', '乳酸菌', 'defect', 'network', '钢材', '品质', '多糖', '工艺'];
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 40; i++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => words[Math.floor(rnd() * words.length)]).join(' ');
      for (const kind of ['expert', 'achievement', 'demand', 'organization'] as const) {
        const r = engine.match({ kind, text, context: { disciplines: ['食品科学与工程'], industries: ['枸杞'], region: '6401' } });
        for (const h of r.hits) expect(Math.abs(sumReasons(h.reasons) - h.score)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('bad queries', () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      if (e instanceof SearchError) return e.code;
      throw e;
    }
    return undefined;
  };

  it('rejects empty and meaningless queries with EMPTY_QUERY (HTTP 400)', () => {
    for (const text of ['', '   ', '的了吗', '，。！？…', 'the of and', '\u0000\u0001\u0002', '\u200b\u200b']) {
      expect(code(() => engine.search({ text, kind: 'demand' }))).toBe('EMPTY_QUERY');
    }
    try {
      engine.search({ text: '的' });
    } catch (e) {
      expect((e as SearchError).status).toBe(400);
    }
  });

  it('rejects 100 kB of text with QUERY_TOO_LONG before analysing it', () => {
    const text = '枸杞'.repeat(50_000);
    const t0 = performance.now();
    expect(code(() => engine.match({ kind: 'expert', text }))).toBe('QUERY_TOO_LONG');
    expect(performance.now() - t0).toBeLessThan(50);
    expect(code(() => engine.suggest(text))).toBe('QUERY_TOO_LONG');
  });

  it('rejects wrong arguments with INVALID_ARGUMENT', () => {
    expect(code(() => engine.search({ text: 42 as unknown as string }))).toBe('INVALID_ARGUMENT');
    expect(code(() => engine.search({ text: '枸杞', kind: 'paper' as never }))).toBe('INVALID_ARGUMENT');
    expect(code(() => engine.search({ text: '枸杞', limit: 0 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => engine.match({ kind: 'expert', text: '枸杞', weights: { text: -1 } }))).toBe('INVALID_ARGUMENT');
    expect(code(() => engine.match({ kind: 'expert', text: '枸杞', weights: { bogus: 1 } as never }))).toBe('INVALID_ARGUMENT');
    expect(code(() => engine.upsert('demand', { id: '', title: 'x' }))).toBe('INVALID_ARGUMENT');
  });

  it('survives hostile but short input: control characters, emoji, mixed scripts', () => {
    const r = engine.search({ text: '热泵\u0000\u0007😀🍇 DROP TABLE; <script>干燥</script>', kind: 'achievement' });
    expect(r.hits[0].id).toBe('a-heatpump');
  });

  it('returns an empty result (not an error) on an empty engine', () => {
    expect(createSearchEngine().search({ text: '枸杞' }).hits).toEqual([]);
  });
});

describe('fixture sanity', () => {
  it('indexes every fixture', () => {
    expect(engine.size('achievement')).toBe(ACHIEVEMENTS.length);
    expect(engine.stats().kinds.expert.publications).toBe(EXPERTS.reduce((s, e) => s + (e.publications?.length ?? 0), 0));
  });
});
