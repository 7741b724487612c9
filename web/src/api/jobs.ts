import { http } from './http';
import type { RegistryKind } from './common';

/** One problem of an import file: where it is and what is wrong (mirrors `ImportProblem`). */
export interface ImportProblem {
  /** spreadsheet row (header = 1) or JSONL line */
  row: number;
  column: string;
  value?: string;
  message: string;
}

/** What a finished import reports. */
export interface ImportResult {
  kind?: RegistryKind;
  rows: number;
  created: number;
  updated: number;
  /** rows left out (only with "import the valid rows") */
  skipped: ImportProblem[];
}

export interface JobError {
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
  /** an import's problem list */
  details?: unknown;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** Mirrors `jobSchema` in server/modules/jobs/job.routes.ts. */
export interface Job {
  id: number;
  /** e.g. `import.demands`, `export.experts` */
  kind: string;
  status: JobStatus;
  /** 0–1 */
  progress: number;
  message: string | null;
  result: unknown;
  error: JobError | null;
  /** a file can be downloaded: the export, or the annotated workbook of a failed import */
  hasFile: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function isFinished(job: Pick<Job, 'status'>): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

/** The problem list of a failed import (`error.details`), or of the rows a partial import skipped. */
export function problemsOf(job: Job): ImportProblem[] {
  const raw = job.status === 'failed' ? job.error?.details : (job.result as ImportResult | null)?.skipped;
  if (!Array.isArray(raw)) return [];
  return raw.filter((p): p is ImportProblem => !!p && typeof p === 'object' && 'row' in p && 'message' in p);
}

export function importResultOf(job: Job): ImportResult | null {
  const r = job.result as Partial<ImportResult> | null;
  if (!r || typeof r !== 'object' || typeof r.rows !== 'number') return null;
  return { kind: r.kind, rows: r.rows, created: r.created ?? 0, updated: r.updated ?? 0, skipped: Array.isArray(r.skipped) ? r.skipped : [] };
}

export const jobsApi = {
  mine: () => http.get<Job[]>('/jobs'),
  get: (id: number | string, signal?: AbortSignal) => http.get<Job>(`/jobs/${id}`, undefined, signal),
  /** Saves the job's file (export, annotated workbook) through the browser. */
  download: (id: number | string) => http.download(`/jobs/${id}/file`, `job-${id}`),
};
