/**
 * The bridge from the platform's ledger to observations: the platform answers each ledger query
 * (`ledgerKey`) per region and year; this maps the answers onto the indicators that name them,
 * with the indicator's unit, so ledger-computed systems go through the same checks and scoring as
 * statistics entered by hand.
 */
import { leafIndicators } from './system.js';
import type { IndicatorSystem, Observation } from './types.js';

/** One answer of a ledger query. */
export interface LedgerValue {
  key: string;
  region: string;
  year: number;
  value: number | null;
}

/**
 * Turns ledger answers into observations of the system's indicators; answers for keys no
 * indicator uses are ignored, and an indicator whose key got no answer is simply missing.
 *
 * @example
 * observationsFromLedger(templates.eastWestCooperation, [{ key: 'contracts.amount', region: '640104', year: 2024, value: 3200 }])
 * // [{ region: '640104', year: 2024, indicator: 'W22', value: 3200, unit: '万元', source: 'ledger:contracts.amount' }]
 */
export function observationsFromLedger(system: IndicatorSystem, values: readonly LedgerValue[]): Observation[] {
  const byKey = new Map<string, { code: string; unit?: string }[]>();
  for (const d of leafIndicators(system)) {
    if (!d.ledgerKey) continue;
    const list = byKey.get(d.ledgerKey) ?? [];
    list.push({ code: d.code, unit: d.unit });
    byKey.set(d.ledgerKey, list);
  }
  const out: Observation[] = [];
  for (const v of values) {
    for (const ind of byKey.get(v.key) ?? []) {
      const o: Observation = { region: v.region, year: v.year, indicator: ind.code, value: v.value, source: `ledger:${v.key}` };
      if (ind.unit !== undefined) o.unit = ind.unit;
      out.push(o);
    }
  }
  return out;
}
