import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize, type Action } from '../../auth/policy.js';
import { readJsonl } from '../../documents/jsonl/jsonl.js';
import type { ReferenceData } from '../../reference/reference.js';
import { achievementKinds, organizationKinds } from '../../db/schema/index.js';
import { rowSchemas, type ImportKind, type ImportProblem, type ImportReport } from './import.schema.js';
import * as repo from './import.repo.js';

export interface ImportDeps {
  db: Database;
  reference: ReferenceData;
  /** Keeps the matching engine in step with the rows written. */
  syncIndex?: (kind: 'expert' | 'achievement' | 'demand' | 'organization', ids: number[]) => Promise<void>;
}

const engineKind = { experts: 'expert', achievements: 'achievement', demands: 'demand', organizations: 'organization' } as const;

export interface ImportOptions {
  /** Import the valid rows and report the others instead of refusing the whole file. */
  skipInvalid?: boolean;
  /** Told how far the import has got (0–1), for a progress bar. */
  progress?: (fraction: number, message?: string) => void;
}

/** The permission an import of this registry needs. */
export const createActionOf = (kind: ImportKind): Action => createAction[kind];

const createAction: Record<ImportKind, Action> = {
  experts: 'expert:create',
  achievements: 'achievement:create',
  demands: 'demand:create',
  organizations: 'organization:create',
};

const kindWords: Record<string, (typeof organizationKinds)[number]> = {
  企业: 'enterprise', 公司: 'enterprise', enterprise: 'enterprise', company: 'enterprise',
  高校: 'university', 大学: 'university', 学院: 'university', university: 'university',
  科研院所: 'institute', 研究所: 'institute', 研究院: 'institute', institute: 'institute',
  学会: 'society', 协会: 'society', society: 'society',
  医院: 'hospital', hospital: 'hospital', 园区: 'park', park: 'park', 机构: 'agency', 政府: 'agency', agency: 'agency',
};

const achievementKindWords: Record<string, (typeof achievementKinds)[number]> = {
  专利: 'patent', patent: 'patent', 品种: 'variety', 新品种: 'variety', variety: 'variety', 软件: 'software', software: 'software',
  工艺: 'process', process: 'process', 装备: 'equipment', 设备: 'equipment', equipment: 'equipment', 材料: 'material', material: 'material',
  标准: 'standard', standard: 'standard', 其他: 'other', other: 'other',
};

/** An organization's kind guessed from its name when the file gives none. */
function kindFromName(name: string): (typeof organizationKinds)[number] {
  if (/大学|学院|University|College/i.test(name)) return 'university';
  if (/研究院|研究所|科学院|Institute|Academy/i.test(name)) return 'institute';
  if (/学会|协会|Society|Association/i.test(name)) return 'society';
  if (/医院|Hospital/i.test(name)) return 'hospital';
  if (/园区|园|Park/i.test(name)) return 'park';
  if (/厅|局|委员会|政府|科协/.test(name)) return 'agency';
  return 'enterprise';
}

export type Resolved = ReturnType<typeof resolveRow>;

/** Codes from names as people write them; what cannot be resolved stays as a keyword, except a region. */
function resolveRow(kind: ImportKind, row: Record<string, unknown>, ref: ReferenceData, line: number, problems: ImportProblem[]) {
  const extraKeywords: string[] = [];
  let regionCode: string | undefined;
  if (typeof row.region === 'string') {
    regionCode = ref.resolveRegion(row.region) ?? undefined;
    if (!regionCode) problems.push({ row: line, column: 'region', value: row.region, message: 'unknown region / 无法识别的地区' });
  }
  let industryCode: string | undefined;
  let keyIndustry: string | undefined;
  if (typeof row.industry === 'string') {
    const key = ref.keyIndustries.list.find((k) => k.code === row.industry || k.name === row.industry);
    if (key) {
      keyIndustry = key.code;
      industryCode = key.gbtCodes[0];
    } else {
      industryCode = ref.resolveIndustry(row.industry) ?? undefined;
      if (!industryCode) extraKeywords.push(row.industry);
    }
  }
  const disciplineCodes: string[] = [];
  const disciplineInputs = kind === 'experts' ? ((row.disciplines as string[]) ?? []) : typeof row.discipline === 'string' ? [row.discipline] : [];
  for (const d of disciplineInputs) {
    const code = ref.resolveDiscipline(d);
    if (code) disciplineCodes.push(code);
    else extraKeywords.push(d);
  }
  let orgKind: (typeof organizationKinds)[number] | undefined;
  if (kind === 'organizations') {
    const k = typeof row.kind === 'string' ? row.kind : undefined;
    if (!k) orgKind = kindFromName(String(row.name));
    else orgKind = kindWords[k.toLowerCase()] ?? ((organizationKinds as readonly string[]).includes(k) ? (k as (typeof organizationKinds)[number]) : undefined);
    if (!orgKind) problems.push({ row: line, column: 'kind', value: k, message: `one of ${organizationKinds.join(', ')} / 企业、高校、科研院所、学会、医院、园区、机构` });
  }
  let achievementKind: (typeof achievementKinds)[number] = 'other';
  if (kind === 'achievements' && typeof row.kind === 'string') {
    const k = achievementKindWords[row.kind.toLowerCase()];
    if (k) achievementKind = k;
    else problems.push({ row: line, column: 'kind', value: row.kind, message: `one of ${achievementKinds.join(', ')} / 专利、品种、软件、工艺、装备、材料、标准、其他` });
  }
  return { regionCode, industryCode, keyIndustry, disciplineCodes: [...new Set(disciplineCodes)], extraKeywords, orgKind, achievementKind };
}

export interface ValidRow<K extends ImportKind> {
  line: number;
  data: z.infer<(typeof rowSchemas)[K]>;
  resolved: Resolved;
}

/** Checks parsed records (from JSONL or a sheet); every problem is returned, nothing is written. */
export function validateRecords<K extends ImportKind>(kind: K, rows: readonly { line: number; value: unknown }[], ref: ReferenceData) {
  const problems: ImportProblem[] = [];
  const valid: ValidRow<K>[] = [];
  const seenRefs = new Map<string, number>();
  for (const r of rows) {
    const parsed = rowSchemas[kind].safeParse(r.value);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const column = i.path.map(String).join('.') || '(record)';
        const value = i.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), r.value);
        problems.push({ row: r.line, column, value: value === undefined ? undefined : String(value).slice(0, 80), message: i.message });
      }
      continue;
    }
    const data = parsed.data as z.infer<(typeof rowSchemas)[K]>;
    const before = problems.length;
    const refValue = (data as { ref?: string }).ref;
    if (refValue) {
      const first = seenRefs.get(refValue);
      if (first) problems.push({ row: r.line, column: 'ref', value: refValue, message: `same ref as row ${first} / 与第 ${first} 行 ref 重复` });
      else seenRefs.set(refValue, r.line);
    }
    const resolved = resolveRow(kind, data as Record<string, unknown>, ref, r.line, problems);
    if (problems.length === before) valid.push({ line: r.line, data, resolved });
  }
  return { valid, problems };
}

/** Parses and checks a JSONL file; every problem is returned, nothing is written. */
export function validateJsonl<K extends ImportKind>(kind: K, text: string, ref: ReferenceData) {
  const { rows, errors } = readJsonl(text);
  const { valid, problems } = validateRecords(kind, rows, ref);
  for (const e of errors) problems.push({ row: e.line, column: '(line)', message: e.message });
  if (rows.length === 0 && errors.length === 0) problems.push({ row: 1, column: '(file)', message: 'the file has no records / 文件中没有记录' });
  problems.sort((a, b) => a.row - b.row);
  return { valid, problems, total: rows.length + errors.length };
}

/**
 * Imports a JSONL file into a registry. All-or-nothing by default: any problem refuses the file
 * (IMPORT_INVALID with every problem in `details`). With `skipInvalid` the valid rows are
 * imported and the others reported. Records with a known `ref` are updated, not duplicated.
 */
export async function importJsonl(deps: ImportDeps, ctx: RequestContext, kind: ImportKind, text: string, opts: ImportOptions = {}): Promise<ImportReport> {
  authorize(ctx.actor, createAction[kind]);
  opts.progress?.(0.05, 'validating / 校验中');
  const { valid, problems, total } = validateJsonl(kind, text, deps.reference);
  opts.progress?.(0.4, 'writing / 写入中');
  if (problems.length && !opts.skipInvalid) {
    throw new AppError('IMPORT_INVALID', { count: problems.length }, undefined, problems);
  }
  const written = await deps.db.transaction(async (tx) => repo.writeRows(tx as unknown as Database, ctx, kind, valid));
  opts.progress?.(0.9, 'indexing / 建立索引');
  await deps.syncIndex?.(engineKind[kind], written.ids.filter(Boolean));
  return { kind, rows: total, created: written.created, updated: written.updated, skipped: problems, ids: written.ids };
}
