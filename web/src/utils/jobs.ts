import { problemsOf, type Job } from '@/api/jobs';
import { i18n } from '@/locales';
import { localizeMessage } from './messages';
import { registryKinds, type RegistryKind } from '@/api/common';

/** `import.demands` → { action: 'import', registry: 'demands' }. */
export function parseJobKind(kind: string): { action: string; registry: RegistryKind | null } {
  const [action, registry] = kind.split('.');
  return { action, registry: (registryKinds as readonly string[]).includes(registry) ? (registry as RegistryKind) : null };
}

export function percent(job: Pick<Job, 'progress' | 'status'>): number {
  if (job.status === 'succeeded' || job.status === 'failed') return 100;
  return Math.max(0, Math.min(100, Math.round(job.progress * 100)));
}

/**
 * Why a job failed, in the reader's language. The server words the message in the language of
 * the user who started it; a refused import is worded here from its problem count.
 */
export function failureText(job: Job, locale: string): string {
  if (job.error?.code === 'IMPORT_INVALID') {
    const n = problemsOf(job).length;
    if (n) return i18n.global.t('imports.invalidSummary', { n });
  }
  return job.error ? localizeMessage(job.error.message, locale) : '';
}
