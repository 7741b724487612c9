import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer, IntList } from './analyzer.js';
import { loadUserDictionary, parseUserDictionary } from './dictionary.js';
import { hasTraditional, normalizeText, toSimplified } from './normalize.js';
import { loadStopwordFile, parseStopwords } from './stopwords.js';
import { loadSynonymFile, parseSynonyms } from './synonyms.js';

const analyzer = new Analyzer();

describe('normalizeText', () => {
  it('folds full-width forms, case and compatibility characters', () => {
    expect(normalizeText('ＡＢＣ６０６１鋁合金')).toBe('abc6061铝合金');
    expect(normalizeText('Deep　Learning')).toBe('deep learning');
  });
  it('converts traditional to simplified, phrase-aware, and leaves simplified text alone', () => {
    expect(toSimplified('數據庫與資訊技術')).toBe('数据库与资讯技术');
    expect(hasTraditional('显著提高')).toBe(false);
    expect(toSimplified('显著提高著作')).toBe('显著提高著作');
  });
  it('turns control and invisible characters into spaces', () => {
    expect(normalizeText('枸杞\u0000多糖\u200b提取\u0007')).toBe('枸杞 多糖 提取 ');
  });
});

describe('Analyzer', () => {
  it('segments in search mode: a compound and its parts', () => {
    const terms = analyzer.terms('图像识别');
    expect(terms).toContain('图像识别');
    expect(terms).toContain('图像');
    expect(terms).toContain('识别');
  });

  it('keeps a user word whole once added, and still emits its known parts', () => {
    const a = new Analyzer();
    const before = a.terms('滩羊肉品质检测');
    expect(before).not.toContain('滩羊肉品质');
    expect(a.addWords(['滩羊肉品质'])).toBe(1);
    const after = a.terms('滩羊肉品质检测');
    expect(after).toContain('滩羊肉品质');
    expect(after).toContain('品质');
  });

  it('stems English, drops English and Chinese stopwords, punctuation and short numbers', () => {
    const terms = analyzer.terms('The networks of 的 Lyapunov函数, 3.5 mg and 6061 alloys!');
    expect(terms).toEqual(['network', 'lyapunov', '函数', 'mg', '6061', 'alloy']);
  });

  it('treats mixed Chinese/English and hyphenated codes consistently', () => {
    expect(analyzer.terms('基于Deep Learning的COVID-19图像识别')).toEqual(
      expect.arrayContaining(['deep', 'learn', 'covid', '图像识别']),
    );
    // The same word reached through jieba (inside Chinese) and alone gives the same term.
    expect(analyzer.terms('state-of-the-art')).toEqual(analyzer.terms('研究state-of-the-art方法').filter((t) => /[a-z]/.test(t)));
  });

  it('indexes to term ids that match the terms', () => {
    const ids = new IntList(4);
    analyzer.indexTerms('枸杞多糖提取工艺 networks', ids);
    const terms = Array.from(ids.data.subarray(0, ids.length), (id) => analyzer.vocabulary[id]);
    expect(terms).toEqual(analyzer.terms('枸杞多糖提取工艺 networks'));
  });

  it('never interns query words, and reports the unknown ones', () => {
    const a = new Analyzer();
    const size = a.vocabulary.length;
    const q = a.analyzeQuery('量子纠缠 quantum');
    expect(q.ids).toEqual([]);
    expect(q.unknown).toEqual(expect.arrayContaining(['量子', '纠缠', 'quantum']));
    expect(a.vocabulary.length).toBe(size);
  });

  it('applies added stopwords to tokens already seen', () => {
    const a = new Analyzer();
    expect(a.terms('公司 枸杞')).toContain('公司');
    a.addStopwords(['公司']);
    expect(a.terms('公司 枸杞')).toEqual(['枸杞']);
  });

  it('registers synonym groups, adding multi-word members as user words', () => {
    const a = new Analyzer();
    a.addSynonyms([['光伏', '太阳能发电'], ['car', 'automobiles']]);
    expect(a.synonymsOf('光伏')).toEqual(['太阳能发电']);
    expect(a.terms('太阳能发电')).toContain('太阳能发电');
    expect(a.synonymsOf('automobil')).toEqual(['car']);
  });
});

describe('deployer files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shanhai-lex-'));

  it('parses THUOCL, jieba and bare-word dictionaries', () => {
    expect(parseUserDictionary('数据库\t123456\n枸杞多糖 20 n\n滩羊\n# c\n')).toEqual([
      { word: '数据库', freq: 123456 },
      { word: '枸杞多糖', freq: 20 },
      { word: '滩羊' },
    ]);
    const path = join(dir, 'thuocl.txt');
    writeFileSync(path, '\ufeff冷凉蔬菜\t900\n罕见词\t3\n');
    expect(loadUserDictionary(path, { minFreq: 10 })).toEqual([{ word: '冷凉蔬菜', freq: 900 }]);
  });

  it('parses stopword files', () => {
    expect(parseStopwords('的\n# comment\n\n了 \n')).toEqual(['的', '了']);
    const path = join(dir, 'stop.txt');
    writeFileSync(path, '公司\n有限公司\n');
    expect(loadStopwordFile(path)).toEqual(['公司', '有限公司']);
  });

  it('parses Cilin synonym lines (only = groups) and comma lists', () => {
    expect(parseSynonyms('Aa01A01= 人 士 人物\nAa01A05@ 匹夫\nAa01B03# 良民 顺民\n光伏，太阳能发电,光伏\n')).toEqual([
      ['人', '士', '人物'],
      ['光伏', '太阳能发电'],
    ]);
    const path = join(dir, 'syn.txt');
    writeFileSync(path, 'Ba01A02= 物质 素\n');
    expect(loadSynonymFile(path)).toEqual([['物质', '素']]);
  });
});
