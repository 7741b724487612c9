import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDict } from '@node-rs/jieba/dict.js';
import { asciiRuns, createStemmer } from './english.js';
import { normalizeText } from './normalize.js';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords.js';
import type { UserWord } from './dictionary.js';

/**
 * Growable Int32 list used on the indexing hot path (no per-token allocation).
 *
 * @example
 * const ids = new IntList(); ids.push(7); ids.data.subarray(0, ids.length) // Int32Array [7]
 */
export class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 256) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  clear(): void {
    this.length = 0;
  }
}

export interface AnalyzerOptions {
  /** A ready jieba instance (e.g. shared between engines); default: a new one with jieba's dictionary. */
  jieba?: Jieba;
  /** jieba's HMM for words not in the dictionary (names, new terms). Default true. */
  hmm?: boolean;
  /** Use the built-in Chinese and English stopword lists. Default true. */
  builtinStopwords?: boolean;
  /** Extra stopwords (deployer file, see `loadStopwordFile`). */
  stopwords?: Iterable<string>;
  /** Words for jieba's user dictionary (platform vocabulary, THUOCL lists). */
  userWords?: Iterable<string | UserWord>;
  /** Synonym groups (see `parseSynonyms`). */
  synonyms?: string[][];
  /** jieba frequency for user words given without one. Default 2,000 (wins over its parts). */
  defaultWordFreq?: number;
  /** Upper bound for user word frequencies: keeps a huge THUOCL count from swallowing neighbours. */
  maxWordFreq?: number;
  /** At most this many synonyms are added per query term. Default 8. */
  maxSynonymsPerTerm?: number;
}

/**
 * What another thread needs to build an analyzer that segments and filters exactly like this
 * one: the user-dictionary lines given to jieba, the stopword set, the HMM switch.
 */
export interface AnalyzerSnapshot {
  hmm: boolean;
  dictionaryLines: string[];
  stopwords: string[];
}

/** Result of analysing a query: term ids known to the vocabulary, with their counts. */
export interface AnalyzedQuery {
  ids: number[];
  counts: number[];
  /** Words of the query that no indexed document contains (shown to users, never an error). */
  unknown: string[];
}

const DROP = -1;
const MULTI = -2;
const UNSEEN = -3;

/**
 * Open-addressing hash map from two int32 keys to small ints, for three- and four-character
 * tokens packed as (c0 << 16 | c1, c2 << 16 | c3), with 0xffff standing for the absent fourth
 * character (U+FFFF is a noncharacter). Same reason as {@link PairTable}: a string hash of a
 * fresh jieba token costs several times more than hashing its char codes.
 */
class QuadTable {
  private k1 = new Int32Array(1 << 12);
  private k2 = new Int32Array(1 << 12);
  private vals = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private count = 0;

  get(a: number, b: number): number {
    const k1 = this.k1;
    const k2 = this.k2;
    const vals = this.vals;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 0 & this.mask;
    for (;;) {
      const v = vals[i];
      if (v === 0) return UNSEEN;
      if (k1[i] === a && k2[i] === b) return v - 4;
      i = (i + 1) & this.mask;
    }
  }

  set(a: number, b: number, value: number): void {
    if ((this.count + 1) * 2 > this.mask) this.rehash();
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 0 & this.mask;
    while (this.vals[i] !== 0 && !(this.k1[i] === a && this.k2[i] === b)) i = (i + 1) & this.mask;
    if (this.vals[i] === 0) this.count++;
    this.k1[i] = a;
    this.k2[i] = b;
    this.vals[i] = value + 4;
  }

  private rehash(): void {
    const { k1, k2, vals } = this;
    const size = k1.length * 2;
    this.k1 = new Int32Array(size);
    this.k2 = new Int32Array(size);
    this.vals = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < k1.length; i++) if (vals[i] !== 0) this.set(k1[i], k2[i], vals[i] - 4);
  }
}

/** Second key of a three- or four-character token for {@link QuadTable}. */
function quadKey(tok: string): number {
  return (tok.charCodeAt(2) << 16) | (tok.length === 4 ? tok.charCodeAt(3) : 0xffff);
}

/**
 * Open-addressing hash map from int32 keys to small ints, for two-character tokens packed as
 * (c0 << 16 | c1). Looking up a fresh string from jieba in a `Map<string, …>` costs a string
 * hash per token; most Chinese tokens are one or two characters, and hashing two char codes
 * is several times cheaper. Values are stored +4 so that 0 marks an empty slot.
 */
class PairTable {
  private keys = new Int32Array(1 << 12);
  private vals = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private count = 0;

  get(key: number): number {
    const keys = this.keys;
    const vals = this.vals;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    for (;;) {
      const v = vals[i];
      if (v === 0) return UNSEEN;
      if (keys[i] === key) return v - 4;
      i = (i + 1) & this.mask;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.mask) this.rehash();
    const keys = this.keys;
    const vals = this.vals;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    while (vals[i] !== 0 && keys[i] !== key) i = (i + 1) & this.mask;
    if (vals[i] === 0) this.count++;
    keys[i] = key;
    vals[i] = value + 4;
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const size = oldKeys.length * 2;
    this.keys = new Int32Array(size);
    this.vals = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldVals[i] !== 0) this.set(oldKeys[i], oldVals[i] - 4);
  }
}
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const IS_ASCII = /^[\x00-\x7f]*$/;
const PURE_DIGITS = /^[0-9]+$/;
const HAS_NON_ASCII_LETTER = /[^\x00-\x7f]/;

/**
 * The text pipeline: normalization → jieba (search mode) → per-token filtering (stopwords,
 * punctuation, numbers) → English stemming. It owns the vocabulary (term ↔ id), so indexes
 * built with the same analyzer share term ids.
 *
 * Per-token work is done once per distinct raw token and cached, so indexing costs one jieba
 * call per field plus one Map lookup per token.
 *
 * @example
 * const a = new Analyzer({ userWords: ['枸杞多糖'] });
 * a.terms('枸杞多糖的提取 Deep Networks') // ['枸杞', '多糖', '枸杞多糖', '提取', 'deep', 'network']
 */
export class Analyzer {
  readonly jieba: Jieba;
  readonly hmm: boolean;
  /** term id → term text. */
  readonly vocabulary: string[] = [];
  /** term text → term id. */
  readonly termIds = new Map<string, number>();
  private readonly stopwords = new Set<string>();
  private readonly stem = createStemmer('english');
  /** Raw token → term id, DROP or MULTI: one-character tokens by char code, two by packed pair. */
  private single = new Int32Array(0x10000).fill(UNSEEN);
  private pairs = new PairTable();
  private quads = new QuadTable();
  private cache = new Map<string, number>();
  private multi = new Map<string, string[]>();
  private readonly synonyms = new Map<string, string[]>();
  private readonly defaultWordFreq: number;
  private readonly maxWordFreq: number;
  private readonly maxSynonymsPerTerm: number;
  /** Increases whenever segmentation may change (user words), so callers can tell. */
  dictionaryVersion = 0;
  /** Every line loaded into jieba's user dictionary, for {@link snapshot}. */
  private readonly dictionaryLines: string[] = [];
  /** Set when jieba came from outside: its dictionary cannot be replayed elsewhere. */
  private readonly externalJieba: boolean;

  constructor(options: AnalyzerOptions = {}) {
    this.jieba = options.jieba ?? Jieba.withDict(jiebaDict);
    this.externalJieba = options.jieba !== undefined;
    this.hmm = options.hmm ?? true;
    this.defaultWordFreq = options.defaultWordFreq ?? 2_000;
    this.maxWordFreq = options.maxWordFreq ?? 100_000;
    this.maxSynonymsPerTerm = options.maxSynonymsPerTerm ?? 8;
    if (options.builtinStopwords ?? true) {
      for (const w of CHINESE_STOPWORDS) this.stopwords.add(w);
      for (const w of ENGLISH_STOPWORDS) this.stopwords.add(w);
    }
    if (options.stopwords) this.addStopwords(options.stopwords);
    if (options.userWords) this.addWords(options.userWords);
    if (options.synonyms) this.addSynonyms(options.synonyms);
  }

  /**
   * Adds words to jieba's user dictionary (keywords, industry and discipline names,
   * organization names, deployer lexicons). Words containing spaces or without a letter are
   * ignored. Returns the number of words added. Documents indexed before the call keep their
   * old segmentation; since search mode also emits the parts of a compound, they remain findable.
   *
   * @example
   * analyzer.addWords(['滩羊', { word: '枸杞多糖', freq: 5000 }]) // 2
   */
  addWords(words: Iterable<string | UserWord>): number {
    const lines: string[] = [];
    for (const w of words) {
      const word = normalizeText(typeof w === 'string' ? w : w.word).trim();
      if (!word || /\s/.test(word) || !HAS_LETTER_OR_DIGIT.test(word)) continue;
      const given = typeof w === 'string' ? undefined : w.freq;
      const freq = Math.max(1, Math.min(this.maxWordFreq, Math.round(given ?? this.defaultWordFreq)));
      lines.push(`${word} ${freq}`);
    }
    if (lines.length === 0) return 0;
    this.jieba.loadDict(Buffer.from(lines.join('\n') + '\n', 'utf8'));
    for (const line of lines) this.dictionaryLines.push(line);
    this.dictionaryVersion++;
    return lines.length;
  }

  /**
   * Adds stopwords (normalized like text). Clears the token cache, since tokens already seen
   * may now be dropped.
   *
   * @example
   * analyzer.addStopwords(['公司', '有限公司']);
   */
  addStopwords(words: Iterable<string>): void {
    for (const w of words) {
      const n = normalizeText(w).trim();
      if (!n) continue;
      this.stopwords.add(n);
      if (IS_ASCII.test(n)) this.stopwords.add(this.stem(n));
    }
    this.resetCaches();
  }

  private resetCaches(): void {
    this.single = new Int32Array(0x10000).fill(UNSEEN);
    this.pairs = new PairTable();
    this.quads = new QuadTable();
    this.cache = new Map();
    this.multi = new Map();
  }

  /** Cached classification of a raw token (UNSEEN when not cached). */
  private cached(tok: string): number {
    const len = tok.length;
    if (len === 1) return this.single[tok.charCodeAt(0)];
    if (len === 2) return this.pairs.get((tok.charCodeAt(0) << 16) | tok.charCodeAt(1));
    if (len <= 4) return this.quads.get((tok.charCodeAt(0) << 16) | tok.charCodeAt(1), quadKey(tok));
    return this.cache.get(tok) ?? UNSEEN;
  }

  /**
   * The configuration another thread needs to analyse text identically (see
   * `SearchEngine.upsertManyParallel`). Throws when jieba was passed in from outside, since its
   * dictionary cannot be replayed.
   *
   * @example
   * const copy = Analyzer.fromSnapshot(analyzer.snapshot());
   */
  snapshot(): AnalyzerSnapshot {
    if (this.externalJieba) throw new Error('an analyzer built on an external jieba instance cannot be replicated');
    return { hmm: this.hmm, dictionaryLines: [...this.dictionaryLines], stopwords: [...this.stopwords] };
  }

  /**
   * An analyzer that segments and filters like the one the snapshot was taken from (its own
   * vocabulary starts empty).
   *
   * @example
   * const worker = Analyzer.fromSnapshot(main.snapshot());
   */
  static fromSnapshot(s: AnalyzerSnapshot): Analyzer {
    const a = new Analyzer({ hmm: s.hmm, builtinStopwords: false });
    for (const w of s.stopwords) a.stopwords.add(w);
    if (s.dictionaryLines.length) {
      a.jieba.loadDict(Buffer.from(s.dictionaryLines.join('\n') + '\n', 'utf8'));
      a.dictionaryLines.push(...s.dictionaryLines);
    }
    return a;
  }

  /** Whether a normalized word is a stopword. @example analyzer.isStopword('的') // true */
  isStopword(word: string): boolean {
    return this.stopwords.has(word);
  }

  /**
   * Registers synonym groups for query expansion. Each member is reduced to one term; a member
   * that jieba would split (e.g. 太阳能发电) is first added as a user word when `registerWords`
   * is true (the default — right for curated deployer lists; pass false for large general
   * thesauri such as Cilin, whose phrases would disturb segmentation).
   *
   * @example
   * analyzer.addSynonyms([['光伏', '太阳能发电']]);
   * analyzer.synonymsOf('光伏') // ['太阳能发电']
   */
  addSynonyms(groups: string[][], options: { registerWords?: boolean } = {}): void {
    const register = options.registerWords ?? true;
    if (register) {
      const toAdd: string[] = [];
      for (const g of groups) for (const m of g) if (this.singleTerm(m) === null) toAdd.push(m);
      if (toAdd.length) this.addWords(toAdd);
    }
    for (const g of groups) {
      const terms = [...new Set(g.map((m) => this.singleTerm(m)).filter((t): t is string => t !== null))];
      if (terms.length < 2) continue;
      for (const t of terms) {
        const list = this.synonyms.get(t) ?? [];
        for (const o of terms) if (o !== t && !list.includes(o)) list.push(o);
        this.synonyms.set(t, list);
      }
    }
  }

  /** Synonyms registered for a term. @example analyzer.synonymsOf('光伏') */
  synonymsOf(term: string): readonly string[] {
    const s = this.synonyms.get(term);
    return s ? s.slice(0, this.maxSynonymsPerTerm) : [];
  }

  /** Whether any synonym group is loaded. @example analyzer.hasSynonyms() */
  hasSynonyms(): boolean {
    return this.synonyms.size > 0;
  }

  /** The single term a word reduces to, or null when it is a stopword or several terms. */
  private singleTerm(word: string): string | null {
    const n = normalizeText(word).trim();
    if (!n) return null;
    const toks = this.jieba.cut(n, this.hmm);
    const terms: string[] = [];
    for (const t of toks) terms.push(...this.classify(t));
    return terms.length === 1 ? terms[0] : null;
  }

  /** Normalizes text the way every indexed and query text is. @example analyzer.normalize('ＡＢＣ') // 'abc' */
  normalize(text: string): string {
    return normalizeText(text);
  }

  /**
   * Raw jieba search-mode tokens of normalized text (before filtering and stemming).
   *
   * @example
   * analyzer.segment('深度学习') // ['深度', '学习', '深度学习']
   */
  segment(text: string): string[] {
    return this.jieba.cutForSearch(normalizeText(text), this.hmm);
  }

  /**
   * The terms of a text, as the index sees them (search mode, filtered, stemmed).
   *
   * @example
   * analyzer.terms('The neural networks of 图像识别') // ['neural', 'network', '图像', '识别', '图像识别']
   */
  terms(text: string): string[] {
    const out: string[] = [];
    for (const tok of this.segment(text)) {
      const cached = this.cached(tok);
      if (cached >= 0) out.push(this.vocabulary[cached]);
      else if (cached === DROP) continue;
      else out.push(...this.classify(tok));
    }
    return out;
  }

  /**
   * Surface words in jieba's precise mode with the term each maps to; used for keyword
   * suggestions, where whole words read better than search-mode fragments.
   *
   * @example
   * analyzer.words('枸杞多糖提取 networks') // [{word:'枸杞',term:'枸杞'}, …, {word:'networks',term:'network'}]
   */
  words(text: string): Array<{ word: string; term: string }> {
    const out: Array<{ word: string; term: string }> = [];
    for (const tok of this.jieba.cut(normalizeText(text), this.hmm)) {
      if (IS_ASCII.test(tok)) {
        for (const run of asciiRuns(tok)) {
          const terms = this.classify(run);
          if (terms.length === 1) out.push({ word: run, term: terms[0] });
        }
      } else {
        const terms = this.classify(tok);
        if (terms.length === 1) out.push({ word: tok, term: terms[0] });
      }
    }
    return out;
  }

  /**
   * Appends the term ids of `text` to `out`, creating ids for new terms. The indexing hot path.
   *
   * @example
   * const ids = new IntList(); analyzer.indexTerms('枸杞多糖', ids); ids.length // 3
   */
  indexTerms(text: string, out: IntList): void {
    if (!text) return;
    const toks = this.jieba.cutForSearch(normalizeText(text), this.hmm);
    const cache = this.cache;
    const single = this.single;
    const pairs = this.pairs;
    const quads = this.quads;
    for (let i = 0; i < toks.length; i++) {
      const tok = toks[i];
      const len = tok.length;
      let id: number;
      if (len === 1) id = single[tok.charCodeAt(0)];
      else if (len === 2) id = pairs.get((tok.charCodeAt(0) << 16) | tok.charCodeAt(1));
      else if (len <= 4) id = quads.get((tok.charCodeAt(0) << 16) | tok.charCodeAt(1), quadKey(tok));
      else id = cache.get(tok) ?? UNSEEN;
      if (id === UNSEEN) id = this.learn(tok);
      if (id >= 0) out.push(id);
      else if (id === MULTI) {
        for (const term of this.multi.get(tok)!) out.push(this.intern(term));
      }
    }
  }

  /**
   * Analyses a query: known term ids with counts, and the words no document contains. Never
   * creates term ids, so arbitrary queries cannot grow the vocabulary.
   *
   * @example
   * const q = analyzer.analyzeQuery('枸杞 枸杞 加工'); // counts [2, 1] if both terms are indexed
   */
  analyzeQuery(text: string): AnalyzedQuery {
    const counts = new Map<number, number>();
    const unknown: string[] = [];
    const add = (term: string): void => {
      const id = this.termIds.get(term);
      if (id === undefined) {
        if (!unknown.includes(term)) unknown.push(term);
        return;
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    };
    for (const tok of this.segment(text)) {
      const id = this.cached(tok);
      if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + 1);
      else if (id === DROP) continue;
      else for (const term of this.classify(tok)) add(term);
    }
    return { ids: [...counts.keys()], counts: [...counts.values()], unknown };
  }

  /** The id of a term, or -1. @example analyzer.idOf('枸杞') */
  idOf(term: string): number {
    return this.termIds.get(term) ?? -1;
  }

  /** Interns a term and returns its id. */
  intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.vocabulary.length;
      this.vocabulary.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  /** Classifies an unseen raw token, interns its terms and caches the outcome. */
  private learn(tok: string): number {
    const terms = this.classify(tok);
    let id: number;
    if (terms.length === 0) id = DROP;
    else if (terms.length === 1) id = this.intern(terms[0]);
    else {
      id = MULTI;
      this.multi.set(tok, terms);
      for (const t of terms) this.intern(t);
    }
    if (tok.length === 1) this.single[tok.charCodeAt(0)] = id;
    else if (tok.length === 2) this.pairs.set((tok.charCodeAt(0) << 16) | tok.charCodeAt(1), id);
    else if (tok.length <= 4) this.quads.set((tok.charCodeAt(0) << 16) | tok.charCodeAt(1), quadKey(tok), id);
    else this.cache.set(tok, id);
    return id;
  }

  /**
   * The terms of one raw jieba token. ASCII tokens are split into alphanumeric runs so that
   * jieba's view of `covid-19` and a plain-English tokenizer's agree; pure numbers are kept
   * only when they look like identifiers (3–8 digits: alloy grades, standards, years), since
   * short numbers and decimals are measurement noise.
   */
  private classify(tok: string): string[] {
    if (IS_ASCII.test(tok)) {
      const out: string[] = [];
      for (const run of asciiRuns(tok)) {
        if (PURE_DIGITS.test(run)) {
          if (run.length >= 3 && run.length <= 8) out.push(run);
          continue;
        }
        if (run.length < 2 || this.stopwords.has(run)) continue;
        // Stem only plain words: codes such as x86 or co2 must stay as written.
        const term = /^[a-z]+$/.test(run) && run.length > 3 ? this.stem(run) : run;
        if (!this.stopwords.has(term)) out.push(term);
      }
      return out;
    }
    const t = tok.trim();
    if (!t || this.stopwords.has(t)) return [];
    if (!HAS_LETTER_OR_DIGIT.test(t)) return [];
    if (!CJK.test(t) && !HAS_NON_ASCII_LETTER.test(t)) return [];
    return [t];
  }
}
