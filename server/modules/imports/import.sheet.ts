import type { Database } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize } from '../../auth/policy.js';
import { readSpreadsheet } from '../../documents/table/read.js';
import type { TableProblem } from '../../documents/table/validate.js';
import { annotateSpreadsheet } from '../../documents/xlsx/annotate.js';
import { headerLabel } from '../../documents/table/spec.js';
import type { ImportKind, ImportProblem, ImportReport } from './import.schema.js';
import { createActionOf, validateRecords, type ImportDeps, type ImportOptions } from './import.service.js';
import { sheets } from './sheets.js';
import * as repo from './import.repo.js';

/** An import refused for its problems, with the uploaded workbook marked where they are. */
export class ImportRefused extends AppError {
  constructor(problems: ImportProblem[], readonly annotated?: Buffer) {
    super('IMPORT_INVALID', { count: problems.length }, undefined, problems);
  }
}

const engineKind = { experts: 'expert', achievements: 'achievement', demands: 'demand', organizations: 'organization' } as const;

/** A sheet row's values as the JSONL record of the same registry (docs/import.md). */
function asRecord(kind: ImportKind, values: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'experts' && Array.isArray(values.publications)) {
    return { ...values, publications: (values.publications as string[]).map((title) => ({ title })) };
  }
  return values;
}

export interface SheetImportResult extends ImportReport {
  /** The upload with the skipped rows' cells marked (when rows were skipped). */
  annotated?: Buffer;
}

/**
 * Imports an XLSX or CSV upload into a registry, streaming the sheet. Cell problems (types, lists,
 * lengths) and record problems (unknown regions, duplicate refs) are collected together; any
 * problem refuses the whole file with a workbook marking each bad cell, unless `skipInvalid`.
 */
export async function importSheet(
  deps: ImportDeps,
  ctx: RequestContext,
  kind: ImportKind,
  input: Buffer,
  opts: ImportOptions & { filename?: string } = {},
): Promise<SheetImportResult> {
  authorize(ctx.actor, createActionOf(kind));
  const spec = sheets[kind];
  const locale = ctx.locale === 'en' ? 'en' : 'zh';
  const records: { line: number; value: unknown }[] = [];
  opts.progress?.(0.02, 'reading / 读取中');
  const report = await readSpreadsheet(input, spec, {
    filename: opts.filename,
    onRow: (r) => {
      if (!r.problems.length) records.push({ line: r.row, value: asRecord(kind, r.values as Record<string, unknown>) });
    },
    onProgress: (p) => p.fraction !== undefined && opts.progress?.(0.02 + 0.5 * p.fraction, 'reading / 读取中'),
  });
  if (report.fatal) throw new AppError('SPREADSHEET_UNREADABLE', { detail: report.fatal.message[locale] });
  if (report.rows === 0) throw new AppError('SPREADSHEET_UNREADABLE', { detail: locale === 'en' ? 'the sheet has no data rows' : '表格中没有数据行' });

  const { valid, problems: recordProblems } = validateRecords(kind, records, deps.reference);
  // Record problems name a field; the workbook wants the header and column the user sees.
  const where = new Map(report.header?.columns.map((c) => [c.key, c]) ?? []);
  const tableProblems: TableProblem[] = [
    ...report.problems,
    ...recordProblems.map((p) => {
      const key = p.column.split('.')[0];
      const c = where.get(key);
      const column = spec.columns.find((x) => x.key === key);
      return { row: p.row, key, column: c?.header ?? (column ? headerLabel(column, locale) : p.column), col: c?.col, value: p.value ?? '', message: { zh: p.message, en: p.message } };
    }),
  ].sort((a, b) => a.row - b.row || (a.col ?? 0) - (b.col ?? 0));
  const problems: ImportProblem[] = tableProblems.map((p) => ({ row: p.row, column: p.column, value: p.value, message: p.message[locale] }));

  let annotated: Buffer | undefined;
  if (tableProblems.length) {
    annotated = await annotateSpreadsheet(input, tableProblems, { spec, sheet: report.sheet, filename: opts.filename, locale });
    if (!opts.skipInvalid) throw new ImportRefused(problems, annotated);
  }
  opts.progress?.(0.55, 'writing / 写入中');
  const written = await deps.db.transaction(async (tx) => repo.writeRows(tx as unknown as Database, ctx, kind, valid));
  opts.progress?.(0.9, 'indexing / 建立索引');
  await deps.syncIndex?.(engineKind[kind], written.ids.filter(Boolean));
  return { kind, rows: report.rows, created: written.created, updated: written.updated, skipped: problems, ids: written.ids, annotated };
}
