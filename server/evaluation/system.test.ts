import { describe, expect, it } from 'vitest';
import { EvaluationError } from './errors.js';
import { assertValidSystem, buildTree, leafIndicators, systemForYear, validateSystem } from './system.js';
import { copySystem, LEDGER_QUERIES, templates } from './templates/index.js';
import type { IndicatorSystem } from './types.js';

const t = (zh: string) => ({ zh, en: zh });

function mini(): IndicatorSystem {
  return {
    code: 'mini',
    version: '1',
    name: t('小体系'),
    indicators: [
      { code: 'P', name: t('P'), parent: null, weight: 0.6 },
      { code: 'Q', name: t('Q'), parent: null, weight: 0.4 },
      { code: 'x1', name: t('x1'), parent: 'P', weight: 0.5, unit: '%' },
      { code: 'x2', name: t('x2'), parent: 'P', weight: 0.5, unit: 't', direction: -1 },
      { code: 'x3', name: t('x3'), parent: 'Q', weight: 1, unit: '件' },
    ],
  };
}

const codes = (s: IndicatorSystem) => validateSystem(s).filter((i) => i.severity === 'error').map((i) => i.code);

describe('indicator systems', () => {
  it('accepts a well-formed system and builds its tree in listing order', () => {
    expect(validateSystem(mini())).toEqual([]);
    const tree = buildTree(mini());
    expect(tree.nodes.map((n) => n.code)).toEqual(['mini', 'P', 'x1', 'x2', 'Q', 'x3']);
    expect(tree.leaves.map((i) => tree.nodes[i].code)).toEqual(['x1', 'x2', 'x3']);
    // Children come before parents, the composite last.
    const post = tree.postOrder.map((i) => tree.nodes[i].code);
    expect(post.indexOf('x1')).toBeLessThan(post.indexOf('P'));
    expect(post[post.length - 1]).toBe('mini');
    expect(tree.nodes[tree.byCode.get('x2') as number].direction).toBe(-1);
    expect(leafIndicators(mini()).map((d) => d.code)).toEqual(['x1', 'x2', 'x3']);
  });

  it('accepts weights written as percentages', () => {
    const s = mini();
    s.indicators[0].weight = 60;
    s.indicators[1].weight = 40;
    expect(codes(s)).toEqual([]);
  });

  it('lists every problem at once', () => {
    const s = mini();
    s.indicators.push({ code: 'x1', name: t('dup'), parent: 'Q', weight: 0, unit: '个' });
    s.indicators.push({ code: 'x4', name: t('x4'), parent: 'ZZ', weight: 1, unit: '个' });
    s.indicators[4].unit = '';
    s.indicators[3].weight = 0.7; // P's children now sum to 1.2
    s.indicators[2].direction = 2 as never;
    const c = codes(s);
    expect(c).toContain('duplicate-code');
    expect(c).toContain('unknown-parent');
    expect(c).toContain('leaf-unit');
    expect(c).toContain('weights-sum');
    expect(c).toContain('direction');
    expect(() => assertValidSystem(s)).toThrow(EvaluationError);
    try {
      assertValidSystem(s);
    } catch (e) {
      expect((e as EvaluationError).issues.length).toBe(c.length);
      expect((e as EvaluationError).issues[0].message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('rejects cycles, more than three levels and a code equal to the system code', () => {
    const cyc = mini();
    cyc.indicators[0].parent = 'x1';
    expect(codes(cyc)).toContain('cycle');
    const deep = mini();
    deep.indicators.push({ code: 'y', name: t('y'), parent: 'x3', weight: 1 });
    deep.indicators.push({ code: 'z', name: t('z'), parent: 'y', weight: 1, unit: '个' });
    expect(codes(deep)).toContain('too-deep');
    const clash = mini();
    clash.indicators[4].code = 'mini';
    expect(codes(clash)).toContain('code-is-system');
  });

  it('picks the version in force for a year', () => {
    const v1 = { ...mini(), version: '2021.1', validFrom: 2021 };
    const v2 = { ...mini(), version: '2024.1', validFrom: 2024 };
    expect(systemForYear([v2, v1], 2023).version).toBe('2021.1');
    expect(systemForYear([v1, v2], 2024).version).toBe('2024.1');
    expect(systemForYear([v1, v2], 2030).version).toBe('2024.1');
    expect(() => systemForYear([v1, v2], 2020)).toThrow(EvaluationError);
  });
});

describe('built-in templates', () => {
  it('are valid, with units, directions and sibling weights summing to 1', () => {
    for (const s of Object.values(templates)) {
      expect(validateSystem(s)).toEqual([]);
    }
  });

  it('county monitoring: four parts, twenty indicators, each with a unit, source and target', () => {
    const s = templates.countyInnovation;
    const tree = buildTree(s);
    expect(tree.nodes[0].children.map((i) => tree.nodes[i].name.zh)).toEqual(['创新环境', '创新投入', '创新产出与成效', '经济社会发展']);
    const leaves = leafIndicators(s);
    expect(leaves).toHaveLength(20);
    for (const d of leaves) {
      expect(d.unit).toBeTruthy();
      expect(d.source).toBeTruthy();
      expect(d.target).toBeGreaterThan(0);
    }
    expect(leaves.find((d) => d.code === 'B1')?.name.zh).toBe('R&D经费投入强度');
    expect(leaves.find((d) => d.code === 'D3')?.direction).toBe(-1);
  });

  it('regional composite: the five parts of the national regional evaluation on three levels', () => {
    const tree = buildTree(templates.regionalInnovation);
    expect(tree.nodes[0].children.map((i) => tree.nodes[i].name.zh)).toEqual([
      '科技创新环境',
      '科技活动投入',
      '科技活动产出',
      '高新技术产业化',
      '科技促进经济社会发展',
    ]);
    expect(tree.depth).toBe(3);
  });

  it('East–West cooperation: every indicator names a defined ledger query with the same unit', () => {
    const leaves = leafIndicators(templates.eastWestCooperation);
    expect(leaves.length).toBeGreaterThanOrEqual(10);
    for (const d of leaves) {
      const q = LEDGER_QUERIES[d.ledgerKey as string];
      expect(q, d.code).toBeDefined();
      expect(q.unit).toBe(d.unit);
    }
  });

  it('are frozen; copySystem gives an editable copy', () => {
    expect(Object.isFrozen(templates.countyInnovation.indicators[0])).toBe(true);
    const mine = copySystem(templates.countyInnovation);
    mine.version = '2026.1';
    mine.indicators[0].weight = 0.25;
    expect(templates.countyInnovation.version).toBe('2025.1');
    expect(templates.countyInnovation.indicators[0].weight).toBe(0.2);
  });
});
