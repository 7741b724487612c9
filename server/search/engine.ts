import { SearchError } from './errors.js';
import { explainTerms, rawScore, sumReasons } from './explain/explain.js';
import {
  compileFilter,
  decodeRegion,
  encodeRegion,
  FacetDictionary,
  sideCode,
  sideOfRegion,
  SIDES,
} from './index/facets.js';
import { grow } from './index/growable.js';
import { InvertedIndex, type DocAttributes } from './index/inverted-index.js';
import { createBm25f, DEFAULT_BM25F, type Bm25fParams, type ImpactModel } from './rank/bm25f.js';
import { topKDocuments } from './rank/maxscore.js';
import { prepareQuery, weighQuery, type PreparedQuery, type QueryTerm, type WeightedQuery } from './rank/query.js';
import {
  agreement,
  DEFAULT_PARAMS,
  DEFAULT_WEIGHTS,
  loadFraction,
  pairingOf,
  publicationShares,
  recencyValue,
  resolveParams,
  resolveWeights,
  SEARCH_WEIGHTS,
  yearOf,
} from './rank/signals.js';
import { queryWeight } from './rank/bm25f.js';
import { suggestFacet, suggestKeywords, type FacetSuggestion, type KeywordSuggestion, type SuggestSource } from './suggest/suggest.js';
import { Analyzer, IntList, type AnalyzerOptions } from './tokenizer/analyzer.js';
import { ParallelAnalysis } from './tokenizer/parallel.js';
import type { UserWord } from './tokenizer/dictionary.js';
import {
  KINDS,
  type Kind,
  type MatchContext,
  type MatchParams,
  type MatchQuery,
  type MatchWeights,
  type PublicationReason,
  type Reason,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchRecord,
  type SearchResult,
} from './types.js';

export interface SearchEngineOptions extends AnalyzerOptions {
  /** Share one analyzer (vocabulary, jieba dictionary) between engines. */
  analyzer?: Analyzer;
  /** BM25F field weights and length normalization (index-time: changing them needs a rebuild). */
  bm25f?: Bm25fParams;
  /** Replaces the BM25F scorer altogether (e.g. `createPlainBm25()` for a baseline). */
  impactModel?: ImpactModel;
  /** Default matching weights (each query may override). */
  weights?: Partial<MatchWeights>;
  params?: Partial<MatchParams>;
  /** East–West pairings as region-prefix pairs, e.g. [['64', '35']] (Ningxia–Fujian). */
  pairings?: ReadonlyArray<readonly [string, string]>;
  /** Longest accepted query text. Default 32,768 characters. */
  maxQueryChars?: number;
  /** Most terms a query keeps (the heaviest). Default 256. */
  maxQueryTerms?: number;
  /** Weight of a synonym relative to its query term. Default 0.5. */
  synonymWeight?: number;
  /** Reference year for recency (tests pin it). Default: the current year. */
  currentYear?: () => number;
}

/** Options of the reverse direction (demands for an expert or organization). */
export interface DemandsForOptions {
  limit?: number;
  offset?: number;
  filters?: SearchFilters;
  weights?: Partial<MatchWeights>;
  params?: Partial<MatchParams>;
  pairings?: ReadonlyArray<readonly [string, string]>;
  /** Overrides the context taken from the profile. */
  context?: MatchContext;
  /** Terms kept from the profile (by TF-IDF). Default 64. */
  maxTerms?: number;
  explain?: boolean;
}

export interface SuggestOptions {
  keywords?: number;
  disciplines?: number;
  industries?: number;
  /** Neighbours consulted for disciplines and industries. Default 30. */
  neighbours?: number;
}

export interface Suggestions {
  keywords: KeywordSuggestion[];
  disciplines: FacetSuggestion[];
  industries: FacetSuggestion[];
}

export interface EngineStats {
  vocabulary: number;
  kinds: Record<Kind, { documents: number; publications: number; segments: number; postings: number; bytes: number }>;
}

/** Publications of experts (or organizations): a partition plus ownership bookkeeping. */
interface Evidence {
  index: InvertedIndex;
  /** Per publication document: title (for explanations), own id. */
  titles: string[];
  pubIds: string[];
  /** Owner id → group number (stable across owner updates). */
  groups: Map<string, number>;
  /** Group → the owner's current document in the owner partition (-1 when removed). */
  groupDoc: Int32Array;
  /** Group → keys of its publication documents. */
  groupKeys: Map<number, string[]>;
}

interface Candidate {
  doc: number;
  rel: number;
  /** Evidence mode: profile relevance, share, and the publications used. */
  profileRel?: number;
  alpha?: number;
  pubs?: Array<{ doc: number; rel: number }>;
}

const SEP = '\u0001';

/**
 * The matching engine: one analyzer, one inverted-index partition per kind (plus the
 * publications of experts and organizations), matching with explanations, suggestions.
 * Pure and synchronous: the caller feeds records (at start-up and on every write) and asks.
 *
 * @example
 * const engine = createSearchEngine({ pairings: [['64', '35']] });
 * engine.upsert('expert', {
 *   id: 'e1', title: '王教授 福建农林大学', disciplines: ['食品科学与工程'], region: '350102',
 *   publications: [{ id: 'p1', title: '枸杞多糖的提取工艺', abstract: '…', year: 2022 }],
 * });
 * const { hits } = engine.match({ kind: 'expert', text: '枸杞深加工', context: { region: '6401' } });
 * hits[0].reasons // terms, publications, pairing … summing to hits[0].score
 */
export class SearchEngine {
  readonly analyzer: Analyzer;
  private readonly partitions: Record<Kind, InvertedIndex>;
  private readonly evidence: Partial<Record<Kind, Evidence>>;
  readonly disciplines = new FacetDictionary();
  readonly industries = new FacetDictionary();
  readonly statuses = new FacetDictionary();
  private readonly weights: MatchWeights;
  private readonly params: MatchParams;
  private pairings: Array<readonly [string, string]>;
  private readonly maxQueryChars: number;
  private readonly maxQueryTerms: number;
  private readonly prepareOptions: { maxQueryChars: number; synonymWeight: number };
  private readonly currentYear: () => number;
  private readonly fieldLists = [new IntList(64), new IntList(1024), new IntList(64)] as const;

  constructor(options: SearchEngineOptions = {}) {
    this.analyzer = options.analyzer ?? new Analyzer(options);
    const model = options.impactModel ?? createBm25f(options.bm25f ?? DEFAULT_BM25F);
    const make = (): InvertedIndex => new InvertedIndex({ impactModel: model });
    this.partitions = { demand: make(), expert: make(), achievement: make(), organization: make() };
    const ev = (): Evidence => ({
      index: make(),
      titles: [],
      pubIds: [],
      groups: new Map(),
      groupDoc: new Int32Array(16).fill(-1),
      groupKeys: new Map(),
    });
    this.evidence = { expert: ev(), organization: ev() };
    this.weights = resolveWeights(options.weights, DEFAULT_WEIGHTS);
    this.params = resolveParams(options.params, DEFAULT_PARAMS);
    this.pairings = validatePairings(options.pairings ?? []);
    this.maxQueryChars = options.maxQueryChars ?? 32_768;
    this.maxQueryTerms = options.maxQueryTerms ?? 256;
    this.prepareOptions = { maxQueryChars: this.maxQueryChars, synonymWeight: options.synonymWeight ?? 0.5 };
    this.currentYear = options.currentYear ?? (() => new Date().getUTCFullYear());
  }

  // ── vocabulary ────────────────────────────────────────────────────────────────────────

  /**
   * Adds words to the segmentation dictionary: the platform's keywords, industry and
   * discipline names, organization names, or a deployer lexicon (`loadUserDictionary`).
   * Best called before indexing (documents indexed earlier keep their segmentation).
   *
   * @example
   * engine.addWords(['滩羊', '冷凉蔬菜', { word: '宁夏大学', freq: 5000 }]);
   */
  addWords(words: Iterable<string | UserWord>): number {
    return this.analyzer.addWords(words);
  }

  /** Adds stopwords (e.g. `loadStopwordFile(path)`). @example engine.addStopwords(['公司']) */
  addStopwords(words: Iterable<string>): void {
    this.analyzer.addStopwords(words);
  }

  /**
   * Adds synonym groups for query expansion (e.g. `loadSynonymFile(path)`).
   *
   * @example
   * engine.addSynonyms([['光伏', '太阳能发电']]);
   */
  addSynonyms(groups: string[][], options?: { registerWords?: boolean }): void {
    this.analyzer.addSynonyms(groups, options);
  }

  /** Replaces the East–West pairings. @example engine.setPairings([['64', '35'], ['64', '11']]) */
  setPairings(pairings: ReadonlyArray<readonly [string, string]>): void {
    this.pairings = validatePairings(pairings);
  }

  // ── writes ────────────────────────────────────────────────────────────────────────────

  /**
   * Adds or replaces a record (and, for experts and organizations, all its publications).
   * Visible to the next query.
   *
   * @example
   * engine.upsert('demand', { id: 'd1', title: '枸杞烘干能耗高', body: '…', industries: ['枸杞'], region: '640181' });
   */
  upsert(kind: Kind, record: SearchRecord): void {
    const units = this.unitsOf(kind, record);
    this.apply(kind, record, (i) => this.tokenizeFields(units[i]));
  }

  /**
   * Adds or replaces many records, then seals them (the fast path for start-up).
   *
   * @example
   * engine.upsertMany('achievement', rows.map(toSearchRecord));
   */
  upsertMany(kind: Kind, records: Iterable<SearchRecord>): number {
    let n = 0;
    for (const r of records) {
      this.upsert(kind, r);
      n++;
    }
    this.commit();
    return n;
  }

  /**
   * `upsertMany` with segmentation on worker threads: the bulk-load path for start-up. The
   * index built is identical to the sequential one (results are applied in order); words and
   * stopwords added before the call are replicated to the workers. Worth it from a few
   * thousand records; `threads` defaults to 2.
   *
   * @example
   * await engine.upsertManyParallel('expert', experts, { threads: 2 });
   */
  async upsertManyParallel(
    kind: Kind,
    records: readonly SearchRecord[],
    options: { threads?: number; batchSize?: number } = {},
  ): Promise<number> {
    checkKind(kind);
    const plans = records.map((r) => ({ record: r, units: this.unitsOf(kind, r) }));
    // Batches of whole records, about `batchSize` units each.
    const batchSize = Math.max(1, options.batchSize ?? 200);
    const batches: Array<{ start: number; end: number; texts: string[] }> = [];
    for (let i = 0; i < plans.length; ) {
      const start = i;
      const texts: string[] = [];
      while (i < plans.length && (texts.length < batchSize * 3 || i === start)) {
        for (const u of plans[i].units) texts.push(u[0], u[1], u[2]);
        i++;
      }
      batches.push({ start, end: i, texts });
    }
    const pa = new ParallelAnalysis(this.analyzer, options.threads ?? 2);
    try {
      await pa.run(
        batches.map((b) => b.texts),
        (b, fields) => {
          let unit = 0;
          for (let r = batches[b].start; r < batches[b].end; r++) {
            const base = unit;
            this.apply(kind, plans[r].record, (i) => fields(base + i));
            unit += plans[r].units.length;
          }
        },
      );
    } finally {
      await pa.close();
    }
    this.commit();
    return records.length;
  }

  /**
   * Removes a record (and its publications). Returns false when the engine does not hold it.
   *
   * @example
   * engine.remove('expert', 'e1') // true
   */
  remove(kind: Kind, id: string): boolean {
    checkKind(kind);
    const removed = this.partitions[kind].remove(id);
    const ev = this.evidence[kind];
    if (ev) {
      const g = ev.groups.get(id);
      if (g !== undefined) {
        for (const key of ev.groupKeys.get(g) ?? []) ev.index.remove(key);
        ev.groupKeys.delete(g);
        ev.groupDoc[g] = -1;
      }
    }
    return removed;
  }

  /**
   * Updates the fast-changing attributes of a record without re-indexing its text: an
   * expert's open matches after a new match, a demand's status after review.
   *
   * @example
   * engine.updateSignals('expert', 'e1', { load: 4 });
   */
  updateSignals(
    kind: Kind,
    id: string,
    signals: { load?: number; status?: string; date?: SearchRecord['date'] },
  ): boolean {
    checkKind(kind);
    const attrs: DocAttributes = {};
    if (signals.load !== undefined) attrs.load = signals.load;
    if (signals.status !== undefined) attrs.status = this.statuses.intern(signals.status) + 1;
    if (signals.date !== undefined) attrs.year = yearOf(signals.date);
    return this.partitions[kind].setAttributesOf(id, attrs);
  }

  /** Whether a record is held. @example engine.has('expert', 'e1') */
  has(kind: Kind, id: string): boolean {
    checkKind(kind);
    return this.partitions[kind].docOf(id) >= 0;
  }

  /** Live records of a kind (or of all kinds). @example engine.size('expert') */
  size(kind?: Kind): number {
    if (kind) {
      checkKind(kind);
      return this.partitions[kind].size;
    }
    return KINDS.reduce((s, k) => s + this.partitions[k].size, 0);
  }

  /** Seals pending writes (queries do it themselves). @example engine.commit() */
  commit(): void {
    for (const k of KINDS) {
      this.partitions[k].commit();
      this.evidence[k]?.index.commit();
    }
  }

  /**
   * Merges all segments and drops deleted documents; trims build buffers. Call after a bulk
   * load or from a maintenance job.
   *
   * @example
   * engine.upsertMany('expert', experts); engine.compact();
   */
  compact(): void {
    for (const k of KINDS) {
      for (const ix of [this.partitions[k], this.evidence[k]?.index]) {
        if (!ix) continue;
        ix.compact();
        ix.shrink();
      }
    }
  }

  // ── queries ───────────────────────────────────────────────────────────────────────────

  /**
   * Plain retrieval by text relevance (BM25F; experts and organizations aggregate their
   * publications). `kind` may be one kind, several, or omitted for all. Throws `SearchError`
   * for an empty or overlong query; returns no hits when no document matches.
   *
   * @example
   * engine.search({ text: '葡萄酒 酿造', kind: 'achievement', limit: 5, filters: { region: '64' } })
   */
  search(query: SearchQuery): SearchResult {
    const t0 = performance.now();
    const kinds = query.kind === undefined ? [...KINDS] : Array.isArray(query.kind) ? [...query.kind] : [query.kind as Kind];
    kinds.forEach(checkKind);
    const { limit, offset } = checkPaging(query.limit, query.offset);
    const prepared = prepareQuery(this.analyzer, query.text, this.prepareOptions);
    const weights = { ...SEARCH_WEIGHTS };
    const params = { ...this.params };
    const explain = query.explain ?? true;
    let hits: SearchHit[] = [];
    for (const kind of kinds) {
      hits.push(...this.rank(kind, prepared, query.filters, limit + offset, weights, params, {}, [], explain));
    }
    if (kinds.length > 1) hits.sort((a, b) => b.score - a.score);
    hits = hits.slice(offset, offset + limit);
    return this.result(hits, prepared, weights, params, t0);
  }

  /**
   * Matching for one kind: text relevance plus discipline and industry agreement, East–West
   * pairing, load and recency, each weighted (defaults in `DEFAULT_WEIGHTS`, overridable per
   * query) and explained. Every hit's `reasons` sum to its `score`.
   *
   * @example
   * engine.match({
   *   kind: 'expert', text: demand.title + '\n' + demand.description, limit: 10,
   *   context: { disciplines: ['食品科学与工程'], industries: ['枸杞'], region: '640181' },
   *   filters: { side: 'east' },
   * })
   */
  match(query: MatchQuery): SearchResult {
    const t0 = performance.now();
    checkKind(query.kind);
    const { limit, offset } = checkPaging(query.limit, query.offset);
    const weights = resolveWeights(query.weights, this.weights);
    const params = resolveParams(query.params, this.params);
    const pairings = query.pairings ? validatePairings(query.pairings) : this.pairings;
    const prepared = prepareQuery(this.analyzer, query.text, this.prepareOptions);
    const hits = this.rank(
      query.kind,
      prepared,
      query.filters,
      limit + offset,
      weights,
      params,
      query.context ?? {},
      pairings,
      query.explain ?? true,
    ).slice(offset, offset + limit);
    return this.result(hits, prepared, weights, params, t0);
  }

  /**
   * The reverse direction: demands that fit an expert or organization. The profile (title,
   * body, keywords and every publication) becomes a weighted query of its most characteristic
   * terms (TF-IDF against the demands), and its disciplines, industries and region become the
   * matching context.
   *
   * @example
   * engine.matchDemandsFor(expertRecord, { limit: 20, filters: { status: 'published' } })
   */
  matchDemandsFor(profile: SearchRecord, options: DemandsForOptions = {}): SearchResult {
    const t0 = performance.now();
    const { limit, offset } = checkPaging(options.limit, options.offset);
    const weights = resolveWeights(options.weights, this.weights);
    const params = resolveParams(options.params, this.params);
    const pairings = options.pairings ? validatePairings(options.pairings) : this.pairings;
    const demands = this.partitions.demand;
    demands.commit();
    const counts = new Map<number, number>();
    const add = (text: string | undefined, times = 1): void => {
      if (!text) return;
      for (const term of this.analyzer.terms(text)) {
        const id = this.analyzer.idOf(term);
        if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + times);
      }
    };
    add(profile.title);
    add(profile.body);
    add(profile.keywords?.join('，'), 2);
    for (const p of profile.publications ?? []) {
      add(p.title);
      add(p.abstract);
      add(p.keywords?.join('，'), 2);
    }
    const n = demands.indexedDocs();
    const scored = [...counts]
      .map(([id, c]) => ({ id, c, df: demands.df(id) }))
      .filter((x) => x.df > 0)
      .map((x) => ({ ...x, s: (1 + Math.log(x.c)) * Math.log(1 + (n - x.df + 0.5) / (x.df + 0.5)) }))
      .sort((a, b) => b.s - a.s || a.id - b.id)
      .slice(0, Math.max(1, options.maxTerms ?? 64));
    const terms: QueryTerm[] = scored.map((x) => ({ id: x.id, term: this.analyzer.vocabulary[x.id], qw: queryWeight(x.c) }));
    const prepared: PreparedQuery = { terms, unknown: [] };
    const context: MatchContext = {
      disciplines: profile.disciplines,
      industries: profile.industries,
      region: profile.region,
      ...options.context,
    };
    const hits =
      terms.length === 0
        ? []
        : this.rank('demand', prepared, options.filters, limit + offset, weights, params, context, pairings, options.explain ?? true);
    return this.result(hits.slice(offset, offset + limit), prepared, weights, params, t0);
  }

  /**
   * Suggestions for a text being typed: keywords by TF-IDF (IDF from the engine's corpus),
   * disciplines and industries from the nearest labelled records. An empty or stopword-only
   * text gives empty lists (typing has just begun); an overlong one throws `QUERY_TOO_LONG`.
   *
   * @example
   * engine.suggest('枸杞烘干过程能耗高，希望引进热泵干燥技术')
   * // { keywords: [{word:'热泵',…}, …], disciplines: [{value:'食品科学与工程',…}], industries: […] }
   */
  suggest(text: string, options: SuggestOptions = {}): Suggestions {
    if (typeof text !== 'string') throw new SearchError('INVALID_ARGUMENT', 'text must be a string');
    if (text.length > this.maxQueryChars) {
      throw new SearchError('QUERY_TOO_LONG', `text has ${text.length} characters; the limit is ${this.maxQueryChars}`);
    }
    const empty: Suggestions = { keywords: [], disciplines: [], industries: [] };
    if (!text.trim()) return empty;
    const src = this.suggestSource();
    const keywords = suggestKeywords(src, text, options.keywords ?? 8);
    let prepared: PreparedQuery;
    try {
      prepared = prepareQuery(this.analyzer, text, this.prepareOptions);
    } catch (e) {
      if (e instanceof SearchError && e.code === 'EMPTY_QUERY') return { ...empty, keywords };
      throw e;
    }
    const k = options.neighbours ?? 30;
    return {
      keywords,
      disciplines: suggestFacet(src, prepared, 'discipline', options.disciplines ?? 3, k),
      industries: suggestFacet(src, prepared, 'industry', options.industries ?? 3, k),
    };
  }

  /** Sizes for monitoring and the benchmark. @example engine.stats().kinds.expert.documents */
  stats(): EngineStats {
    const kinds = {} as EngineStats['kinds'];
    for (const k of KINDS) {
      const ix = this.partitions[k];
      const ev = this.evidence[k]?.index;
      const segs = [...ix.segments, ...(ev?.segments ?? [])];
      kinds[k] = {
        documents: ix.size,
        publications: ev?.size ?? 0,
        segments: segs.length,
        postings: segs.reduce((s, g) => s + g.postings, 0),
        bytes: ix.bytes() + (ev?.bytes() ?? 0),
      };
    }
    return { vocabulary: this.analyzer.vocabulary.length, kinds };
  }

  /** The partition of a kind, for low-level use (benchmarks, diagnostics). @example engine.partition('achievement').segments */
  partition(kind: Kind): InvertedIndex {
    checkKind(kind);
    return this.partitions[kind];
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────

  private suggestSource(): SuggestSource {
    const indexes: InvertedIndex[] = [];
    for (const k of KINDS) {
      indexes.push(this.partitions[k]);
      const ev = this.evidence[k];
      if (ev) indexes.push(ev.index);
    }
    return {
      analyzer: this.analyzer,
      indexes,
      disciplines: this.disciplines,
      industries: this.industries,
      maxQueryTerms: this.maxQueryTerms,
    };
  }

  /** Term ids of one unit's three texts, in the shared scratch lists (valid until the next call). */
  private tokenizeFields(unit: readonly [string, string, string]): readonly [IntList, IntList, IntList] {
    const lists = this.fieldLists;
    for (let f = 0; f < 3; f++) {
      lists[f].clear();
      if (unit[f]) this.analyzer.indexTerms(unit[f], lists[f]);
    }
    return lists;
  }

  /**
   * The texts to analyse for a record: the record itself (title, body, keywords), then each
   * publication. Keywords are joined with a full-width comma so jieba cannot merge two of them.
   */
  private unitsOf(kind: Kind, record: SearchRecord): Array<[string, string, string]> {
    checkKind(kind);
    if (!record || typeof record.id !== 'string' || !record.id) {
      throw new SearchError('INVALID_ARGUMENT', 'record.id must be a non-empty string');
    }
    const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
    const pubs = this.evidence[kind] ? (record.publications ?? []) : [];
    for (const p of pubs) {
      if (!p || typeof p.id !== 'string' || !p.id) {
        throw new SearchError('INVALID_ARGUMENT', `publication of "${record.id}" needs a non-empty id`);
      }
    }
    let body = text(record.body);
    let keywords = (record.keywords ?? []).map(text);
    if (pubs.length) {
      // The profile of an expert or organization also lists its publications' titles and
      // keywords: a profile-centred view ("Model 1") of the whole portfolio, where a topic
      // running through several papers saturates once, next to the document-centred view of
      // each paper's own relevance ("Model 2"). The mixture is more robust than either.
      body = [body, ...pubs.map((p) => text(p.title))].filter(Boolean).join('。');
      keywords = [...keywords, ...pubs.flatMap((p) => (p.keywords ?? []).map(text))];
    }
    const units: Array<[string, string, string]> = [[text(record.title), body, keywords.join('，')]];
    for (const p of pubs) units.push([text(p.title), text(p.abstract), (p.keywords ?? []).map(text).join('，')]);
    return units;
  }

  /** Indexes a record whose units' term ids `fields(i)` provides (unit 0 = the record). */
  private apply(kind: Kind, record: SearchRecord, fields: (unit: number) => readonly [IntList, IntList, IntList]): void {
    const index = this.partitions[kind];
    const attrs = this.attributesOf(record);
    const doc = index.add(record.id, fields(0), attrs);
    const ev = this.evidence[kind];
    if (ev) this.indexPublications(ev, record, doc, attrs, (j) => fields(j + 1));
  }

  private attributesOf(r: SearchRecord): DocAttributes {
    const side = r.side ?? sideOfRegion(r.region);
    if (r.side !== undefined && !SIDES.includes(r.side)) {
      throw new SearchError('INVALID_ARGUMENT', `side must be one of ${SIDES.join(', ')}`);
    }
    return {
      region: encodeRegion(r.region),
      side: sideCode(side),
      status: r.status ? this.statuses.intern(r.status) + 1 : 0,
      disciplines: (r.disciplines ?? []).filter(Boolean).map((v) => this.disciplines.intern(v)),
      industries: (r.industries ?? []).filter(Boolean).map((v) => this.industries.intern(v)),
      year: yearOf(r.date),
      load: r.load ?? 0,
    };
  }

  private indexPublications(
    ev: Evidence,
    owner: SearchRecord,
    ownerDoc: number,
    attrs: DocAttributes,
    fields: (pub: number) => readonly [IntList, IntList, IntList],
  ): void {
    let g = ev.groups.get(owner.id);
    if (g === undefined) {
      g = ev.groups.size;
      ev.groups.set(owner.id, g);
      ev.groupDoc = grow(ev.groupDoc, g + 1, -1);
    }
    for (const key of ev.groupKeys.get(g) ?? []) ev.index.remove(key);
    ev.groupDoc[g] = ownerDoc;
    const keys: string[] = [];
    (owner.publications ?? []).forEach((p, j) => {
      const key = owner.id + SEP + p.id;
      const disciplines = [...(attrs.disciplines ?? [])];
      for (const d of p.disciplines ?? []) {
        const id = this.disciplines.intern(d);
        if (!disciplines.includes(id)) disciplines.push(id);
      }
      const doc = ev.index.add(key, fields(j), {
        region: attrs.region,
        side: attrs.side,
        disciplines,
        industries: attrs.industries,
        year: p.year ?? NaN,
        group: g,
      });
      ev.titles[doc] = String(p.title ?? '').slice(0, 300);
      ev.pubIds[doc] = p.id;
      keys.push(key);
    });
    ev.groupKeys.set(g, keys);
  }

  private filterFor(index: InvertedIndex, filters: SearchFilters | undefined): ((d: number) => boolean) | null {
    if (filters !== undefined && (typeof filters !== 'object' || filters === null)) {
      throw new SearchError('INVALID_ARGUMENT', 'filters must be an object');
    }
    const base = compileFilter(index, filters, {
      status: this.statuses,
      industry: this.industries,
      discipline: this.disciplines,
    });
    const exclude = filters?.exclude?.length
      ? new Set(filters.exclude.map((id) => index.docOf(id)).filter((d) => d >= 0))
      : null;
    if (!exclude) return base;
    return base ? (d) => !exclude.has(d) && base(d) : (d) => !exclude.has(d);
  }

  /** Text candidates → signals → explanations → final order. */
  private rank(
    kind: Kind,
    prepared: PreparedQuery,
    filters: SearchFilters | undefined,
    k: number,
    weights: MatchWeights,
    params: MatchParams,
    context: MatchContext,
    pairings: ReadonlyArray<readonly [string, string]>,
    explain: boolean,
  ): SearchHit[] {
    const index = this.partitions[kind];
    const accept = this.filterFor(index, filters);
    const wq = weighQuery(index, prepared, this.maxQueryTerms);
    const signals =
      weights.discipline > 0 || weights.industry > 0 || weights.pairing > 0 || weights.load > 0 || weights.recency > 0;
    const pool = signals ? Math.max(k, params.candidatePool) : k;
    const ev = this.evidence[kind];
    const useEvidence = ev !== undefined && ev.index.size > 0;
    let candidates: Candidate[];
    let wqPub: WeightedQuery | null = null;
    let shares: number[] = [];
    if (!useEvidence) {
      if (wq.terms.length === 0 || wq.norm <= 0) return [];
      const top = topKDocuments(index, wq.terms, pool, accept);
      candidates = top.docs.map((doc, i) => ({ doc, rel: top.scores[i] / wq.norm }));
    } else {
      wqPub = weighQuery(ev.index, prepared, this.maxQueryTerms);
      shares = publicationShares(params.publicationDecay, params.maxPublications);
      candidates = this.evidenceCandidates(ev, index, wq, wqPub, accept, pool, params, shares);
    }
    if (candidates.length === 0) return [];
    const now = context.year ?? this.currentYear();
    const hits: SearchHit[] = candidates.map((c) => {
      const reasons: Reason[] = [];
      let text: number;
      if (c.pubs === undefined) {
        if (explain) {
          const terms = explainTerms(index, wq, c.doc, weights.text / wq.norm);
          reasons.push(...terms);
          text = sumReasons(terms);
        } else text = weights.text * c.rel;
      } else {
        const alpha = c.alpha!;
        if (explain) {
          let t = 0;
          if (wq.norm > 0 && alpha > 0) {
            const terms = explainTerms(index, wq, c.doc, (weights.text * alpha) / wq.norm);
            reasons.push(...terms);
            t += sumReasons(terms);
          }
          c.pubs.forEach((p, i) => {
            const share = (1 - alpha) * shares[i];
            const terms = explainTerms(ev!.index, wqPub!, p.doc, (weights.text * share) / wqPub!.norm);
            const contribution = sumReasons(terms);
            const pr: PublicationReason = {
              signal: 'publication',
              id: ev!.pubIds[p.doc],
              title: ev!.titles[p.doc],
              rank: i + 1,
              relevance: p.rel,
              share,
              contribution,
              terms,
            };
            const y = ev!.index.year[p.doc];
            if (Number.isFinite(y)) pr.year = y;
            reasons.push(pr);
            t += contribution;
          });
          text = t;
        } else text = weights.text * c.rel;
      }
      let extra = 0;
      if (signals) {
        const sig = this.signalReasons(index, c, ev, weights, params, context, pairings, now);
        for (const r of sig) extra += r.contribution;
        if (explain) reasons.push(...sig);
      }
      const score = explain ? sumReasons(reasons) : text + extra;
      return { id: index.keys[c.doc], kind, score, relevance: c.rel, reasons };
    });
    hits.sort((a, b) => b.score - a.score || b.relevance - a.relevance);
    return hits.slice(0, k);
  }

  /**
   * Document-centred expert finding (Balog et al.'s "Model 2"): retrieve publications, group
   * them by owner, and combine each owner's best publications (geometric shares) with its own
   * profile's relevance. Owners found only through their profile still count, with their
   * publications' part computed from the retrieved pool.
   */
  private evidenceCandidates(
    ev: Evidence,
    index: InvertedIndex,
    wq: WeightedQuery,
    wqPub: WeightedQuery,
    accept: ((d: number) => boolean) | null,
    pool: number,
    params: MatchParams,
    shares: number[],
  ): Candidate[] {
    const owners = new Map<number, Candidate>();
    const groupDoc = ev.groupDoc;
    const group = ev.index.group;
    if (wqPub.terms.length > 0 && wqPub.norm > 0) {
      const acceptPub = (d: number): boolean => {
        const od = groupDoc[group[d]];
        return od >= 0 && (accept === null || accept(od));
      };
      const top = topKDocuments(ev.index, wqPub.terms, Math.max(params.publicationPool, pool), acceptPub);
      top.docs.forEach((pd, i) => {
        const od = groupDoc[group[pd]];
        let c = owners.get(od);
        if (!c) owners.set(od, (c = { doc: od, rel: 0, pubs: [] }));
        if (c.pubs!.length < shares.length) c.pubs!.push({ doc: pd, rel: top.scores[i] / wqPub.norm });
      });
    }
    const profileScores = new Map<number, number>();
    if (wq.terms.length > 0 && wq.norm > 0) {
      const top = topKDocuments(index, wq.terms, pool, accept);
      top.docs.forEach((od, i) => {
        profileScores.set(od, top.scores[i] / wq.norm);
        if (!owners.has(od)) owners.set(od, { doc: od, rel: 0, pubs: [] });
      });
    }
    for (const c of owners.values()) {
      const g = ev.groups.get(index.keys[c.doc]);
      const hasPubs = g !== undefined && (ev.groupKeys.get(g)?.length ?? 0) > 0;
      const alpha = hasPubs ? params.profileShare : 1;
      let profileRel = profileScores.get(c.doc);
      if (profileRel === undefined) profileRel = wq.norm > 0 && alpha > 0 ? rawScore(index, wq, c.doc) / wq.norm : 0;
      let rel = alpha * profileRel;
      c.pubs!.forEach((p, i) => (rel += (1 - alpha) * shares[i] * p.rel));
      c.rel = rel;
      c.alpha = alpha;
      c.profileRel = profileRel;
    }
    return [...owners.values()].sort((a, b) => b.rel - a.rel || a.doc - b.doc).slice(0, pool);
  }

  private signalReasons(
    index: InvertedIndex,
    c: Candidate,
    ev: Evidence | undefined,
    weights: MatchWeights,
    params: MatchParams,
    context: MatchContext,
    pairings: ReadonlyArray<readonly [string, string]>,
    now: number,
  ): Reason[] {
    const out: Reason[] = [];
    const d = c.doc;
    if (weights.discipline > 0 && context.disciplines?.length) {
      const have = index.disciplinesOf(d).map((id) => this.disciplines.values[id]);
      const a = agreement(context.disciplines, have);
      if (a.agreement > 0) {
        out.push({ signal: 'discipline', matched: a.matched, agreement: a.agreement, weight: weights.discipline, contribution: weights.discipline * a.agreement });
      }
    }
    if (weights.industry > 0 && context.industries?.length) {
      const have = index.industriesOf(d).map((id) => this.industries.values[id]);
      const a = agreement(context.industries, have);
      if (a.agreement > 0) {
        out.push({ signal: 'industry', matched: a.matched, agreement: a.agreement, weight: weights.industry, contribution: weights.industry * a.agreement });
      }
    }
    if (weights.pairing > 0 && pairings.length && context.region) {
      const r = index.region[d];
      if (r) {
        const pair = pairingOf(pairings, context.region, String(r).padStart(9, '0'));
        if (pair) {
          out.push({ signal: 'pairing', pair, candidateRegion: decodeRegion(r), weight: weights.pairing, contribution: weights.pairing });
        }
      }
    }
    if (weights.load > 0) {
      const load = index.load[d];
      if (load > 0) {
        out.push({ signal: 'load', load, weight: weights.load, contribution: -weights.load * loadFraction(load, params.loadHalf) });
      }
    }
    if (weights.recency > 0) {
      let year = index.year[d];
      if (c.pubs && ev) {
        for (const p of c.pubs) {
          const y = ev.index.year[p.doc];
          if (Number.isFinite(y) && !(y <= year)) year = y;
        }
      }
      if (Number.isFinite(year)) {
        out.push({ signal: 'recency', year: Math.round(year * 100) / 100, weight: weights.recency, contribution: weights.recency * recencyValue(year, now, params.recencyHalfLife) });
      }
    }
    return out;
  }

  private result(
    hits: SearchHit[],
    prepared: PreparedQuery,
    weights: MatchWeights,
    params: MatchParams,
    t0: number,
  ): SearchResult {
    return {
      hits,
      unknownTerms: prepared.unknown,
      terms: prepared.terms.map((t) => (t.via === undefined ? { term: t.term } : { term: t.term, via: t.via })),
      weights,
      params,
      tookMs: performance.now() - t0,
    };
  }
}

function checkKind(kind: unknown): asserts kind is Kind {
  if (!KINDS.includes(kind as Kind)) {
    throw new SearchError('INVALID_ARGUMENT', `kind must be one of ${KINDS.join(', ')}`);
  }
}

function checkPaging(limit: unknown, offset: unknown): { limit: number; offset: number } {
  const l = limit === undefined ? 10 : limit;
  const o = offset === undefined ? 0 : offset;
  if (typeof l !== 'number' || !Number.isInteger(l) || l < 1 || l > 1000) {
    throw new SearchError('INVALID_ARGUMENT', 'limit must be an integer from 1 to 1000');
  }
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > 10_000) {
    throw new SearchError('INVALID_ARGUMENT', 'offset must be an integer from 0 to 10000');
  }
  return { limit: l, offset: o };
}

function validatePairings(pairings: ReadonlyArray<readonly [string, string]>): Array<readonly [string, string]> {
  if (!Array.isArray(pairings)) throw new SearchError('INVALID_ARGUMENT', 'pairings must be an array of [region, region]');
  return pairings.map((p) => {
    if (!Array.isArray(p) || p.length !== 2) throw new SearchError('INVALID_ARGUMENT', 'a pairing is [region, region]');
    const a = String(p[0]).replace(/\D/g, '');
    const b = String(p[1]).replace(/\D/g, '');
    if (!a || !b) throw new SearchError('INVALID_ARGUMENT', 'pairing regions must be digit codes');
    return [a, b] as const;
  });
}

/**
 * Creates an engine. See {@link SearchEngineOptions}; everything has a default.
 *
 * @example
 * const engine = createSearchEngine({ userWords: ['滩羊'], pairings: [['64', '35']] });
 */
export function createSearchEngine(options: SearchEngineOptions = {}): SearchEngine {
  return new SearchEngine(options);
}
