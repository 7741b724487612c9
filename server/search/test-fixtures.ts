import { createSearchEngine, type SearchEngine } from './engine.js';
import type { SearchRecord } from './types.js';

/** A small platform: Ningxia demands, eastern experts with publications, achievements. */
export const EXPERTS: SearchRecord[] = [
  {
    id: 'e-goji',
    title: '王立 教授 福建农林大学',
    body: '长期从事枸杞等特色果蔬的深加工与功能成分研究',
    keywords: ['枸杞', '多糖', '深加工'],
    disciplines: ['食品科学与工程'],
    region: '350102',
    publications: [
      { id: 'p1', title: '枸杞多糖的超声辅助提取工艺优化', abstract: '以宁夏枸杞为原料，采用超声辅助提取枸杞多糖，响应面法优化提取工艺，多糖得率显著提高。', keywords: ['枸杞多糖', '超声提取'], year: 2023 },
      { id: 'p2', title: '枸杞热泵干燥特性与品质研究', abstract: '研究热泵干燥温度对枸杞干燥速率、色泽和多糖含量的影响，热泵干燥能耗低于热风干燥。', keywords: ['枸杞', '热泵干燥'], year: 2021 },
      { id: 'p3', title: '枸杞果酒发酵工艺', abstract: '以枸杞汁为原料发酵果酒，优化酵母接种量和发酵温度。', keywords: ['枸杞果酒', '发酵'], year: 2019 },
    ],
  },
  {
    id: 'e-drying',
    title: '李明 研究员 江苏大学',
    body: '农产品干燥装备',
    disciplines: ['农业工程'],
    region: '321100',
    load: 4,
    publications: [
      { id: 'q1', title: '热泵干燥装备的节能设计', abstract: '设计了一种用于果蔬的热泵干燥装备，干燥能耗降低百分之三十。', keywords: ['热泵干燥', '节能'], year: 2022 },
    ],
  },
  {
    id: 'e-wine',
    title: '赵芳 教授 西北农林科技大学',
    body: '葡萄酒酿造与葡萄栽培',
    keywords: ['葡萄酒', '酿酒葡萄'],
    disciplines: ['食品科学与工程'],
    region: '610403',
    publications: [
      { id: 'w1', title: '贺兰山东麓酿酒葡萄品质', abstract: '分析贺兰山东麓产区酿酒葡萄的糖酸比与酚类物质。', keywords: ['葡萄酒', '酚类'], year: 2020 },
      { id: 'w2', title: '葡萄酒苹果酸乳酸发酵', abstract: '筛选适合宁夏产区葡萄酒苹果酸乳酸发酵的乳酸菌。', keywords: ['葡萄酒', '乳酸菌'], year: 2022 },
    ],
  },
  {
    id: 'e-cv',
    title: 'Chen Wei Professor Zhejiang University',
    body: 'Deep learning for image recognition and defect detection in manufacturing.',
    keywords: ['deep learning', 'computer vision'],
    disciplines: ['计算机科学与技术'],
    region: '330106',
    publications: [
      { id: 'a1', title: 'Convolutional networks for surface defect detection', abstract: 'We train convolutional neural networks to detect surface defects on steel strips.', keywords: ['defect detection', 'CNN'], year: 2024 },
    ],
  },
];

export const DEMANDS: SearchRecord[] = [
  { id: 'd-goji', title: '枸杞烘干能耗高', body: '企业枸杞烘干采用燃煤热风，能耗高、色泽差，希望引进热泵干燥技术。', industries: ['枸杞'], disciplines: ['食品科学与工程'], region: '640181', status: 'published', date: '2024-03-01' },
  { id: 'd-wine', title: '葡萄酒苹果酸乳酸发酵菌种', body: '酒庄需要适合本地的乳酸菌菌种，解决苹果酸乳酸发酵启动慢的问题。', industries: ['葡萄酒'], region: '640104', status: 'published', date: '2023-09-10' },
  { id: 'd-vision', title: '钢材表面缺陷视觉检测', body: 'Need a deep learning system to detect surface defects of steel.', industries: ['装备制造'], region: '640205', status: 'draft', date: '2022-01-01' },
  { id: 'd-milk', title: '牛奶冷链物流', body: '乳企需要冷链运输温度监控方案。', industries: ['牛奶'], region: '640300', status: 'published', date: '2024-06-01' },
];

export const ACHIEVEMENTS: SearchRecord[] = [
  { id: 'a-heatpump', title: '果蔬热泵干燥成套装备', body: '适用于枸杞、红枣等果蔬的热泵干燥装备，节能百分之四十。', keywords: ['热泵干燥', '枸杞'], industries: ['装备制造'], disciplines: ['农业工程'], region: '320500', date: '2023-05-01' },
  { id: 'a-yeast', title: '酿酒酵母菌株', body: '适合西北产区的葡萄酒酿酒酵母。', keywords: ['葡萄酒', '酵母'], industries: ['葡萄酒'], disciplines: ['食品科学与工程'], region: '610403', date: '2019-05-01' },
  { id: 'a-old', title: '枸杞热风干燥工艺', body: '传统热风干燥枸杞工艺。', keywords: ['枸杞', '干燥'], industries: ['枸杞'], disciplines: ['食品科学与工程'], region: '640100', date: '2010-01-01' },
];

export const ORGANIZATIONS: SearchRecord[] = [
  { id: 'o-jiangnan', title: '江南大学食品学院', body: '食品发酵与功能食品研究', keywords: ['发酵', '功能食品'], disciplines: ['食品科学与工程'], region: '320211' },
  { id: 'o-ningxia', title: '宁夏枸杞产业集团', body: '枸杞种植与枸杞深加工企业', keywords: ['枸杞'], industries: ['枸杞'], region: '640100' },
];

/**
 * An engine loaded with the fixtures; the reference year is pinned for recency.
 *
 * @example
 * const engine = platformEngine();
 */
export function platformEngine(): SearchEngine {
  const engine = createSearchEngine({ pairings: [['64', '35'], ['64', '32']], currentYear: () => 2024 });
  engine.addWords(['热泵干燥', '枸杞多糖', '苹果酸乳酸发酵']);
  engine.upsertMany('expert', EXPERTS);
  engine.upsertMany('demand', DEMANDS);
  engine.upsertMany('achievement', ACHIEVEMENTS);
  engine.upsertMany('organization', ORGANIZATIONS);
  return engine;
}
