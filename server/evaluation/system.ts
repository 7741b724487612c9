/**
 * Indicator systems: validation, the tree the engine walks, and version selection.
 *
 * A system is a flat list of definitions linked by `parent`; the engine turns it into a tree
 * whose root is the composite index (addressed by the system's code). Validation reports every
 * problem at once, in both languages, because a department editing a system wants the whole
 * list rather than one error per save.
 */
import { EvaluationError } from './errors.js';
import type { Direction, IndicatorDefinition, IndicatorSystem, Issue, Text } from './types.js';

/** Deepest indicator level allowed (一级、二级、三级指标). */
export const MAX_LEVEL = 3;

/** Sibling weights must sum to 1 (or 100 when written as percentages) within this tolerance. */
const WEIGHT_TOLERANCE = 1e-6;

/** One node of the tree built from a system; index 0 is the composite. */
export interface TreeNode {
  index: number;
  code: string;
  name: Text;
  level: number;
  parent: number;
  children: number[];
  def: IndicatorDefinition | null;
  /** Position among the leaves, or -1 for inner nodes. */
  leaf: number;
  direction: Direction;
}

/** The tree of a validated system. */
export interface Tree {
  nodes: TreeNode[];
  /** Node indexes of the leaves, in pre-order. */
  leaves: number[];
  /** Node indexes with every child before its parent (the order aggregation needs). */
  postOrder: number[];
  byCode: Map<string, number>;
  /** Deepest level present. */
  depth: number;
}

function issue(code: string, message: Text, indicator?: string, severity: Issue['severity'] = 'error'): Issue {
  return indicator === undefined ? { code, severity, message } : { code, severity, message, indicator };
}

function isText(t: unknown): t is Text {
  return (
    typeof t === 'object' && t !== null && typeof (t as Text).zh === 'string' && typeof (t as Text).en === 'string'
  );
}

/**
 * Checks a system and lists every problem: codes unique and not the system's own code, parents
 * that exist, no cycles, at most three levels, leaves with a unit, directions of ±1, weights
 * that are non-negative and sum to 1 (or 100) among siblings, ranges with min ≤ max, positive targets.
 *
 * @example
 * const issues = validateSystem(templates.countyInnovation);
 * if (issues.some((i) => i.severity === 'error')) throw …;
 */
export function validateSystem(system: IndicatorSystem): Issue[] {
  const issues: Issue[] = [];
  if (typeof system.code !== 'string' || system.code.trim() === '') {
    issues.push(issue('system-code', { zh: '指标体系缺少编码', en: 'The system has no code' }));
  }
  if (typeof system.version !== 'string' || system.version.trim() === '') {
    issues.push(issue('system-version', { zh: '指标体系缺少版本号', en: 'The system has no version' }));
  }
  if (!isText(system.name)) {
    issues.push(issue('system-name', { zh: '指标体系缺少中英文名称', en: 'The system needs a name in Chinese and English' }));
  }
  if (system.validFrom !== undefined && !Number.isInteger(system.validFrom)) {
    issues.push(issue('system-valid-from', { zh: '起用年份须为整数', en: 'validFrom must be a whole year' }));
  }
  const defs = Array.isArray(system.indicators) ? system.indicators : [];
  if (defs.length === 0) {
    issues.push(issue('system-empty', { zh: '指标体系没有指标', en: 'The system has no indicators' }));
    return issues;
  }

  const byCode = new Map<string, IndicatorDefinition>();
  for (const d of defs) {
    if (typeof d.code !== 'string' || d.code.trim() === '') {
      issues.push(issue('indicator-code', { zh: '有指标缺少编码', en: 'An indicator has no code' }));
      continue;
    }
    if (byCode.has(d.code)) {
      issues.push(issue('duplicate-code', { zh: `指标编码重复：${d.code}`, en: `Duplicate indicator code: ${d.code}` }, d.code));
    }
    if (d.code === system.code) {
      issues.push(
        issue('code-is-system', { zh: `指标编码不能与体系编码相同：${d.code}`, en: `An indicator cannot use the system's code: ${d.code}` }, d.code),
      );
    }
    byCode.set(d.code, d);
  }

  const children = new Map<string | null, IndicatorDefinition[]>();
  for (const d of byCode.values()) {
    if (!isText(d.name) || d.name.zh.trim() === '' || d.name.en.trim() === '') {
      issues.push(issue('indicator-name', { zh: `指标 ${d.code} 缺少中英文名称`, en: `Indicator ${d.code} needs a name in Chinese and English` }, d.code));
    }
    const p = d.parent ?? null;
    if (p !== null && !byCode.has(p)) {
      issues.push(issue('unknown-parent', { zh: `指标 ${d.code} 的上级 ${p} 不存在`, en: `Indicator ${d.code} has an unknown parent ${p}` }, d.code));
      continue;
    }
    const list = children.get(p) ?? [];
    list.push(d);
    children.set(p, list);
  }

  // Levels by walking up; a walk longer than the number of nodes is a cycle.
  for (const d of byCode.values()) {
    let level = 1;
    let p = d.parent ?? null;
    const seen = new Set<string>([d.code]);
    let cyclic = false;
    while (p !== null) {
      if (seen.has(p)) {
        cyclic = true;
        break;
      }
      seen.add(p);
      const pd = byCode.get(p);
      if (!pd) break;
      level++;
      p = pd.parent ?? null;
    }
    if (cyclic) {
      issues.push(issue('cycle', { zh: `指标 ${d.code} 的上下级关系成环`, en: `Indicator ${d.code} is part of a parent cycle` }, d.code));
    } else if (level > MAX_LEVEL) {
      issues.push(
        issue('too-deep', { zh: `指标 ${d.code} 位于第 ${level} 级，最多 ${MAX_LEVEL} 级`, en: `Indicator ${d.code} is at level ${level}; at most ${MAX_LEVEL} levels` }, d.code),
      );
    }
  }

  // Every definition, duplicates included, so a problem on either copy is reported.
  for (const d of defs) {
    if (typeof d.code !== 'string' || d.code.trim() === '') continue;
    const isLeaf = !children.has(d.code);
    if (typeof d.weight !== 'number' || !Number.isFinite(d.weight) || d.weight < 0) {
      issues.push(issue('weight', { zh: `指标 ${d.code} 的权重须为非负数`, en: `Indicator ${d.code} needs a non-negative weight` }, d.code));
    }
    if (d.direction !== undefined && d.direction !== 1 && d.direction !== -1) {
      issues.push(issue('direction', { zh: `指标 ${d.code} 的方向须为 1 或 -1`, en: `Indicator ${d.code}: direction must be 1 or -1` }, d.code));
    }
    if (isLeaf && (typeof d.unit !== 'string' || d.unit.trim() === '')) {
      issues.push(issue('leaf-unit', { zh: `末级指标 ${d.code} 缺少计量单位`, en: `Leaf indicator ${d.code} has no unit` }, d.code));
    }
    if (!isLeaf && (d.ledgerKey !== undefined || d.target !== undefined)) {
      issues.push(
        issue('inner-data-field', { zh: `非末级指标 ${d.code} 不应设置目标值或台账口径`, en: `Inner node ${d.code} should not carry a target or ledger key` }, d.code, 'warning'),
      );
    }
    if (d.range) {
      const { min, max } = d.range;
      if ((min !== undefined && !Number.isFinite(min)) || (max !== undefined && !Number.isFinite(max)) || (min !== undefined && max !== undefined && min > max)) {
        issues.push(issue('range', { zh: `指标 ${d.code} 的取值范围无效`, en: `Indicator ${d.code} has an invalid range` }, d.code));
      }
    }
    if (d.target !== undefined && !(Number.isFinite(d.target) && d.target > 0)) {
      issues.push(issue('target', { zh: `指标 ${d.code} 的目标值须为正数`, en: `Indicator ${d.code}: the target must be positive` }, d.code));
    }
  }

  for (const [parent, list] of children) {
    const sum = list.reduce((s, d) => s + (Number.isFinite(d.weight) ? d.weight : 0), 0);
    const where = parent === null ? { zh: '一级指标', en: 'level-1 indicators' } : { zh: `${parent} 的下级指标`, en: `children of ${parent}` };
    if (!(sum > 0)) {
      issues.push(issue('weights-zero', { zh: `${where.zh}权重之和为 0`, en: `The weights of the ${where.en} sum to 0` }, parent ?? undefined));
    } else if (Math.abs(sum - 1) > WEIGHT_TOLERANCE && Math.abs(sum - 100) > 100 * WEIGHT_TOLERANCE) {
      issues.push(
        issue(
          'weights-sum',
          { zh: `${where.zh}权重之和为 ${round(sum)}，应为 1（或 100）`, en: `The weights of the ${where.en} sum to ${round(sum)}, not 1 (or 100)` },
          parent ?? undefined,
        ),
      );
    }
  }
  return issues;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Validates and throws {@link EvaluationError} `INVALID_SYSTEM` listing every error;
 * warnings do not throw.
 */
export function assertValidSystem(system: IndicatorSystem): void {
  const errors = validateSystem(system).filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new EvaluationError('INVALID_SYSTEM', `Indicator system ${system.code}@${system.version}: ${errors.map((e) => e.message.en).join('; ')}`, errors);
  }
}

/**
 * Builds the tree of a valid system (call {@link assertValidSystem} first). Children keep the
 * order in which the definitions are listed, which is the order reports print them in.
 */
export function buildTree(system: IndicatorSystem): Tree {
  const nodes: TreeNode[] = [
    { index: 0, code: system.code, name: system.name, level: 0, parent: -1, children: [], def: null, leaf: -1, direction: 1 },
  ];
  const byCode = new Map<string, number>([[system.code, 0]]);
  const kids = new Map<string | null, IndicatorDefinition[]>();
  for (const d of system.indicators) {
    const list = kids.get(d.parent ?? null) ?? [];
    list.push(d);
    kids.set(d.parent ?? null, list);
  }
  const leaves: number[] = [];
  const postOrder: number[] = [];
  let depth = 0;
  const visit = (parentIndex: number, parentCode: string | null, level: number) => {
    for (const d of kids.get(parentCode) ?? []) {
      const index = nodes.length;
      const node: TreeNode = {
        index,
        code: d.code,
        name: d.name,
        level,
        parent: parentIndex,
        children: [],
        def: d,
        leaf: -1,
        direction: d.direction ?? 1,
      };
      nodes.push(node);
      byCode.set(d.code, index);
      nodes[parentIndex].children.push(index);
      depth = Math.max(depth, level);
      if (kids.has(d.code)) {
        visit(index, d.code, level + 1);
      } else {
        node.leaf = leaves.length;
        leaves.push(index);
      }
      postOrder.push(index);
    }
  };
  visit(0, null, 1);
  postOrder.push(0);
  return { nodes, leaves, postOrder, byCode, depth };
}

/** The leaf definitions of a system, in the order reports list them. */
export function leafIndicators(system: IndicatorSystem): IndicatorDefinition[] {
  const tree = buildTree(system);
  return tree.leaves.map((i) => tree.nodes[i].def as IndicatorDefinition);
}

/**
 * Picks the version of a system in force for a year: the one with the latest `validFrom` not
 * after the year (a version without `validFrom` applies from the beginning).
 *
 * @example
 * systemForYear([v2021, v2024], 2023) // v2021 (validFrom 2021); 2024 and later get v2024
 */
export function systemForYear(versions: readonly IndicatorSystem[], year: number): IndicatorSystem {
  let best: IndicatorSystem | null = null;
  for (const v of versions) {
    const from = v.validFrom ?? Number.NEGATIVE_INFINITY;
    if (from > year) continue;
    if (best === null || from > (best.validFrom ?? Number.NEGATIVE_INFINITY)) best = v;
  }
  if (best === null) {
    throw new EvaluationError('NOT_FOUND', `No version of the indicator system applies to ${year}`);
  }
  return best;
}
