import { it } from 'vitest';
import { _debug, EXPERTS_FOR_DEBUG } from './expert-finding.test.js';
it('dbg', () => {
  const o = _debug.engineScores(), b = _debug.tfidfScores();
  const ids = EXPERTS_FOR_DEBUG.map((e) => e.id);
  const P = _debug.PAPERS;
  for (const [name, S] of [['ours', o], ['tfidf', b]] as const) {
    const bad: string[] = [];
    ids.forEach((id, e) => { for (let q1 = 0; q1 < P.length; q1++) for (let q2 = 0; q2 < P.length; q2++) { const r1 = P[q1].ratings[id] ?? 0, r2 = P[q2].ratings[id] ?? 0; if (r1 > r2 && S[q1][e] <= S[q2][e]) bad.push(`${id}:q${q1}(${r1})=${S[q1][e].toFixed(3)}<=q${q2}(${r2})=${S[q2][e].toFixed(3)}`); } });
    console.log('BAD', name, bad.join(' '));
  }
});
