import { http } from './http';
import type { RegistryKind } from './common';
import type { Job } from './jobs';

/** File types the import accepts (the server decides; this is what the picker offers). */
export const importExtensions = ['.xlsx', '.csv', '.jsonl'] as const;
export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const importsApi = {
  /** Uploads a file into a registry; the import runs as a job (202). */
  upload: (kind: RegistryKind, file: File, skipInvalid: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.upload<Job>(`/imports/${kind}`, form, { skipInvalid: skipInvalid ? 'true' : 'false' });
  },
  /** Saves the XLSX import template (headers, an example row, drop-downs, a notes sheet). */
  template: (kind: RegistryKind) => http.download(`/templates/${kind}`, `${kind}-template.xlsx`),
  /** Starts an export of the list as it is filtered; the job's file is the export. */
  export: (kind: RegistryKind, format: ExportFormat, filters: Record<string, string | number>) =>
    http.post<Job>(`/exports/${kind}`, { format, filters }),
};
