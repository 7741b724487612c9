import { describe, expect, it } from 'vitest';
import { imputePanel } from './impute.js';

// Rows = regions, columns = years.
const panel = [
  [10, null, 14],
  [20, 22, null],
  [null, 30, 33],
  [40, 44, null],
];

describe('imputation', () => {
  it('none leaves gaps', () => {
    expect(imputePanel(panel, 'none').values).toEqual(panel);
  });

  it('indicator mean and median per year', () => {
    // Year 1 observed 10, 20, 40 → mean 70/3 = 23.333, median 20.
    // Year 2 observed 22, 30, 44 → mean 32, median 30. Year 3 observed 14, 33 → mean 23.5.
    const m = imputePanel(panel, 'mean');
    expect(m.values[2][0]).toBeCloseTo(70 / 3, 12);
    expect(m.values[0][1]).toBe(32);
    expect(m.values[1][2]).toBe(23.5);
    expect(m.method[2][0]).toBe('mean');
    expect(m.method[0][0]).toBeNull();
    expect(imputePanel(panel, 'median').values[0][1]).toBe(30);
  });

  it('group mean within the region\'s group, same year', () => {
    // Groups: a, a, b, b. Region 3 in year 1: group b observed 40 → 40. Region 1 in year 2: group a observed 22 → 22.
    const g = imputePanel(panel, 'group-mean', { groups: ['a', 'a', 'b', 'b'] });
    expect(g.values[2][0]).toBe(40);
    expect(g.values[0][1]).toBe(22);
    // Region 4 in year 3: group b observed 33 → 33; region 2 in year 3: group a observed 14 → 14.
    expect(g.values[3][2]).toBe(33);
    expect(g.values[1][2]).toBe(14);
  });

  it('carries the latest earlier figure forward, from history before the panel if needed', () => {
    const c = imputePanel(panel, 'carry-forward', { history: [[], [], [28], []] });
    expect(c.values[0][1]).toBe(10);
    expect(c.values[1][2]).toBe(22);
    expect(c.values[3][2]).toBe(44);
    // Region 3 has no earlier year in the panel; its 2019 figure 28 comes from history.
    expect(c.values[2][0]).toBe(28);
    expect(c.method[2][0]).toBe('carry-forward');
  });

  it('chains methods: each fills only what the previous could not', () => {
    const c = imputePanel(panel, ['carry-forward', 'mean']);
    expect(c.values[2][0]).toBeCloseTo(70 / 3, 12);
    expect(c.method[2][0]).toBe('mean');
    expect(c.values[0][1]).toBe(10);
    expect(c.method[0][1]).toBe('carry-forward');
  });
});
