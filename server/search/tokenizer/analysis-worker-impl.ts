import { parentPort, workerData } from 'node:worker_threads';
import { Analyzer, IntList, type AnalyzerSnapshot } from './analyzer.js';

/*
 * Worker side of parallel analysis: segments and filters texts with its own analyzer (same
 * dictionary and stopwords as the main one) and sends back local term ids, plus the terms it
 * met for the first time so the main thread can map local ids to its vocabulary.
 */
const analyzer = Analyzer.fromSnapshot(workerData as AnalyzerSnapshot);
let sent = 0;
const list = new IntList(1 << 16);

parentPort!.on('message', (msg: { seq: number; texts: string[] }) => {
  list.clear();
  const offsets = new Uint32Array(msg.texts.length + 1);
  for (let i = 0; i < msg.texts.length; i++) {
    const t = msg.texts[i];
    if (t) analyzer.indexTerms(t, list);
    offsets[i + 1] = list.length;
  }
  const ids = list.data.slice(0, list.length);
  const base = sent;
  const newTerms = analyzer.vocabulary.slice(sent);
  sent = analyzer.vocabulary.length;
  parentPort!.postMessage({ seq: msg.seq, ids, offsets, base, newTerms }, [ids.buffer, offsets.buffer]);
});
