/**
 * Data checks before scoring: what is missing, what cannot be right (unknown codes, duplicates,
 * non-numbers, values outside an indicator's range, a unit other than the indicator's) and what
 * looks odd (statistical outliers, a value a hundred times the median — typically 元 entered
 * where 万元 was asked). Errors should stop an upload; warnings are for a person to look at.
 * Every issue names region, year and indicator, and echoes the observation's `ref` (the cell it
 * came from) so an import screen can point at it.
 */
import { assertValidSystem, buildTree } from './system.js';
import { mean, quantile, sampleSd } from './stats.js';
import type { EvaluationData, IndicatorDefinition, IndicatorSystem, Issue, Observation, Text } from './types.js';

export interface CheckOptions {
  /** Years expected to be complete; default every year that appears in the data. */
  years?: number[];
  /** Outlier rules to apply; default both. */
  outlierRules?: ('z' | 'iqr')[];
  /** |z| above this is flagged; default 3. */
  zThreshold?: number;
  /**
   * Tukey's fences: below Q1 − k·IQR or above Q3 + k·IQR is flagged. Default k = 3 (Tukey's
   * "far out"): per-capita and amount indicators are right-skewed, and k = 1.5 flags a fifth of a
   * typical county panel, which buries the real typing errors.
   */
  iqrFactor?: number;
  /** A value at least this many times the indicator's median (or that fraction of it) is flagged; default 100. */
  scaleRatio?: number;
}

export interface MissingCell {
  region: string;
  year: number;
  indicator: string;
}

export interface OutlierFlag {
  region: string;
  year: number;
  indicator: string;
  value: number;
  z: number | null;
  rules: ('z' | 'iqr')[];
  /** Tukey's fences for the indicator in that year. */
  lower: number | null;
  upper: number | null;
  ref?: string;
}

export interface IndicatorCoverage {
  indicator: string;
  expected: number;
  present: number;
  share: number;
}

export interface DataCheck {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  missing: MissingCell[];
  outliers: OutlierFlag[];
  coverage: IndicatorCoverage[];
  summary: { observations: number; expected: number; present: number; missing: number };
}

/** Compares units leniently: full-width signs, spaces and letter case do not matter. */
function canonicalUnit(u: string): string {
  return u
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase();
}

function where(o: { region: string; year: number; indicator: string }): Text {
  return { zh: `${o.region} ${o.year} 年 ${o.indicator}`, en: `${o.region} ${o.year} ${o.indicator}` };
}

function make(code: string, severity: Issue['severity'], o: Partial<Observation>, zh: string, en: string): Issue {
  const issue: Issue = { code, severity, message: { zh, en } };
  if (o.region !== undefined) issue.region = o.region;
  if (o.year !== undefined) issue.year = o.year;
  if (o.indicator !== undefined) issue.indicator = o.indicator;
  if (o.value !== undefined) issue.value = typeof o.value === 'number' ? o.value : null;
  if (o.ref !== undefined) issue.ref = o.ref;
  return issue;
}

const fmt = (x: number) => String(Math.round(x * 1e4) / 1e4);

/**
 * Checks a data set against a system.
 *
 * @example
 * const check = checkData(templates.countyInnovation, { observations, regions });
 * if (!check.ok) return check.errors.map((e) => `${e.ref ?? ''} ${e.message.zh}`);
 * check.missing;   // every (region, year, indicator) without a figure
 * check.outliers;  // |z| > 3 or outside Tukey's fences, per indicator and year
 */
export function checkData(system: IndicatorSystem, data: EvaluationData, options: CheckOptions = {}): DataCheck {
  assertValidSystem(system);
  const tree = buildTree(system);
  const leaves = new Map<string, IndicatorDefinition>();
  for (const i of tree.leaves) leaves.set(tree.nodes[i].code, tree.nodes[i].def as IndicatorDefinition);
  const regionList = data.regions ? data.regions.map((r) => r.code) : [...new Set(data.observations.map((o) => o.region))].sort();
  const regionSet = new Set(regionList);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];

  const valid: Observation[] = [];
  const seen = new Map<string, Observation>();
  const dataYears = new Set<number>();
  for (const o of data.observations) {
    const w = where(o);
    if (!Number.isInteger(o.year)) {
      errors.push(make('bad-year', 'error', o, `${w.zh}：年份无效`, `${w.en}: not a valid year`));
      continue;
    }
    if (!leaves.has(o.indicator)) {
      if (tree.byCode.has(o.indicator)) {
        errors.push(make('not-a-leaf', 'error', o, `${w.zh}：${o.indicator} 由下级指标汇总得出，不应直接填报`, `${w.en}: ${o.indicator} is aggregated from its children and cannot be entered`));
      } else {
        errors.push(make('unknown-indicator', 'error', o, `${w.zh}：指标体系中没有指标 ${o.indicator}`, `${w.en}: the system has no indicator ${o.indicator}`));
      }
      continue;
    }
    if (!regionSet.has(o.region)) {
      errors.push(make('unknown-region', 'error', o, `${w.zh}：地区 ${o.region} 不在评价范围内`, `${w.en}: region ${o.region} is not being scored`));
      continue;
    }
    const key = `${o.region}|${o.year}|${o.indicator}`;
    const prior = seen.get(key);
    if (prior) {
      errors.push(
        make('duplicate', 'error', o, `${w.zh}：重复填报${prior.ref ? `（另见 ${prior.ref}）` : ''}`, `${w.en}: entered twice${prior.ref ? ` (see also ${prior.ref})` : ''}`),
      );
      continue;
    }
    seen.set(key, o);
    dataYears.add(o.year);
    const def = leaves.get(o.indicator) as IndicatorDefinition;
    if (o.value === null || o.value === undefined) continue; // a known gap: listed under missing
    if (typeof o.value !== 'number' || !Number.isFinite(o.value)) {
      errors.push(make('not-a-number', 'error', o, `${w.zh}：“${String(o.value)}”不是有效数值`, `${w.en}: "${String(o.value)}" is not a number`));
      continue;
    }
    if (o.unit !== undefined && def.unit !== undefined && canonicalUnit(o.unit) !== canonicalUnit(def.unit)) {
      errors.push(make('unit-mismatch', 'error', o, `${w.zh}：单位为“${o.unit}”，应为“${def.unit}”`, `${w.en}: unit "${o.unit}", expected "${def.unit}"`));
      continue;
    }
    const min = def.range?.min;
    const max = def.range?.max;
    if ((min !== undefined && o.value < min) || (max !== undefined && o.value > max)) {
      const range = `${min ?? '−∞'}～${max ?? '+∞'}`;
      errors.push(make('out-of-range', 'error', o, `${w.zh}：${fmt(o.value)} 超出合理范围 ${range}（${def.unit}）`, `${w.en}: ${fmt(o.value)} is outside ${range} ${def.unit ?? ''}`.trim()));
      continue;
    }
    valid.push(o);
  }

  const years = [...new Set(options.years ?? [...dataYears])].sort((a, b) => a - b);

  // Missing: every expected cell without a usable figure.
  const have = new Set(valid.map((o) => `${o.region}|${o.year}|${o.indicator}`));
  const missing: MissingCell[] = [];
  const coverage: IndicatorCoverage[] = [];
  for (const code of leaves.keys()) {
    let present = 0;
    for (const y of years) {
      for (const r of regionList) {
        if (have.has(`${r}|${y}|${code}`)) present++;
        else missing.push({ region: r, year: y, indicator: code });
      }
    }
    const expected = years.length * regionList.length;
    coverage.push({ indicator: code, expected, present, share: expected ? present / expected : 0 });
    if (expected > 0 && present === 0) {
      warnings.push(make('indicator-without-data', 'warning', { indicator: code }, `指标 ${code} 没有任何有效数据`, `Indicator ${code} has no usable figure`));
    }
  }

  // Outliers and suspicious scale, per indicator and year across regions.
  const rules = new Set(options.outlierRules ?? ['z', 'iqr']);
  const zt = options.zThreshold ?? 3;
  const k = options.iqrFactor ?? 3;
  const ratio = options.scaleRatio ?? 100;
  const groups = new Map<string, Observation[]>();
  for (const o of valid) {
    const key = `${o.indicator}|${o.year}`;
    const list = groups.get(key) ?? [];
    list.push(o);
    groups.set(key, list);
  }
  const outliers: OutlierFlag[] = [];
  for (const list of groups.values()) {
    const xs = list.map((o) => o.value as number);
    const m = mean(xs);
    const sd = sampleSd(xs);
    const q1 = quantile(xs, 0.25);
    const q3 = quantile(xs, 0.75);
    const lower = xs.length >= 4 ? q1 - k * (q3 - q1) : null;
    const upper = xs.length >= 4 ? q3 + k * (q3 - q1) : null;
    const med = quantile(xs, 0.5);
    for (const o of list) {
      const v = o.value as number;
      const z = sd > 0 ? (v - m) / sd : null;
      const hit: ('z' | 'iqr')[] = [];
      if (rules.has('z') && z !== null && Math.abs(z) > zt) hit.push('z');
      if (rules.has('iqr') && lower !== null && upper !== null && q3 > q1 && (v < lower || v > upper)) hit.push('iqr');
      if (hit.length > 0) {
        const flag: OutlierFlag = { region: o.region, year: o.year, indicator: o.indicator, value: v, z, rules: hit, lower, upper };
        if (o.ref !== undefined) flag.ref = o.ref;
        outliers.push(flag);
        const w = where(o);
        warnings.push(
          make(
            'outlier',
            'warning',
            o,
            `${w.zh}：${fmt(v)} 明显偏离同年其他地区（${hit.includes('z') && z !== null ? `z = ${fmt(z)}` : `四分位界限 ${fmt(lower as number)}～${fmt(upper as number)}`}），请核实`,
            `${w.en}: ${fmt(v)} stands out from the other regions that year (${hit.includes('z') && z !== null ? `z = ${fmt(z)}` : `fences ${fmt(lower as number)}–${fmt(upper as number)}`}); please verify`,
          ),
        );
      }
      if (xs.length >= 3 && med > 0 && v > 0 && (v >= med * ratio || v <= med / ratio)) {
        const w = where(o);
        warnings.push(
          make('scale-suspect', 'warning', o, `${w.zh}：${fmt(v)} 与中位数 ${fmt(med)} 相差 ${ratio} 倍以上，请核对单位（如元与万元）`, `${w.en}: ${fmt(v)} differs from the median ${fmt(med)} by ${ratio}× or more; check the unit (e.g. 元 vs 万元)`),
        );
      }
    }
  }

  const expected = years.length * regionList.length * leaves.size;
  return {
    ok: errors.length === 0,
    errors,
    warnings,
    missing,
    outliers,
    coverage,
    summary: { observations: data.observations.length, expected, present: expected - missing.length, missing: missing.length },
  };
}
