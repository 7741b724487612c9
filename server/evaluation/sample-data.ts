/**
 * Deterministic synthetic panels for demos, tests and benchmarks: for each region a latent
 * "capability" drawn once, a common upward trend over the years, and per-indicator noise, so
 * the indicators correlate the way real county data does and rankings are neither random nor
 * trivial. Values stay within each indicator's range. Not real statistics.
 */
import { createRandom } from './random.js';
import { leafIndicators } from './system.js';
import type { EvaluationData, IndicatorSystem, Observation, RegionInfo } from './types.js';

export interface SampleDataOptions {
  regions: readonly RegionInfo[];
  years: readonly number[];
  seed?: number | string;
  /** Share of cells left missing at random; default 0. */
  missingShare?: number;
}

/**
 * Generates a data set for a system.
 *
 * @example
 * const data = sampleData(templates.countyInnovation, { regions, years: [2020, 2021, 2022, 2023, 2024], seed: 7 });
 */
export function sampleData(system: IndicatorSystem, options: SampleDataOptions): EvaluationData {
  const rand = createRandom(options.seed ?? 1);
  const normal = () => {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const leaves = leafIndicators(system);
  const capability = options.regions.map(() => normal());
  const observations: Observation[] = [];
  leaves.forEach((def) => {
    // A typical level for the indicator: its target when set, else a round figure inside its range.
    const scale = def.target ?? (def.range?.max !== undefined ? def.range.max / 4 : 50);
    const loading = 0.5 + rand() * 0.5;
    options.years.forEach((year, t) => {
      options.regions.forEach((region, r) => {
        const z = loading * capability[r] + (1 - loading) * normal() + 0.08 * t;
        // Log-normal around the scale: skewed like real per-capita figures, always positive.
        let value = scale * 0.6 * Math.exp(0.45 * z * (def.direction === -1 ? -1 : 1));
        const min = def.range?.min ?? 0;
        const max = def.range?.max ?? Infinity;
        value = Math.min(Math.max(value, min), max);
        const missing = (options.missingShare ?? 0) > 0 && rand() < (options.missingShare ?? 0);
        observations.push({
          region: region.code,
          year,
          indicator: def.code,
          value: missing ? null : Math.round(value * 100) / 100,
          unit: def.unit,
        });
      });
    });
  });
  return { observations, regions: options.regions.map((r) => ({ ...r })) };
}
