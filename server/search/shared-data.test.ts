import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  Analyzer,
  createPlainBm25,
  createSearchEngine,
  loadStopwordFile,
  loadSynonymFile,
  loadUserDictionary,
  type SearchEngineOptions,
} from './index.js';

/*
 * Tests against the reference data beside the repository (<project>/../shared/data). A fresh
 * clone without it skips them with a message; CI always has it.
 */
const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const present = existsSync(`${DATA}/corpus/csl-dev.jsonl`);
if (!present) console.warn(`search shared-data tests skipped: ${DATA} not found (the reference data sits beside the repository)`);

interface Paper {
  id: string;
  title: string;
  abstract: string;
  keywords: string[];
  discipline: string;
}
const jsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

describe.skipIf(!present)('with ../shared/data', () => {
  const papers = present ? jsonl<Paper>(`${DATA}/corpus/csl-dev.jsonl`) : [];
  // 2,068 further labelled abstracts (no titles): distractors and labelled neighbours.
  const extra = present ? jsonl<{ id: number; content: string; label: string }>(`${DATA}/corpus/csldcp-dev.jsonl`) : [];

  function build(options: SearchEngineOptions): ReturnType<typeof createSearchEngine> {
    const engine = createSearchEngine(options);
    for (const p of papers) engine.upsert('achievement', { id: p.id, title: '', body: p.abstract, keywords: p.keywords, disciplines: [p.discipline] });
    for (const x of extra) engine.upsert('achievement', { id: `x${x.id}`, title: '', body: x.content, disciplines: [x.label] });
    engine.compact();
    return engine;
  }

  function titleMrr(engine: ReturnType<typeof createSearchEngine>): number {
    let mrr = 0;
    for (const p of papers) {
      const ids = engine.search({ text: p.title, kind: 'achievement', limit: 10, explain: false }).hits.map((h) => h.id);
      const i = ids.indexOf(p.id);
      if (i >= 0) mrr += 1 / (i + 1);
    }
    return mrr / papers.length;
  }

  it('retrieves a paper from its title (title not indexed) better than plain BM25', () => {
    const ours = titleMrr(build({}));
    const plain = titleMrr(build({ impactModel: createPlainBm25() }));
    expect(ours).toBeGreaterThan(plain);
    expect(ours).toBeGreaterThan(0.85);
  });

  it('suggests the discipline of held-out abstracts from labelled neighbours', () => {
    const engine = createSearchEngine();
    // The file is sorted by label: hold out every eighth record.
    const train = extra.filter((_, i) => i % 8 !== 0);
    const test = extra.filter((_, i) => i % 8 === 0);
    for (const x of train) engine.upsert('achievement', { id: `x${x.id}`, title: '', body: x.content, disciplines: [x.label] });
    let top1 = 0;
    let top3 = 0;
    for (const x of test) {
      const s = engine.suggest(x.content, { disciplines: 3, industries: 0 }).disciplines.map((d) => d.value);
      if (s[0] === x.label) top1++;
      if (s.includes(x.label)) top3++;
    }
    // 67 labels: chance is 1.5 %.
    expect(top1 / test.length).toBeGreaterThan(0.4);
    expect(top3 / test.length).toBeGreaterThan(0.6);
  });

  it('loads a THUOCL lexicon: its words are then segmented whole', () => {
    const words = loadUserDictionary(`${DATA}/lexicons/thuocl/THUOCL_medical.txt`, { limit: 3000 });
    expect(words.length).toBe(3000);
    const plain = new Analyzer();
    const split = words.map((w) => w.word).filter((w) => /^[\u4e00-\u9fff]{4,}$/.test(w) && !plain.terms(w).includes(w)).slice(0, 20);
    expect(split.length).toBeGreaterThan(5);
    const withLexicon = new Analyzer({ userWords: words });
    for (const w of split) expect(withLexicon.terms(w)).toContain(w);
  });

  it('loads stopword lists', () => {
    const stop = loadStopwordFile(`${DATA}/lexicons/stopwords/hit_stopwords.txt`);
    expect(stop.length).toBeGreaterThan(500);
    const a = new Analyzer({ builtinStopwords: false, stopwords: stop });
    expect(a.isStopword('的')).toBe(true);
    expect(a.terms('我们的枸杞')).toEqual(['枸杞']);
  });

  it('expands queries with Cilin synonyms', () => {
    const groups = loadSynonymFile(`${DATA}/lexicons/cilin/cilin-ex.txt`);
    expect(groups.length).toBeGreaterThan(5000);
    const withSyn = createSearchEngine({ synonyms: groups.filter((g) => g.includes('电脑')), maxSynonymsPerTerm: 20 });
    withSyn.upsert('demand', { id: 'd', title: '计算机辅助设计软件' });
    const r = withSyn.search({ text: '电脑', kind: 'demand' });
    expect(r.hits.map((h) => h.id)).toEqual(['d']);
    expect(r.hits[0].reasons[0]).toMatchObject({ signal: 'term', term: '计算机', via: '电脑' });
    const without = createSearchEngine();
    without.upsert('demand', { id: 'd', title: '计算机辅助设计软件' });
    expect(without.search({ text: '电脑', kind: 'demand' }).hits).toEqual([]);
  });
});
