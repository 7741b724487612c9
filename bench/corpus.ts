import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A paper of the CSL development corpus. */
export interface Paper {
  id: string;
  title: string;
  abstract: string;
  keywords: string[];
  category: string;
  discipline: string;
}

/** A benchmark document: real papers come first (title withheld), generated ones follow. */
export interface BenchDoc {
  id: string;
  title: string;
  body: string;
  keywords: string[];
  discipline: string;
}

/** `<project>/../shared/data`, where the reference data lives beside the repository. */
export const SHARED_DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));

/**
 * Reads the 1,000 CSL papers, or returns null when the shared data is absent.
 *
 * @example
 * const papers = loadPapers(); if (!papers) console.log('skipped: no ../shared/data');
 */
export function loadPapers(dir = SHARED_DATA): Paper[] | null {
  const path = `${dir}/corpus/csl-dev.jsonl`;
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Paper);
}

/**
 * Mulberry32: a tiny deterministic PRNG, so every run generates the same corpus.
 *
 * @example
 * const rnd = mulberry32(42); rnd() // 0.6011…
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Clause ends: Chinese or ASCII comma, full stop, semicolon (an ASCII full stop only outside
// a decimal number).
const CLAUSE = /(?<=[，,。；;！？!?、])|(?<=[^\d]\.)(?=[^\d])/;
// Title pieces split at function words, which are kept as glue.
const TITLE_GLUE = /(的|与|及|和|在|中|对|基于|下|用于)/;

interface DisciplinePool {
  papers: Paper[];
  clauses: string[];
  keywords: string[];
  titlePieces: string[];
}

/**
 * Scales the real papers into a corpus of `n` documents. Documents 0–999 are the real papers
 * with their titles withheld (the title → paper task must find them from abstract and
 * keywords alone). Each further document belongs to a discipline (drawn with the real
 * distribution) and recombines that discipline's material: a title joined from pieces of two
 * real titles, 8–21 abstract clauses drawn from all the discipline's papers (numbers re-drawn
 * in some), 3–5 of its keywords, and sometimes an acronym drawn from a Zipf law, so the
 * vocabulary keeps growing with the corpus as real vocabularies do (Heaps' law). Mixing at
 * clause level keeps the text locally fluent and on-topic — hard distractors for the real
 * papers — without making thousands of near-copies of any one paper.
 *
 * @example
 * const docs = generateCorpus(papers, 100_000, 20240601);
 */
export function generateCorpus(papers: Paper[], n: number, seed = 20240601): BenchDoc[] {
  const rnd = mulberry32(seed);
  const pick = <T>(arr: readonly T[]): T => arr[Math.floor(rnd() * arr.length)];
  const pools = new Map<string, DisciplinePool>();
  for (const p of papers) {
    let pool = pools.get(p.discipline);
    if (!pool) pools.set(p.discipline, (pool = { papers: [], clauses: [], keywords: [], titlePieces: [] }));
    pool.papers.push(p);
    for (const s of p.abstract.split(CLAUSE)) if (s.trim().length >= 4) pool.clauses.push(s.trim());
    pool.keywords.push(...p.keywords);
    for (const piece of p.title.split(TITLE_GLUE)) if (piece && !TITLE_GLUE.test(piece)) pool.titlePieces.push(piece);
  }
  const docs: BenchDoc[] = [];
  for (const p of papers.slice(0, n)) {
    docs.push({ id: p.id, title: '', body: p.abstract, keywords: p.keywords, discipline: p.discipline });
  }
  const mutateNumbers = (s: string): string =>
    s.replace(/\d{2,}/g, (m) => String(Math.floor(rnd() * 9 * 10 ** (m.length - 1)) + 10 ** (m.length - 1)));
  for (let i = docs.length; i < n; i++) {
    const base = pick(papers);
    const pool = pools.get(base.discipline)!;
    const glue = ['的', '与', '中', '对', '及'][Math.floor(rnd() * 5)];
    const title = rnd() < 0.5 ? `基于${pick(pool.titlePieces)}的${pick(pool.titlePieces)}` : `${pick(pool.titlePieces)}${glue}${pick(pool.titlePieces)}`;
    const k = 8 + Math.floor(rnd() * 14);
    const sentences: string[] = [];
    for (let j = 0; j < k; j++) {
      const s = pick(pool.clauses);
      sentences.push(rnd() < 0.3 ? mutateNumbers(s) : s);
    }
    if (rnd() < 0.5) {
      // Log-uniform rank ≈ Zipf(1) over 500k synthetic acronyms.
      const rank = Math.floor(Math.exp(rnd() * Math.log(500_000)));
      let code = '';
      for (let r = rank; code.length < 3 || r > 0; r = Math.floor(r / 26)) code = String.fromCharCode(65 + (r % 26)) + code;
      sentences.splice(Math.floor(rnd() * sentences.length), 0, `采用${code}方法`);
    }
    const nk = 3 + Math.floor(rnd() * 3);
    const keywords = new Set<string>();
    // Bounded draws: a discipline with one paper has only a handful of distinct keywords.
    for (let j = 0; j < nk * 4 && keywords.size < nk; j++) keywords.add(pick(pool.keywords));
    docs.push({ id: `gen-${i}`, title, body: sentences.join(''), keywords: [...keywords], discipline: base.discipline });
  }
  return docs;
}

/** One query with the document it should find. */
export interface BenchQuery {
  text: string;
  target: string;
}

/**
 * The two query sets: (a) a paper's keywords → the paper; (b) a paper's title → the paper
 * (whose title is not indexed). Shuffled deterministically, so any prefix is a random sample.
 *
 * @example
 * const { keywords, titles } = makeQueries(papers, 1000);
 */
export function makeQueries(papers: Paper[], count: number, seed = 7): { keywords: BenchQuery[]; titles: BenchQuery[] } {
  const rnd = mulberry32(seed);
  const order = papers.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const chosen = order.slice(0, count).map((i) => papers[i]);
  return {
    keywords: chosen.map((p) => ({ text: p.keywords.join(' '), target: p.id })),
    titles: chosen.map((p) => ({ text: p.title, target: p.id })),
  };
}
