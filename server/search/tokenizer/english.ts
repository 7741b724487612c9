import snowball from 'snowball-stemmers';

/**
 * Returns a memoizing Snowball stemmer. Stemming is the slowest step for English text and the
 * same words recur constantly, so results are cached (bounded: the cache is dropped when it
 * grows past `maxCache`, which only costs re-stemming).
 *
 * @example
 * const stem = createStemmer('english');
 * stem('networks') // 'network'
 * stem('optimization') // 'optim'
 */
export function createStemmer(language = 'english', maxCache = 200_000): (word: string) => string {
  const stemmer = snowball.newStemmer(language);
  let cache = new Map<string, string>();
  return (word: string): string => {
    let s = cache.get(word);
    if (s === undefined) {
      s = stemmer.stem(word);
      if (cache.size >= maxCache) cache = new Map();
      cache.set(word, s);
    }
    return s;
  };
}

const ALNUM_RUN = /[a-z0-9]+/g;

/**
 * Splits an ASCII token (already lower-cased) into alphanumeric runs, the unit both jieba's
 * output and pure-English text are reduced to (`c++` → `c`, `covid-19` → `covid`, `19`).
 *
 * @example
 * asciiRuns('state-of-the-art') // ['state', 'of', 'the', 'art']
 */
export function asciiRuns(token: string): string[] {
  return token.match(ALNUM_RUN) ?? [];
}
