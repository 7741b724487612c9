/**
 * Imputation of missing values of one indicator over a region × year panel, with COINr's
 * conventions: means and medians are taken across regions within the same year (as `i_mean`
 * and `i_median` on each year's coin), group means within the region's group (`i_mean_grp`), and
 * "carry forward" takes the region's latest earlier figure (`impute_panel(imp_type = "latest")`).
 * Methods can be chained — ['carry-forward', 'group-mean', 'mean'] tries each in turn for cells
 * the previous ones could not fill.
 */
import { mean, median } from './stats.js';
import type { ImputationMethod } from './types.js';

export interface PanelImputation {
  /** values[region][year], with imputed cells filled. */
  values: (number | null)[][];
  /** The method that filled each cell, or null when the cell was observed or is still missing. */
  method: (ImputationMethod | null)[][];
}

export interface ImputeOptions {
  /** Group of each region (by row), for 'group-mean'. */
  groups?: readonly (string | undefined)[];
  /**
   * Earlier figures per region for 'carry-forward', newest last, from years before the panel
   * starts (so the first scored year can still be filled from history).
   */
  history?: readonly (readonly (number | null)[])[];
}

/**
 * Fills missing cells of a panel (rows = regions, columns = years ascending).
 *
 * @example
 * imputePanel([[1, null], [3, 5], [null, 7]], ['carry-forward', 'mean']).values
 * // [[1, 1], [3, 5], [2, 7]] — row 1 carried forward; row 3 in year 1 gets the year's mean (1+3)/2
 */
export function imputePanel(
  panel: readonly (readonly (number | null)[])[],
  methods: ImputationMethod | readonly ImputationMethod[],
  options: ImputeOptions = {},
): PanelImputation {
  const list = (Array.isArray(methods) ? methods : [methods]) as ImputationMethod[];
  const values = panel.map((row) => row.slice());
  const method: (ImputationMethod | null)[][] = panel.map((row) => row.map(() => null));
  const R = values.length;
  const Y = R > 0 ? values[0].length : 0;
  // Statistics come from observed values only, so a chained method never feeds on another's output.
  const observed = panel;

  for (const m of list) {
    if (m === 'none') continue;
    for (let y = 0; y < Y; y++) {
      let yearStat: number | null = null;
      if (m === 'mean' || m === 'median') {
        const col = observed.map((row) => row[y]);
        const s = m === 'mean' ? mean(col) : median(col);
        yearStat = Number.isFinite(s) ? s : null;
      }
      for (let r = 0; r < R; r++) {
        if (values[r][y] !== null) continue;
        let fill: number | null = null;
        if (m === 'mean' || m === 'median') {
          fill = yearStat;
        } else if (m === 'group-mean') {
          const g = options.groups?.[r];
          if (g !== undefined) {
            const peers: (number | null)[] = [];
            for (let k = 0; k < R; k++) if (options.groups?.[k] === g) peers.push(observed[k][y]);
            const s = mean(peers);
            fill = Number.isFinite(s) ? s : null;
          }
        } else if (m === 'carry-forward') {
          for (let k = y - 1; k >= 0 && fill === null; k--) fill = observed[r][k];
          const hist = options.history?.[r];
          if (fill === null && hist) {
            for (let k = hist.length - 1; k >= 0 && fill === null; k--) fill = hist[k];
          }
        }
        if (fill !== null) {
          values[r][y] = fill;
          method[r][y] = m;
        }
      }
    }
  }
  return { values, method };
}
