import type { Database } from '../../db/client.js';
import type { ReferenceData } from '../../reference/reference.js';
import {
  createSearchEngine, loadStopwordFile, loadSynonymFile, loadUserDictionary, type Kind, type SearchEngine, type SearchRecord,
} from '../../search/index.js';
import * as repo from './matching.repo.js';

export interface DeployerLexicons {
  /** User dictionaries (THUOCL `word\tfreq`, jieba `word freq pos`, or one word a line). */
  dictionaries?: string[];
  stopwords?: string[];
  /** Synonym groups (Cilin lines or `a,b,c`). */
  synonyms?: string[];
}

const loaders: Record<Kind, (db: Database, ids?: number[]) => Promise<SearchRecord[]>> = {
  demand: repo.demandRecords,
  expert: (db, ids) => repo.expertRecords(db, ids),
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
    for (const file of lexicons.synonyms ?? []) engine.addSynonyms(loadSynonymFile(file));
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
    const records = await loaders[kind](this.db, ids);
    const present = new Set(records.map((r) => r.id));
    for (const r of records) this.engine.upsert(kind, r);
    for (const id of ids) if (!present.has(String(id))) this.engine.remove(kind, String(id));
    this.engine.commit();
    if (kind === 'expert' || kind === 'achievement') {
      const orgIds = await repo.organizationsOf(this.db, kind, ids);
      if (orgIds.length) await this.sync('organization', orgIds);
    }
  }
}
