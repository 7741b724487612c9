/**
 * Built-in indicator systems. The JSON files beside this module are the data (editable by a
 * deployer, versioned by their `version` field); this module types them and freezes them so a
 * caller cannot change a template in place — copy it with {@link copySystem} to edit.
 */
import countyJson from './county-innovation.json' with { type: 'json' };
import regionalJson from './regional-innovation.json' with { type: 'json' };
import eastWestJson from './east-west-cooperation.json' with { type: 'json' };
import type { IndicatorSystem, Text } from '../types.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A deep, mutable copy of a system, e.g. to edit a template into a deployment's own version. */
export function copySystem(system: IndicatorSystem): IndicatorSystem {
  return JSON.parse(JSON.stringify(system)) as IndicatorSystem;
}

/**
 * The built-in systems:
 * - `countyInnovation` — county S&T innovation capability monitoring (4 parts, 20 indicators);
 * - `regionalInnovation` — the five-part regional S&T innovation composite (26 indicators on 3 levels);
 * - `eastWestCooperation` — East–West cooperation performance, every indicator computed from the
 *   platform's ledger (`ledgerKey`, see {@link LEDGER_QUERIES}).
 *
 * @example
 * const mine = copySystem(templates.countyInnovation);
 * mine.version = '2026.1'; mine.validFrom = 2026;
 */
export const templates: Readonly<{
  countyInnovation: IndicatorSystem;
  regionalInnovation: IndicatorSystem;
  eastWestCooperation: IndicatorSystem;
}> = deepFreeze({
  countyInnovation: countyJson as IndicatorSystem,
  regionalInnovation: regionalJson as IndicatorSystem,
  eastWestCooperation: eastWestJson as IndicatorSystem,
});

/** A ledger query the platform must answer per region and year for ledger-computed indicators. */
export interface LedgerQuery {
  name: Text;
  unit: string;
  /** What is counted, precisely enough to implement and to audit. */
  definition: Text;
}

/**
 * The ledger queries named by `ledgerKey` in the templates. The platform computes each for a
 * region (the organisation's or project's region on the western side) and a calendar year.
 */
export const LEDGER_QUERIES: Readonly<Record<string, LedgerQuery>> = deepFreeze({
  'demands.published': {
    name: { zh: '发布技术需求数', en: 'Demands published' },
    unit: '项',
    definition: { zh: '当年首次发布的技术需求数（按需求企业所在地区）', en: 'Demands first published in the year, by the enterprise’s region' },
  },
  'demands.matchRate': {
    name: { zh: '需求对接率', en: 'Demand match rate' },
    unit: '%',
    definition: {
      zh: '当年发布的需求中，至少一条撮合进入“已联系”及以后状态的比例 × 100',
      en: 'Share of the year’s published demands with at least one match at “contacted” or beyond, × 100',
    },
  },
  'demands.contractRate': {
    name: { zh: '需求签约率', en: 'Demand contract rate' },
    unit: '%',
    definition: { zh: '当年发布的需求中已签订技术合同的比例 × 100', en: 'Share of the year’s published demands that led to a signed contract, × 100' },
  },
  'contracts.count': {
    name: { zh: '东西部技术合同数', en: 'East–West contracts' },
    unit: '项',
    definition: { zh: '当年登记、一方在西部一方在东部的技术合同数', en: 'Contracts registered in the year with one western and one eastern party' },
  },
  'contracts.amount': {
    name: { zh: '东西部技术合同成交额', en: 'East–West contract turnover' },
    unit: '万元',
    definition: { zh: '上述合同的成交金额合计', en: 'Total amount of those contracts' },
  },
  'projects.count': {
    name: { zh: '东西部合作项目数', en: 'Cooperation projects' },
    unit: '项',
    definition: { zh: '当年立项的东西部合作项目数', en: 'East–West projects started in the year' },
  },
  'projects.funding': {
    name: { zh: '合作项目投入资金', en: 'Project funding' },
    unit: '万元',
    definition: { zh: '当年立项项目的计划总投入（含财政与自筹）', en: 'Planned total funding of projects started in the year (public and own funds)' },
  },
  'events.count': {
    name: { zh: '对接活动场次', en: 'Events held' },
    unit: '场',
    definition: { zh: '当年举办的专家行、路演、论坛、培训等对接活动场次', en: 'Expert visits, roadshows, forums and trainings held in the year' },
  },
  'experts.served': {
    name: { zh: '服务专家人次', en: 'Expert services' },
    unit: '人次',
    definition: { zh: '当年专家参加对接活动或提供服务的人次', en: 'Expert attendances at events and services delivered in the year' },
  },
  'events.agreements': {
    name: { zh: '活动签约协议数', en: 'Agreements at events' },
    unit: '项',
    definition: { zh: '当年对接活动中签订的合作协议数', en: 'Agreements signed at the year’s events' },
  },
  'enclaves.registered': {
    name: { zh: '科创飞地数', en: 'Registered enclaves' },
    unit: '个',
    definition: { zh: '年末已备案、由本地区单位在东部设立的研发中心、孵化器、人才基地数', en: 'Registered R&D centres, incubators and talent bases set up in the east by the region’s organisations, at year end' },
  },
  'pairings.active': {
    name: { zh: '东西部结对合作关系数', en: 'Active pairings' },
    unit: '对',
    definition: { zh: '年末有效的东西部结对关系数', en: 'East–West pairings in force at year end' },
  },
});
