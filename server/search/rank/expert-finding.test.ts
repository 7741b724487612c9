import { describe, expect, it } from 'vitest';
import { Analyzer, createSearchEngine } from '../index.js';
import type { SearchRecord } from '../types.js';

/*
 * English expert-finding sanity check: ten researchers with a few papers each, twelve new
 * papers, and graded expertise (3 = their field, 2 = close, 1 = related, 0 = none). The
 * engine ranks researchers by document-centred aggregation over their papers; the classic
 * baseline (TPMS-style) is the TF-IDF cosine between the new paper and the concatenation of a
 * researcher's papers, on the same terms. The ranking error is the weighted share of wrongly ordered pairs (ties
 * count half), computed both ways: researchers per paper, and papers per researcher — the
 * latter is how reviewer-assignment datasets score expertise (Stelmakh et al., 2023).
 */
const P = (id: string, title: string, abstract: string): { id: string; title: string; abstract: string } => ({ id, title, abstract });

const EXPERTS: SearchRecord[] = [
  { id: 'soil', title: 'Researcher A', publications: [
    P('1', 'Drip irrigation scheduling in arid regions', 'We evaluate drip irrigation schedules for maize under water scarcity in arid northwest China and measure soil moisture and yield.'),
    P('2', 'Soil salinization under long-term irrigation', 'Long-term flood irrigation raised soil salinity; leaching and drainage reduced salt accumulation in the root zone.'),
    P('3', 'Water use efficiency of spring wheat', 'Deficit irrigation improved water use efficiency of spring wheat without large yield loss.'),
  ] },
  { id: 'wine', title: 'Researcher B', publications: [
    P('1', 'Indigenous yeasts in spontaneous wine fermentation', 'Saccharomyces and non-Saccharomyces yeasts were isolated from spontaneous fermentation of Cabernet Sauvignon grapes.'),
    P('2', 'Malolactic fermentation by Oenococcus oeni', 'Strains of Oenococcus oeni were screened for malolactic fermentation at low pH and high ethanol in red wine.'),
    P('3', 'Aroma compounds of red wine', 'Volatile aroma compounds of red wines were profiled by gas chromatography mass spectrometry.'),
  ] },
  { id: 'polysaccharide', title: 'Researcher C', publications: [
    P('1', 'Ultrasound-assisted extraction of goji polysaccharides', 'Ultrasound-assisted extraction of Lycium barbarum polysaccharides was optimized by response surface methodology.'),
    P('2', 'Antioxidant activity of plant polysaccharides', 'Purified polysaccharides showed radical scavenging and antioxidant activity in vitro.'),
  ] },
  { id: 'solar', title: 'Researcher D', publications: [
    P('1', 'Degradation of photovoltaic modules in desert climates', 'Dust, heat and ultraviolet exposure degrade photovoltaic module efficiency in desert power plants.'),
    P('2', 'Maximum power point tracking for solar inverters', 'A maximum power point tracking algorithm for grid-connected photovoltaic inverters under partial shading.'),
    P('3', 'Forecasting solar power output', 'Short-term forecasting of photovoltaic power output from satellite irradiance data.'),
  ] },
  { id: 'catalysis', title: 'Researcher E', publications: [
    P('1', 'Catalysts for methanol to olefins', 'SAPO-34 zeolite catalysts for the methanol-to-olefins process in coal chemical industry; coke deactivation was studied.'),
    P('2', 'Coal gasification kinetics', 'Gasification kinetics of Ningdong coal char with steam and carbon dioxide.'),
  ] },
  { id: 'vision', title: 'Researcher F', publications: [
    P('1', 'Surface defect detection with convolutional networks', 'Convolutional neural networks detect scratches and inclusions on steel strip surfaces in real time.'),
    P('2', 'Semantic segmentation of industrial images', 'A lightweight segmentation network labels industrial images pixel by pixel.'),
    P('3', 'Few-shot image classification', 'Metric learning enables image classification with few labelled examples.'),
  ] },
  { id: 'dairy', title: 'Researcher G', publications: [
    P('1', 'Milk protein and fat in Holstein cows', 'Dietary energy and protein levels changed milk yield, milk protein and fat content of Holstein dairy cows.'),
    P('2', 'Subclinical mastitis detection', 'Somatic cell counts and electrical conductivity detect subclinical mastitis in dairy herds.'),
  ] },
  { id: 'greenhouse', title: 'Researcher H', publications: [
    P('1', 'Solar greenhouse vegetable production in cold regions', 'Passive solar greenhouses allow winter tomato and cucumber production in cold arid regions.'),
    P('2', 'Substrate cultivation of vegetables', 'Soilless substrate cultivation improved vegetable yield and reduced soil-borne disease in greenhouses.'),
  ] },
  { id: 'agri-ml', title: 'Researcher I', publications: [
    P('1', 'Crop yield prediction from remote sensing with deep learning', 'Deep learning models predict maize yield from satellite remote sensing time series.'),
    P('2', 'Detecting crop disease in leaf images', 'Convolutional networks classify crop leaf images by disease.'),
  ] },
  { id: 'drying', title: 'Researcher J', publications: [
    P('1', 'Heat pump drying of goji berries', 'Heat pump drying of Lycium barbarum fruit reduced energy consumption and preserved color and polysaccharides.'),
    P('2', 'Drying kinetics of fruits and vegetables', 'Thin-layer drying kinetics of apple and carrot slices under hot air and heat pump drying.'),
  ] },
  // Background researchers from other fields. A real pool has hundreds; without them every
  // word of these twenty-odd papers looks rare, and generic academic words (optimize,
  // efficiency, region, quality) would carry the weight of topic words for both methods.
  { id: 'economics', title: 'Researcher K', publications: [
    P('1', 'Regional economic growth and energy efficiency', 'We analyse regional differences in energy efficiency and economic growth across western regions with panel data.'),
    P('2', 'Optimizing public investment in rural regions', 'An optimization model allocates public investment to improve the quality of rural infrastructure.'),
  ] },
  { id: 'history', title: 'Researcher L', publications: [
    P('1', 'Trade routes of the Ming dynasty northwest frontier', 'Archival records show how trade and military supply shaped the northwest frontier region.'),
    P('2', 'Water management in historical oasis towns', 'Historical irrigation institutions managed water in oasis towns along the Silk Road.'),
  ] },
  { id: 'statistics', title: 'Researcher M', publications: [
    P('1', 'Efficient estimation in high-dimensional regression', 'We propose an efficient estimator and optimize its tuning parameter; simulation results show improved quality of estimates.'),
    P('2', 'Forecasting with time series models', 'Time series models forecast demand; results show gains in forecasting accuracy over baseline methods.'),
  ] },
  { id: 'education', title: 'Researcher N', publications: [
    P('1', 'Improving teaching quality in regional universities', 'A survey of regional universities identifies factors that improve teaching quality and student activity.'),
    P('2', 'Online learning outcomes', 'Online learning improved outcomes for students in remote regions when combined with tutoring.'),
  ] },
  { id: 'materials', title: 'Researcher O', publications: [
    P('1', 'Thermal efficiency of insulating building materials', 'Insulating materials raise the thermal efficiency of buildings and reduce heating energy in cold regions.'),
    P('2', 'Optimized sintering of ceramic membranes', 'Sintering temperature was optimized to improve membrane strength and water flux for cleaning industrial effluents.'),
  ] },
  { id: 'medicine', title: 'Researcher P', publications: [
    P('1', 'Dietary factors and cardiovascular risk', 'A cohort study links dietary protein and fat intake with cardiovascular risk in adults.'),
    P('2', 'Antioxidant supplements in clinical trials', 'Randomized trials of antioxidant supplements showed no reduction in mortality.'),
  ] },
];

const IDS = EXPERTS.map((e) => e.id);

/** New papers with graded expertise of each researcher (unlisted = 0). */
const PAPERS: Array<{ text: string; ratings: Record<string, number> }> = [
  { text: 'Optimizing deficit drip irrigation for maize yield and soil salinity control in arid farmland', ratings: { soil: 3, greenhouse: 1, 'agri-ml': 1 } },
  { text: 'Screening lactic acid bacteria for malolactic fermentation of wines from the Helan Mountain region', ratings: { wine: 3 } },
  { text: 'Extraction and antioxidant activity of polysaccharides from goji berry', ratings: { polysaccharide: 3, drying: 2 } },
  { text: 'Energy efficient heat pump drying of fruit with quality retention', ratings: { drying: 3, polysaccharide: 1 } },
  { text: 'Soiling losses and cleaning schedules for photovoltaic power plants in the desert', ratings: { solar: 3, soil: 1 } },
  { text: 'Deactivation of zeolite catalysts in methanol to olefins conversion', ratings: { catalysis: 3 } },
  { text: 'Real-time detection of steel surface defects with deep convolutional neural networks', ratings: { vision: 3, 'agri-ml': 2 } },
  { text: 'Deep learning on satellite images to forecast wheat yield', ratings: { 'agri-ml': 3, vision: 2, soil: 1, solar: 1 } },
  { text: 'Feeding strategies to raise milk protein in dairy cows and reduce mastitis', ratings: { dairy: 3 } },
  { text: 'Winter cucumber production in solar greenhouses of cold arid regions', ratings: { greenhouse: 3, solar: 1, soil: 1 } },
  { text: 'Volatile aroma profile of Cabernet Sauvignon wines fermented with indigenous yeasts', ratings: { wine: 3 } },
  { text: 'Forecasting photovoltaic generation with deep learning from satellite irradiance', ratings: { solar: 3, 'agri-ml': 2, vision: 1 } },
];

/** Weighted share of wrongly ordered pairs (ties half) over groups of (score, rating). */
function rankingError(groups: Array<Array<[number, number]>>): number {
  let bad = 0;
  let total = 0;
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      for (let j = 0; j < g.length; j++) {
        const [si, ri] = g[i];
        const [sj, rj] = g[j];
        if (ri <= rj) continue;
        const w = ri - rj;
        total += w;
        if (si < sj) bad += w;
        else if (si === sj) bad += w / 2;
      }
    }
  }
  return bad / total;
}

/**
 * Classic TF-IDF cosine between a paper and each researcher's concatenated papers, over the
 * same terms the engine sees (same stemming and stopwords), so the comparison is between
 * ranking models, not tokenizers.
 */
function tfidfScores(): number[][] {
  const analyzer = new Analyzer();
  const tok = (s: string): string[] => analyzer.terms(s);
  const profiles = EXPERTS.map((e) => tok((e.publications ?? []).map((p) => `${p.title} ${p.abstract}`).join(' ')));
  const df = new Map<string, number>();
  for (const p of profiles) for (const w of new Set(p)) df.set(w, (df.get(w) ?? 0) + 1);
  const vec = (words: string[]): Map<string, number> => {
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    for (const [w, c] of tf) v.set(w, (1 + Math.log(c)) * Math.log((profiles.length + 1) / ((df.get(w) ?? 0) + 1)));
    return v;
  };
  const cos = (a: Map<string, number>, b: Map<string, number>): number => {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (const [w, x] of a) {
      na += x * x;
      dot += x * (b.get(w) ?? 0);
    }
    for (const x of b.values()) nb += x * x;
    return na && nb ? dot / Math.sqrt(na * nb) : 0;
  };
  const pv = profiles.map(vec);
  return PAPERS.map((p) => pv.map((v) => cos(vec(tok(p.text)), v)));
}

function engineScores(): number[][] {
  const engine = createSearchEngine();
  engine.upsertMany('expert', EXPERTS);
  return PAPERS.map((p) => {
    const hits = engine.search({ text: p.text, kind: 'expert', limit: 100 }).hits;
    return IDS.map((id) => hits.find((h) => h.id === id)?.score ?? 0);
  });
}

function errors(scores: number[][]): { perPaper: number; perExpert: number } {
  const rating = (q: number, e: number): number => PAPERS[q].ratings[IDS[e]] ?? 0;
  const perPaper = scores.map((row, q) => row.map((s, e): [number, number] => [s, rating(q, e)]));
  const perExpert = IDS.map((_, e) => scores.map((row, q): [number, number] => [row[e], rating(q, e)]));
  return { perPaper: rankingError(perPaper), perExpert: rankingError(perExpert) };
}

describe('English expert finding', () => {
  it('orders researchers at least as well as the TF-IDF baseline, both per paper and per researcher', () => {
    const ours = errors(engineScores());
    const baseline = errors(tfidfScores());
    expect(ours.perPaper).toBeLessThanOrEqual(baseline.perPaper);
    expect(ours.perExpert).toBeLessThanOrEqual(baseline.perExpert);
    // And well below chance (0.5): a broken aggregation would not be.
    expect(ours.perPaper).toBeLessThan(0.15);
    expect(ours.perExpert).toBeLessThan(0.25);
  });

  it('puts the researcher whose field a paper is in first', () => {
    const scores = engineScores();
    scores.forEach((row, q) => {
      const best = IDS[row.indexOf(Math.max(...row))];
      expect(PAPERS[q].ratings[best]).toBe(3);
    });
  });
});
