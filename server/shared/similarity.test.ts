import { describe, expect, it } from 'vitest';
import { DUPLICATE_TITLE_THRESHOLD, titleSimilarity } from './similarity.js';

describe('titleSimilarity', () => {
  it('is 1 for the same title whatever the punctuation, width and spaces', () => {
    expect(titleSimilarity('枸杞热风干燥（褐变）控制', '枸杞 热风干燥(褐变)控制')).toBe(1);
  });
  it('flags a title entered twice with a word changed', () => {
    expect(titleSimilarity('枸杞热风干燥褐变控制技术', '枸杞热风干燥过程褐变控制技术')).toBeGreaterThan(DUPLICATE_TITLE_THRESHOLD);
  });
  it('does not flag different problems of the same industry', () => {
    expect(titleSimilarity('枸杞热风干燥褐变控制技术', '枸杞多糖高效提取与纯化技术')).toBeLessThan(0.5);
  });
  it('handles empty and one-character titles', () => {
    expect(titleSimilarity('', '')).toBe(1);
    expect(titleSimilarity('a', 'b')).toBe(0);
  });
});
