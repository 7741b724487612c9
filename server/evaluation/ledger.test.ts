import { describe, expect, it } from 'vitest';
import { checkData } from './check.js';
import { computeIndex, getRanking } from './compute.js';
import { observationsFromLedger, type LedgerValue } from './ledger.js';
import { createRandom } from './random.js';
import { LEDGER_QUERIES, templates } from './templates/index.js';

describe('ledger-computed indicators', () => {
  it('maps ledger answers onto the indicators that name them', () => {
    const obs = observationsFromLedger(templates.eastWestCooperation, [
      { key: 'contracts.amount', region: '640104', year: 2024, value: 3200 },
      { key: 'not.used', region: '640104', year: 2024, value: 1 },
    ]);
    expect(obs).toEqual([{ region: '640104', year: 2024, indicator: 'W22', value: 3200, unit: '万元', source: 'ledger:contracts.amount' }]);
  });

  it('scores the East–West template end to end from ledger answers', () => {
    const rand = createRandom(5);
    const regions = ['640104', '640105', '640106', '640121', '640122', '640181'];
    const values: LedgerValue[] = [];
    for (const key of Object.keys(LEDGER_QUERIES)) {
      for (const region of regions) {
        for (const year of [2023, 2024]) {
          const pct = LEDGER_QUERIES[key].unit === '%';
          values.push({ key, region, year, value: Math.round((pct ? 20 + rand() * 60 : rand() * 200) * 10) / 10 });
        }
      }
    }
    const data = { observations: observationsFromLedger(templates.eastWestCooperation, values), regions: regions.map((code) => ({ code })) };
    expect(checkData(templates.eastWestCooperation, data).ok).toBe(true);
    const res = computeIndex(templates.eastWestCooperation, data);
    expect(getRanking(res, 2024)).toHaveLength(6);
    expect(res.warnings).toEqual([]);
  });
});
