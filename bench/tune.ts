/**
 * Parameter study for the ranking (not part of `npm run bench`): builds one token cache, then
 * indexes it under several BM25F settings and reports MRR@10 for keyword and title queries.
 *
 *   node --import tsx bench/tune.ts --size 100000
 */
import { generateCorpus, loadPapers, makeQueries } from './corpus.js';
import { Analyzer, IntList } from '../server/search/tokenizer/analyzer.js';
import { InvertedIndex } from '../server/search/index/inverted-index.js';
import { createBm25f, createPlainBm25, type ImpactModel } from '../server/search/rank/bm25f.js';
import { topKDocuments } from '../server/search/rank/maxscore.js';
import { prepareQuery, weighQuery } from '../server/search/rank/query.js';
import { quality } from './stats.js';

const argv = process.argv.slice(2);
const size = Number(argv[argv.indexOf('--size') + 1] || 100000);
const papers = loadPapers();
if (!papers) {
  console.log('skipped: ../shared/data not found');
  process.exit(0);
}
const docs = generateCorpus(papers, size);
const q = makeQueries(papers, 1000);
const analyzer = new Analyzer();
const fields: Int32Array[][] = [];
const scratch = new IntList(1024);
for (const d of docs) {
  fields.push(
    [d.title, d.body, d.keywords.join('，')].map((text) => {
      scratch.clear();
      analyzer.indexTerms(text, scratch);
      return scratch.data.slice(0, scratch.length);
    }),
  );
}
const prepared = {
  keywords: q.keywords.map((x) => prepareQuery(analyzer, x.text, { maxQueryChars: 1e6, synonymWeight: 0 })),
  title: q.titles.map((x) => prepareQuery(analyzer, x.text, { maxQueryChars: 1e6, synonymWeight: 0 })),
};
const targets = { keywords: q.keywords.map((x) => x.target), title: q.titles.map((x) => x.target) };

export function evaluate(name: string, model: ImpactModel): void {
  const ix = new InvertedIndex({ impactModel: model });
  docs.forEach((d, i) => ix.add(d.id, fields[i] as [Int32Array, Int32Array, Int32Array]));
  ix.compact();
  const out: string[] = [];
  for (const set of ['keywords', 'title'] as const) {
    const runs = prepared[set].map((p, i): [string[], string] => {
      const wq = weighQuery(ix, p, 256);
      return [topKDocuments(ix, wq.terms, 10).docs.map((d) => ix.keys[d]), targets[set][i]];
    });
    const qq = quality(runs);
    out.push(`${set} ${qq.mrr10.toFixed(4)}/${qq.recall10.toFixed(3)}`);
  }
  console.log(name.padEnd(50), out.join('  '));
}

evaluate('plain BM25 k1=1.2 b=0.75', createPlainBm25());
if (argv.includes('--grid')) for (const k1 of [1.6, 2, 2.5]) evaluate(`plain BM25 k1=${k1} b=0.75`, createPlainBm25(k1, 0.75));
const grid: Array<[number, number, number, number, number, number]> = [];
for (const k1 of [2.0, 2.5, 3.2])
  for (const bb of [0.7, 0.8, 0.9]) grid.push([k1, 1, 3, 0.5, bb, 0.3]);
grid.push([2, 1, 4, 0.5, 0.75, 0.3], [2, 1, 3, 0.3, 0.75, 0.3], [2, 1, 3, 0.7, 0.75, 0.3], [2, 1, 3, 0.5, 0.75, 0.1]);
for (const [k1, wt, wk, bt, bb, bk] of argv.includes("--grid") ? grid : []) {
  evaluate(
    `BM25F k1=${k1} w=${wt}/1/${wk} b=${bt}/${bb}/${bk}`,
    createBm25f({ k1, weights: { title: wt, body: 1, keywords: wk }, b: { title: bt, body: bb, keywords: bk } }),
  );
}

// ── prototype: bigram rerank of the top 100 ──
function pairSet(seq: ArrayLike<number>, into: Map<number, number>): void {
  for (let i = 0; i + 1 < seq.length; i++) {
    if (seq[i] === seq[i + 1]) continue;
    const key = seq[i] * 4194304 + seq[i + 1];
    into.set(key, (into.get(key) ?? 0) + 1);
  }
}
export function evaluateBigram(name: string, model: ImpactModel, lambda: number, kPair: number): void {
  const ix = new InvertedIndex({ impactModel: model });
  docs.forEach((d, i) => ix.add(d.id, fields[i] as [Int32Array, Int32Array, Int32Array]));
  ix.compact();
  const docIndex = new Map(docs.map((d, i) => [d.id, i]));
  const out: string[] = [];
  for (const set of ['keywords', 'title'] as const) {
    const texts = set === 'keywords' ? q.keywords : q.titles;
    const runs = prepared[set].map((p, qi): [string[], string] => {
      const wq = weighQuery(ix, p, 256);
      const top = topKDocuments(ix, wq.terms, 100);
      const qseq: number[] = [];
      for (const t of analyzer.terms(texts[qi].text)) qseq.push(analyzer.idOf(t));
      const qpairs = new Map<number, number>();
      pairSet(qseq, qpairs);
      const scored = top.docs.map((d, i) => {
        const f = fields[docIndex.get(ix.keys[d])!];
        const dp = new Map<number, number>();
        pairSet(f[0], dp);
        pairSet(f[1], dp);
        pairSet(f[2], dp);
        let b = 0;
        for (const key of qpairs.keys()) {
          const c = dp.get(key);
          if (!c) continue;
          const t1 = Math.floor(key / 4194304);
          const t2 = key % 4194304;
          const w = Math.min(ix.idf(t1), ix.idf(t2));
          b += (w * c) / (c + kPair);
        }
        return { d, s: top.scores[i] / wq.norm + (lambda * b) / Math.max(wq.norm, 1e-9) };
      });
      scored.sort((a, b2) => b2.s - a.s);
      return [scored.slice(0, 10).map((x) => ix.keys[x.d]), targets[set][qi]];
    });
    const qq = quality(runs);
    out.push(`${set} ${qq.mrr10.toFixed(4)}/${qq.recall10.toFixed(3)}`);
  }
  console.log(name.padEnd(50), out.join('  '));
}
const base = createBm25f({ k1: 1.2, weights: { title: 1, body: 1, keywords: 1.5 }, b: { title: 0.5, body: 0.75, keywords: 0.5 } });
if (argv.includes('--bigram')) for (const [lambda, kp] of [[0, 1], [0.3, 1], [0.6, 1], [1, 1], [0.6, 0.5], [1, 2]]) evaluateBigram(`bigram λ=${lambda} k=${kp}`, base, lambda, kp);
