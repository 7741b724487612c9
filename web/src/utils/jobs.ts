import type { Job } from '@/api/jobs';
import { registryKinds, type RegistryKind } from '@/api/common';

/** `import.demands` → { action: 'import', registry: 'demands' }. */
export function parseJobKind(kind: string): { action: string; registry: RegistryKind | null } {
  const [action, registry] = kind.split('.');
  return { action, registry: (registryKinds as readonly string[]).includes(registry) ? (registry as RegistryKind) : null };
}

export function percent(job: Pick<Job, 'progress' | 'status'>): number {
  if (job.status === 'succeeded') return 100;
  return Math.max(0, Math.min(100, Math.round(job.progress * 100)));
}
