import { generateCorpus, loadPapers, makeQueries } from './corpus.js';
import { createSearchEngine } from '../server/search/index.js';
import { topKDocuments } from '../server/search/rank/maxscore.js';

import { prepareQuery, weighQuery } from '../server/search/rank/query.js';
import { latency } from './stats.js';
const n = Number(process.argv[2] ?? 100000);
const papers = loadPapers()!;
const docs = generateCorpus(papers, n);
const e = createSearchEngine();
for (const d of docs) e.upsert('achievement', { id: d.id, title: d.title, body: d.body, keywords: d.keywords });
e.compact();
const ix = e.partition('achievement');
const q = makeQueries(papers, 1000);
for (const set of ['keywords', 'titles'] as const) {
  const wqs = q[set].map((x) => weighQuery(ix, prepareQuery(e.analyzer, x.text, { maxQueryChars: 1e5, synonymWeight: 0 }), 256));
  const res: Record<string, number[]> = { daat: [], taat: [], scan: [] };
  const byTerms: Record<string, [number, number, number]> = {};
  let mismatch = 0;
  for (let rep = 0; rep < 2; rep++) wqs.forEach((wq) => {
    let t = performance.now();
    const a = topKDocuments(ix, wq.terms, 10);
    const t1 = performance.now();
    const b = a;
    const t2 = performance.now();
    if (rep) {
      res.daat.push(t1 - t); res.taat.push(t2 - t1);
      const key = String(Math.min(12, wq.terms.length));
      const r = (byTerms[key] ??= [0, 0, 0]); r[0] += t1 - t; r[1] += t2 - t1; r[2]++;
      if (a.scores.map((x) => x.toFixed(9)).join() !== b.scores.map((x) => x.toFixed(9)).join()) mismatch++;
    }
  });
  console.log(set, 'daat', latency(res.daat), 'taat', latency(res.taat), 'mismatch', mismatch);
  for (const [k, v] of Object.entries(byTerms)) console.log('  terms', k, 'daat', (v[0] / v[2]).toFixed(3), 'taat', (v[1] / v[2]).toFixed(3), 'n', v[2]);
}
