import { readFileSync } from 'node:fs';
import { createSearchEngine } from '../server/search/index.js';
const papers = readFileSync('/work/shared/data/corpus/csl-dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const e = createSearchEngine();
let t = performance.now();
for (const p of papers) e.upsert('achievement', { id: p.id, title: '', body: p.abstract, keywords: p.keywords, disciplines: [p.discipline] });
e.commit();
console.log('build ms', performance.now() - t, e.stats().kinds.achievement);
for (const mode of ['kw', 'title']) {
  let mrr = 0, r10 = 0; t = performance.now();
  for (const p of papers) {
    const text = mode === 'kw' ? p.keywords.join(' ') : p.title;
    const res = e.search({ text, kind: 'achievement', limit: 10, explain: false });
    const i = res.hits.findIndex((h) => h.id === p.id);
    if (i >= 0) { mrr += 1 / (i + 1); r10++; }
  }
  console.log(mode, 'MRR', (mrr / papers.length).toFixed(4), 'R@10', r10 / papers.length, 'ms/q', ((performance.now() - t) / papers.length).toFixed(3));
}
const r = e.search({ text: papers[0].title, kind: 'achievement', limit: 3 });
console.log(JSON.stringify(r.hits[0], null, 1).slice(0, 1500), r.hits[0].reasons.reduce((s, x) => s + x.contribution, 0) - r.hits[0].score);
console.log(e.suggest(papers[5].abstract));
