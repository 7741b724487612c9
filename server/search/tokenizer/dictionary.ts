import { readFileSync } from 'node:fs';

/** A word for jieba's user dictionary; `freq` follows jieba's dictionary scale. */
export interface UserWord {
  word: string;
  freq?: number;
}

export interface UserDictionaryOptions {
  /** Lines whose frequency is below this are skipped (THUOCL lists have a long noisy tail). */
  minFreq?: number;
  /** Keep at most this many lines, in file order (THUOCL files are sorted by frequency). */
  limit?: number;
}

/**
 * Parses a user dictionary. Accepts THUOCL lines (`word<TAB>document-frequency`), jieba
 * dictionary lines (`word freq [pos]`) and bare words. Unparsable frequencies are dropped,
 * not guessed, so the engine's default frequency applies.
 *
 * @example
 * parseUserDictionary('数据库\t123456\n枸杞多糖 20 n\n滩羊\n')
 * // [{word:'数据库',freq:123456},{word:'枸杞多糖',freq:20},{word:'滩羊'}]
 */
export function parseUserDictionary(text: string, options: UserDictionaryOptions = {}): UserWord[] {
  const out: UserWord[] = [];
  const minFreq = options.minFreq ?? 0;
  const limit = options.limit ?? Infinity;
  for (const raw of text.split(/\r?\n/)) {
    if (out.length >= limit) break;
    const line = raw.replace(/^\ufeff/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(/\s+/);
    const word = parts[0];
    const freq = parts.length > 1 ? Number(parts[1]) : NaN;
    if (Number.isFinite(freq)) {
      if (freq < minFreq) continue;
      out.push({ word, freq });
    } else {
      out.push({ word });
    }
  }
  return out;
}

/**
 * Reads a deployer user dictionary file (THUOCL `word\tfreq`, jieba `word freq pos`, or one
 * word per line).
 *
 * @example
 * engine.addWords(loadUserDictionary('/srv/lexicons/THUOCL_medical.txt', { minFreq: 50 }));
 */
export function loadUserDictionary(path: string, options: UserDictionaryOptions = {}): UserWord[] {
  return parseUserDictionary(readFileSync(path, 'utf8'), options);
}
