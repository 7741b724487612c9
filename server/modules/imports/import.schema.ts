import { z } from 'zod';

/**
 * Row shapes of the JSONL import files (docs/import.md). Every record may carry `ref`, an
 * external id that is stored and returned in every result; re-importing the same ref updates.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional().nullable().transform((v) => v || undefined);
const words = z
  .union([z.array(z.string().trim().max(100)), z.string().max(2000)])
  .optional()
  .nullable()
  .transform((v) => (v == null ? [] : (Array.isArray(v) ? v : v.split(/[,，;；、|]/)).map((s) => s.trim()).filter(Boolean)));
const ref = z.union([z.string().trim().min(1).max(100), z.number().transform(String)]).optional();

export const publicationRow = z.object({
  title: text(500),
  abstract: optText(20_000),
  keywords: words,
  year: z.coerce.number().int().min(1900).max(2100).optional().nullable(),
  venue: optText(300),
  coauthors: words,
});

export const expertRow = z.object({
  ref,
  name: text(100),
  organization: optText(200),
  title: optText(100),
  disciplines: words,
  fields: words,
  bio: optText(10_000),
  email: z.email().optional().nullable(),
  phone: optText(40),
  region: optText(100),
  publications: z.array(publicationRow).max(2000).default([]),
});

export const achievementRow = z.object({
  ref,
  title: text(500),
  summary: text(20_000),
  keywords: words,
  discipline: optText(100),
  industry: optText(100),
  kind: optText(40),
  organization: optText(200),
  region: optText(100),
  maturity: z.coerce.number().int().min(1).max(9).optional().nullable(),
});

export const demandRow = z.object({
  ref,
  title: text(500),
  description: text(20_000),
  organization: optText(200),
  industry: optText(100),
  discipline: optText(100),
  keywords: words,
  region: optText(100),
  budget: z.coerce.number().min(0).optional().nullable(),
  list: optText(200),
});

export const organizationRow = z.object({
  ref,
  name: text(200),
  uscc: optText(18),
  kind: optText(40),
  region: optText(100),
  industry: optText(100),
  description: optText(20_000),
  website: optText(300),
});

export const importKinds = ['experts', 'achievements', 'demands', 'organizations'] as const;
export type ImportKind = (typeof importKinds)[number];

export const rowSchemas = {
  experts: expertRow,
  achievements: achievementRow,
  demands: demandRow,
  organizations: organizationRow,
} as const;

export interface ImportProblem {
  /** Line (JSONL) or spreadsheet row (header = 1). */
  row: number;
  column: string;
  value?: string;
  message: string;
}

export interface ImportReport {
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
  skipped: ImportProblem[];
  /** Database ids of the records written, in file order. */
  ids: number[];
}
