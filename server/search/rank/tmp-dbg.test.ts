import { it } from 'vitest';
import { _debug } from './expert-finding.test.js';
import { createSearchEngine } from '../index.js';
import { EXPERTS_FOR_DEBUG } from './expert-finding.test.js';
it('dbg', () => {
  const ids = EXPERTS_FOR_DEBUG.map((e) => e.id);
  for (const params of [{}, { maxPublications: 3 }, { publicationDecay: 0.3 }, { publicationDecay: 0.9 }, { maxPublications: 1 }, { maxPublications: 10, publicationDecay: 0.8 }]) {
    const engine = createSearchEngine({ params });
    engine.upsertMany('expert', EXPERTS_FOR_DEBUG);
    const S = _debug.PAPERS.map((p: { text: string }) => { const hits = engine.search({ text: p.text, kind: 'expert', limit: 100 }).hits; return ids.map((id) => hits.find((h) => h.id === id)?.score ?? 0); });
    console.log('RES', JSON.stringify(params), JSON.stringify(_debug.errors(S)));
  }
  console.log('RES tfidf', JSON.stringify(_debug.errors(_debug.tfidfScores())));
});
