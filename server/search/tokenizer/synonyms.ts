import { readFileSync } from 'node:fs';

/**
 * Parses synonym groups. Two line shapes are accepted:
 * - HIT Tongyici Cilin (extended): `Aa01A01= 人 士 人物`. Only `=` groups are true synonyms;
 *   `#` (related) and `@` (single word) lines are skipped because expanding a query with
 *   merely related words hurts precision.
 * - Simple lists: `a,b,c` (ASCII or full-width commas, or whitespace).
 * Groups with fewer than two distinct words are dropped.
 *
 * @example
 * parseSynonyms('Aa01A01= 人 士 人物\nAa01A05@ 匹夫\n光伏,太阳能发电\n')
 * // [['人','士','人物'], ['光伏','太阳能发电']]
 */
export function parseSynonyms(text: string): string[][] {
  const groups: string[][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\ufeff/, '').trim();
    if (!line || line.startsWith('#')) continue;
    let words: string[];
    const cilin = /^([A-Za-z]{2}\d{2}[A-Za-z]\d{2})([=#@])\s*(.*)$/.exec(line);
    if (cilin) {
      if (cilin[2] !== '=') continue;
      words = cilin[3].split(/\s+/);
    } else {
      words = line.split(/[,，、;；\s]+/);
    }
    const unique = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
    if (unique.length >= 2) groups.push(unique);
  }
  return groups;
}

/**
 * Reads a deployer synonym file (Cilin-style or comma lists, UTF-8).
 *
 * @example
 * engine.addSynonyms(loadSynonymFile('/srv/lexicons/synonyms.txt'));
 */
export function loadSynonymFile(path: string): string[][] {
  return parseSynonyms(readFileSync(path, 'utf8'));
}
