import type { Database } from '../../db/client.js';
import type { ReferenceData } from '../../reference/reference.js';
import {
  createSearchEngine, loadStopwordFile, loadSynonymFile, loadUserDictionary, type Kind, type SearchEngine, type SearchRecord,
} from '../../search/index.js';
import * as repo from './matching.repo.js';
import { expertLoads } from '../matches/match.repo.js';

export interface DeployerLexicons {
  /** User dictionaries (THUOCL `word\tfreq`, jieba `word freq pos`, or one word a line). */
  dictionaries?: string[];
  stopwords?: string[];
  /** Synonym groups (Cilin lines or `a,b,c`). */
  synonyms?: string[];
}

/** Rows read from the database per round trip when the index follows a write. */
const SYNC_BATCH = 5000;

const loaders: Record<Kind, (db: Database, ids?: number[]) => Promise<SearchRecord[]>> = {
  demand: repo.demandRecords,
  // The workload signal: each expert's open matches.
  expert: async (db, ids) => repo.expertRecords(db, ids, await expertLoads(db, ids)),
  achievement: repo.achievementRecords,
  organization: repo.organizationRecords,
};

/**
 * The engine as the platform uses it: built from the registries at start-up and kept in step
 * with every write through `sync(kind, ids)`.
 */
export class MatchingIndex {
  private constructor(
    private readonly db: Database,
    readonly engine: SearchEngine,
    readonly builtInMs: number,
  ) {}

  /** Reads every registry into a new engine. */
  static async build(db: Database, reference: ReferenceData, lexicons: DeployerLexicons = {}): Promise<MatchingIndex> {
    const t0 = performance.now();
    const engine = createSearchEngine({ pairings: reference.pairings.map((p) => [p.west, p.east] as const) });
    for (const file of lexicons.dictionaries ?? []) engine.addWords(loadUserDictionary(file));
    for (const file of lexicons.stopwords ?? []) engine.addStopwords(loadStopwordFile(file));
    // A thesaurus as large as Cilin must not put its phrases into the segmenter; groups expand queries only.
    for (const file of lexicons.synonyms ?? []) engine.addSynonyms(loadSynonymFile(file), { registerWords: false });
    engine.addWords(await repo.vocabulary(db));
    for (const kind of ['demand', 'expert', 'achievement', 'organization'] as const) {
      engine.upsertMany(kind, await loaders[kind](db));
    }
    return new MatchingIndex(db, engine, performance.now() - t0);
  }

  /**
   * Re-reads the given records after a write: updated rows are re-indexed, deleted rows removed.
   * Experts also refresh their organizations, whose evidence is their experts' publications.
   */
  async sync(kind: Kind, ids: number[]): Promise<void> {
    if (!ids.length) return;
    // A large import touches 100,000 rows; one IN list that long exceeds PostgreSQL's parameter limit.
    const orgIds = new Set<number>();
    for (let i = 0; i < ids.length; i += SYNC_BATCH) {
      const batch = ids.slice(i, i + SYNC_BATCH);
      const records = await loaders[kind](this.db, batch);
      const present = new Set(records.map((r) => r.id));
      for (const r of records) this.engine.upsert(kind, r);
      for (const id of batch) if (!present.has(String(id))) this.engine.remove(kind, String(id));
      if (kind === 'expert' || kind === 'achievement') for (const o of await repo.organizationsOf(this.db, kind, batch)) orgIds.add(o);
    }
    this.engine.commit();
    if (orgIds.size) await this.sync('organization', [...orgIds]);
  }
}
