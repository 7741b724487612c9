import { describe, expect, it } from 'vitest';
import { createSearchEngine, SearchError } from '../index.js';
import { platformEngine } from '../test-fixtures.js';

describe('suggest', () => {
  const engine = platformEngine();

  it('suggests keywords by TF-IDF learned from the corpus: specific words before common ones', () => {
    const s = engine.suggest('企业枸杞烘干能耗高，希望采用热泵干燥技术降低能耗，提高枸杞色泽', { keywords: 20 });
    const score = (w: string): number => s.keywords.find((k) => k.word === w)?.score ?? 0;
    // The domain words (a user word among them) come before the generic verbs and nouns of a
    // demand, which the young corpus has never seen but the general-language prior knows.
    for (const specific of ['热泵干燥', '能耗', '色泽', '烘干']) {
      for (const generic of ['希望', '提高', '技术', '企业']) expect(score(specific)).toBeGreaterThan(score(generic));
    }
    // Repetition counts: 能耗 appears twice.
    expect(score('能耗')).toBeGreaterThan(score('色泽'));
    for (let i = 1; i < s.keywords.length; i++) expect(s.keywords[i - 1].score).toBeGreaterThanOrEqual(s.keywords[i].score);
    expect(s.keywords.map((k) => k.word)).not.toContain('采用');
  });

  it('suggests disciplines and industries from the nearest labelled records', () => {
    const food = engine.suggest('葡萄酒发酵乳酸菌筛选');
    expect(food.disciplines[0].value).toBe('食品科学与工程');
    expect(food.industries[0].value).toBe('葡萄酒');
    const total = food.disciplines.reduce((s, d) => s + d.score, 0);
    expect(total).toBeLessThanOrEqual(1 + 1e-12);
    const vision = engine.suggest('steel surface defect detection with deep learning');
    expect(vision.disciplines[0].value).toBe('计算机科学与技术');
    expect(vision.industries[0].value).toBe('装备制造');
  });

  it('returns empty lists while nothing meaningful is typed, and rejects overlong text', () => {
    expect(engine.suggest('')).toEqual({ keywords: [], disciplines: [], industries: [] });
    expect(engine.suggest('的 了 。')).toEqual({ keywords: [], disciplines: [], industries: [] });
    expect(() => engine.suggest('枸杞'.repeat(40_000))).toThrow(SearchError);
  });

  it('works on an empty engine (every word is new)', () => {
    const s = createSearchEngine().suggest('滩羊肉品质检测技术');
    expect(s.keywords.length).toBeGreaterThan(0);
    expect(s.disciplines).toEqual([]);
  });
});
