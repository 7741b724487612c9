import { describe, expect, it } from 'vitest';
import { checkData } from './check.js';
import { sampleData } from './sample-data.js';
import { templates } from './templates/index.js';
import type { IndicatorSystem, Observation } from './types.js';

const t = (zh: string) => ({ zh, en: zh });
const system: IndicatorSystem = {
  code: 'mini',
  version: '1',
  name: t('小体系'),
  indicators: [
    { code: 'P', name: t('P'), parent: null, weight: 1 },
    { code: 'x1', name: t('R&D经费投入强度'), parent: 'P', weight: 0.5, unit: '%', range: { min: 0, max: 20 } },
    { code: 'x2', name: t('技术合同成交额'), parent: 'P', weight: 0.5, unit: '万元', range: { min: 0 } },
  ],
};
const regions = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((code) => ({ code }));

function clean(): Observation[] {
  const obs: Observation[] = [];
  const x1 = [1.2, 1.5, 0.9, 2.1, 1.8, 1.1];
  const x2 = [300, 420, 150, 500, 380, 260];
  regions.forEach((r, i) => {
    obs.push({ region: r.code, year: 2024, indicator: 'x1', value: x1[i], unit: '%', ref: `B${i + 2}` });
    obs.push({ region: r.code, year: 2024, indicator: 'x2', value: x2[i], unit: '万元', ref: `C${i + 2}` });
  });
  return obs;
}

describe('data checks', () => {
  it('passes clean data', () => {
    const c = checkData(system, { observations: clean(), regions });
    expect(c.ok).toBe(true);
    expect(c.errors).toEqual([]);
    expect(c.missing).toEqual([]);
    expect(c.summary).toEqual({ observations: 12, expected: 12, present: 12, missing: 0 });
  });

  it('points at two bad cells of an upload with clear, bilingual errors', () => {
    const obs = clean();
    obs[2] = { ...obs[2], value: 25 }; // r2 x1: 25 % R&D intensity is outside 0–20
    obs[5] = { ...obs[5], unit: '元' }; // r3 x2 entered in 元 instead of 万元
    const c = checkData(system, { observations: obs, regions });
    expect(c.ok).toBe(false);
    expect(c.errors.map((e) => [e.code, e.region, e.indicator, e.ref])).toEqual([
      ['out-of-range', 'r2', 'x1', 'B3'],
      ['unit-mismatch', 'r3', 'x2', 'C4'],
    ]);
    expect(c.errors[0].message.zh).toContain('超出合理范围 0～20');
    expect(c.errors[1].message.zh).toContain('应为“万元”');
    // The bad cells count as missing until fixed.
    expect(c.missing).toEqual([
      { region: 'r2', year: 2024, indicator: 'x1' },
      { region: 'r3', year: 2024, indicator: 'x2' },
    ]);
  });

  it('rejects duplicates, unknown codes, aggregates entered directly, unknown regions and non-numbers', () => {
    const obs: Observation[] = [
      ...clean(),
      { region: 'r1', year: 2024, indicator: 'x1', value: 1.3, ref: 'B9' },
      { region: 'r1', year: 2024, indicator: 'x9', value: 1 },
      { region: 'r1', year: 2024, indicator: 'P', value: 50 },
      { region: 'zz', year: 2024, indicator: 'x1', value: 1 },
      { region: 'r1', year: 2023, indicator: 'x1', value: 'n/a' as never },
    ];
    const c = checkData(system, { observations: obs, regions });
    expect(c.errors.map((e) => e.code)).toEqual(['duplicate', 'unknown-indicator', 'not-a-leaf', 'unknown-region', 'not-a-number']);
    expect(c.errors[0].message.en).toContain('see also B2');
  });

  it('lists missing cells: absent rows and explicit nulls', () => {
    const obs = clean().filter((o) => !(o.region === 'r4' && o.indicator === 'x2'));
    obs[0] = { ...obs[0], value: null };
    const c = checkData(system, { observations: obs, regions });
    expect(c.ok).toBe(true);
    expect(c.missing).toEqual([
      { region: 'r1', year: 2024, indicator: 'x1' },
      { region: 'r4', year: 2024, indicator: 'x2' },
    ]);
    expect(c.coverage.find((x) => x.indicator === 'x1')?.share).toBeCloseTo(5 / 6, 12);
  });

  it('flags outliers by |z| > 3 and Tukey\'s fences, and values off by a unit factor', () => {
    // Twelve regions: eleven around 1 and one at 9.
    // Sum 20.5 → mean 1.70833; sample sd 2.30077 → z(9) = (9 − 1.70833) / 2.30077 = 3.169 > 3.
    const vals = [0.8, 0.9, 1.0, 1.0, 1.1, 1.1, 1.2, 1.2, 1.3, 1.0, 0.9, 9];
    const regs = vals.map((_, i) => ({ code: `q${i}` }));
    const obs: Observation[] = vals.map((v, i) => ({ region: `q${i}`, year: 2024, indicator: 'x1', value: v }));
    const c = checkData(system, { observations: obs, regions: regs }, { iqrFactor: 1.5 });
    expect(c.outliers).toHaveLength(1);
    expect(c.outliers[0].region).toBe('q11');
    expect(c.outliers[0].z).toBeCloseTo(3.17, 2);
    expect(c.outliers[0].rules).toEqual(['z', 'iqr']);
    // Sorted, type 7: Q1 at h = 2.75 → 0.9 + 0.75 × 0.1 = 0.975; Q3 at h = 8.25 → 1.2;
    // upper fence 1.2 + 1.5 × 0.225 = 1.5375
    expect(c.outliers[0].upper).toBeCloseTo(1.5375, 10);
    expect(c.warnings.some((w) => w.code === 'outlier' && w.region === 'q11')).toBe(true);

    // 元 entered where 万元 is asked: 4 200 000 against a median in the hundreds.
    const obs2 = clean();
    obs2[3] = { ...obs2[3], value: 4_200_000, unit: undefined };
    const c2 = checkData(system, { observations: obs2, regions });
    expect(c2.warnings.some((w) => w.code === 'scale-suspect' && w.region === 'r2')).toBe(true);
  });

  it('checks a realistic county panel quickly and without false errors', () => {
    const counties = Array.from({ length: 22 }, (_, i) => ({ code: `64${String(i).padStart(4, '0')}` }));
    const data = sampleData(templates.countyInnovation, { regions: counties, years: [2020, 2021, 2022, 2023, 2024], seed: 3, missingShare: 0.03 });
    const c = checkData(templates.countyInnovation, data);
    expect(c.ok).toBe(true);
    expect(c.missing.length).toBe(data.observations.filter((o) => o.value === null).length);
  });
});
