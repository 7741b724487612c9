import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { DEFAULT_BM25F } from '../server/search/rank/bm25f.js';

/** A document already segmented by the engine's analyzer: space-joined terms per field. */
export interface TokenDoc {
  id: string;
  title: string;
  body: string;
  keywords: string;
}

/** A peer library under test, fed the same jieba terms as the engine. */
export interface Peer {
  name: string;
  build(docs: readonly TokenDoc[]): Promise<void>;
  /** Ranked ids for a space-joined term query. */
  search(query: string, k: number): Promise<string[]>;
}

const splitSpace = (s: string): string[] => (s ? s.split(' ') : []);

/** Same field emphasis as the engine's defaults, where a peer supports field boosts. */
const BOOST = DEFAULT_BM25F.weights;

/**
 * FlexSearch 0.8 (one index over the concatenated fields: its document mode scores fields
 * separately without a combined ranking). `suggest: true` returns partial matches; without
 * it a multi-term query is an AND and most title queries would find nothing.
 *
 * @example
 * const p = flexsearchPeer(); await p.build(docs); await p.search('枸杞 多糖', 10)
 */
export function flexsearchPeer(): Peer {
  const Index = (FlexSearch as unknown as { Index: new (o: object) => { add(id: number, s: string): void; search(q: string, o: object): number[] } }).Index;
  const index = new Index({ tokenize: 'strict', encode: splitSpace, resolution: 9 });
  let ids: string[] = [];
  return {
    name: 'FlexSearch',
    async build(docs) {
      ids = docs.map((d) => d.id);
      docs.forEach((d, i) => index.add(i, `${d.title} ${d.body} ${d.keywords}`));
    },
    async search(query, k) {
      return index.search(query, { limit: k, suggest: true }).map((i) => ids[i]);
    },
  };
}

/**
 * MiniSearch 7 (BM25+, per-field boosts).
 *
 * @example
 * const p = minisearchPeer(); await p.build(docs);
 */
export function minisearchPeer(): Peer {
  const ms = new MiniSearch<TokenDoc>({
    fields: ['title', 'body', 'keywords'],
    idField: 'id',
    tokenize: splitSpace,
    processTerm: (t) => t,
    searchOptions: { boost: { title: BOOST.title, keywords: BOOST.keywords }, combineWith: 'OR' },
  });
  return {
    name: 'MiniSearch',
    async build(docs) {
      ms.addAll(docs as TokenDoc[]);
    },
    async search(query, k) {
      return ms.search(query).slice(0, k).map((r) => String(r.id));
    },
  };
}

/**
 * Orama 3 (BM25, per-field boosts) with a tokenizer that takes the terms as given.
 *
 * @example
 * const p = oramaPeer(); await p.build(docs);
 */
export function oramaPeer(): Peer {
  const db = create({
    schema: { title: 'string', body: 'string', keywords: 'string' } as const,
    components: {
      tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (raw: string) => splitSpace(raw) },
    },
  });
  return {
    name: 'Orama',
    async build(docs) {
      await insertMultiple(db, docs as TokenDoc[], 5000);
    },
    async search(query, k) {
      const r = await oramaSearch(db, {
        term: query,
        properties: ['title', 'body', 'keywords'],
        boost: { title: BOOST.title, keywords: BOOST.keywords },
        limit: k,
      });
      return r.hits.map((h) => String(h.id));
    },
  };
}

export const PEERS: Record<string, () => Peer> = {
  flexsearch: flexsearchPeer,
  minisearch: minisearchPeer,
  orama: oramaPeer,
};
